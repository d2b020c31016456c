// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"
#include "core/log/SyncEvent.h"
#include "core/scim/TokenEndpoint.h"
#include "core/server/ScimServer.h"

#include <QObject>

#include <memory>

namespace ScimConsole::Core {

class ConnectionLedger;
class Database;
class GuardedTcpServer;
class HttpFrontend;
class ScimEngine;
class ServerHousekeeper;

/// Lives on one server thread and owns everything there: the store connection, the engine, the listening server and
/// the sockets it accepted. The first worker (the acceptor) opens the listening socket; the others accept on a
/// duplicate of its socket. Everything else the server writes (the sync log, the presence record) is the
/// ServerHousekeeper's, on a thread of its own.
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
        ServerHousekeeper *housekeeper = nullptr; // stops after the workers
    };

    ServerWorker(const DatabaseLocation &database, const ServerOptions &options, Role role, const Shared &shared);
    ~ServerWorker() override;

    /// Opens the store, makes the engine and the HTTP front end, and listens: the acceptor on the options' address,
    /// a worker on `listening`, the acceptor's socket descriptor.
    void start(qintptr listening = -1);
    void shutdown();
    /// Hands the event to the housekeeper, which stores every worker's events in the order they were answered.
    /// Held while this worker's store has a group of transactions open (HttpFrontend::commitGroup hands them on):
    /// the housekeeper may be waiting for that group's write lock, and record() waits for the housekeeper once
    /// its backlog is full.
    void record(const SyncEvent &event);
    void recordHeld();
    /// The listening socket; valid once started() was emitted.
    qintptr listeningDescriptor() const;
    /// Reads the TLS certificate and key files again, for the connections accepted from now on.
    void reloadTls();

signals:
    void started(const QUrl &url);
    void failed(const ScimConsole::Core::Error &error);

private:
    DatabaseLocation m_location;
    ServerOptions m_options;
    Role m_role;
    Shared m_shared;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ScimEngine> m_engine;
    GuardedTcpServer *m_tcp = nullptr;
    HttpFrontend *m_http = nullptr;
    QList<SyncEvent> m_heldEvents;
};

} // namespace ScimConsole::Core
