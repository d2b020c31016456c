// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/SettingsStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_SettingsStore : public QObject
{
    Q_OBJECT

private slots:
    void value_defaultsAndUpserts()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SettingsStore settings(*database);
        QCOMPARE(settings.value(u"k"_s, u"fallback"_s).value(), u"fallback"_s);
        QVERIFY(settings.setValue(u"k"_s, u"1"_s));
        QVERIFY(settings.setValue(u"k"_s, u"2"_s));
        QCOMPARE(settings.value(u"k"_s).value(), u"2"_s);
    }

    void passwordPolicy_persists() // U-09
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SettingsStore settings(*database);
        QCOMPARE(settings.passwordPolicy().value(), PasswordPolicy{});
        PasswordPolicy policy;
        policy.minLength = 14;
        policy.requireSymbol = true;
        QVERIFY(settings.setPasswordPolicy(policy));
        QCOMPARE(settings.passwordPolicy().value(), policy);
        policy.minLength = 0;
        QVERIFY(!settings.setPasswordPolicy(policy));
        QCOMPARE(settings.passwordPolicy()->minLength, 14);
    }
};

QTEST_GUILESS_MAIN(tst_SettingsStore)
#include "tst_SettingsStore.moc"
