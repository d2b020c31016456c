// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/server/ServerLimits.h"

#include <QAbstractHttpServer>

#include <functional>

namespace ScimConsole::Core {

class ScimEngine;
class ServerWorker;

/// Translates HTTP into ScimRequest and ScimResponse back, synchronously (QHttpServer 6.4 crashes when an
/// asynchronous answer meets a client that has gone). Every path and method arrives here, so that wrong methods get
/// 405 with Allow and HEAD gets no body. The only class that sees QtHttpServer types. It applies the ServerLimits
/// once more to each parsed request: GuardedTcpServer sees the raw bytes of one request at a time, and the
/// requests pipelined behind it reach only this class.
class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFrontend)

public:
    HttpFrontend(ScimEngine &engine, ServerWorker &worker, const ServerLimits &limits, bool tls,
                 QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ScimEngine &m_engine;
    ServerWorker &m_worker;
    ServerLimits m_limits;
    bool m_tls;
};

} // namespace ScimConsole::Core
