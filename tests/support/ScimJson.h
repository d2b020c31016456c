// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

/// SCIM request bodies and answer checks shared by the end-to-end tests.
namespace ScimConsole::Test::Scim {

inline const QString UserSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User");
inline const QString GroupSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:Group");
inline const QString Enterprise = QStringLiteral("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
inline const QString PatchOp = QStringLiteral("urn:ietf:params:scim:api:messages:2.0:PatchOp");

/// A User body: `extra` attributes plus schemas and userName.
QJsonObject user(const QString &userName, const QJsonObject &extra = {});
/// A Group body with these member ids.
QJsonObject group(const QString &displayName, const QStringList &memberIds = {});
/// `collection?filter=<filter, percent-encoded>` followed by `more` ("&count=10").
QString filtered(const QString &collection, const QString &filter, const QString &more = {});
/// One PATCH operation; an empty path is left out, an undefined value too.
QJsonObject op(const char *name, const QString &path, const QJsonValue &value);
QJsonObject patch(const QJsonArray &operations);
/// [{"value": value, "type": "work"}], with "primary" when it is defined.
QJsonArray workValue(const QString &value, const QJsonValue &primary = QJsonValue(QJsonValue::Undefined));
/// The answer is a SCIM error body with this status (and scimType, when given); says what it got otherwise.
bool isError(const HttpReply &reply, int status, const QString &scimType = {});

} // namespace ScimConsole::Test::Scim
