#pragma once

#include "core/Result.h"
#include "core/store/SettingsStore.h"
#include <QHash>

#include <optional>
#include "core/log/SyncEvent.h"

#include <QList>

namespace ScimConsole::Core {

class Database;

/// The persisted sync log. Events arrive in batches, each batch one transaction.
/// Which stored events a reader wants: one application's, of one status class, since a time.
struct SyncLogFilter
{
    QString appId;                  // empty: every application and profile
    std::optional<int> statusClass; // 2, 4, 5 for 2xx, 4xx, 5xx; 0 for calls without an answer
    QDateTime since;                // invalid: from the beginning
};

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
    /// The newest `limit` events that pass `filter`, oldest first.
    Result<QList<SyncEvent>> newest(const SyncLogFilter &filter, int limit) const;
    /// Events after `id` that pass `filter`, oldest first: how `log --follow` and a console following another
    /// instance read on.
    Result<QList<SyncEvent>> after(qint64 id, const SyncLogFilter &filter, int limit) const;
    /// Keeps the newest `keep` events and deletes the rest; returns how many went.
    Result<qint64> pruneToCount(qint64 keep);
    /// Both limits of `retention`: events older than its days, then beyond its count. Returns how many went.
    Result<qint64> applyRetention(const LogRetention &retention,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());
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
    static std::pair<QString, QVariantList> where(const SyncLogFilter &filter);

    Database &m_db;
};

} // namespace ScimConsole::Core
