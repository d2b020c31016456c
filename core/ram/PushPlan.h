// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/Account.h"
#include "core/ram/RamProfile.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace ScimConsole::Core {

/// A user as RAM lists it.
struct RamUser
{
    QString id;
    QString userName;
    QString displayName;
    QString externalId;
};

enum class PlanAction {
    Create,
    Update,
    Delete,
    Unchanged,
    Conflict, // never sent: a name R-11 cannot map, a clash with a RAM user that is not ours
};

struct PlanItem
{
    PlanAction action = PlanAction::Unchanged;
    QString accountId; // empty for a RAM user whose account left the source
    QString directoryUserName;
    QString ramId;       // for Update and Delete
    QString ramUserName; // what RAM will hold
    QString displayName;
    QStringList changedFields; // for Update
    QString reason;            // why, in words, for the preview
};

/// The dry run of a push: what would be created, updated, deleted, left alone, and what conflicts, with reasons.
struct PushPlan
{
    Q_DECLARE_TR_FUNCTIONS(PushPlan)

public:
    QList<PlanItem> items;

    int count(PlanAction action) const;
    /// The items that are sent: Create, Update, Delete.
    QList<PlanItem> work() const;

    /// Plans a push of `source` (the directory accounts of the profile's source) against `ram` (every RAM user, as
    /// pulled). `links` (account id → RAM id) are the users this profile made before. `adopt`: a RAM user with the
    /// same userName but another or no externalId is taken over (PUT with our externalId) instead of a conflict.
    static PushPlan make(const QList<Account> &source, const QList<RamUser> &ram, const QHash<QString, QString> &links,
                         const RamProfile &profile, bool adopt = false);
    static QString actionName(PlanAction action);
};

} // namespace ScimConsole::Core
