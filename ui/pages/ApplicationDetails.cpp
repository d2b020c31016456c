// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ApplicationDetails.h"

#include "core/store/ApplicationStore.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"

namespace ScimConsole::Gui {

using namespace Core;

Result<ApplicationDetails> ApplicationDetails::load(Database &db, const QString &appId)
{
    ApplicationDetails details;
    ApplicationStore apps(db);
    Result<AppRegistration> app = apps.get(appId);
    if (!app)
        return app.error();
    details.app = std::move(app).value();
    Result<SyncScope> scope = apps.scope(appId);
    if (!scope)
        return scope.error();
    details.scope = std::move(scope).value();
    Result<OrganizationTree> tree = OrganizationStore(db).tree();
    if (!tree)
        return tree.error();
    details.tree = std::move(tree).value();
    Result<QList<Group>> groups = GroupStore(db).list(0, 100000, false);
    if (!groups)
        return groups.error();
    details.groups = std::move(groups).value();
    std::sort(details.groups.begin(), details.groups.end(), [](const Group &a, const Group &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    Result<QList<BearerToken>> tokens = TokenStore(db).list(appId);
    if (!tokens)
        return tokens.error();
    details.tokens = std::move(tokens).value();
    Result<QHash<QString, QDateTime>> lastUse = SyncLogStore(db).lastTokenUse(appId);
    if (!lastUse)
        return lastUse.error();
    details.lastTokenUse = std::move(lastUse).value();
    Result<QList<ExtensionField>> fields = ExtensionFieldStore(db).list();
    if (!fields)
        return fields.error();
    details.fields = std::move(fields).value();
    return details;
}

} // namespace ScimConsole::Gui
