// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/store/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace ScimConsole::Test {

/// A fresh, empty store for one test: a SQLite file in a temporary folder, or — when the test runs with
/// SCIM_TEST_BACKEND=postgres — a new database on the PostgreSQL server named by SCIM_TEST_PG_URL (started by
/// scripts/test.sh), dropped again when this object dies.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    static Core::Backend backendUnderTest();

    /// Empty when the store could be made; otherwise why not.
    QString setupError() const { return m_error; }
    /// The location as the CLI takes it (--db): a file path or a postgresql:// URL.
    QString spec() const { return m_spec; }
    Core::DatabaseLocation location() const;
    /// Opens (and migrates) a connection; several may be open at once.
    std::unique_ptr<Core::Database> open();

private:
    QTemporaryDir m_dir;
    QString m_spec;
    QString m_pgDatabase;
    QString m_error;
};

} // namespace ScimConsole::Test

/// Creates `db` (a TestDatabase) and `database` (its open connection), failing the test if either fails.
#define SCIM_OPEN_TEST_DATABASE(db, database)                                                                          \
    ScimConsole::Test::TestDatabase db;                                                                                \
    QVERIFY2(db.setupError().isEmpty(), qPrintable(db.setupError()));                                                  \
    std::unique_ptr<ScimConsole::Core::Database> database = db.open();                                                 \
    QVERIFY(database)
