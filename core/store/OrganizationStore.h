// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/OrganizationTree.h"

#include <QCoreApplication>

namespace ScimConsole::Core {

class Database;

/// The directory's organization tree. The root exists from the first migration on.
class OrganizationStore
{
    Q_DECLARE_TR_FUNCTIONS(OrganizationStore)

public:
    explicit OrganizationStore(Database &db)
        : m_db(db)
    {}

    /// A new organization under `parentId` (the root when empty). Names are unique among siblings, ignoring case.
    Result<Organization> create(const QString &name, const QString &parentId = {});
    Result<Organization> get(const QString &id) const;
    /// Same naming rules as create(); the root can be renamed too.
    Result<Organization> rename(const QString &id, const QString &name);
    /// Moves a node and its subtree under `parentId`. The root does not move; a node cannot move into its own subtree.
    Result<Organization> move(const QString &id, const QString &parentId);
    /// Refused while the node holds accounts or children, or an application's scope or sync target names it; the
    /// message says which.
    Status remove(const QString &id);
    /// Every organization, the root first, then by name.
    Result<QList<Organization>> list() const;
    Result<OrganizationTree> tree() const;
    Result<QString> rootId() const;

private:
    /// The unique sibling name index answers a clash as Conflict; this gives it the user's words.
    static Error nameTaken(const Error &error, const QString &name);

    Database &m_db;
};

} // namespace ScimConsole::Core
