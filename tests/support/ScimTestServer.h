// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/log/SyncLog.h"
#include "core/server/ScimServer.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <memory>

namespace ScimConsole::Test {

/// One HTTP exchange with the server under test.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const;
};

/// A fresh store with one application ready for SCIM — an organization "People" as its scope and sync target, the
/// SCIM permission on, one bearer token — and the real ScimServer on 127.0.0.1, on a free port.
class ScimTestServer
{
public:
    /// `limits` for the wire (the defaults unless given).
    explicit ScimTestServer(const Core::ServerLimits &limits = {});
    ~ScimTestServer();

    QString setupError() const { return m_error; }
    Core::Database &db() { return *m_database; }
    /// The store as `--db` or SCIM_CONSOLE_DB names it, for another process on the same store.
    QString storeSpec() const { return m_db->spec(); }
    Core::SyncLog &log() { return m_log; }
    QString appId() const { return m_appId; }
    QString orgId() const { return m_orgId; }
    QString token() const { return m_token; }
    QString base() const; // http://127.0.0.1:PORT/scim/v2/apps/<appId>
    quint16 port() const { return quint16(m_url.port()); }
    QString baseFor(const QString &appId) const;

    /// A request to `path` (relative to base(), or absolute), with this application's token unless `token` is set
    /// (NoToken sends no Authorization header at all).
    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QString &token = {});
    HttpReply get(const QString &path) { return send("GET", path); }
    HttpReply post(const QString &path, const QJsonObject &body)
    {
        return send("POST", path, QJsonDocument(body).toJson());
    }
    HttpReply put(const QString &path, const QJsonObject &body)
    {
        return send("PUT", path, QJsonDocument(body).toJson());
    }
    HttpReply patch(const QString &path, const QJsonObject &body)
    {
        return send("PATCH", path, QJsonDocument(body).toJson());
    }

    /// Starts a second server on the same store (as a second `serve` instance would be) and returns its base URL for
    /// this application, or an empty string if it cannot start.
    QString startSecondServer();

    /// POSTs a user with this userName (and `extra` attributes); returns its id, or an empty string.
    QString createUser(const QString &userName, const QJsonObject &extra = {});

    static inline const QString NoToken = QStringLiteral("<none>");
    /// Every test server has two workers (whatever the machine's cores), so that every test crosses threads.
    static constexpr int Workers = 2;

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Core::Database> m_database;
    Core::SyncLog m_log;
    std::unique_ptr<Core::ScimServer> m_server;
    std::unique_ptr<Core::ScimServer> m_second;
    QNetworkAccessManager m_nam;
    QUrl m_url;
    QString m_appId;
    QString m_orgId;
    QString m_token;
    QString m_error;
};

} // namespace ScimConsole::Test

/// Starts `server` (a ScimTestServer), failing the test if it cannot.
#define SCIM_START_TEST_SERVER(server)                                                                                 \
    ScimConsole::Test::ScimTestServer server;                                                                          \
    QVERIFY2(server.setupError().isEmpty(), qPrintable(server.setupError()))
