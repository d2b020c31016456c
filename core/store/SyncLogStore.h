#pragma once

#include "core/Result.h"
#include <QHash>
#include "core/log/SyncEvent.h"

#include <QList>

namespace ScimConsole::Core {

class Database;

/// The persisted sync log. Events arrive in batches, each batch one transaction.
struct CallCounts
{
    qint64 calls = 0;
    qint64 failures = 0;
};

class SyncLogStore
{
public:
    explicit SyncLogStore(Database &db)
        : m_db(db)
    {}

    Status append(const QList<SyncEvent> &events);
    /// The newest `limit` events, newest first; only those of `appId` when it is given.
    Result<QList<SyncEvent>> recent(int limit, const QString &appId = {}) const;
    /// Events stored after `id`, oldest first: how a console follows another instance's activity.
    Result<QList<SyncEvent>> after(qint64 id, int limit) const;
    /// The newest event's id; 0 when the log is empty.
    Result<qint64> lastId() const;
    /// Inbound calls per application since `since`, and how many of them failed (status 400 and above).
    Result<QHash<QString, CallCounts>> callsSince(const QDateTime &since) const;
    /// When each token prefix of `appId` last authenticated a call: read from the log itself, so that a request
    /// costs no extra write. Prefixes never seen are absent.
    Result<QHash<QString, QDateTime>> lastTokenUse(const QString &appId) const;
    /// Deletes events older than `before`; returns how many.
    Result<qint64> prune(const QDateTime &before);

private:
    Result<QList<SyncEvent>> read(const QString &sql, const QVariantList &values) const;

    Database &m_db;
};

} // namespace ScimConsole::Core
