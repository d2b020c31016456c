// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/GroupStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_GroupStore : public QObject
{
    Q_OBJECT

private:
    static QString user(Database &db, const QString &name)
    {
        Account account;
        account.userName = name;
        return AccountStore(db).create(account).value().id;
    }

private slots:
    void create_withUserMembers() // G-01, G-02
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        GroupStore groups(*database);
        const QString a = user(*database, u"a"_s);
        const QString b = user(*database, u"b"_s);
        Group input;
        input.displayName = u"Engineering"_s;
        input.externalId = u"g-ext"_s;
        input.memberIds = {a, b, a};
        const auto created = groups.create(input);
        QVERIFY(created);
        const auto stored = groups.get(created->id);
        QCOMPARE(stored->displayName, u"Engineering"_s);
        QCOMPARE(stored->externalId, u"g-ext"_s);
        QCOMPARE(stored->memberIds.size(), 2);
        QVERIFY(stored->memberIds.contains(a) && stored->memberIds.contains(b));
    }

    void unknownMember_isRefusedAndStoresNothing() // G-02
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        GroupStore groups(*database);
        Group input;
        input.displayName = u"G"_s;
        input.memberIds = {u"not-a-user"_s};
        const auto created = groups.create(input);
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::NotFound);
        QVERIFY(created.error().message.contains(u"not-a-user"_s));
        QVERIFY(groups.list(0, 10)->isEmpty());
        input.memberIds.clear();
        input.displayName = u"  "_s;
        QCOMPARE(groups.create(input).error().code, ErrorCode::InvalidInput);
    }

    /// Issue 12: a group is configuration only while an application's scope names it. Deleting any other group is a
    /// data write and leaves the configuration version (which makes every server reload every application) alone.
    void delete_bumpsTheConfigurationOnlyForAScopedGroup() // S-06
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        GroupStore groups(*database);
        Group input;
        input.displayName = u"Plain"_s;
        const QString plain = groups.create(input).value().id;
        input.displayName = u"Scoped"_s;
        const QString scoped = groups.create(input).value().id;
        const auto created = ApplicationStore(*database).create(u"App"_s, AppKind::Standard);
        QVERIFY(created);
        QVERIFY(ApplicationStore(*database).setScope(created->id, SyncScope{{}, {scoped}}));

        const qint64 before = database->configVersion().value();
        QVERIFY(groups.remove(plain));
        QCOMPARE(database->configVersion().value(), before);
        QVERIFY(groups.remove(scoped));
        QVERIFY(database->configVersion().value() > before);
        QVERIFY(ApplicationStore(*database).scope(created->id)->groupIds.isEmpty());
    }

    void addAndRemoveMembers_bumpTheVersion() // G-02
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        GroupStore groups(*database);
        const QString a = user(*database, u"a"_s);
        const QString b = user(*database, u"b"_s);
        Group input;
        input.displayName = u"G"_s;
        const QString id = groups.create(input)->id;

        const auto added = groups.addMembers(id, {a, b, a});
        QVERIFY(added);
        QCOMPARE(added->memberIds.size(), 2);
        QCOMPARE(added->version, 2);
        QVERIFY2(groups.addMembers(id, {a}), "adding an existing member is harmless");
        QCOMPARE(groups.addMembers(id, {u"ghost"_s}).error().code, ErrorCode::NotFound);
        QCOMPARE(groups.get(id)->memberIds.size(), 2);

        const auto removed = groups.removeMembers(id, {a, u"absent"_s});
        QCOMPARE(removed->memberIds, QStringList{b});
    }

    void update_replacesMembers_andListCanSkipThem()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        GroupStore groups(*database);
        const QString a = user(*database, u"a"_s);
        const QString b = user(*database, u"b"_s);
        Group group;
        group.displayName = u"G"_s;
        group.memberIds = {a};
        group = groups.create(group).value();
        group.displayName = u"G2"_s;
        group.memberIds = {b};
        QCOMPARE(groups.update(group)->version, 2);
        QCOMPARE(groups.get(group.id)->memberIds, QStringList{b});
        QCOMPARE(groups.list(0, 10, true)->first().memberIds, QStringList{b});
        QVERIFY(groups.list(0, 10, false)->first().memberIds.isEmpty());
        QVERIFY(groups.remove(group.id));
        QCOMPARE(groups.get(group.id).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_GroupStore)
#include "tst_GroupStore.moc"
