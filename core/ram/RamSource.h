// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/Account.h"
#include "core/ram/RamProfile.h"

#include <QCoreApplication>
#include <QList>

namespace ScimConsole::Core {

class Database;

/// The directory accounts a profile pushes: those in one application's sync scope, or in the chosen organizations
/// (with their subtrees) and groups.
class RamSource
{
    Q_DECLARE_TR_FUNCTIONS(RamSource)

public:
    static Result<QList<Account>> accounts(Database &db, const RamProfile &profile);
};

} // namespace ScimConsole::Core
