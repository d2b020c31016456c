// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ScimConsole::Core {

enum class Backend {
    Sqlite,
    Postgres,
};

/// Where the store lives: a SQLite file, or a PostgreSQL database given as
/// postgresql://user:password@host:port/database (a missing password is left to libpq: PGPASSWORD, ~/.pgpass).
struct DatabaseLocation
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseLocation)

public:
    Backend backend = Backend::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;

    /// A file path, or a postgresql:// (postgres://) URL.
    /// What to say when a PostgreSQL password came on the command line, where every user of the machine can read
    /// it (ps, /proc/PID/cmdline).
    static QString commandLinePasswordWarning();
    static Result<DatabaseLocation> parse(const QString &spec);
    /// The default SQLite file under QStandardPaths::AppDataLocation.
    static DatabaseLocation defaultLocation();
    /// For messages and logs: never contains the password.
    QString displayName() const;
};

} // namespace ScimConsole::Core
