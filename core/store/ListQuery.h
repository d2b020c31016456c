// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/ExtensionField.h"
#include "core/scim/AttributePath.h"
#include "core/scim/Filter.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ScimConsole::Core {

/// Where the store keeps an attribute a filter or a sort names. The SCIM engine resolves an attribute path to it (it
/// knows the schemas, the names and an application's mapping); the store alone turns it into SQL.
struct StoredAttribute
{
    enum class Field {
        // Every resource
        Id,
        ExternalId,
        DisplayName,
        Created,
        Modified,
        Version,      // the entity tag, W/"n"
        ResourceType, // `argument`, a constant of the endpoint
        Location,     // `argument` followed by the id
        // Accounts
        UserName,
        GivenName,
        FamilyName,
        FormattedName,
        Active,
        PhoneRegion,
        Email,
        EmailPrimary,
        PhoneNumber,
        PhonePrimary,
        WorkType, // the type of the one email and the one phone number the directory keeps: "work"
        OrganizationId,
        Extension, // the value of the extension field named `argument`, compared as `type`
        Groups,    // the groups an account is a member of; only those in the scope of application `argument`, if set
        // Groups
        Member,
        MemberType, // `argument`, for every member
        MemberRef,  // `argument` followed by the member's id
    };

    Field field = Field::Id;
    /// The bare name of a multi-valued attribute (emails, phoneNumbers, groups, members): the scope of one element.
    bool element = false;
    QString argument;
    FieldType type = FieldType::String;
};

/// Finds where an attribute path is stored, or nothing when the resource has no such attribute.
using AttributeResolver = std::function<std::optional<StoredAttribute>(const AttributePath &)>;

/// A SCIM filter and how to read its attribute paths.
struct ResourceFilter
{
    FilterPtr tree; // none: every resource
    AttributeResolver resolve;
};

/// A page of a list: what the SCIM engine asks the store for, typed (RFC 7644 §3.4.2).
struct ListQuery
{
    ResourceFilter filter;
    std::optional<StoredAttribute> sortBy; // none: creation order
    bool descending = false;
    int offset = 0;
    int limit = 100;
    bool withTotal = true; // count every match, or leave ListPage::total at -1
};

template <typename T>
struct ListPage
{
    QList<T> items;
    qint64 total = -1;
};

/// The page `query` asks for: the items from `read()` unless the page lies beyond the end (count=0 asks for the total
/// alone), the total from `count()` when it wants one. A first page shorter than the limit is every match, so its
/// length is the total and nothing is counted (issue 12: a `userName eq` filter is one statement, not two).
template <typename T, typename Count, typename Read>
Result<ListPage<T>> readPage(const ListQuery &query, Count count, Read read)
{
    ListPage<T> page;
    const auto readItems = [&]() -> Status {
        Result<QList<T>> items = read();
        if (!items)
            return items.error();
        page.items = std::move(items).value();
        return ok();
    };
    if (query.offset == 0 && query.limit > 0) {
        if (const Status done = readItems(); !done)
            return done.error();
        if (!query.withTotal)
            return page;
        if (page.items.size() < query.limit) {
            page.total = page.items.size();
            return page;
        }
    }
    if (query.withTotal) {
        const Result<qint64> total = count();
        if (!total)
            return total.error();
        page.total = total.value();
        if (page.total <= query.offset)
            return page;
    }
    if (query.limit <= 0 || query.offset == 0)
        return page;
    if (const Status done = readItems(); !done)
        return done.error();
    return page;
}

} // namespace ScimConsole::Core
