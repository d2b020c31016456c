// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/GroupStore.h"

#include "core/domain/Identifier.h"
#include "core/store/Database.h"

#include <QHash>
#include <QSet>

namespace ScimConsole::Core {

namespace {
const QLatin1StringView Columns("id, display_name, external_id, created, modified, version");

Group fromRow(const QSqlQuery &query)
{
    Group group;
    group.id = query.value(0).toString();
    group.displayName = query.value(1).toString();
    group.externalId = query.value(2).toString();
    group.created = Database::fromMsecs(query.value(3));
    group.modified = Database::fromMsecs(query.value(4));
    group.version = query.value(5).toLongLong();
    return group;
}

/// Member writes go in slices of this many ids, one statement each (well below both backends' parameter limits).
constexpr qsizetype MemberSlice = 500;

/// Runs `write` over `ids` in slices; the first failure stops it.
template <typename Write>
Status forSlices(const QStringList &ids, Write write)
{
    for (qsizetype from = 0; from < ids.size(); from += MemberSlice) {
        if (const Status written = write(ids.mid(from, MemberSlice)); !written)
            return written;
    }
    return ok();
}

QString placeholders(qsizetype count, const QString &one = QStringLiteral("?"))
{
    return QStringList(count, one).join(u',');
}

QStringList unique(const QStringList &ids)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            result.append(id);
        }
    }
    return result;
}
} // namespace

Result<Group> GroupStore::create(Group group)
{
    const Result<QString> displayName = Group::validateDisplayName(group.displayName);
    if (!displayName)
        return displayName.error();
    group.id = newIdentifier();
    group.created = group.modified = QDateTime::currentDateTimeUtc();
    group.version = 1;
    group.memberIds = unique(group.memberIds);

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status valid = checkMembers(group.memberIds); !valid)
        return valid.error();
    const auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO directory_groups (id, display_name, display_name_key, external_id, created, "
                       "modified, version) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {group.id, group.displayName, group.displayName.toCaseFolded(), Database::nullIfEmpty(group.externalId),
         Database::toMsecs(group.created), Database::toMsecs(group.modified), group.version});
    if (!inserted)
        return inserted.error();
    if (const Status added = insertMembers(group.id, group.memberIds); !added)
        return added.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return group;
}

Result<Group> GroupStore::update(Group group)
{
    const Result<QString> displayName = Group::validateDisplayName(group.displayName);
    if (!displayName)
        return displayName.error();
    group.memberIds = unique(group.memberIds);

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const Result<Group> current = get(group.id);
    if (!current)
        return current.error();
    // Only what changes is written (issue 12): one member added to 10,000 is one insert, not 10,000.
    const QSet<QString> before(current->memberIds.cbegin(), current->memberIds.cend());
    const QSet<QString> after(group.memberIds.cbegin(), group.memberIds.cend());
    QStringList added, removed;
    for (const QString &id : std::as_const(group.memberIds)) {
        if (!before.contains(id))
            added.append(id);
    }
    for (const QString &id : current->memberIds) {
        if (!after.contains(id))
            removed.append(id);
    }
    if (const Status valid = checkMembers(added); !valid)
        return valid.error();
    group.created = current->created;
    group.modified = QDateTime::currentDateTimeUtc();
    group.version = current->version + 1;
    const auto updated =
        m_db.exec(QStringLiteral("UPDATE directory_groups SET display_name = ?, display_name_key = ?, external_id = ?, "
                                 "modified = ?, version = ? WHERE id = ?"),
                  {group.displayName, group.displayName.toCaseFolded(), Database::nullIfEmpty(group.externalId),
                   Database::toMsecs(group.modified), group.version, group.id});
    if (!updated)
        return updated.error();
    if (const Status deleted = deleteMembers(group.id, removed); !deleted)
        return deleted.error();
    if (const Status inserted = insertMembers(group.id, added); !inserted)
        return inserted.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return group;
}

Result<Group> GroupStore::get(const QString &id, bool withMembers) const
{
    Result<QSqlQuery> row =
        m_db.exec(QStringLiteral("SELECT %1 FROM directory_groups WHERE id = ?").arg(Columns), {id});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::NotFound, tr("There is no group with id %1.").arg(id));
    Group group = fromRow(row.value());
    row.value().finish();
    if (!withMembers)
        return group;
    const Result<QStringList> memberIds = members(id);
    if (!memberIds)
        return memberIds.error();
    group.memberIds = memberIds.value();
    return group;
}

Result<QList<Group>> GroupStore::list(int offset, int limit, bool withMembers) const
{
    return search({QStringLiteral("1 = 1"), {}}, QStringLiteral("g.created, g.id"), offset, limit, withMembers);
}

Result<QList<Group>> GroupStore::search(const SqlWhere &where, const QString &orderBy, int offset, int limit,
                                        bool withMembers) const
{
    QVariantList values = where.params;
    values << limit << offset;
    Result<QSqlQuery> rows =
        m_db.exec(QStringLiteral("SELECT %1 FROM directory_groups g WHERE %2 ORDER BY %3 LIMIT ? OFFSET ?")
                      .arg(Columns, where.sql, orderBy),
                  values);
    if (!rows)
        return rows.error();
    QList<Group> groups;
    while (rows->next())
        groups.append(fromRow(rows.value()));
    rows.value().finish();
    if (withMembers) {
        if (const Status loaded = loadMembers(groups); !loaded)
            return loaded.error();
    }
    return groups;
}

Result<qint64> GroupStore::count(const SqlWhere &where) const
{
    const Result<QVariant> count = m_db.scalarWhileUnchanged(
        QStringLiteral("SELECT COUNT(*) FROM directory_groups g WHERE %1").arg(where.sql), where.params);
    if (!count)
        return count.error();
    return count->toLongLong();
}

Result<ListPage<Group>> GroupStore::page(const ListQuery &query, const QStringList &scopeIds, bool withMembers) const
{
    const Result<SqlWhere> filter = FilterSql::translate(query.filter, column);
    if (!filter)
        return filter.error();
    const Result<QString> order = FilterSql::orderBy(query, column, QStringLiteral("g"));
    if (!order)
        return order.error();
    if (scopeIds.isEmpty())
        return ListPage<Group>{{}, query.withTotal ? 0 : -1};
    const SqlWhere where =
        SqlWhere{QStringLiteral("g.id IN (%1)").arg(QStringList(scopeIds.size(), QStringLiteral("?")).join(u',')),
                 QVariantList(scopeIds.cbegin(), scopeIds.cend())}
        && filter.value();
    return readPage<Group>(
        query, [&] { return count(where); },
        [&] { return search(where, order.value(), query.offset, query.limit, withMembers); });
}

std::optional<SqlColumn> GroupStore::column(const StoredAttribute &attribute)
{
    using Field = StoredAttribute::Field;
    using Kind = SqlColumn::Kind;
    // One row of group_members per member: the element scope of members (FilterSql).
    const QString membersExists =
        QStringLiteral("EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND %1)");
    switch (attribute.field) {
    case Field::DisplayName:
        return SqlColumn(QStringLiteral("g.display_name_key"), Kind::FoldedKey);
    case Field::Member:
        return SqlColumn(QStringLiteral("gm.account_id"), Kind::Text, membersExists, {}, {}, attribute.element);
    case Field::MemberType:
        return SqlColumn(QStringLiteral("CAST(? AS TEXT)"), Kind::TextIgnoreCase, membersExists, {},
                         {attribute.argument});
    case Field::MemberRef:
        return SqlColumn(QStringLiteral("(CAST(? AS TEXT) || gm.account_id)"), Kind::Text, membersExists, {},
                         {attribute.argument});
    case Field::Id:
    case Field::ExternalId:
    case Field::Created:
    case Field::Modified:
    case Field::Version:
    case Field::ResourceType:
    case Field::Location:
        return FilterSql::commonColumn(attribute, QStringLiteral("g"));
    default:
        return std::nullopt;
    }
}

Status GroupStore::loadMembers(QList<Group> &groups) const
{
    if (groups.isEmpty())
        return ok();
    QHash<QString, Group *> byId;
    QVariantList ids;
    for (Group &group : groups) {
        byId.insert(group.id, &group);
        ids << group.id;
    }
    Result<QSqlQuery> rows = m_db.exec(
        QStringLiteral("SELECT group_id, account_id FROM group_members WHERE group_id IN (%1) ORDER BY account_id")
            .arg(QStringList(ids.size(), QStringLiteral("?")).join(u',')),
        ids);
    if (!rows)
        return rows.error();
    while (rows->next()) {
        if (Group *group = byId.value(rows->value(0).toString()))
            group->memberIds.append(rows->value(1).toString());
    }
    return ok();
}

Status GroupStore::remove(const QString &id)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const auto cleared = m_db.exec(QStringLiteral("DELETE FROM group_members WHERE group_id = ?"), {id}); !cleared)
        return cleared.error();
    const auto unscoped = m_db.exec(QStringLiteral("DELETE FROM app_scope WHERE kind = 'group' AND ref_id = ?"), {id});
    if (!unscoped)
        return unscoped.error();
    const bool wasInAScope = unscoped->numRowsAffected() > 0;
    const auto deleted = m_db.exec(QStringLiteral("DELETE FROM directory_groups WHERE id = ?"), {id});
    if (!deleted)
        return deleted.error();
    if (deleted->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, tr("There is no group with id %1.").arg(id));
    // A group in an application's scope is configuration too; any other group is data (issue 12: data writes leave
    // the configuration version alone, so that no server reloads every application for them).
    if (wasInAScope) {
        if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
            return bumped;
    }
    return tx.commit();
}

Result<Group> GroupStore::rename(const QString &id, const QString &displayName)
{
    const Result<QString> valid = Group::validateDisplayName(displayName);
    if (!valid)
        return valid.error();
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("directory_groups"), id); !locked)
        return locked.error();
    Result<Group> group = get(id);
    if (!group)
        return group.error();
    group->displayName = valid.value();
    Result<Group> updated = update(group.value());
    if (!updated)
        return updated.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return updated;
}

Result<Group> GroupStore::addMembers(const QString &id, const QStringList &accountIds)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const Result<Group> current = get(id);
    if (!current)
        return current.error();
    const QSet<QString> members(current->memberIds.cbegin(), current->memberIds.cend());
    QStringList added;
    for (const QString &accountId : unique(accountIds)) {
        if (!members.contains(accountId))
            added.append(accountId);
    }
    if (const Status valid = checkMembers(added); !valid)
        return valid.error();
    if (const Status inserted = insertMembers(id, added); !inserted)
        return inserted.error();
    if (const Status bumped = bumpVersion(id); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return get(id);
}

Result<Group> GroupStore::removeMembers(const QString &id, const QStringList &accountIds)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Result<Group> current = get(id); !current)
        return current.error();
    if (const Status deleted = deleteMembers(id, unique(accountIds)); !deleted)
        return deleted.error();
    if (const Status bumped = bumpVersion(id); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return get(id);
}

Result<QStringList> GroupStore::newMembers(const QString &id, const QStringList &accountIds) const
{
    const QStringList candidates = unique(accountIds);
    QSet<QString> existing;
    const Status read = forSlices(candidates, [&](const QStringList &slice) -> Status {
        QVariantList values{id};
        for (const QString &accountId : slice)
            values << accountId;
        Result<QSqlQuery> rows =
            m_db.exec(QStringLiteral("SELECT account_id FROM group_members WHERE group_id = ? AND account_id IN (%1)")
                          .arg(placeholders(slice.size())),
                      values);
        if (!rows)
            return rows.error();
        while (rows->next())
            existing.insert(rows->value(0).toString());
        rows->finish();
        return ok();
    });
    if (!read)
        return read.error();
    QStringList fresh;
    for (const QString &accountId : candidates) {
        if (!existing.contains(accountId))
            fresh.append(accountId);
    }
    return fresh;
}

Status GroupStore::changeMembers(const QString &id, const QStringList &added, const QStringList &removed)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status deleted = deleteMembers(id, removed); !deleted)
        return deleted;
    if (const Status inserted = insertMembers(id, added); !inserted)
        return inserted;
    return tx.commit();
}

Status GroupStore::checkMembers(const QStringList &accountIds) const
{
    return forSlices(accountIds, [this](const QStringList &slice) -> Status {
        Result<QSqlQuery> rows =
            m_db.exec(QStringLiteral("SELECT id FROM accounts WHERE id IN (%1)").arg(placeholders(slice.size())),
                      QVariantList(slice.cbegin(), slice.cend()));
        if (!rows)
            return rows.error();
        QSet<QString> found;
        while (rows->next())
            found.insert(rows->value(0).toString());
        rows->finish();
        for (const QString &accountId : slice) {
            if (!found.contains(accountId)) {
                return makeError(
                    ErrorCode::NotFound,
                    tr("The member %1 is not a user of this directory: group members must be users.").arg(accountId));
            }
        }
        return ok();
    });
}

Status GroupStore::insertMembers(const QString &groupId, const QStringList &accountIds)
{
    return forSlices(accountIds, [this, &groupId](const QStringList &slice) -> Status {
        QVariantList values;
        for (const QString &accountId : slice)
            values << groupId << accountId;
        const auto inserted = m_db.exec(QStringLiteral("INSERT INTO group_members (group_id, account_id) VALUES %1")
                                            .arg(placeholders(slice.size(), QStringLiteral("(?, ?)"))),
                                        values);
        return inserted ? ok() : Status(inserted.error());
    });
}

Status GroupStore::deleteMembers(const QString &groupId, const QStringList &accountIds)
{
    return forSlices(accountIds, [this, &groupId](const QStringList &slice) -> Status {
        QVariantList values{groupId};
        for (const QString &accountId : slice)
            values << accountId;
        const auto deleted =
            m_db.exec(QStringLiteral("DELETE FROM group_members WHERE group_id = ? AND account_id IN (%1)")
                          .arg(placeholders(slice.size())),
                      values);
        return deleted ? ok() : Status(deleted.error());
    });
}

Result<QStringList> GroupStore::members(const QString &groupId) const
{
    Result<QSqlQuery> rows = m_db.exec(
        QStringLiteral("SELECT account_id FROM group_members WHERE group_id = ? ORDER BY account_id"), {groupId});
    if (!rows)
        return rows.error();
    QStringList ids;
    while (rows->next())
        ids.append(rows->value(0).toString());
    return ids;
}

Status GroupStore::bumpVersion(const QString &groupId)
{
    const auto updated =
        m_db.exec(QStringLiteral("UPDATE directory_groups SET version = version + 1, modified = ? WHERE id = ?"),
                  {QDateTime::currentMSecsSinceEpoch(), groupId});
    if (!updated)
        return updated.error();
    return ok();
}

} // namespace ScimConsole::Core
