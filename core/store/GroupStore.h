// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/Group.h"
#include "core/store/FilterSql.h"
#include "core/store/ListQuery.h"
#include "core/store/SqlWhere.h"

#include <QCoreApplication>
#include <QList>

namespace ScimConsole::Core {

class Database;

/// Directory groups and their members. G-02: members are accounts, and every member id must name one.
class GroupStore
{
    Q_DECLARE_TR_FUNCTIONS(GroupStore)

public:
    /// The table a write locks (Transaction::lockRow) before it reads the row it changes.
    static constexpr QLatin1StringView Table{"directory_groups"};

    explicit GroupStore(Database &db)
        : m_db(db)
    {}

    /// Assigns id, times and version 1, and stores the members.
    Result<Group> create(Group group);
    /// Replaces displayName, externalId and the member list of `group.id`; bumps its version.
    Result<Group> update(Group group);
    /// With `withMembers` false the member list is not read at all.
    Result<Group> get(const QString &id, bool withMembers = true) const;
    /// Groups ordered by creation; with `withMembers` false the member lists are not read at all.
    Result<QList<Group>> list(int offset, int limit, bool withMembers = true) const;
    /// S-02: a page of the groups among `scopeIds` (an application's groups in scope) that match the query's
    /// filter. A filter the store cannot apply is ErrorCode::InvalidFilter.
    Result<ListPage<Group>> page(const ListQuery &query, const QStringList &scopeIds, bool withMembers) const;
    /// How groups keep a stored attribute (FilterSql), as columns of the table aliased "g".
    static std::optional<SqlColumn> column(const StoredAttribute &attribute);
    /// Whether a list of groups can be sorted by `attribute` (one value per row, in the row itself).
    static bool sortable(const StoredAttribute &attribute) { return FilterSql::sortable(column(attribute)); }
    Status remove(const QString &id);
    /// A new displayName (G-01); members stay, the version moves.
    Result<Group> rename(const QString &id, const QString &displayName);
    /// Adds members (existing ones are kept) and bumps the version.
    Result<Group> addMembers(const QString &id, const QStringList &accountIds);
    /// Removes members (absent ones are ignored) and bumps the version.
    Result<Group> removeMembers(const QString &id, const QStringList &accountIds);
    /// The ids among `accountIds` that are not members of the group yet, each once, in their order.
    Result<QStringList> newMembers(const QString &id, const QStringList &accountIds) const;
    /// Inserts `added` and deletes `removed`: a few statements, whatever the group's size, and nothing read back
    /// (SCIM PATCH of members, issue 12). `added` are no members yet and the caller checked that they are users (the
    /// engine checks them against the scope, which says as much; the foreign key refuses any other). The caller
    /// bumps the version.
    Status changeMembers(const QString &id, const QStringList &added, const QStringList &removed);
    Status bumpVersion(const QString &groupId);

private:
    /// Groups of the table aliased "g" that satisfy `where`, in `orderBy` order.
    Result<QList<Group>> search(const SqlWhere &where, const QString &orderBy, int offset, int limit,
                                bool withMembers) const;
    Result<qint64> count(const SqlWhere &where) const;
    /// Set-based, in slices of a few hundred ids per statement.
    Status checkMembers(const QStringList &accountIds) const;
    Status insertMembers(const QString &groupId, const QStringList &accountIds);
    Status deleteMembers(const QString &groupId, const QStringList &accountIds);
    Result<QStringList> members(const QString &groupId) const;
    Status loadMembers(QList<Group> &groups) const;

    Database &m_db;
};

} // namespace ScimConsole::Core
