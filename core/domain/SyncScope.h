// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/OrganizationTree.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace ScimConsole::Core {

/// S-01: the organizations and groups an application may see and write. S-06: an organization brings its whole
/// subtree; a group brings itself, and its members are in scope as accounts.
struct SyncScope
{
    Q_DECLARE_TR_FUNCTIONS(SyncScope)

public:
    QStringList organizationIds;
    QStringList groupIds;

    bool isEmpty() const { return organizationIds.isEmpty() && groupIds.isEmpty(); }

    /// Every organization the scope covers (S-06: each chosen node with its subtree).
    QSet<QString> coveredOrganizations(const OrganizationTree &tree) const;
    bool coversOrganization(const QString &orgId, const OrganizationTree &tree) const;
    bool coversGroup(const QString &groupId) const { return groupIds.contains(groupId); }
    /// S-06: an account is in scope if its organization is, or it is a member of a group in scope.
    bool coversAccount(const QString &orgId, const QStringList &memberOfGroupIds, const OrganizationTree &tree) const;

    /// S-01: every chosen organization and group must exist.
    Status validate(const OrganizationTree &tree, const QSet<QString> &existingGroupIds) const;
    /// S-04: the sync target must be an organization inside the scope (a group in scope does not count).
    Status validateSyncTarget(const QString &orgId, const OrganizationTree &tree) const;
};

} // namespace ScimConsole::Core
