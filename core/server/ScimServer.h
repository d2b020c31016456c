// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "core/server/ServerLimits.h"
#include "core/store/DatabaseLocation.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>
#include <QUrl>

namespace ScimConsole::Core {

class SyncLog;
class ServerHousekeeper;
class ServerWorker;

struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;         // 0 picks a free port
    QString tlsCertificatePath;  // PEM
    QString tlsKeyPath;          // PEM, RSA or EC
    bool allowPlainHttp = false; // on a non-loopback address
    ServerLimits limits;
    static constexpr int MaxWorkers = 64;
    int workers = 0; // threads that serve requests, each with its own store connection; 0: one per core
    int logFlushMs = 250;
    int hashingMemoryIdleMs = 5000; // password hashing's buffers unused this long go back to the system

    /// "127.0.0.1:8080", "[::1]:8443", "0.0.0.0:443" into address and port; false when it is none of those.
    bool setListen(const QString &addressAndPort);
};

/// The embedded SCIM 2.0 server. It runs on threads of its own — `workers` of them, each with its own database
/// connection, ScimEngine and HTTP front end, all accepting on one listening socket — so that the GUI thread never
/// waits on a request and one slow request does not stall the others. Every
/// request becomes one SyncEvent: appended to `log` (if given) and persisted in batches.
///
/// start() returns at once; started() or failed() follows. stop() lets the requests being handled finish, flushes
/// the log, closes the store and joins the threads.
class ScimServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScimServer)

public:
    ScimServer(const DatabaseLocation &database, const ServerOptions &options, SyncLog *log = nullptr,
               QObject *parent = nullptr);
    ~ScimServer() override;

    /// The options must be safe: a non-loopback address needs TLS unless plain HTTP is explicitly allowed.
    static Status validate(const ServerOptions &options);

    void start();
    void stop();
    /// Reads the TLS certificate and key files again (renewed in place): connections accepted afterwards use them,
    /// open ones keep theirs. A file that no longer loads leaves the running certificate in use, with a warning.
    void reloadTls();
    bool isRunning() const { return !m_workers.isEmpty(); }
    QUrl url() const { return m_url; }
    /// How many workers `options` asks for, with 0 resolved to the number of cores.
    static int workerCount(const ServerOptions &options);

signals:
    void started(const QUrl &url);
    void failed(const ScimConsole::Core::Error &error);

private:
    DatabaseLocation m_database;
    ServerOptions m_options;
    SyncLog *m_log;
    QList<QThread *> m_threads;
    ServerHousekeeper *m_housekeeper = nullptr;
    QList<ServerWorker *> m_workers; // the acceptor first
    int m_workersStarting = 0;
    QUrl m_url;
};

} // namespace ScimConsole::Core

Q_DECLARE_METATYPE(ScimConsole::Core::Error)
