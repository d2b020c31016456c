// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ExtensionFieldStore.h"

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_ExtensionFieldStore : public QObject
{
    Q_OBJECT

private slots:
    // DOMAIN M-04
    void create_validatesNameAndKeepsItUnique()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ExtensionFieldStore fields(*database);
        QCOMPARE(fields.create(u"cost_center"_s, FieldType::String)->displayName, u"cost_center"_s);
        QCOMPARE(fields.create(u"cost_center"_s, FieldType::Number).error().code, ErrorCode::Conflict);
        QCOMPARE(fields.create(u"CostCenter"_s, FieldType::String).error().code, ErrorCode::InvalidInput);
    }

    void setDisplayName_changesOnlyTheDisplayName()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ExtensionFieldStore fields(*database);
        QVERIFY(fields.create(u"badge"_s, FieldType::Number, u"Badge"_s));
        const auto edited = fields.setDisplayName(u"badge"_s, u"Badge number"_s);
        QCOMPARE(edited->displayName, u"Badge number"_s);
        QCOMPARE(fields.get(u"badge"_s)->displayName, u"Badge number"_s);
        QCOMPARE(fields.get(u"badge"_s)->type, FieldType::Number);
        QCOMPARE(fields.setDisplayName(u"badge"_s, QString())->displayName, u"badge"_s);
        QCOMPARE(fields.setDisplayName(u"ghost"_s, u"X"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(fields.setDisplayName(u"badge"_s, QString(200, u'x')).error().code, ErrorCode::InvalidInput);
    }

    // DOMAIN M-03: a field an application writes into stays.
    void remove_refusedWhileMappedThenErasesValues()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ExtensionFieldStore fields(*database);
        QVERIFY(fields.create(u"badge"_s, FieldType::String));
        Account account;
        account.userName = u"ana"_s;
        account.extensionValues.insert(u"badge"_s, u"B-7"_s);
        const QString accountId = AccountStore(*database).create(account)->id;
        QCOMPARE(fields.valueCount(u"badge"_s).value(), 1);

        ApplicationStore apps(*database);
        const QString app = apps.create(u"Entra"_s, AppKind::Standard)->id;
        QVERIFY(apps.setMapping(app, u"urn:ietf:params:scim:schemas:extension:acme:2.0:User"_s, {u"badge"_s}));
        const auto mapped = fields.remove(u"badge"_s);
        QCOMPARE(mapped.error().code, ErrorCode::Conflict);
        QVERIFY2(mapped.error().message.contains(u"Entra"_s), qPrintable(mapped.error().message));

        QVERIFY(apps.setMapping(app, QString(), {}));
        QVERIFY(fields.remove(u"badge"_s));
        QCOMPARE(fields.get(u"badge"_s).error().code, ErrorCode::NotFound);
        QVERIFY(AccountStore(*database).get(accountId)->extensionValues.isEmpty());
        QCOMPARE(fields.remove(u"badge"_s).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_ExtensionFieldStore)
#include "tst_ExtensionFieldStore.moc"
