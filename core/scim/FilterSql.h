#pragma once

#include "core/Result.h"
#include "core/scim/Filter.h"
#include "core/store/SqlWhere.h"

#include <QVariantList>

#include <functional>
#include <optional>

namespace ScimConsole::Core {

/// How one SCIM attribute is stored: a column expression of the resource's row, or — for multi-valued data in
/// another table — a predicate inside an EXISTS subquery.
struct SqlColumn
{
    enum class Kind {
        Text,           // caseExact string
        TextIgnoreCase, // compared as LOWER(expression)
        FoldedKey,      // a column that already holds QString::toCaseFolded(); the value is folded the same way
        Boolean,        // 0/1 integer
        BooleanText,    // "true"/"false" text
        DateTime,       // milliseconds since the epoch
        Number,         // compared as a number (text cast to DOUBLE PRECISION)
    };

    QString expression;
    Kind kind = Kind::Text;
    QString exists;            // when set: "EXISTS (… AND %1)", %1 being the predicate on `expression`
    QVariantList existsParams; // bound before the predicate's own values
};

/// Finds the storage of an attribute path, or nothing when the resource has no such attribute.
using ColumnResolver = std::function<std::optional<SqlColumn>(const AttributePath &)>;

/// Translates a filter into SQL (RFC 7644 §3.4.2.2 semantics): "ne" and "not" include rows where the attribute is
/// absent; co/sw/ew are LIKE with escaped wildcards (SQLite connections run with case_sensitive_like on, so
/// caseExact stays exact on both backends); dateTime values compare as instants.
class FilterSql
{
public:
    static Result<SqlWhere, ScimError> translate(const Filter &filter, const ColumnResolver &resolve);
};

} // namespace ScimConsole::Core
