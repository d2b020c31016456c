// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/PushPlan.h"
#include "core/ram/RamUserName.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_PushPlan : public QObject
{
    Q_OBJECT

private:
    static Account account(const QString &id, const QString &userName, const QString &displayName = {},
                           bool active = true)
    {
        Account a;
        a.id = id;
        a.userName = userName;
        a.displayName = displayName;
        a.active = active;
        return a;
    }
    static const PlanItem &itemFor(const PushPlan &plan, const QString &accountId)
    {
        for (const PlanItem &item : plan.items) {
            if (item.accountId == accountId)
                return item;
        }
        qFatal("no plan item for %s", qPrintable(accountId));
    }

private slots:
    void userName_rule_data()
    {
        QTest::addColumn<QString>("directory");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("ram"); // empty: refused
        QTest::newRow("R-11 local part, lower-cased")
            << u"Alice.Liddell@Example.com"_s << u"local-part"_s << u"alice.liddell"_s;
        QTest::newRow("R-11 no domain") << u"Bob_01"_s << u"local-part"_s << u"bob_01"_s;
        QTest::newRow("R-11 as-is keeps case") << u"Bob-01"_s << u"as-is"_s << u"Bob-01"_s;
        QTest::newRow("R-11 as-is refuses @") << u"bob@example.com"_s << u"as-is"_s << QString();
        QTest::newRow("R-11 space refused") << u"bob smith@example.com"_s << u"local-part"_s << QString();
        QTest::newRow("R-11 non-ASCII refused") << u"张三@example.com"_s << u"local-part"_s << QString();
        QTest::newRow("R-11 65 characters refused") << (QString(65, u'a') + u"@x.io"_s) << u"local-part"_s << QString();
        QTest::newRow("R-11 64 characters accepted")
            << (QString(64, u'a') + u"@x.io"_s) << u"local-part"_s << QString(64, u'a');
        QTest::newRow("R-11 empty local part refused") << u"@x.io"_s << u"local-part"_s << QString();
    }

    void userName_rule()
    {
        QFETCH(QString, directory);
        QFETCH(QString, rule);
        QFETCH(QString, ram);
        const Result<QString> mapped = RamUserName::map(directory, rule);
        QCOMPARE(bool(mapped), !ram.isEmpty());
        if (mapped)
            QCOMPARE(mapped.value(), ram);
    }

    void displayName_fallsBackAndIsCut() // R-11
    {
        QCOMPARE(RamUserName::displayName(QString(), u"alice"_s), u"alice"_s);
        QCOMPARE(RamUserName::displayName(u"  Alice L  "_s, u"alice"_s), u"Alice L"_s);
        QCOMPARE(RamUserName::displayName(QString(200, u'x'), u"a"_s).size(), 128);
    }

    void plan_createUpdateUnchanged() // R-05, R-06
    {
        RamProfile profile;
        const QList<Account> source{account(u"a1"_s, u"alice@x.io"_s, u"Alice"_s),
                                    account(u"a2"_s, u"bob@x.io"_s, u"Bob"_s),
                                    account(u"a3"_s, u"carol@x.io"_s, u"Carol"_s)};
        const QList<RamUser> ram{{u"r1"_s, u"alice"_s, u"Alice"_s, u"a1"_s}, {u"r2"_s, u"bob"_s, u"Robert"_s, u"a2"_s}};
        const PushPlan plan = PushPlan::make(source, ram, {}, profile);
        QCOMPARE(itemFor(plan, u"a1"_s).action, PlanAction::Unchanged);
        const PlanItem bob = itemFor(plan, u"a2"_s);
        QCOMPARE(bob.action, PlanAction::Update);
        QCOMPARE(bob.ramId, u"r2"_s);
        QCOMPARE(bob.changedFields, QStringList{u"displayName"_s});
        const PlanItem carol = itemFor(plan, u"a3"_s);
        QCOMPARE(carol.action, PlanAction::Create);
        QCOMPARE(carol.ramUserName, u"carol"_s);
        QCOMPARE(plan.work().size(), 2);
    }

    void plan_disabledFollowsTheProfile() // R-09
    {
        const QList<Account> source{account(u"a1"_s, u"alice@x.io"_s, u"Alice"_s, false),
                                    account(u"a2"_s, u"bob@x.io"_s, u"Bob"_s, false)};
        const QList<RamUser> ram{{u"r1"_s, u"alice"_s, u"Alice"_s, u"a1"_s}};
        RamProfile profile;
        PushPlan plan = PushPlan::make(source, ram, {}, profile);
        QCOMPARE(itemFor(plan, u"a1"_s).action, PlanAction::Delete);
        QCOMPARE(itemFor(plan, u"a1"_s).ramId, u"r1"_s);
        QCOMPARE(itemFor(plan, u"a2"_s).action, PlanAction::Unchanged);
        profile.disabledAction = DisabledAction::Keep;
        plan = PushPlan::make(source, ram, {}, profile);
        QCOMPARE(itemFor(plan, u"a1"_s).action, PlanAction::Unchanged);
    }

    void plan_conflictsAreNeverSent() // R-11
    {
        const QList<Account> source{account(u"a1"_s, u"bad name@x.io"_s), account(u"a2"_s, u"dup@x.io"_s),
                                    account(u"a3"_s, u"DUP@y.io"_s), account(u"a4"_s, u"manual@x.io"_s),
                                    account(u"a5"_s, u"foreign@x.io"_s)};
        const QList<RamUser> ram{{u"r1"_s, u"Manual"_s, u"Made in the console"_s, QString()},
                                 {u"r2"_s, u"foreign"_s, u"F"_s, u"someone-else"_s}};
        const PushPlan plan = PushPlan::make(source, ram, {}, RamProfile());
        QCOMPARE(itemFor(plan, u"a1"_s).action, PlanAction::Conflict);
        QCOMPARE(itemFor(plan, u"a2"_s).action, PlanAction::Create);
        QCOMPARE(itemFor(plan, u"a3"_s).action, PlanAction::Conflict); // same RAM name, ignoring case
        QVERIFY(itemFor(plan, u"a3"_s).reason.contains(u"dup@x.io"_s));
        QCOMPARE(itemFor(plan, u"a4"_s).action, PlanAction::Conflict);
        QVERIFY(itemFor(plan, u"a4"_s).reason.contains(u"adopt"_s));
        QCOMPARE(itemFor(plan, u"a5"_s).action, PlanAction::Conflict);
        QCOMPARE(plan.count(PlanAction::Conflict), 4);
        QCOMPARE(plan.work().size(), 1);
    }

    void plan_adoptTakesOverTheSameName()
    {
        const QList<Account> source{account(u"a4"_s, u"manual@x.io"_s, u"Manual"_s)};
        const QList<RamUser> ram{{u"r1"_s, u"manual"_s, u"Manual"_s, QString()}};
        const PushPlan plan = PushPlan::make(source, ram, {}, RamProfile(), true);
        const PlanItem item = itemFor(plan, u"a4"_s);
        QCOMPARE(item.action, PlanAction::Update);
        QCOMPARE(item.ramId, u"r1"_s);
        QCOMPARE(item.changedFields, QStringList{u"externalId"_s});
    }

    void plan_deletesWhatLeftTheSource()
    {
        const QList<RamUser> ram{{u"r1"_s, u"gone"_s, u"Gone"_s, u"a9"_s}, {u"r2"_s, u"stranger"_s, u"S"_s, u"zz"_s}};
        const PushPlan plan = PushPlan::make({}, ram, {{u"a9"_s, u"r1"_s}}, RamProfile());
        QCOMPARE(plan.work().size(), 1);
        QCOMPARE(plan.work().first().action, PlanAction::Delete);
        QCOMPARE(plan.work().first().ramId, u"r1"_s);
    }
};

QTEST_GUILESS_MAIN(tst_PushPlan)
#include "tst_PushPlan.moc"
