// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"
#include "core/log/SyncEvent.h"
#include "core/server/ScimServer.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QWaitCondition>

#include <memory>

namespace ScimConsole::Core {

class Database;

/// The server's own writes besides the requests, on a thread and a store connection of their own, so that no
/// request waits for them: every worker's sync-log events (stored in batches, then appended to the live log in the
/// order they were answered), the presence record, the log's retention, on SQLite the write-ahead log's
/// checkpoints (the workers' connections leave them to this one, Database::leaveCheckpoints), and giving back the
/// memory password hashing no longer uses (PasswordHash::releaseIdleHashingMemory).
class ServerHousekeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerHousekeeper)

public:
    /// Events waiting beyond this make record() wait until a batch is stored: a store that falls behind slows the
    /// workers down rather than losing events or memory.
    static constexpr int MaxBacklog = 10000;

    ServerHousekeeper(const DatabaseLocation &database, const ServerOptions &options, SyncLog *log);
    ~ServerHousekeeper() override;

    /// On its thread: opens the store connection and starts storing events.
    void start();
    /// On its thread, once the server listens: the presence record with the server's address, then its heartbeat and
    /// the log's retention.
    void announce(const QUrl &url);
    /// On its thread, after the workers stopped: stores what waits and clears the presence record.
    void shutdown();
    /// From any thread: keeps the event, stored within the flush interval, or at once when a batch is full.
    void record(const SyncEvent &event);

signals:
    void failed(const ScimConsole::Core::Error &error);

private:
    void flushLog();
    void writePresence();
    void pruneLog();

    DatabaseLocation m_location;
    ServerOptions m_options;
    SyncLog *m_log;
    std::unique_ptr<Database> m_db;
    QUrl m_url;
    QTimer m_flushTimer;
    QTimer m_presenceTimer;
    QTimer m_pruneTimer;
    QTimer m_hashingMemoryTimer;

    QElapsedTimer m_failingSince; // since the store first refused the batch it is given again

    QMutex m_pendingMutex; // guards what follows: record() runs on the workers' threads
    QWaitCondition m_drained;
    QList<SyncEvent> m_pending;
    bool m_flushQueued = false;
};

} // namespace ScimConsole::Core
