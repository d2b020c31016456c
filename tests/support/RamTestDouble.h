// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ram/PushPlan.h"
#include "core/ram/RamProfile.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QSet>

#include <functional>
#include <optional>

class QTcpServer;

namespace ScimConsole::Test {

/// A stand-in for Alibaba Cloud RAM's OAuth and SCIM endpoints, behaving as DOMAIN.md section R says the real ones
/// do: client-credentials tokens with Basic auth and a string expires_in, 401 for a missing or expired token, only
/// eq/and filters on id, userName and externalId (anything else 400 invalidFilter), 30 users a page by default,
/// no PATCH, 409 for a taken userName (compared ignoring case), 204 on delete. Faults can be switched on: 429 or 503
/// with Retry-After every Nth request, latency, deletes refused for chosen users, and answers lost on the way
/// back (the write done, the connection dropped — a network failure at the worst moment).
class RamTestDouble final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct Options
    {
        QString clientId = QStringLiteral("ram-client-id");
        QString secret;
        int tokenLifetimeSeconds = 3599;
        QString scope = QStringLiteral("/acs/scim"); // what a token answer names
        int pageSize = 30;
        int faultEvery = 0; // 0: no faults
        int faultStatus = 503;
        int retryAfterSeconds = 0;
        int latencyMs = 0;
        QString redirectTo;        // set: every SCIM request is answered 307 to this base URL plus its path
        int loseAnswerEvery = 0;   // every Nth SCIM POST is carried out and its connection dropped unanswered
        QSet<QString> undeletable; // userNames whose DELETE is refused (they hold AccessKeys, R-12)
    };

    explicit RamTestDouble(const Options &options, QObject *parent = nullptr);

    /// Starts listening on 127.0.0.1; false when it cannot.
    bool start();
    QString tokenUrl() const;
    QString scimUrl() const;
    /// A push profile for this double: its endpoints and client id (not saved, no source chosen).
    Core::RamProfile profile(const QString &name = QStringLiteral("test")) const;
    Options &options() { return m_options; }

    QHash<QString, Core::RamUser> users; // by id
    /// Adds a user as the RAM console would make it (no externalId unless given).
    QString addUser(const QString &userName, const QString &externalId = {});
    void expireTokens() { m_tokens.clear(); }

    int tokensIssued = 0;
    QList<QByteArray> authorizations; // the Authorization header of every request received
    int faultsInjected = 0;
    int answersLost = 0;
    int answersSent = 0;          // written to their connections, after Options::latencyMs
    QHash<QString, int> requests; // "POST", "PUT", "DELETE", "GET" → SCIM requests answered (faults excluded)
    int writes() const
    {
        return requests.value(QStringLiteral("POST")) + requests.value(QStringLiteral("PUT"))
               + requests.value(QStringLiteral("DELETE"));
    }

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    /// The answer to `request`, or none when it is to be lost (Options::loseAnswerEvery).
    std::optional<Answer> respond(const QHttpServerRequest &request);
    /// Sends an answer after Options::latencyMs, without blocking the double's thread; not once `connection` is gone.
    void later(QObject *connection, std::function<void()> send);
    Answer token(const QHttpServerRequest &request);
    Answer scim(const QHttpServerRequest &request, const QString &path);
    Answer listUsers(const QHttpServerRequest &request);
    static Answer error(int status, const QString &detail, const QString &scimType = {});
    QJsonObject toJson(const Core::RamUser &user) const;

    Options m_options;
    QTcpServer *m_tcp = nullptr;
    QHash<QString, QDateTime> m_tokens; // token → expiry
    int m_requestCount = 0;
    int m_postCount = 0;
    int m_nextId = 1;
};

} // namespace ScimConsole::Test
