// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/ram/PushPlan.h"

#include <QCoreApplication>

namespace ScimConsole::Core {

class Database;

/// Imports RAM users that no directory account matches (RAM-only after a pull) into the directory: one account per
/// user in `orgId`, named as in RAM, and linked to it for the profile, so that the next push adopts the RAM user
/// (it writes our externalId) instead of reporting a conflict. All or nothing.
class RamImport
{
    Q_DECLARE_TR_FUNCTIONS(RamImport)

public:
    static Result<QList<Account>> import(Database &db, const QString &profileId, const QList<RamUser> &users,
                                         const QString &orgId);
};

} // namespace ScimConsole::Core
