#pragma once

#include "core/Result.h"
#include "core/log/SyncEvent.h"

#include <QList>

namespace ScimConsole::Core {

class Database;

/// The persisted sync log. Events arrive in batches, each batch one transaction.
class SyncLogStore
{
public:
    explicit SyncLogStore(Database &db)
        : m_db(db)
    {}

    Status append(const QList<SyncEvent> &events);
    /// The newest `limit` events, newest first; only those of `appId` when it is given.
    Result<QList<SyncEvent>> recent(int limit, const QString &appId = {}) const;
    /// Deletes events older than `before`; returns how many.
    Result<qint64> prune(const QDateTime &before);

private:
    Database &m_db;
};

} // namespace ScimConsole::Core
