// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamImport.h"

#include "core/store/AccountStore.h"
#include "core/store/Database.h"
#include "core/store/OrganizationStore.h"
#include "core/store/RamProfileStore.h"

namespace ScimConsole::Core {

Result<QList<Account>> RamImport::import(Database &db, const QString &profileId, const QList<RamUser> &users,
                                         const QString &orgId)
{
    if (const Result<Organization> org = OrganizationStore(db).get(orgId); !org)
        return org.error();
    Transaction tx(db);
    if (!tx)
        return tx.error();
    AccountStore accounts(db);
    RamProfileStore links(db);
    QList<Account> imported;
    for (const RamUser &user : users) {
        Account account;
        account.userName = user.userName;
        account.displayName = user.displayName;
        account.orgId = orgId;
        const Result<Account> created = accounts.create(account);
        if (!created) {
            if (created.error().code == ErrorCode::Conflict)
                return makeError(
                    ErrorCode::Conflict,
                    tr("The directory already has the userName \"%1\"; nothing was imported.").arg(user.userName));
            return created.error();
        }
        if (const Status linked = links.setLink(profileId, created->id, user.id); !linked)
            return linked.error();
        imported.append(created.value());
    }
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return imported;
}

} // namespace ScimConsole::Core
