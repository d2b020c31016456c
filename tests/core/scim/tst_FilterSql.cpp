// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/FilterSql.h"
#include "core/scim/UserResource.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

/// Filters translated to SQL and run by the real store, on SQLite and on PostgreSQL: what each one matches.
class tst_FilterSql : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScimConsole::Test::TestDatabase> m_db;
    std::unique_ptr<Database> m_database;
    ScimContext m_context;
    QString m_groupId;

    /// A parsed filter read the way the engine reads it for this test's application.
    ResourceFilter filterOf(const FilterPtr &tree) const
    {
        return {tree, [this](const AttributePath &path) { return UserResource::attribute(path, m_context); }};
    }

    Account account(const QString &userName, const QString &displayName, const QString &email, bool active)
    {
        Account a;
        a.userName = userName;
        a.displayName = displayName;
        a.email = email;
        a.active = active;
        return a;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<ScimConsole::Test::TestDatabase>();
        QVERIFY2(m_db->setupError().isEmpty(), qPrintable(m_db->setupError()));
        m_database = m_db->open();
        QVERIFY(m_database);
        QVERIFY(ExtensionFieldStore(*m_database).create(u"badge"_s, FieldType::Number));
        QVERIFY(ExtensionFieldStore(*m_database).create(u"remote"_s, FieldType::Boolean));

        AccountStore accounts(*m_database);
        Account bjensen = account(u"bjensen@example.com"_s, u"Barbara Jensen"_s, u"bjensen@example.com"_s, true);
        bjensen.familyName = u"Jensen"_s;
        bjensen.externalId = u"EXT-1"_s;
        bjensen.extensionValues = {{u"badge"_s, 7}, {u"remote"_s, true}};
        Account jsmith = account(u"JSmith@Example.org"_s, u"John Smith"_s, u"jsmith@example.org"_s, false);
        jsmith.familyName = u"Smith"_s;
        jsmith.phoneNumber = u"+86 138 0013 8000"_s;
        jsmith.extensionValues = {{u"badge"_s, 12}};
        Account odd = account(u"100%_sure"_s, u"Percent O'Malley"_s, QString(), true);
        odd.externalId = u"ext-1"_s;
        const QString b = accounts.create(bjensen)->id;
        QVERIFY(accounts.create(jsmith));
        QVERIFY(accounts.create(odd));
        Group group;
        group.displayName = u"Admins"_s;
        group.memberIds = {b};
        m_groupId = GroupStore(*m_database).create(group)->id;

        m_context.app.namespaceUrn = u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s;
        m_context.mappedFields = ExtensionFieldStore(*m_database).list().value();
    }

    void cleanupTestCase()
    {
        m_database.reset();
        m_db.reset();
    }

    void matches_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("userNames");
        const QString b = u"bjensen@example.com"_s, j = u"JSmith@Example.org"_s, o = u"100%_sure"_s;
        QTest::newRow("eq userName ignores case (U-13)") << u"userName eq \"BJENSEN@example.com\""_s << QStringList{b};
        QTest::newRow("eq externalId is case-exact") << u"externalId eq \"EXT-1\""_s << QStringList{b};
        QTest::newRow("ne includes absent values") << u"externalId ne \"EXT-1\""_s << QStringList{j, o};
        QTest::newRow("co ignores case") << u"displayName co \"SMITH\""_s << QStringList{j};
        QTest::newRow("sw") << u"userName sw \"js\""_s << QStringList{j};
        QTest::newRow("ew") << u"userName ew \".COM\""_s << QStringList{b};
        QTest::newRow("co escapes % and _") << u"userName co \"%_\""_s << QStringList{o};
        QTest::newRow("co with a quote") << u"displayName co \"O'Malley\""_s << QStringList{o};
        QTest::newRow("pr") << u"externalId pr"_s << QStringList{b, o};
        QTest::newRow("pr on emails") << u"emails pr"_s << QStringList{b, j};
        QTest::newRow("gt string") << u"userName gt \"bz\""_s << QStringList{j};
        QTest::newRow("boolean") << u"active eq false"_s << QStringList{j};
        QTest::newRow("and") << u"active eq true and displayName sw \"B\""_s << QStringList{b};
        QTest::newRow("or") << u"name.familyName eq \"smith\" or externalId eq \"ext-1\""_s << QStringList{j, o};
        QTest::newRow("not") << u"not (active eq true)"_s << QStringList{j};
        QTest::newRow("not includes absent") << u"not (name.familyName eq \"Jensen\")"_s << QStringList{j, o};
        QTest::newRow("grouping") << u"(userName sw \"b\" or userName sw \"j\") and active eq true"_s << QStringList{b};
        QTest::newRow("value path") << u"emails[type eq \"work\" and value co \"@example.org\"]"_s << QStringList{j};
        QTest::newRow("emails.value") << u"emails.value eq \"BJENSEN@EXAMPLE.COM\""_s << QStringList{b};
        QTest::newRow("phoneNumbers.value") << u"phoneNumbers.value sw \"+86\""_s << QStringList{j};
        QTest::newRow("dateTime in time") << u"meta.created gt \"2000-01-01T00:00:00+08:00\""_s << QStringList{b, j, o};
        QTest::newRow("dateTime in the future") << u"meta.lastModified ge \"2999-01-01T00:00:00Z\""_s << QStringList{};
        QTest::newRow("URN-qualified core attribute")
            << u"urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"jsmith@example.org\""_s << QStringList{j};
        QTest::newRow("extension number gt (M-03)")
            << u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User:badge gt 10"_s << QStringList{j};
        QTest::newRow("extension boolean")
            << u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User:remote eq true"_s << QStringList{b};
        QTest::newRow("attribute names ignore case") << u"USERNAME EQ \"jsmith@example.org\""_s << QStringList{j};
    }

    void matches()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, userNames);
        const auto parsed = Filter::parse(filter);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
        const auto where = FilterSql::translate(filterOf(parsed.value()), AccountStore::column);
        QVERIFY2(where, where ? "" : qPrintable(where.error().detail));
        QVERIFY2(!where->sql.contains(u"example"_s), "values are bound, never in the SQL text");
        const auto found = AccountStore(*m_database).browse({{}, {}, {}, filterOf(parsed.value())}, 0, 100);
        QVERIFY2(found, found ? "" : qPrintable(found.error().detail));
        QStringList names;
        for (const Account &a : found.value())
            names << a.userName;
        names.sort();
        userNames.sort();
        QCOMPARE(names, userNames);
    }

    void membership_byGroup()
    {
        const auto parsed = Filter::parse(u"groups eq \""_s + m_groupId + u'"');
        const auto found = AccountStore(*m_database).browse({{}, {}, {}, filterOf(parsed.value())}, 0, 10);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().userName, u"bjensen@example.com"_s);
    }

    void untranslatable_areInvalidFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("unknown attribute") << u"nickName eq \"x\""_s;
        QTest::newRow("co on a boolean") << u"active co \"t\""_s;
        QTest::newRow("gt on a boolean") << u"active gt true"_s;
        QTest::newRow("malformed dateTime") << u"meta.created gt \"yesterday\""_s;
        QTest::newRow("word for a number")
            << u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User:badge gt many"_s;
        QTest::newRow("unmapped extension") << u"urn:ietf:params:scim:schemas:extension:other:2.0:User:badge eq 1"_s;
    }

    void untranslatable_areInvalidFilter()
    {
        QFETCH(QString, filter);
        const auto parsed = Filter::parse(filter);
        QVERIFY(parsed);
        const auto where = FilterSql::translate(filterOf(parsed.value()), AccountStore::column);
        QVERIFY(!where);
        QCOMPARE(where.error().code, ErrorCode::InvalidFilter);
        QCOMPARE(ScimError::fromError(where.error()).scimType, u"invalidFilter"_s);
        QVERIFY(where.error().message.startsWith(u"Invalid filter"_s));
        const auto found = AccountStore(*m_database).browse({{}, {}, {}, filterOf(parsed.value())}, 0, 10);
        QVERIFY(!found);
        QCOMPARE(found.error().code, ErrorCode::InvalidFilter);
    }
};

QTEST_GUILESS_MAIN(tst_FilterSql)
#include "tst_FilterSql.moc"
