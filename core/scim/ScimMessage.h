// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <utility>

namespace ScimConsole::Core {

/// One SCIM call as the protocol engine sees it: no sockets, no HTTP library types.
struct ScimRequest
{
    QString method; // GET, HEAD, POST, PUT, PATCH, DELETE
    QString appId;
    QString path; // below the application's base: "/Users", "/Users/<id>", "/Schemas/<urn>"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QByteArray authorization;
    QByteArray ifMatch;
    QByteArray ifNoneMatch;
    QString baseUrl; // scheme://host:port/scim/v2/apps/<appId>
    QString clientAddress;
};

/// The engine's answer, and what the sync log records about it.
struct ScimResponse
{
    int status = 200;
    QByteArray body; // application/scim+json; empty for 204 and 304
    QList<std::pair<QByteArray, QByteArray>> headers;

    QString scimType;
    QString detail;
    QString resourceId;
    QString tokenPrefix;
    QStringList notes;    // ignored attributes, dialect rewrites, warnings
    QString organization; // ScimEngine::preview: the path of the organization the user lands in

    void setHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
};

} // namespace ScimConsole::Core
