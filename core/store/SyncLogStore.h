// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/log/SyncEvent.h"
#include "core/store/SettingsStore.h"

#include <QHash>
#include <QList>

#include <limits>
#include <optional>

namespace ScimConsole::Core {

class Database;

/// Which stored events a reader wants. Empty members do not filter. The store answers it in SQL and the console
/// applies matches() to live events, so that history and live rows pass the same filter.
struct SyncLogFilter
{
    QString appId = {};                          // one application (inbound) — empty: every application and profile
    QString profile = {};                        // one RAM profile (outbound)
    std::optional<SyncDirection> direction = {}; //
    QString method = {};                         // GET, POST, …
    std::optional<int> statusClass = {};         // 2, 4, 5 for 2xx, 4xx, 5xx; 0 for calls without an answer
    QDateTime since = {};                        // invalid: from the beginning
    QDateTime until = {};                        // invalid: up to now; exclusive
    QString requestId = {};                      // exactly
    QString text = {};                           // in the path, detail, request id, scimType or profile, ignoring case

    bool matches(const SyncEvent &event) const;
};

/// Calls and failures of one application or RAM profile in one time bucket.
struct CallBucket
{
    QDateTime start;
    SyncDirection direction = SyncDirection::Inbound;
    QString source; // the application id (inbound) or the profile name (outbound)
    qint64 calls = 0;
    qint64 failures = 0;
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

    /// Stores `events` in one transaction.
    Status append(const QList<SyncEvent> &events);
    /// The same, and gives each event the id the store assigned it, so that live rows and history line up.
    Status append(QList<SyncEvent> &events);
    /// The newest `limit` events, newest first; only those of `appId` when it is given.
    Result<QList<SyncEvent>> recent(int limit, const QString &appId = {}) const;
    /// The newest `limit` events that pass `filter`, oldest first.
    Result<QList<SyncEvent>> newest(const SyncLogFilter &filter, int limit) const;
    /// Events after `id` that pass `filter`, oldest first: how `log --follow` and a console following another
    /// instance read on.
    Result<QList<SyncEvent>> after(qint64 id, const SyncLogFilter &filter, int limit) const;
    /// The newest `limit` events before `id` that pass `filter`, oldest first: the history above a window.
    Result<QList<SyncEvent>> before(qint64 id, const SyncLogFilter &filter, int limit) const;
    Result<qint64> count(const SyncLogFilter &filter) const;
    /// Calls and failures (status 400 and above, or no answer) per `bucketSeconds` since `since`, per application
    /// and per RAM profile, oldest first. Buckets without calls are absent.
    Result<QList<CallBucket>> callRates(const QDateTime &since, int bucketSeconds) const;
    /// Keeps the newest `keep` events and deletes the rest, at most `limit` of them (the oldest); returns how many
    /// went.
    Result<qint64> pruneToCount(qint64 keep, qint64 limit = AllEvents);
    /// Both limits of `retention`: events older than its days, then beyond its count; at most `limit` events, the
    /// oldest, so that a server deletes a large excess in steps and stores its log between them. Returns how many
    /// went: `limit` when there may be more to delete.
    Result<qint64> applyRetention(const LogRetention &retention, const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                  qint64 limit = AllEvents);
    static constexpr qint64 AllEvents = std::numeric_limits<qint64>::max();
    /// The newest event's id; 0 when the log is empty.
    Result<qint64> lastId() const;
    /// Inbound calls per application since `since`, and how many of them failed (status 400 and above).
    Result<QHash<QString, CallCounts>> callsSince(const QDateTime &since) const;
    /// When each token prefix of `appId` last authenticated a call: read from the log itself, so that a request
    /// costs no extra write. Prefixes never seen are absent.
    Result<QHash<QString, QDateTime>> lastTokenUse(const QString &appId) const;
    /// Deletes events older than `before`, at most `limit` of them (the oldest); returns how many.
    Result<qint64> prune(const QDateTime &before, qint64 limit = AllEvents);

private:
    /// Deletes the events whose ids `select` (with `values` bound) gives; returns how many went.
    Result<qint64> deleteRows(const QString &select, const QVariantList &values);
    Result<QList<SyncEvent>> read(const QString &sql, const QVariantList &values) const;
    static std::pair<QString, QVariantList> where(const SyncLogFilter &filter);

    Database &m_db;
};

} // namespace ScimConsole::Core
