// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"
#include "core/log/SyncEvent.h"
#include "core/scim/TokenEndpoint.h"
#include "core/server/ScimServer.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace ScimConsole::Core {

class ConnectionLedger;
class Database;
class GuardedTcpServer;
class HttpFrontend;
class ScimEngine;

/// Lives on one server thread and owns everything there: the store connection, the engine, the listening server and
/// the sockets it accepted, the sync-log events not yet stored. The first worker (the acceptor) opens the listening
/// socket, keeps the presence record and prunes; the others accept on a duplicate of its socket.
class ServerWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerWorker)

public:
    enum class Role { Acceptor, Worker };
    /// What the workers of one server count together.
    struct Shared
    {
        std::shared_ptr<ConnectionLedger> connections;
        std::shared_ptr<TokenEndpoint::Failures> tokenFailures;
    };

    ServerWorker(const DatabaseLocation &database, const ServerOptions &options, SyncLog *log, Role role,
                 const Shared &shared);
    ~ServerWorker() override;

    /// Opens the store, makes the engine and the HTTP front end, and listens: the acceptor on the options' address,
    /// a worker on `listening`, the acceptor's socket descriptor.
    void start(qintptr listening = -1);
    void shutdown();
    /// Keeps the event for the sync log. A worker hands it to the acceptor, which stores every worker's events in the
    /// order they were answered, and appends them to the live log in that order.
    void record(const SyncEvent &event);
    /// For a worker: the acceptor; set before the threads start.
    void setLogKeeper(ServerWorker *acceptor) { m_logKeeper = acceptor; }
    /// The listening socket; valid once started() was emitted.
    qintptr listeningDescriptor() const;
    /// Reads the TLS certificate and key files again, for the connections accepted from now on.
    void reloadTls();

signals:
    void started(const QUrl &url);
    void failed(const ScimConsole::Core::Error &error);

private:
    void flushLog();
    void writePresence();
    void pruneLog();

    DatabaseLocation m_location;
    ServerOptions m_options;
    SyncLog *m_log;
    Role m_role;
    Shared m_shared;
    ServerWorker *m_logKeeper = nullptr;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ScimEngine> m_engine;
    GuardedTcpServer *m_tcp = nullptr;
    HttpFrontend *m_http = nullptr;
    QList<SyncEvent> m_pending;
    QTimer m_flushTimer;
    QTimer m_presenceTimer;
    QTimer m_pruneTimer;
    QUrl m_url;
};

} // namespace ScimConsole::Core
