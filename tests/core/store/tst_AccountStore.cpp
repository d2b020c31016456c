// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PasswordPolicy.h"
#include "core/store/AccountStore.h"
#include "core/store/Database.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_AccountStore : public QObject
{
    Q_OBJECT

private:
    static Account alice()
    {
        Account account;
        account.userName = u"Alice@Example.com"_s;
        account.externalId = u"ext-1"_s;
        account.displayName = u"Alice"_s;
        account.givenName = u"Alice"_s;
        account.familyName = u"Liddell"_s;
        account.email = u"alice@example.com"_s;
        account.phoneNumber = u"+86 138 0013 8000"_s;
        account.phoneDigits = u"13800138000"_s;
        account.phoneRegion = u"86"_s;
        return account;
    }

private slots:
    void create_roundTripsEveryField() // U-01 .. U-12
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        AccountStore accounts(*database);
        Account input = alice();
        input.orgId = OrganizationStore(*database).rootId().value();
        input.active = false;
        input.passwordHash = PasswordHash::create(u"Passw0rd"_s);
        const auto created = accounts.create(input);
        QVERIFY2(created, created ? "" : qPrintable(created.error().detail));
        QVERIFY(!created->id.isEmpty());
        QCOMPARE(created->version, 1);

        const auto stored = accounts.get(created->id);
        QVERIFY(stored);
        QCOMPARE(stored->userName, input.userName);
        QCOMPARE(stored->externalId, input.externalId);
        QCOMPARE(stored->familyName, input.familyName);
        QCOMPARE(stored->email, input.email);
        QCOMPARE(stored->phoneNumber, input.phoneNumber);
        QCOMPARE(stored->phoneRegion, input.phoneRegion);
        QCOMPARE(stored->active, false);
        QCOMPARE(stored->orgId, input.orgId);
        QVERIFY(PasswordHash::verify(u"Passw0rd"_s, stored->passwordHash));
        QVERIFY(stored->formattedName.isEmpty());
        QCOMPARE(stored->created, created->created.addMSecs(0));
    }

    void userName_uniqueIgnoringCase() // U-13, I-01
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        AccountStore accounts(*database);
        QVERIFY(accounts.create(alice()));
        Account again = alice();
        again.userName = u"alice@example.COM"_s;
        const auto duplicate = accounts.create(again);
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
        QVERIFY(duplicate.error().message.contains(again.userName));
        QCOMPARE(accounts.count().value(), 1);
        QCOMPARE(accounts.findByUserName(u"ALICE@example.com"_s)->userName, alice().userName);
    }

    void externalId_isIndexedNotUnique() // U-07, I-01
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        AccountStore accounts(*database);
        Account a = alice();
        Account b = alice();
        b.userName = u"bob@example.com"_s;
        QVERIFY(accounts.create(a));
        QVERIFY(accounts.create(b));
        QCOMPARE(accounts.findByExternalId(u"ext-1"_s)->size(), 2);
        QVERIFY(accounts.findByExternalId(u"none"_s)->isEmpty());
    }

    void update_bumpsVersionAndKeepsUniqueness() // U-13
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        AccountStore accounts(*database);
        Account a = accounts.create(alice()).value();
        Account b = alice();
        b.userName = u"bob"_s;
        b = accounts.create(b).value();

        a.displayName = u"Alice L."_s;
        const auto updated = accounts.update(a);
        QVERIFY(updated);
        QCOMPARE(updated->version, 2);
        QCOMPARE(accounts.get(a.id)->displayName, u"Alice L."_s);

        b.userName = u"ALICE@example.com"_s;
        QCOMPARE(accounts.update(b).error().code, ErrorCode::Conflict);
        QCOMPARE(accounts.get(b.id)->userName, u"bob"_s);
        Account ghost = alice();
        ghost.id = u"ghost"_s;
        QCOMPARE(accounts.update(ghost).error().code, ErrorCode::NotFound);
    }

    void invalidInput_isRefusedAndStoresNothing() // U-02, U-10
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        AccountStore accounts(*database);
        Account noName = alice();
        noName.userName.clear();
        QCOMPARE(accounts.create(noName).error().code, ErrorCode::InvalidInput);
        Account badOrg = alice();
        badOrg.orgId = u"ghost"_s;
        QCOMPARE(accounts.create(badOrg).error().code, ErrorCode::NotFound);
        QCOMPARE(accounts.count().value(), 0);
    }

    void extensionValues_typedAndAtomic() // M-03, M-04
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ExtensionFieldStore fields(*database);
        QVERIFY(fields.create(u"badge"_s, FieldType::Number));
        QVERIFY(fields.create(u"remote"_s, FieldType::Boolean));
        AccountStore accounts(*database);

        Account input = alice();
        input.extensionValues = {{u"badge"_s, u"42"_s}, {u"remote"_s, true}};
        const auto created = accounts.create(input);
        QVERIFY(created);
        const auto stored = accounts.get(created->id);
        QCOMPARE(stored->extensionValues.value(u"badge"_s), QJsonValue(42));
        QCOMPARE(stored->extensionValues.value(u"remote"_s), QJsonValue(true));

        Account wrongType = alice();
        wrongType.userName = u"carol"_s;
        wrongType.extensionValues = {{u"badge"_s, u"many"_s}};
        QCOMPARE(accounts.create(wrongType).error().code, ErrorCode::InvalidInput);
        QVERIFY2(!accounts.findByUserName(u"carol"_s), "a failed extension value leaves no account behind");

        Account unknownField = alice();
        unknownField.userName = u"dave"_s;
        unknownField.extensionValues = {{u"title"_s, u"CEO"_s}};
        QCOMPARE(accounts.create(unknownField).error().code, ErrorCode::NotFound);
        QVERIFY(!accounts.findByUserName(u"dave"_s));
    }

    /// Issue 12: which statements a list page runs. A first page shorter than its limit holds every match, so its
    /// length is the total (a `userName eq` filter: one statement); otherwise the total is counted, and a page
    /// beyond the end is not read.
    void readPage_countsOnlyWhenThePageCannotTell_data()
    {
        QTest::addColumn<int>("matches");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("withTotal");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<int>("items");
        QTest::addColumn<bool>("counted");
        QTest::addColumn<bool>("read");
        QTest::newRow("one match") << 1 << 0 << 100 << true << qint64(1) << 1 << false << true;
        QTest::newRow("none") << 0 << 0 << 100 << true << qint64(0) << 0 << false << true;
        QTest::newRow("a full first page") << 250 << 0 << 100 << true << qint64(250) << 100 << true << true;
        QTest::newRow("exactly the limit") << 100 << 0 << 100 << true << qint64(100) << 100 << true << true;
        QTest::newRow("a later page") << 250 << 200 << 100 << true << qint64(250) << 50 << true << true;
        QTest::newRow("beyond the end") << 250 << 300 << 100 << true << qint64(250) << 0 << true << false;
        QTest::newRow("count=0") << 250 << 0 << 0 << true << qint64(250) << 0 << true << false;
        QTest::newRow("no total wanted") << 250 << 0 << 100 << false << qint64(-1) << 100 << false << true;
    }

    void readPage_countsOnlyWhenThePageCannotTell()
    {
        QFETCH(int, matches);
        QFETCH(int, offset);
        QFETCH(int, limit);
        QFETCH(bool, withTotal);
        ListQuery query;
        query.offset = offset;
        query.limit = limit;
        query.withTotal = withTotal;
        bool counted = false;
        bool read = false;
        const Result<ListPage<int>> page = readPage<int>(
            query,
            [&]() -> Result<qint64> {
                counted = true;
                return qint64(matches);
            },
            [&]() -> Result<QList<int>> {
                read = true;
                QList<int> items;
                for (int i = offset; i < qMin(matches, offset + limit); ++i)
                    items << i;
                return items;
            });
        QVERIFY(page);
        QTEST(page->total, "total");
        QTEST(int(page->items.size()), "items");
        QTEST(counted, "counted");
        QTEST(read, "read");
    }

    /// Issue 12: a reader that shows no extension values (an application that maps none) skips their statement;
    /// every other reader gets the whole account.
    void reads_withoutExtensionValuesSkipsOnlyThem()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        QVERIFY(ExtensionFieldStore(*database).create(u"badge"_s, FieldType::Number));
        const Organization org = OrganizationStore(*database).create(u"Org"_s, {}).value();
        Account input = alice();
        input.orgId = org.id;
        input.extensionValues = {{u"badge"_s, 7}};
        const Account created = AccountStore(*database).create(input).value();
        SyncScope everything;
        everything.organizationIds = {org.id};
        const OrganizationTree tree = OrganizationStore(*database).tree().value();

        const Account whole = AccountStore(*database).getInScope(created.id, everything, tree).value();
        QCOMPARE(whole.extensionValues.value(u"badge"_s), QJsonValue(7));
        AccountStore lean(*database, AccountStore::Reads::WithoutExtensionValues);
        const Account read = lean.getInScope(created.id, everything, tree).value();
        QVERIFY(read.extensionValues.isEmpty());
        QCOMPARE(read.userName, whole.userName);
        QCOMPARE(read.version, whole.version);
        QCOMPARE(lean.get(created.id)->displayName, whole.displayName);
    }

    /// S-02, S-06: an account is in scope through its organization's subtree or a group of the scope; otherwise it
    /// is not found, exactly as one that does not exist.
    void getInScope_throughSubtreeOrGroup()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const Organization sales = orgs.create(u"Sales"_s, {}).value();
        const Organization east = orgs.create(u"East"_s, sales.id).value();
        const Organization other = orgs.create(u"Other"_s, {}).value();
        AccountStore accounts(*database);
        const auto account = [&](const QString &name, const QString &orgId) {
            Account a;
            a.userName = name;
            a.orgId = orgId;
            return accounts.create(a).value().id;
        };
        const QString inSubtree = account(u"east@example.com"_s, east.id);
        const QString inGroup = account(u"member@example.com"_s, other.id);
        const QString outside = account(u"outside@example.com"_s, other.id);
        const QString noOrg = account(u"noorg@example.com"_s, {});
        Group group;
        group.displayName = u"Scoped"_s;
        group.memberIds = {inGroup};
        const QString groupId = GroupStore(*database).create(group)->id;
        Group unscoped;
        unscoped.displayName = u"Unscoped"_s;
        unscoped.memberIds = {outside, noOrg};
        QVERIFY(GroupStore(*database).create(unscoped));

        SyncScope scope;
        scope.organizationIds = {sales.id};
        scope.groupIds = {groupId};
        const OrganizationTree tree = orgs.tree().value();
        QCOMPARE(accounts.getInScope(inSubtree, scope, tree)->userName, u"east@example.com"_s);
        QCOMPARE(accounts.getInScope(inGroup, scope, tree)->userName, u"member@example.com"_s);
        for (const QString &id : {outside, noOrg, u"no-such-id"_s})
            QCOMPARE(accounts.getInScope(id, scope, tree).error().code, ErrorCode::NotFound);
        scope.groupIds.clear();
        QCOMPARE(accounts.getInScope(inGroup, scope, tree).error().code, ErrorCode::NotFound);
        QVERIFY(accounts.getInScope(inSubtree, scope, tree));
    }

    void remove_isHardAndLeavesNoMembership()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        AccountStore accounts(*database);
        const Account a = accounts.create(alice()).value();
        Group group;
        group.displayName = u"G"_s;
        group.memberIds = {a.id};
        const QString groupId = GroupStore(*database).create(group)->id;
        QCOMPARE(accounts.groupIds(a.id).value(), QStringList{groupId});
        QVERIFY(accounts.remove(a.id));
        QCOMPARE(accounts.get(a.id).error().code, ErrorCode::NotFound);
        QVERIFY(GroupStore(*database).get(groupId)->memberIds.isEmpty());
        QCOMPARE(accounts.remove(a.id).error().code, ErrorCode::NotFound);
        QVERIFY2(accounts.create(alice()), "the userName is free again");
    }

    void list_pagesInCreationOrder()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        AccountStore accounts(*database);
        for (int i = 0; i < 5; ++i) {
            Account account;
            account.userName = u"user%1"_s.arg(i);
            QVERIFY(accounts.create(account));
        }
        QCOMPARE(accounts.count().value(), 5);
        const auto page = accounts.list(2, 2);
        QCOMPARE(page->size(), 2);
        QCOMPARE(accounts.list(0, 10)->size(), 5);
        QCOMPARE(accounts.list(4, 10)->size(), 1);
    }

    /// Issue 12: deep pages of a list in creation order seek from kept anchors on a server connection; every page,
    /// in both directions and across a change made by another connection, is exactly the page OFFSET gives.
    void page_deepPagesFromAnchors_matchOffset()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        std::unique_ptr<Database> server = db.open();
        QVERIFY(server);
        server->enableStatementCache();
        const Result<Organization> org = OrganizationStore(*database).create(u"Org"_s, {});
        QVERIFY(org);
        AccountStore accounts(*database);
        constexpr int Total = 2600;
        {
            Transaction tx(*database);
            for (int i = 0; i < Total; ++i) {
                Account account;
                account.userName = u"user%1"_s.arg(i);
                account.orgId = i % 7 ? org->id : QString(); // some outside the scope
                QVERIFY(accounts.create(account));
            }
            QVERIFY(tx.commit());
        }
        SyncScope scope;
        scope.organizationIds = {org->id};
        const OrganizationTree tree = OrganizationStore(*database).tree().value();
        const auto expected = [&](bool descending) {
            QStringList ids;
            const QList<Account> listed = accounts.list(0, Total + 10).value();
            for (const Account &account : listed) {
                if (!account.orgId.isEmpty())
                    ids << account.id;
            }
            if (descending)
                std::reverse(ids.begin(), ids.end());
            return ids;
        };
        const auto check = [&](bool descending) {
            const QStringList all = expected(descending);
            for (const int offset : {0, 998, 999, 1000, 1001, 1999, 2000, 2200, int(all.size()) - 1, int(all.size())}) {
                ListQuery query;
                query.descending = descending;
                query.offset = offset;
                query.limit = 50;
                const Result<ListPage<Account>> page = AccountStore(*server).page(query, scope, tree);
                QVERIFY2(page, page ? "" : qPrintable(page.error().detail));
                QCOMPARE(page->total, all.size());
                QStringList ids;
                for (const Account &account : page->items)
                    ids << account.id;
                QCOMPARE(ids, all.mid(offset, 50));
            }
        };
        check(false);
        check(true);
        check(false); // again, from the kept anchors
        // Another connection removes rows before the anchors: every later page moves by as many.
        const QStringList first = expected(false);
        QVERIFY(accounts.remove(first.at(3)));
        QVERIFY(accounts.remove(first.at(1500)));
        check(false);
        check(true);
    }
};

QTEST_GUILESS_MAIN(tst_AccountStore)
#include "tst_AccountStore.moc"
