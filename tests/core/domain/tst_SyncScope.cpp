// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/SyncScope.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

// root ─┬─ sales ── emea
//       └─ engineering
class tst_SyncScope : public QObject
{
    Q_OBJECT

private:
    static Organization org(const char *id, const char *parent, const char *name)
    {
        return Organization{QString::fromLatin1(id), QString::fromLatin1(parent), QString::fromLatin1(name), {}};
    }
    const OrganizationTree tree{{org("root", "", "Directory"), org("sales", "root", "Sales"),
                                 org("emea", "sales", "EMEA"), org("eng", "root", "Engineering")}};

private slots:
    void organization_bringsItsSubtree() // S-06
    {
        SyncScope scope;
        scope.organizationIds = {u"sales"_s};
        QVERIFY(scope.coversOrganization(u"sales"_s, tree));
        QVERIFY(scope.coversOrganization(u"emea"_s, tree));
        QVERIFY(!scope.coversOrganization(u"eng"_s, tree));
        QVERIFY(!scope.coversOrganization(u"root"_s, tree));
        QCOMPARE(scope.coveredOrganizations(tree), (QSet<QString>{u"sales"_s, u"emea"_s}));
    }

    void account_inScopeByOrganizationOrGroup() // S-06, S-02
    {
        SyncScope scope;
        scope.organizationIds = {u"emea"_s};
        scope.groupIds = {u"admins"_s};
        QVERIFY(scope.coversAccount(u"emea"_s, {}, tree));
        QVERIFY(!scope.coversAccount(u"eng"_s, {}, tree));
        QVERIFY2(scope.coversAccount(u"eng"_s, {u"admins"_s}, tree), "a member of a group in scope is in scope");
        QVERIFY(!scope.coversAccount(u"eng"_s, {u"others"_s}, tree));
        QVERIFY(!scope.coversAccount(QString(), {}, tree));
        QVERIFY(scope.coversGroup(u"admins"_s));
        QVERIFY(!scope.coversGroup(u"others"_s));
    }

    void emptyScope_coversNothing() // S-02
    {
        const SyncScope scope;
        QVERIFY(scope.isEmpty());
        QVERIFY(!scope.coversOrganization(u"root"_s, tree));
        QVERIFY(!scope.coversAccount(u"sales"_s, {}, tree));
    }

    void syncTarget_mustBeInsideScope() // S-04
    {
        SyncScope scope;
        scope.organizationIds = {u"sales"_s};
        scope.groupIds = {u"admins"_s};
        QVERIFY(scope.validateSyncTarget(u"sales"_s, tree));
        QVERIFY2(scope.validateSyncTarget(u"emea"_s, tree), "a node under a scope organization is inside");
        const Status outside = scope.validateSyncTarget(u"eng"_s, tree);
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, ErrorCode::InvalidInput);
        QVERIFY2(outside.error().message.contains(u"Directory / Engineering"), qPrintable(outside.error().message));
        QCOMPARE(scope.validateSyncTarget(u"nowhere"_s, tree).error().code, ErrorCode::NotFound);
    }

    void validate_everyChoiceExists() // S-01
    {
        SyncScope scope;
        scope.organizationIds = {u"sales"_s};
        scope.groupIds = {u"admins"_s};
        QVERIFY(scope.validate(tree, {u"admins"_s}));
        QCOMPARE(scope.validate(tree, {}).error().code, ErrorCode::NotFound);
        scope.organizationIds.append(u"ghost"_s);
        QCOMPARE(scope.validate(tree, {u"admins"_s}).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_SyncScope)
#include "tst_SyncScope.moc"
