// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/PushPlan.h"

#include "core/ram/RamUserName.h"

#include <QSet>

namespace ScimConsole::Core {

int PushPlan::count(PlanAction action) const
{
    return int(
        std::count_if(items.cbegin(), items.cend(), [action](const PlanItem &item) { return item.action == action; }));
}

QList<PlanItem> PushPlan::work() const
{
    QList<PlanItem> result;
    for (const PlanItem &item : items) {
        if (item.action == PlanAction::Create || item.action == PlanAction::Update || item.action == PlanAction::Delete)
            result.append(item);
    }
    return result;
}

QString PushPlan::actionName(PlanAction action)
{
    switch (action) {
    case PlanAction::Create:
        return QStringLiteral("create");
    case PlanAction::Update:
        return QStringLiteral("update");
    case PlanAction::Delete:
        return QStringLiteral("delete");
    case PlanAction::Conflict:
        return QStringLiteral("conflict");
    case PlanAction::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

PushPlan PushPlan::make(const QList<Account> &source, const QList<RamUser> &ram, const QHash<QString, QString> &links,
                        const RamProfile &profile, bool adopt)
{
    QHash<QString, const RamUser *> byId, byExternalId, byName;
    for (const RamUser &user : ram) {
        byId.insert(user.id, &user);
        if (!user.externalId.isEmpty())
            byExternalId.insert(user.externalId, &user);
        byName.insert(user.userName.toLower(), &user); // RAM compares names ignoring case
    }

    PushPlan plan;
    QSet<QString> sourceIds;
    QHash<QString, QString> claimedNames; // RAM userName (lower case) → directory userName that maps to it
    for (const Account &account : source) {
        sourceIds.insert(account.id);
        PlanItem item;
        item.accountId = account.id;
        item.directoryUserName = account.userName;

        const RamUser *linked = byExternalId.value(account.id);
        if (!linked && links.contains(account.id))
            linked = byId.value(links.value(account.id));

        if (!account.active) {
            if (profile.disabledAction == DisabledAction::Delete && linked) {
                item.action = PlanAction::Delete;
                item.ramId = linked->id;
                item.ramUserName = linked->userName;
                item.reason = tr("disabled in the directory; RAM has no soft delete");
            } else {
                item.action = PlanAction::Unchanged;
                item.reason = linked ? tr("disabled in the directory; left as it is in RAM")
                                     : tr("disabled in the directory; not in RAM");
            }
            plan.items.append(item);
            continue;
        }

        const Result<QString> name = RamUserName::map(account.userName, profile.userNameRule);
        if (!name) {
            item.action = PlanAction::Conflict;
            item.reason = name.error().message;
            plan.items.append(item);
            continue;
        }
        item.ramUserName = name.value();
        item.displayName = RamUserName::displayName(account.displayName, item.ramUserName);
        const QString key = item.ramUserName.toLower();
        if (claimedNames.contains(key)) {
            item.action = PlanAction::Conflict;
            item.reason =
                tr("maps to the RAM userName \"%1\", as \"%2\" does").arg(item.ramUserName, claimedNames.value(key));
            plan.items.append(item);
            continue;
        }
        claimedNames.insert(key, account.userName);

        const RamUser *sameName = byName.value(key);
        if (linked) {
            item.ramId = linked->id;
            if (sameName && sameName != linked) {
                item.action = PlanAction::Conflict;
                item.reason =
                    tr("the RAM userName \"%1\" is held by another RAM user (%2)").arg(item.ramUserName, sameName->id);
            } else {
                if (linked->userName != item.ramUserName)
                    item.changedFields << QStringLiteral("userName");
                if (linked->displayName != item.displayName)
                    item.changedFields << QStringLiteral("displayName");
                if (linked->externalId != account.id)
                    item.changedFields << QStringLiteral("externalId");
                item.action = item.changedFields.isEmpty() ? PlanAction::Unchanged : PlanAction::Update;
                item.reason = item.changedFields.isEmpty()
                                  ? tr("up to date")
                                  : tr("changed: %1").arg(item.changedFields.join(QStringLiteral(", ")));
            }
        } else if (sameName) {
            item.ramId = sameName->id;
            if (adopt) {
                item.action = PlanAction::Update;
                item.changedFields << QStringLiteral("externalId");
                if (sameName->displayName != item.displayName)
                    item.changedFields << QStringLiteral("displayName");
                item.reason = tr("adopts the RAM user of the same name");
            } else {
                item.action = PlanAction::Conflict;
                item.reason =
                    sameName->externalId.isEmpty()
                        ? tr("RAM already has \"%1\", made outside this console (no externalId); adopt it to link it")
                              .arg(sameName->userName)
                        : tr("RAM already has \"%1\" for another account (externalId %2)")
                              .arg(sameName->userName, sameName->externalId);
            }
        } else {
            item.action = PlanAction::Create;
            item.reason = tr("not in RAM yet");
        }
        plan.items.append(item);
    }

    // Users this profile made whose account has left the source (deleted, or out of scope): delete them.
    for (auto it = links.constBegin(); it != links.constEnd(); ++it) {
        if (sourceIds.contains(it.key()))
            continue;
        if (const RamUser *orphan = byId.value(it.value())) {
            PlanItem item;
            item.action = PlanAction::Delete;
            item.accountId = it.key();
            item.ramId = orphan->id;
            item.ramUserName = orphan->userName;
            item.reason = tr("its account left the source");
            plan.items.append(item);
        }
    }
    return plan;
}

} // namespace ScimConsole::Core
