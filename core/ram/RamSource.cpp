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

    constexpr int Page = 1000;
    const SqlWhere where = AccountStore::scopeWhere(scope, tree.value());
    AccountStore store(db);
    QList<Account> all;
    for (int offset = 0;; offset += Page) {
        const Result<QList<Account>> page = store.search(where, QStringLiteral("a.created, a.id"), offset, Page);
        if (!page)
            return page.error();
        all += page.value();
        if (page->size() < Page)
            break;
    }
    return all;
}

} // namespace ScimConsole::Core
