#pragma once

// Helpers shared by the ScimEngine translation units. Internal to core/scim.

#include "core/Result.h"
#include "core/scim/FilterSql.h"
#include "core/scim/ScimError.h"
#include "core/scim/ScimMessage.h"
#include "core/store/SqlWhere.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace ScimConsole::Core::EngineSupport {

ScimResponse json(int status, const QJsonObject &object);
ScimResponse failure(const ScimError &error);
ScimError storeFailure(const Error &error);
QByteArray etagOf(qint64 version);
bool ifMatchAllows(const QByteArray &header, qint64 version);
ScimResponse withResource(ScimResponse response, const QString &location, qint64 version, const QString &id);
Result<QJsonObject, ScimError> parseBody(const ScimRequest &request);

struct Paging
{
    int startIndex = 1;
    int count = 100;
};
Result<Paging, ScimError> parsePaging(const QUrlQuery &query);
QString queryValue(const QUrlQuery &query, const char *name);
Result<QString, ScimError> orderBy(const QUrlQuery &query, const ColumnResolver &resolve, const QString &alias);
Result<SqlWhere, ScimError> listWhere(const QUrlQuery &query, const ColumnResolver &resolve, const SqlWhere &scope);
QJsonObject listResponse(qint64 total, int startIndex, const QJsonArray &resources);

} // namespace ScimConsole::Core::EngineSupport
