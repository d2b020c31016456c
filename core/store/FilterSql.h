// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/scim/Filter.h"
#include "core/store/ListQuery.h"
#include "core/store/SqlWhere.h"

#include <QVariantList>

#include <functional>
#include <optional>

namespace ScimConsole::Core {

/// How one SCIM attribute is stored: a column expression of the resource's row, or — for data in another table — a
/// predicate inside an EXISTS subquery.
///
/// A multi-valued attribute (emails, members) is resolved twice: its bare name ("emails") gives the *element scope*,
/// its sub-attributes ("emails.type") the columns inside one element. The element scope is either `exists` (one row
/// per element in another table) or, for an attribute the store keeps a single element of, `expression`, which is
/// NULL exactly when there is no element.
struct SqlColumn
{
    enum class Kind {
        Text,           // caseExact string
        TextIgnoreCase, // compared as scim_lower(expression): Unicode lower case on both backends
        FoldedKey,      // a column that already holds QString::toCaseFolded(); the value is folded the same way
        Boolean,        // 0/1 integer
        BooleanText,    // "true"/"false" text
        DateTime,       // milliseconds since the epoch
        Number,         // compared as a number (text cast to DOUBLE PRECISION)
    };

    SqlColumn(QString expression, Kind kind, QString exists = {}, QVariantList existsParams = {},
              QVariantList expressionParams = {}, bool multiValued = false)
        : expression(std::move(expression))
        , kind(kind)
        , exists(std::move(exists))
        , existsParams(std::move(existsParams))
        , expressionParams(std::move(expressionParams))
        , multiValued(multiValued)
    {}

    QString expression;
    Kind kind = Kind::Text;
    QString exists;                // when set: "EXISTS (… AND %1)", %1 being the predicate on `expression`
    QVariantList existsParams;     // bound before the predicate's own values
    QVariantList expressionParams; // bound at every use of `expression` (e.g. the base URL of meta.location)
    bool multiValued = false;      // the bare name of a multi-valued attribute: the element scope
};

/// Finds the storage of an attribute path, or nothing when the resource has no such attribute.
using ColumnResolver = std::function<std::optional<SqlColumn>(const AttributePath &)>;

/// Translates a filter into SQL (RFC 7644 §3.4.2.2 semantics):
/// - on a single-valued attribute, "ne" and "not" include resources where the attribute is absent;
/// - on a multi-valued attribute, `emails[inner]` matches when at least one element satisfies `inner`, so a resource
///   without elements never matches it, whatever `inner` says; `emails.type op v` is `emails[type op v]` and
///   `emails op v` is `emails[value op v]`; "not" outside the brackets negates the whole test;
/// - co/sw/ew are LIKE with escaped wildcards (SQLite connections run with case_sensitive_like on, so caseExact
///   stays exact on both backends); dateTime values compare as instants.
class FilterSql
{
public:
    static Result<SqlWhere> translate(const Filter &filter, const ColumnResolver &resolve);

    /// How a table keeps a stored attribute (AccountStore::column, GroupStore::column).
    using TableColumns = std::function<std::optional<SqlColumn>(const StoredAttribute &)>;
    /// `filter` on the table `columns` describes; "1 = 1" when it has no filter. An attribute the resolver or the
    /// table does not know, or a comparison its type does not allow, is ErrorCode::InvalidFilter.
    static Result<SqlWhere> translate(const ResourceFilter &filter, const TableColumns &columns);
    /// The ORDER BY of a list: the sort attribute (or the creation time), then the id for a stable order.
    static Result<QString> orderBy(const ListQuery &query, const TableColumns &columns, const QString &alias);
    /// Whether a list can be sorted by `attribute`: one value per row, in the row itself.
    static bool sortable(const std::optional<SqlColumn> &column);
    /// The attributes every resource table keeps alike (id and meta), for the table aliased `alias`.
    static std::optional<SqlColumn> commonColumn(const StoredAttribute &attribute, const QString &alias);
};

} // namespace ScimConsole::Core
