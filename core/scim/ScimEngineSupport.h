// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

// Helpers shared by the ScimEngine translation units. Internal to core/scim.

#include "core/Result.h"
#include "core/scim/JsonWriter.h"
#include "core/scim/Projection.h"
#include "core/scim/ScimSchemas.h"
#include "core/scim/ScimError.h"
#include "core/scim/ScimMessage.h"
#include "core/store/Database.h"
#include "core/store/ListQuery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace ScimConsole::Core::EngineSupport {

ScimResponse json(int status, const QJsonObject &object);
ScimResponse failure(const ScimError &error);
ScimError storeFailure(const Error &error);
QByteArray etagOf(qint64 version);
bool ifMatchAllows(const QByteArray &header, qint64 version);
/// 412 when the request's If-Match does not name `version` of the `resource` ("user", "group").
std::optional<ScimError> checkIfMatch(const ScimRequest &request, qint64 version, const char *resource);
/// Commits `tx` when `response` is a success; a commit that fails becomes the response.
ScimResponse commitIfSucceeded(Transaction &tx, ScimResponse response);
ScimResponse withResource(ScimResponse response, const QString &location, qint64 version, const QString &id);
Result<QJsonObject, ScimError> parseBody(const ScimRequest &request);

struct Paging
{
    int startIndex = 1;
    int count = 100;
};
QString queryValue(const QUrlQuery &query, const char *name);
/// A response whose body is JSON already written.
ScimResponse json(int status, QByteArray body);
/// A ListResponse (RFC 7644 §3.4.2) written straight: `write(item, json)` writes each of `items`.
template <typename Range, typename Write>
ScimResponse listResponse(qint64 total, int startIndex, const Range &items, Write write)
{
    QByteArray body;
    JsonWriter json(body);
    json.beginObject()
        .key(u"schemas")
        .beginArray()
        .value(ScimSchemas::ListResponse)
        .endArray()
        .field(u"totalResults", total)
        .field(u"startIndex", startIndex)
        .field(u"itemsPerPage", qint64(items.size()))
        .key(u"Resources")
        .beginArray();
    for (const auto &item : items)
        write(item, json);
    json.endArray().endObject();
    return EngineSupport::json(200, std::move(body));
}

/// Everything a list request asks for: the page the store reads (filter, order, offset) and the projection.
struct ListRequest
{
    ListQuery query;
    int startIndex = 1;
    Projection projection;
};
/// `resolve` finds where the resource's attributes are stored; `sortable` says whether the store can sort by one.
Result<ListRequest, ScimError> parseListQuery(const QUrlQuery &query, const AttributeResolver &resolve,
                                              const std::function<bool(const StoredAttribute &)> &sortable);
/// The row a write changes: its table and id. Locked before the resource is read, so that on PostgreSQL two
/// instances cannot both read version n and both write n + 1 (If-Match defeated, group members lost); on SQLite the
/// transaction's write lock already serialises writers.
struct WrittenRow
{
    QString table;
    QString id;
};

/// The frame of every PUT and PATCH: the body, one transaction, the row locked, the resource as the application sees
/// it (`find`), If-Match; `write(body, current)` makes the response, and the transaction commits when it is a success.
/// `prepare(body)` runs before the transaction begins: work that must not hold the store's write lock (hashing).
template <typename Resource, typename Find, typename Write, typename Prepare>
ScimResponse modifyResource(Database &db, const ScimRequest &request, const char *name, const WrittenRow &row,
                            Find find, Write write, Prepare prepare)
{
    const Result<QJsonObject, ScimError> body = parseBody(request);
    if (!body)
        return failure(body.error());
    prepare(body.value());
    Transaction tx(db);
    if (!tx)
        return failure(storeFailure(tx.error()));
    if (const Status locked = tx.lockRow(row.table, row.id); !locked)
        return failure(storeFailure(locked.error()));
    const Result<Resource, ScimError> current = find();
    if (!current)
        return failure(current.error());
    if (auto error = checkIfMatch(request, current->version, name))
        return failure(*error);
    return commitIfSucceeded(tx, write(body.value(), current.value()));
}

template <typename Resource, typename Find, typename Write>
ScimResponse modifyResource(Database &db, const ScimRequest &request, const char *name, const WrittenRow &row,
                            Find find, Write write)
{
    return modifyResource<Resource>(db, request, name, row, find, write, [](const QJsonObject &) {});
}

} // namespace ScimConsole::Core::EngineSupport
