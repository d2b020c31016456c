// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

namespace ScimConsole::Core {

class Database;

/// The numbered schema migrations. Each runs once, in its own transaction, in order; the applied versions are
/// recorded in schema_migrations. On PostgreSQL an advisory lock keeps two instances from migrating at once.
class Migrations
{
public:
    static Status run(Database &db);
    static int latestVersion();
};

} // namespace ScimConsole::Core
