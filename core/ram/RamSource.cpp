// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamSource.h"

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/OrganizationStore.h"

namespace ScimConsole::Core {

Result<QList<Account>> RamSource::accounts(Database &db, const RamProfile &profile)
{
    SyncScope scope;
    if (!profile.sourceAppId.isEmpty()) {
        const Result<SyncScope> appScope = ApplicationStore(db).scope(profile.sourceAppId);
        if (!appScope)
            return appScope.error();
        scope = appScope.value();
    } else {
        scope.organizationIds = profile.sourceOrganizationIds;
        scope.groupIds = profile.sourceGroupIds;
    }
    if (scope.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("The profile \"%1\" has no source: choose an application or organizations and groups.")
                             .arg(profile.name));
    const Result<OrganizationTree> tree = OrganizationStore(db).tree();
    if (!tree)
        return tree.error();

    ListQuery page; // every account in scope, in creation order
    page.limit = 1000;
    page.withTotal = false;
    const AccountStore store(db);
    QList<Account> all;
    for (;; page.offset += page.limit) {
        Result<ListPage<Account>> accounts = store.page(page, scope, tree.value());
        if (!accounts)
            return accounts.error();
        all += accounts->items;
        if (accounts->items.size() < page.limit)
            break;
    }
    return all;
}

} // namespace ScimConsole::Core
