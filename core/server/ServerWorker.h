#pragma once

#include "core/Error.h"
#include "core/log/SyncEvent.h"
#include "core/server/ScimServer.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace ScimConsole::Core {

class Database;
class GuardedTcpServer;
class HttpFrontend;
class ScimEngine;

/// Lives on the server thread and owns everything there: the store connection, the engine, the sockets.
class ServerWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerWorker)

public:
    ServerWorker(const DatabaseLocation &database, const ServerOptions &options, SyncLog *log);
    ~ServerWorker() override;

    void start();
    void shutdown();
    void record(const SyncEvent &event);

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
