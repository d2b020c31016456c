// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/ServerHousekeeper.h"

#include "core/domain/PasswordPolicy.h"
#include "core/log/Logging.h"
#include "core/log/SyncLog.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/Database.h"
#include "core/store/PresenceStore.h"
#include "core/store/SettingsStore.h"
#include "core/store/SyncLogStore.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace ScimConsole::Core {

namespace {
constexpr int BatchEvents = 500;
constexpr int PruneIntervalMs = 60 * 60 * 1000;
constexpr int FirstPruneMs = 5000;
constexpr qint64 PruneStep = 5000; // events deleted at a time
// A store that refuses a batch (busy beyond its timeout, a PostgreSQL server restarting) gets it again at each flush
// for this long; the workers wait meanwhile once the backlog is full. Then the events are given up, and said so.
constexpr qint64 KeepFailedEventsMs = 60 * 1000;
} // namespace

ServerHousekeeper::ServerHousekeeper(const DatabaseLocation &database, const ServerOptions &options, SyncLog *log)
    : m_location(database)
    , m_options(options)
    , m_log(log)
    , m_flushTimer(this) // children, so that they move to the housekeeper's thread with it
    , m_presenceTimer(this)
    , m_pruneTimer(this)
    , m_hashingMemoryTimer(this)
{}

ServerHousekeeper::~ServerHousekeeper() = default;

void ServerHousekeeper::start()
{
    Result<std::unique_ptr<Database>> db = Database::open(m_location);
    if (!db) {
        emit failed(db.error());
        return;
    }
    m_db = std::move(db).value();
    // It appends to the log and reads no directory: SQLite's default page cache, not the 32 MB a worker reads with.
    if (m_db->backend() == Backend::Sqlite) {
        if (const auto sized = m_db->exec(QStringLiteral("PRAGMA cache_size = -2000")); !sized)
            qCWarning(lcServer) << "could not size the housekeeper's page cache:" << sized.error().detail;
    }
    m_flushTimer.setInterval(m_options.logFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ServerHousekeeper::flushLog);
    m_flushTimer.start();
    // A buffer goes back between one and two idle periods after its last hash.
    const std::chrono::milliseconds idle(m_options.hashingMemoryIdleMs);
    m_hashingMemoryTimer.setInterval(idle);
    connect(&m_hashingMemoryTimer, &QTimer::timeout, this, [idle] {
        if (const int released = PasswordHash::releaseIdleHashingMemory(idle))
            qCDebug(lcServer) << "gave back" << released << "idle password-hashing buffer(s)";
    });
    m_hashingMemoryTimer.start();
}

void ServerHousekeeper::announce(const QUrl &url)
{
    m_url = url;
    writePresence();
    m_presenceTimer.setInterval(ServerPresence::HeartbeatSecs * 1000);
    connect(&m_presenceTimer, &QTimer::timeout, this, &ServerHousekeeper::writePresence);
    m_presenceTimer.start();
    // Retention: soon after start, then every hour; every serving instance does it, which is harmless.
    m_pruneTimer.setInterval(PruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, &ServerHousekeeper::pruneLog);
    m_pruneTimer.start();
    QTimer::singleShot(FirstPruneMs, this, &ServerHousekeeper::pruneLog);
}

void ServerHousekeeper::shutdown()
{
    m_flushTimer.stop();
    m_presenceTimer.stop();
    m_pruneTimer.stop();
    m_hashingMemoryTimer.stop();
    flushLog();
    if (const QMutexLocker locker(&m_pendingMutex); !m_pending.isEmpty())
        qCWarning(lcServer) << "stopped with" << m_pending.size() << "sync-log events the store did not take";
    if (m_db && m_url.isValid()) {
        if (const Status cleared = PresenceStore(*m_db).clear(ServerPresence::currentInstanceId()); !cleared)
            qCWarning(lcServer) << "could not clear the presence record:" << cleared.error().detail;
    }
}

void ServerHousekeeper::record(const SyncEvent &event)
{
    QMutexLocker locker(&m_pendingMutex);
    while (m_pending.size() >= MaxBacklog)
        m_drained.wait(&m_pendingMutex);
    m_pending.append(event);
    if (m_pending.size() >= BatchEvents && !std::exchange(m_flushQueued, true))
        QMetaObject::invokeMethod(this, &ServerHousekeeper::flushLog, Qt::QueuedConnection);
}

void ServerHousekeeper::flushLog()
{
    QList<SyncEvent> batch;
    {
        QMutexLocker locker(&m_pendingMutex);
        batch = std::exchange(m_pending, {});
        m_flushQueued = false;
        m_drained.wakeAll();
    }
    if (batch.isEmpty() || !m_db)
        return;
    // Stored first, so that the live rows carry their ids and line up with the history a console reads back.
    if (const Status stored = SyncLogStore(*m_db).append(batch); !stored) {
        if (!m_failingSince.isValid()) {
            m_failingSince.start();
            qCWarning(lcServer) << "could not store" << batch.size()
                                << "sync-log events, trying again for a minute:" << stored.error().detail;
        }
        if (!m_failingSince.hasExpired(KeepFailedEventsMs)) {
            const QMutexLocker locker(&m_pendingMutex);
            m_pending = batch + m_pending; // the oldest first, as they were answered
            return;
        }
        qCWarning(lcServer) << "could not persist" << batch.size() << "sync-log events:" << stored.error().detail;
    }
    m_failingSince.invalidate();
    if (m_log)
        m_log->append(batch);
}

void ServerHousekeeper::writePresence()
{
    if (!m_db)
        return;
    ServerPresence presence;
    presence.instanceId = ServerPresence::currentInstanceId();
    presence.host = QSysInfo::machineHostName();
    presence.pid = QCoreApplication::applicationPid();
    presence.url = m_url.toString();
    presence.heartbeat = QDateTime::currentDateTimeUtc();
    if (const Status written = PresenceStore(*m_db).write(presence); !written)
        qCWarning(lcServer) << "could not write the presence record:" << written.error().detail;
}

void ServerHousekeeper::pruneLog()
{
    if (!m_db || !m_pruneTimer.isActive()) // not yet started, or shut down
        return;
    const Result<LogRetention> retention = SettingsStore(*m_db).logRetention();
    if (!retention) {
        qCWarning(lcServer) << "could not read the log retention:" << retention.error().detail;
        return;
    }
    // In steps, storing the log between them: one DELETE of an hour's excess (hundreds of thousands of events)
    // held the write lock for seconds, while the events waiting to be stored reached their bound and the workers
    // stopped answering (a p99 of 300 ms after a restart at 1,000,000 events; issue 12).
    const Result<qint64> pruned =
        SyncLogStore(*m_db).applyRetention(retention.value(), QDateTime::currentDateTimeUtc(), PruneStep);
    if (!pruned)
        qCWarning(lcServer) << "could not prune the sync log:" << pruned.error().detail;
    else if (pruned.value() > 0)
        qCInfo(lcServer) << "pruned" << pruned.value() << "sync-log events";
    if (pruned && pruned.value() == PruneStep) {
        QTimer::singleShot(0, this, &ServerHousekeeper::pruneLog);
        return;
    }
    // C-09: expired access tokens go as well.
    const Result<qint64> purged = ClientCredentialStore(*m_db).purgeExpired();
    if (!purged)
        qCWarning(lcServer) << "could not purge expired access tokens:" << purged.error().detail;
}

} // namespace ScimConsole::Core
