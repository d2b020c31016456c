// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/server/ServerLimits.h"

#include <QAbstractHttpServer>

#include <functional>

namespace ScimConsole::Core {

class GuardedTcpServer;
class ScimEngine;
class ServerWorker;

/// Translates HTTP into ScimRequest and ScimResponse back, synchronously (QHttpServer 6.4 crashes when an
/// asynchronous answer meets a client that has gone). Every path and method arrives here, so that wrong methods get
/// 405 with Allow and HEAD gets no body. The only class that sees QtHttpServer types. It applies the ServerLimits
/// once more to each parsed request: GuardedTcpServer sees the raw bytes of one request at a time, and the
/// requests pipelined behind it reach only this class.
///
/// Builds against QHttpServer 6.4 and 6.8, whose handler interfaces differ (6.8 passes a responder instead of the
/// socket). Both answer the same way: the bytes of GuardedTcpServer::response() written to the connection's socket,
/// because 6.8's responder adds a Content-Length to every answer, 204 and 304 included (RFC 9110 §8.6 forbids it).
class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFrontend)

public:
    /// Serves the connections of `tcp`, which must be listening (bind() follows).
    HttpFrontend(ScimEngine &engine, ServerWorker &worker, GuardedTcpServer &tcp, bool tls, QObject *parent = nullptr);

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

    ScimEngine &m_engine;
    ServerWorker &m_worker;
    GuardedTcpServer &m_tcp;
    const ServerLimits m_limits;
    bool m_tls;
};

} // namespace ScimConsole::Core
