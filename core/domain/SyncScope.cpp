// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/SyncScope.h"

namespace ScimConsole::Core {

QSet<QString> SyncScope::coveredOrganizations(const OrganizationTree &tree) const
{
    QSet<QString> covered;
    for (const QString &orgId : organizationIds)
        covered.unite(tree.subtree(orgId));
    return covered;
}

bool SyncScope::coversOrganization(const QString &orgId, const OrganizationTree &tree) const
{
    for (const QString &scopeOrgId : organizationIds) {
        if (tree.isWithin(orgId, scopeOrgId))
            return true;
    }
    return false;
}

bool SyncScope::coversAccount(const QString &orgId, const QStringList &memberOfGroupIds,
                              const OrganizationTree &tree) const
{
    if (!orgId.isEmpty() && coversOrganization(orgId, tree))
        return true;
    for (const QString &groupId : memberOfGroupIds) {
        if (coversGroup(groupId))
            return true;
    }
    return false;
}

Status SyncScope::validate(const OrganizationTree &tree, const QSet<QString> &existingGroupIds) const
{
    for (const QString &orgId : organizationIds) {
        if (!tree.contains(orgId))
            return makeError(ErrorCode::NotFound, tr("There is no organization with id %1.").arg(orgId));
    }
    for (const QString &groupId : groupIds) {
        if (!existingGroupIds.contains(groupId))
            return makeError(ErrorCode::NotFound, tr("There is no group with id %1.").arg(groupId));
    }
    return ok();
}

Status SyncScope::validateSyncTarget(const QString &orgId, const OrganizationTree &tree) const
{
    if (!tree.contains(orgId))
        return makeError(ErrorCode::NotFound, tr("There is no organization with id %1.").arg(orgId));
    if (!coversOrganization(orgId, tree))
        return makeError(ErrorCode::InvalidInput,
                         tr("The sync target \"%1\" is outside the application's sync scope: choose an "
                            "organization inside the scope, or add it to the scope first.")
                             .arg(tree.path(orgId)));
    return ok();
}

} // namespace ScimConsole::Core
