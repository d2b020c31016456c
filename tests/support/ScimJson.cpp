// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "tests/support/ScimJson.h"

#include <QUrl>
#include <QtGlobal>

namespace ScimConsole::Test::Scim {

QJsonObject user(const QString &userName, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("schemas"), QJsonArray{UserSchema});
    body.insert(QStringLiteral("userName"), userName);
    return body;
}

QJsonObject group(const QString &displayName, const QStringList &memberIds)
{
    QJsonArray members;
    for (const QString &id : memberIds)
        members.append(QJsonObject{{QStringLiteral("value"), id}});
    QJsonObject body{{QStringLiteral("schemas"), QJsonArray{GroupSchema}},
                     {QStringLiteral("displayName"), displayName}};
    if (!members.isEmpty())
        body.insert(QStringLiteral("members"), members);
    return body;
}

QString filtered(const QString &collection, const QString &filter, const QString &more)
{
    return collection + QStringLiteral("?filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter)) + more;
}

QJsonObject op(const char *name, const QString &path, const QJsonValue &value)
{
    QJsonObject operation{{QStringLiteral("op"), QString::fromLatin1(name)}};
    if (!path.isEmpty())
        operation.insert(QStringLiteral("path"), path);
    if (!value.isUndefined())
        operation.insert(QStringLiteral("value"), value);
    return operation;
}

QJsonObject patch(const QJsonArray &operations)
{
    return {{QStringLiteral("schemas"), QJsonArray{PatchOp}}, {QStringLiteral("Operations"), operations}};
}

QJsonArray workValue(const QString &value, const QJsonValue &primary)
{
    QJsonObject element{{QStringLiteral("value"), value}, {QStringLiteral("type"), QStringLiteral("work")}};
    if (!primary.isUndefined())
        element.insert(QStringLiteral("primary"), primary);
    return {element};
}

bool isError(const HttpReply &reply, int status, const QString &scimType)
{
    const QJsonObject body = reply.json();
    const bool good = reply.status == status
                      && body.value(QStringLiteral("schemas"))
                             .toArray()
                             .contains(QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error"))
                      && body.value(QStringLiteral("status")).toString() == QString::number(status)
                      && (scimType.isEmpty() || body.value(QStringLiteral("scimType")).toString() == scimType)
                      && reply.header("Content-Type").startsWith("application/scim+json");
    if (!good)
        qWarning("expected SCIM error %d %s, got %d %s", status, qPrintable(scimType), reply.status,
                 reply.body.constData());
    return good;
}

} // namespace ScimConsole::Test::Scim
