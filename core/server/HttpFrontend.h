// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/log/SyncLog.h"
#include "core/scim/ScimMessage.h"
#include "core/server/ServerLimits.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QPointer>

#include <functional>

namespace ScimConsole::Core {

class Database;
class GuardedTcpServer;
class ScimEngine;
class ServerWorker;

/// Translates HTTP into ScimRequest and ScimResponse back. The engine answers synchronously; never through a
/// QHttpServerResponder kept for later (QHttpServer 6.4 crashes when such an answer meets a client that has gone).
/// Every path and method arrives here, so that wrong methods get 405 with Allow and HEAD gets no body. The only
/// class that sees QtHttpServer types. It applies the ServerLimits once more to each parsed request:
/// GuardedTcpServer sees the raw bytes of one request at a time, and the requests pipelined behind it reach only
/// this class.
///
/// Builds against QHttpServer 6.4 and 6.8, whose handler interfaces differ (6.8 passes a responder instead of the
/// socket). Both answer the same way: the bytes of GuardedTcpServer::response() written to the connection's socket,
/// because 6.8's responder adds a Content-Length to every answer, 204 and 304 included (RFC 9110 §8.6 forbids it).
///
/// Group commit (issue 12): the store's transactions of the requests that arrive together are committed at once
/// (Database::enableGroupCommit). While a group is open, answers are held, in the order they were made, and written
/// once it is committed — or, if its commit failed, replaced by the store's 500 — so that no client hears of a
/// change that is not stored, and each connection's answers keep the order of its requests. A held answer goes to
/// the socket through a QPointer: a client that has gone meanwhile gets nothing.
class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFrontend)

public:
    /// Serves the connections of `tcp`, which must be listening (bind() follows).
    HttpFrontend(ScimEngine &engine, Database &db, ServerWorker &worker, GuardedTcpServer &tcp, bool tls,
                 QObject *parent = nullptr);

    /// Commits the store's open group of transactions, if any, and sends the answers held for it.
    void commitGroup();

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    void answer(const QHttpServerRequest &request, QTcpSocket &socket);
    /// Writes the answer and files its sync-log event, whose latency ends here.
    void send(QTcpSocket *socket, const ScimResponse &response, SyncEvent &event, const QElapsedTimer &clock);

    struct HeldAnswer
    {
        QPointer<QTcpSocket> socket;
        ScimResponse response;
        SyncEvent event;
        QElapsedTimer clock;
    };

    ScimEngine &m_engine;
    Database &m_db;
    ServerWorker &m_worker;
    GuardedTcpServer &m_tcp;
    const ServerLimits m_limits;
    bool m_tls;
    QList<HeldAnswer> m_held; // while the store's group of transactions is open
    bool m_commitQueued = false;
};

} // namespace ScimConsole::Core
