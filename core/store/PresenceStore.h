// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace ScimConsole::Core {

class Database;

/// Which instance serves a store right now: written by the serving instance every HeartbeatSecs, so that a console
/// opening the same store (on this machine or another sharing one PostgreSQL) follows that instance instead of
/// failing to bind, and says who serves.
struct ServerPresence
{
    static constexpr int HeartbeatSecs = 10;
    static constexpr int StaleAfterSecs = 3 * HeartbeatSecs + 5;

    QString instanceId; // random per process
    QString host;
    qint64 pid = 0;
    QString url;
    QDateTime heartbeat;

    bool isFresh(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return heartbeat.isValid() && heartbeat.secsTo(now) < StaleAfterSecs;
    }
    /// This process's id for presence records.
    static QString currentInstanceId();
};

/// Keeps the presence record. Unlike SettingsStore it never bumps the configuration version: a heartbeat is not
/// configuration, and servers must not reload on it.
class PresenceStore
{
    Q_DECLARE_TR_FUNCTIONS(PresenceStore)

public:
    explicit PresenceStore(Database &db)
        : m_db(db)
    {}

    /// The last record written, fresh or not; none when no instance ever served this store.
    Result<std::optional<ServerPresence>> read() const;
    Status write(const ServerPresence &presence);
    /// Removes the record if it is still `instanceId`'s (a stopping server leaves no stale claim).
    Status clear(const QString &instanceId);

private:
    Database &m_db;
};

} // namespace ScimConsole::Core
