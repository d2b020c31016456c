// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "tests/support/TestDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace ScimConsole::Test {

namespace {
QString adminUrl()
{
    return qEnvironmentVariable("SCIM_TEST_PG_URL");
}

// Runs one statement on the server's maintenance database, outside any transaction.
QString runAdmin(const QString &sql)
{
    const Core::Result<Core::DatabaseLocation> admin = Core::DatabaseLocation::parse(adminUrl());
    if (!admin)
        return admin.error().message;
    const QString name = QStringLiteral("test-admin-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin->host);
        db.setPort(admin->port);
        db.setUserName(admin->user);
        db.setPassword(admin->password);
        db.setDatabaseName(admin->database);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}
} // namespace

Core::Backend TestDatabase::backendUnderTest()
{
    return qEnvironmentVariable("SCIM_TEST_BACKEND") == u"postgres" ? Core::Backend::Postgres : Core::Backend::Sqlite;
}

TestDatabase::TestDatabase()
{
    if (backendUnderTest() == Core::Backend::Sqlite) {
        if (!m_dir.isValid())
            m_error = QStringLiteral("cannot create a temporary folder");
        m_spec = m_dir.filePath(QStringLiteral("store.sqlite"));
        return;
    }
    if (adminUrl().isEmpty()) {
        m_error = QStringLiteral("SCIM_TEST_BACKEND=postgres needs SCIM_TEST_PG_URL; run the tests through "
                                 "scripts/test.sh, which starts a PostgreSQL server");
        return;
    }
    m_pgDatabase = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    if (const QString error = runAdmin(QStringLiteral("CREATE DATABASE %1").arg(m_pgDatabase)); !error.isEmpty()) {
        m_error = QStringLiteral("cannot create a test database: ") + error;
        m_pgDatabase.clear();
        return;
    }
    QUrl url(adminUrl());
    url.setPath(u'/' + m_pgDatabase);
    m_spec = url.toString();
}

TestDatabase::~TestDatabase()
{
    if (!m_pgDatabase.isEmpty())
        runAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase));
}

Core::DatabaseLocation TestDatabase::location() const
{
    return Core::DatabaseLocation::parse(m_spec).value();
}

std::unique_ptr<Core::Database> TestDatabase::open()
{
    Core::Result<std::unique_ptr<Core::Database>> opened = Core::Database::open(location());
    if (!opened) {
        qWarning("cannot open the test store: %s (%s)", qPrintable(opened.error().message),
                 qPrintable(opened.error().detail));
        return nullptr;
    }
    return std::move(opened).value();
}

} // namespace ScimConsole::Test
