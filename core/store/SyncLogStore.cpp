// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/SyncLogStore.h"

#include "core/store/Database.h"
#include "core/store/SqlWhere.h"

namespace ScimConsole::Core {

namespace {
const QLatin1StringView Columns("id, at, direction, app_id, profile, request_id, token_prefix, client_address, "
                                "user_agent, method, path, status, scim_type, detail, latency_us, bytes_in, "
                                "bytes_out, resource_id");
} // namespace

Status SyncLogStore::append(const QList<SyncEvent> &events)
{
    QList<SyncEvent> copy = events;
    return append(copy);
}

Status SyncLogStore::append(QList<SyncEvent> &events)
{
    if (events.isEmpty())
        return ok();
    QList<QVariantList> rows;
    rows.reserve(events.size());
    for (SyncEvent &e : events) {
        e.capFields();
        rows.append({Database::toMsecs(e.at), SyncEvent::directionName(e.direction), Database::nullIfEmpty(e.appId),
                     Database::nullIfEmpty(e.profile), Database::nullIfEmpty(e.requestId),
                     Database::nullIfEmpty(e.tokenPrefix), Database::nullIfEmpty(e.clientAddress),
                     Database::nullIfEmpty(e.userAgent), Database::nullIfEmpty(e.method), Database::nullIfEmpty(e.path),
                     e.status, Database::nullIfEmpty(e.scimType), Database::nullIfEmpty(e.detail), e.latencyUs,
                     e.bytesIn, e.bytesOut, Database::nullIfEmpty(e.resourceId)});
    }
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const Result<QList<qint64>> ids =
        m_db.insertRows(QStringLiteral("INSERT INTO sync_log (at, direction, app_id, profile, request_id, "
                                       "token_prefix, client_address, user_agent, method, path, status, scim_type, "
                                       "detail, latency_us, bytes_in, bytes_out, resource_id)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        rows);
    if (!ids)
        return ids.error();
    for (qsizetype i = 0; i < events.size(); ++i)
        events[i].id = ids->at(i);
    return tx.commit();
}

Result<QList<SyncEvent>> SyncLogStore::recent(int limit, const QString &appId) const
{
    const QString where = appId.isEmpty() ? QString() : QStringLiteral("WHERE app_id = ? ");
    QVariantList values;
    if (!appId.isEmpty())
        values << appId;
    values << limit;
    return read(QStringLiteral("SELECT %1 FROM sync_log %2ORDER BY id DESC LIMIT ?").arg(Columns, where), values);
}

bool SyncLogFilter::matches(const SyncEvent &e) const
{
    if (!appId.isEmpty() && e.appId != appId)
        return false;
    if (!profile.isEmpty() && e.profile != profile)
        return false;
    if (direction && e.direction != *direction)
        return false;
    if (!method.isEmpty() && e.method != method)
        return false;
    if (statusClass && (e.status < *statusClass * 100 || e.status >= (*statusClass + 1) * 100))
        return false;
    if (since.isValid() && e.at < since)
        return false;
    if (until.isValid() && e.at >= until)
        return false;
    if (!requestId.isEmpty() && e.requestId != requestId)
        return false;
    if (text.isEmpty())
        return true;
    for (const QString *field : {&e.path, &e.detail, &e.requestId, &e.scimType, &e.profile}) {
        if (field->contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

std::pair<QString, QVariantList> SyncLogStore::where(const SyncLogFilter &filter)
{
    QStringList conditions{QStringLiteral("1 = 1")};
    QVariantList values;
    const auto equal = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        conditions << QStringLiteral("%1 = ?").arg(QLatin1String(column));
        values << value;
    };
    equal("app_id", filter.appId);
    equal("profile", filter.profile);
    if (filter.direction)
        equal("direction", SyncEvent::directionName(*filter.direction));
    equal("method", filter.method);
    equal("request_id", filter.requestId);
    if (filter.statusClass) {
        conditions << QStringLiteral("status >= ? AND status < ?");
        values << *filter.statusClass * 100 << (*filter.statusClass + 1) * 100;
    }
    if (filter.since.isValid()) {
        conditions << QStringLiteral("at >= ?");
        values << Database::toMsecs(filter.since);
    }
    if (filter.until.isValid()) {
        conditions << QStringLiteral("at < ?");
        values << Database::toMsecs(filter.until);
    }
    if (!filter.text.isEmpty()) {
        QStringList found;
        const QString pattern = u'%' + escapeLike(filter.text.toLower()) + u'%';
        for (const char *column : {"path", "detail", "request_id", "scim_type", "profile"}) {
            found << QStringLiteral("scim_lower(%1) LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            values << pattern;
        }
        conditions << u'(' + found.join(QStringLiteral(" OR ")) + u')';
    }
    return {conditions.join(QStringLiteral(" AND ")), values};
}

Result<QList<SyncEvent>> SyncLogStore::before(qint64 id, const SyncLogFilter &filter, int limit) const
{
    auto [condition, values] = where(filter);
    values.prepend(id);
    values << limit;
    Result<QList<SyncEvent>> events = read(
        QStringLiteral("SELECT %1 FROM sync_log WHERE id < ? AND %2 ORDER BY id DESC LIMIT ?").arg(Columns, condition),
        values);
    if (events)
        std::reverse(events->begin(), events->end());
    return events;
}

Result<qint64> SyncLogStore::count(const SyncLogFilter &filter) const
{
    const auto [condition, values] = where(filter);
    const Result<QVariant> n =
        m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_log WHERE %1").arg(condition), values);
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<QList<CallBucket>> SyncLogStore::callRates(const QDateTime &since, int bucketSeconds) const
{
    const qint64 bucketMs = qint64(std::max(1, bucketSeconds)) * 1000;
    Result<QSqlQuery> rows = m_db.exec(
        QStringLiteral("SELECT (at / ?) * ?, direction, CASE WHEN direction = 'outbound' THEN profile ELSE app_id END, "
                       "COUNT(*), SUM(CASE WHEN status >= 400 OR status = 0 THEN 1 ELSE 0 END) FROM sync_log "
                       "WHERE at >= ? AND direction <> 'job' GROUP BY 1, 2, 3 ORDER BY 1"),
        {bucketMs, bucketMs, Database::toMsecs(since)});
    if (!rows)
        return rows.error();
    QList<CallBucket> buckets;
    while (rows->next()) {
        CallBucket bucket;
        bucket.start = Database::fromMsecs(rows->value(0));
        bucket.direction = SyncEvent::directionFromName(rows->value(1).toString());
        bucket.source = rows->value(2).toString();
        bucket.calls = rows->value(3).toLongLong();
        bucket.failures = rows->value(4).toLongLong();
        buckets.append(bucket);
    }
    return buckets;
}

Result<QList<SyncEvent>> SyncLogStore::newest(const SyncLogFilter &filter, int limit) const
{
    auto [condition, values] = where(filter);
    values << limit;
    Result<QList<SyncEvent>> events = read(
        QStringLiteral("SELECT %1 FROM sync_log WHERE %2 ORDER BY id DESC LIMIT ?").arg(Columns, condition), values);
    if (events)
        std::reverse(events->begin(), events->end());
    return events;
}

Result<QList<SyncEvent>> SyncLogStore::after(qint64 id, const SyncLogFilter &filter, int limit) const
{
    auto [condition, values] = where(filter);
    values.prepend(id);
    values << limit;
    return read(
        QStringLiteral("SELECT %1 FROM sync_log WHERE id > ? AND %2 ORDER BY id LIMIT ?").arg(Columns, condition),
        values);
}

Result<qint64> SyncLogStore::pruneToCount(qint64 keep, qint64 limit)
{
    // Counted on the smallest index, then the excess taken from the oldest end: finding the boundary from the
    // newest end (OFFSET keep) read every row of the table, each step again.
    const Result<QVariant> count = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_log"));
    if (!count)
        return count.error();
    const qint64 excess = count->toLongLong() - keep;
    if (excess <= 0)
        return qint64(0);
    return deleteRows(QStringLiteral("SELECT id FROM sync_log ORDER BY id LIMIT ?"), {std::min(excess, limit)});
}

Result<qint64> SyncLogStore::deleteRows(const QString &select, const QVariantList &values)
{
    const auto deleted = m_db.exec(QStringLiteral("DELETE FROM sync_log WHERE id IN (%1)").arg(select), values);
    if (!deleted)
        return deleted.error();
    return qint64(deleted->numRowsAffected());
}

Result<qint64> SyncLogStore::applyRetention(const LogRetention &retention, const QDateTime &now, qint64 limit)
{
    const Result<qint64> old = prune(now.addDays(-retention.days), limit);
    if (!old)
        return old.error();
    if (old.value() == limit)
        return limit;
    const Result<qint64> excess = pruneToCount(retention.maxEvents, limit - old.value());
    if (!excess)
        return excess.error();
    return old.value() + excess.value();
}

Result<qint64> SyncLogStore::lastId() const
{
    const Result<QVariant> id = m_db.scalar(QStringLiteral("SELECT MAX(id) FROM sync_log"));
    if (!id)
        return id.error();
    return id->toLongLong();
}

Result<QList<SyncEvent>> SyncLogStore::read(const QString &sql, const QVariantList &values) const
{
    Result<QSqlQuery> rows = m_db.exec(sql, values);
    if (!rows)
        return rows.error();
    QList<SyncEvent> events;
    while (rows->next()) {
        const QSqlQuery &q = rows.value();
        SyncEvent e;
        e.id = q.value(0).toLongLong();
        e.at = Database::fromMsecs(q.value(1));
        e.direction = SyncEvent::directionFromName(q.value(2).toString());
        e.appId = q.value(3).toString();
        e.profile = q.value(4).toString();
        e.requestId = q.value(5).toString();
        e.tokenPrefix = q.value(6).toString();
        e.clientAddress = q.value(7).toString();
        e.userAgent = q.value(8).toString();
        e.method = q.value(9).toString();
        e.path = q.value(10).toString();
        e.status = q.value(11).toInt();
        e.scimType = q.value(12).toString();
        e.detail = q.value(13).toString();
        e.latencyUs = q.value(14).toLongLong();
        e.bytesIn = q.value(15).toLongLong();
        e.bytesOut = q.value(16).toLongLong();
        e.resourceId = q.value(17).toString();
        events.append(e);
    }
    return events;
}

Result<QHash<QString, CallCounts>> SyncLogStore::callsSince(const QDateTime &since) const
{
    Result<QSqlQuery> rows = m_db.exec(QStringLiteral("SELECT app_id, COUNT(*), SUM(CASE WHEN status >= 400 THEN 1"
                                                      " ELSE 0 END) FROM sync_log WHERE at >= ? AND direction = ?"
                                                      " AND app_id <> '' GROUP BY app_id"),
                                       {Database::toMsecs(since), SyncEvent::directionName(SyncDirection::Inbound)});
    if (!rows)
        return rows.error();
    QHash<QString, CallCounts> counts;
    while (rows->next())
        counts.insert(rows->value(0).toString(), {rows->value(1).toLongLong(), rows->value(2).toLongLong()});
    return counts;
}

Result<QHash<QString, QDateTime>> SyncLogStore::lastTokenUse(const QString &appId) const
{
    Result<QSqlQuery> rows = m_db.exec(QStringLiteral("SELECT token_prefix, MAX(at) FROM sync_log WHERE app_id = ?"
                                                      " AND token_prefix <> '' AND status < 400"
                                                      " GROUP BY token_prefix"),
                                       {appId});
    if (!rows)
        return rows.error();
    QHash<QString, QDateTime> lastUse;
    while (rows->next())
        lastUse.insert(rows->value(0).toString(), Database::fromMsecs(rows->value(1)));
    return lastUse;
}

Result<qint64> SyncLogStore::prune(const QDateTime &before, qint64 limit)
{
    // In the order of the index on `at`, which finds nothing at once when nothing is due ("ORDER BY id" walked
    // the whole table to find that).
    return deleteRows(QStringLiteral("SELECT id FROM sync_log WHERE at < ? ORDER BY at LIMIT ?"),
                      {Database::toMsecs(before), limit});
}

} // namespace ScimConsole::Core
