// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/OrganizationStore.h"

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_OrganizationStore : public QObject
{
    Q_OBJECT

private slots:
    void root_existsFromTheStart()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const auto root = orgs.rootId();
        QVERIFY(root);
        QVERIFY(orgs.get(root.value())->isRoot());
        QCOMPARE(orgs.list()->size(), 1);
    }

    void create_underRootOrParent()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const auto sales = orgs.create(u"Sales"_s);
        QVERIFY(sales);
        QCOMPARE(sales->parentId, orgs.rootId().value());
        const auto emea = orgs.create(u"EMEA"_s, sales->id);
        QCOMPARE(emea->parentId, sales->id);
        const auto tree = orgs.tree();
        QCOMPARE(tree->path(emea->id), u"Directory / Sales / EMEA"_s);
        QCOMPARE(orgs.list()->first().id, orgs.rootId().value());
    }

    void siblingNames_uniqueIgnoringCase()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const QString sales = orgs.create(u"Sales"_s)->id;
        QCOMPARE(orgs.create(u"sales"_s).error().code, ErrorCode::Conflict);
        QVERIFY2(orgs.create(u"Sales"_s, sales), "the same name under another parent is fine");
        QCOMPARE(orgs.create(u"X"_s, u"ghost"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(orgs.create(u" "_s).error().code, ErrorCode::InvalidInput);
    }

    void rename_keepsSiblingNamesUnique()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const QString sales = orgs.create(u"Sales"_s)->id;
        QVERIFY(orgs.create(u"Support"_s));
        QCOMPARE(orgs.rename(sales, u" Field sales "_s)->name, u"Field sales"_s);
        QCOMPARE(orgs.get(sales)->name, u"Field sales"_s);
        const auto clash = orgs.rename(sales, u"SUPPORT"_s);
        QCOMPARE(clash.error().code, ErrorCode::Conflict);
        QVERIFY(clash.error().message.contains(u"SUPPORT"_s));
        QCOMPARE(orgs.rename(u"ghost"_s, u"X"_s).error().code, ErrorCode::NotFound);
    }

    void move_carriesTheSubtreeAndRefusesCycles()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const QString sales = orgs.create(u"Sales"_s)->id;
        const QString emea = orgs.create(u"EMEA"_s, sales)->id;
        const QString paris = orgs.create(u"Paris"_s, emea)->id;
        const QString europe = orgs.create(u"Europe"_s)->id;
        QCOMPARE(orgs.move(emea, europe)->parentId, europe);
        QCOMPARE(orgs.tree()->path(paris), u"Directory / Europe / EMEA / Paris"_s);
        QCOMPARE(orgs.move(europe, paris).error().code, ErrorCode::InvalidInput); // below itself
        QCOMPARE(orgs.move(europe, europe).error().code, ErrorCode::InvalidInput);
        QCOMPARE(orgs.move(orgs.rootId().value(), europe).error().code, ErrorCode::InvalidInput);
        QVERIFY(orgs.create(u"EMEA"_s, sales));
        QCOMPARE(orgs.move(emea, sales).error().code, ErrorCode::Conflict); // a sibling has that name
    }

    void remove_refusedWhileInUse()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const QString sales = orgs.create(u"Sales"_s)->id;
        const QString emea = orgs.create(u"EMEA"_s, sales)->id;
        QCOMPARE(orgs.remove(orgs.rootId().value()).error().code, ErrorCode::InvalidInput);
        const auto withChild = orgs.remove(sales);
        QCOMPARE(withChild.error().code, ErrorCode::Conflict);
        QVERIFY2(withChild.error().message.contains(u"below"_s), qPrintable(withChild.error().message));

        Account account;
        account.userName = u"ana"_s;
        account.orgId = emea;
        const QString accountId = AccountStore(*database).create(account)->id;
        const auto withAccount = orgs.remove(emea);
        QCOMPARE(withAccount.error().code, ErrorCode::Conflict);
        QVERIFY2(withAccount.error().message.contains(u"account"_s), qPrintable(withAccount.error().message));
        QVERIFY(AccountStore(*database).remove(accountId));

        // S-04: a scope or target naming the node keeps it.
        ApplicationStore apps(*database);
        const QString app = apps.create(u"Okta"_s, AppKind::Standard)->id;
        QVERIFY(apps.setScope(app, SyncScope{{emea}, {}}));
        const auto inScope = orgs.remove(emea);
        QCOMPARE(inScope.error().code, ErrorCode::Conflict);
        QVERIFY2(inScope.error().message.contains(u"Okta"_s), qPrintable(inScope.error().message));
        QVERIFY(apps.setScope(app, SyncScope{}));

        QVERIFY(orgs.remove(emea));
        QVERIFY(orgs.remove(sales));
        QCOMPARE(orgs.get(sales).error().code, ErrorCode::NotFound);
        QCOMPARE(orgs.remove(sales).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_OrganizationStore)
#include "tst_OrganizationStore.moc"
