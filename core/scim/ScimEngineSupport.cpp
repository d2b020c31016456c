// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/ScimEngineSupport.h"

#include "core/log/Logging.h"
#include "core/scim/Discovery.h"
#include "core/scim/ScimSchemas.h"
#include "core/store/Database.h"

#include <QJsonArray>

namespace ScimConsole::Core::EngineSupport {

namespace {
constexpr int DefaultCount = 100;
const QByteArray ScimJson = QByteArrayLiteral("application/scim+json; charset=utf-8");

ScimResponse json(int status, const QJsonDocument &document)
{
    return EngineSupport::json(status, document.toJson(QJsonDocument::Compact));
}
} // namespace

ScimResponse json(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object));
}

ScimResponse json(int status, QByteArray body)
{
    ScimResponse response;
    response.status = status;
    response.body = std::move(body);
    response.setHeader(QByteArrayLiteral("Content-Type"), ScimJson);
    return response;
}

ScimResponse failure(const ScimError &error)
{
    ScimResponse response = json(error.status, error.toJson());
    response.scimType = error.scimType;
    response.detail = error.detail;
    if (error.status == 401)
        response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"SCIM\""));
    return response;
}

ScimError storeFailure(const Error &error)
{
    if (error.code == ErrorCode::Database || error.code == ErrorCode::Io)
        qCWarning(lcScim) << "store error:" << error.detail;
    return ScimError::fromError(error);
}

QByteArray etagOf(qint64 version)
{
    return QByteArrayLiteral("W/\"") + QByteArray::number(version) + '"';
}

/// If-Match: "*" or a list of entity tags; weak and strong forms of our version both match.
bool ifMatchAllows(const QByteArray &header, qint64 version)
{
    if (header.isEmpty())
        return true;
    for (QByteArray tag : header.split(',')) {
        tag = tag.trimmed();
        if (tag == "*" || tag == etagOf(version) || tag == '"' + QByteArray::number(version) + '"')
            return true;
    }
    return false;
}

std::optional<ScimError> checkIfMatch(const ScimRequest &request, qint64 version, const char *resource)
{
    if (ifMatchAllows(request.ifMatch, version))
        return std::nullopt;
    return ScimError{412,
                     {},
                     QStringLiteral("The %1 has changed: its version is %2.")
                         .arg(QLatin1StringView(resource), QString::fromLatin1(etagOf(version)))};
}

ScimResponse commitIfSucceeded(Transaction &tx, ScimResponse response)
{
    if (response.status >= 300)
        return response;
    if (const Status committed = tx.commit(); !committed)
        return failure(storeFailure(committed.error()));
    return response;
}

ScimResponse withResource(ScimResponse response, const QString &location, qint64 version, const QString &id)
{
    response.setHeader(QByteArrayLiteral("Location"), location.toUtf8());
    response.setHeader(QByteArrayLiteral("ETag"), etagOf(version));
    response.resourceId = id;
    return response;
}

Result<QJsonObject, ScimError> parseBody(const ScimRequest &request)
{
    const QByteArray type = request.contentType.split(';').first().trimmed().toLower();
    if (!type.isEmpty() && type != "application/scim+json" && type != "application/json")
        return ScimError{
            415,
            {},
            QStringLiteral("Send application/scim+json or application/json, not %1.").arg(QString::fromLatin1(type))};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return ScimError::invalidSyntax(
            QStringLiteral("The body is not valid JSON: %1 at offset %2.").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return ScimError::invalidSyntax(QStringLiteral("The body must be a JSON object."));
    return document.object();
}

QString queryValue(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

namespace {

Result<Paging, ScimError> parsePaging(const QUrlQuery &query)
{
    Paging paging;
    paging.count = DefaultCount;
    const auto number = [&](const char *name, int &target) -> std::optional<ScimError> {
        const QString text = query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
        if (text.isEmpty())
            return std::nullopt;
        bool numeric = false;
        const int value = text.toInt(&numeric);
        if (!numeric)
            return ScimError::invalidValue(QStringLiteral("%1 must be an integer.").arg(QLatin1StringView(name)));
        target = value;
        return std::nullopt;
    };
    if (auto e = number("startIndex", paging.startIndex))
        return *e;
    if (auto e = number("count", paging.count))
        return *e;
    paging.startIndex = std::max(1, paging.startIndex);
    paging.count = std::clamp(paging.count, 0, Discovery::MaxResults);
    return paging;
}

/// sortBy and sortOrder (RFC 7644 §3.4.2.3); no sortBy: creation order.
std::optional<ScimError> parseSort(const QUrlQuery &query, const AttributeResolver &resolve,
                                   const std::function<bool(const StoredAttribute &)> &sortable, ListQuery &list)
{
    const QString sortBy = queryValue(query, "sortBy");
    const QString sortOrder = queryValue(query, "sortOrder");
    list.descending = sortOrder.compare(u"descending", Qt::CaseInsensitive) == 0;
    if (!sortOrder.isEmpty() && !list.descending && sortOrder.compare(u"ascending", Qt::CaseInsensitive) != 0)
        return ScimError::invalidValue(QStringLiteral("sortOrder is ascending or descending."));
    if (sortBy.isEmpty())
        return std::nullopt;
    Result<AttributePath, ScimError> path = AttributePath::parse(sortBy);
    if (!path)
        return path.error();
    list.sortBy = resolve(path.value());
    if (!list.sortBy || !sortable(*list.sortBy))
        return ScimError::invalidValue(QStringLiteral("Cannot sort by \"%1\".").arg(sortBy));
    return std::nullopt;
}

} // namespace

Result<ListRequest, ScimError> parseListQuery(const QUrlQuery &query, const AttributeResolver &resolve,
                                              const std::function<bool(const StoredAttribute &)> &sortable)
{
    ListRequest list;
    list.query.filter.resolve = resolve;
    if (const QString text = queryValue(query, "filter"); !text.isEmpty()) {
        Result<FilterPtr, ScimError> filter = Filter::parse(text);
        if (!filter)
            return filter.error();
        list.query.filter.tree = filter.value();
    }
    const Result<Paging, ScimError> paging = parsePaging(query);
    if (!paging)
        return paging.error();
    list.startIndex = paging->startIndex;
    list.query.offset = paging->startIndex - 1;
    list.query.limit = paging->count;
    if (auto error = parseSort(query, resolve, sortable, list.query))
        return *error;
    Result<Projection, ScimError> projection =
        Projection::parse(queryValue(query, "attributes"), queryValue(query, "excludedAttributes"));
    if (!projection)
        return projection.error();
    list.projection = projection.value();
    return list;
}

} // namespace ScimConsole::Core::EngineSupport
