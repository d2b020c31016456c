// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/UserFields.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_UserFields : public QObject
{
    Q_OBJECT

private slots:
    void userName_requiredUpTo256() // U-02, U-13
    {
        QCOMPARE(UserFields::validateUserName(u"Alice@example.com"_s).value(), u"Alice@example.com"_s);
        QVERIFY(UserFields::validateUserName(QString(256, u'a')));
        QVERIFY(!UserFields::validateUserName(QString(257, u'a')));
        QVERIFY(!UserFields::validateUserName(QString()));
        QVERIFY(!UserFields::validateUserName(u"   "_s));
        QVERIFY2(UserFields::validateUserName(u"名字 with spaces"_s), "any non-empty string is a userName");
    }

    void userNameKey_ignoresCase() // U-13
    {
        QCOMPARE(UserFields::userNameKey(u"Alice@Example.COM"_s), UserFields::userNameKey(u"alice@example.com"_s));
        QCOMPARE(UserFields::userNameKey(u"STRASSE"_s), UserFields::userNameKey(u"strasse"_s));
        QVERIFY(UserFields::userNameKey(u"alice"_s) != UserFields::userNameKey(u"alice2"_s));
    }

    void email_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("U-06 plain") << u"bjensen@example.com"_s << true;
        QTest::newRow("U-06 trimmed") << u"  bjensen@example.com "_s << true;
        QTest::newRow("U-06 not RFC 5321 but one token") << u"emailName357"_s << true;
        QTest::newRow("U-06 empty") << u"  "_s << false;
        QTest::newRow("U-06 inner space") << u"b jensen@example.com"_s << false;
        QTest::newRow("U-06 control character") << u"b\u0001@example.com"_s << false;
        QTest::newRow("U-06 too long") << (QString(250, u'a') + u"@x.io"_s) << false;
    }

    void email()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        const Result<QString> result = UserFields::validateEmail(email);
        QCOMPARE(bool(result), valid);
        if (valid)
            QCOMPARE(result.value(), email.trimmed());
    }

    void active_data()
    {
        QTest::addColumn<QJsonValue>("active");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("U-08 true enables") << QJsonValue(true) << true << true;
        QTest::newRow("U-08 false disables") << QJsonValue(false) << true << false;
        QTest::newRow("U-08 Entra \"True\"") << QJsonValue(u"True"_s) << true << true;
        QTest::newRow("U-08 Entra \"False\"") << QJsonValue(u"False"_s) << true << false;
        QTest::newRow("U-08 number refused") << QJsonValue(1) << false << false;
        QTest::newRow("U-08 other string refused") << QJsonValue(u"yes"_s) << false << false;
        QTest::newRow("U-08 null refused") << QJsonValue(QJsonValue::Null) << false << false;
    }

    void active()
    {
        QFETCH(QJsonValue, active);
        QFETCH(bool, valid);
        QFETCH(bool, enabled);
        const Result<bool> status = UserFields::statusFromActive(active);
        QCOMPARE(bool(status), valid);
        if (valid)
            QCOMPARE(status.value(), enabled);
    }

    void workValue_singleWorkIsKept() // U-04, U-06
    {
        const auto selection =
            UserFields::selectWorkValue(u"emails"_s, {{u"work"_s, u"a@x.io"_s, true}}, UnsupportedTypePolicy::Reject);
        QVERIFY(selection);
        QCOMPARE(selection->value, u"a@x.io"_s);
        QVERIFY(selection->warnings.isEmpty());
    }

    void workValue_typeIgnoresCaseAndMayBeAbsent() // U-06
    {
        auto selection =
            UserFields::selectWorkValue(u"emails"_s, {{u"Work"_s, u"a@x.io"_s, false}}, UnsupportedTypePolicy::Reject);
        QCOMPARE(selection->value, u"a@x.io"_s);
        selection =
            UserFields::selectWorkValue(u"emails"_s, {{QString(), u"b@x.io"_s, false}}, UnsupportedTypePolicy::Reject);
        QCOMPARE(selection->value, u"b@x.io"_s);
    }

    void workValue_otherTypeFailsByDefault() // U-11
    {
        const auto selection = UserFields::selectWorkValue(
            u"phoneNumbers"_s, {{u"work"_s, u"+86 10 1234 5678"_s, false}, {u"mobile"_s, u"+86 138 0013 8000"_s, true}},
            UnsupportedTypePolicy::Reject);
        QVERIFY(!selection);
        QCOMPARE(selection.error().code, ErrorCode::InvalidInput);
        const QString message = selection.error().message;
        QVERIFY2(message.contains(u"phoneNumbers"_s) && message.contains(u"mobile"_s), qPrintable(message));
        QVERIFY2(message.contains(u"phoneNumbers[type eq \"work\"].value"_s), "the message says how to map it");
    }

    void workValue_secondWorkValueFailsByDefault() // U-11
    {
        const auto selection =
            UserFields::selectWorkValue(u"emails"_s, {{u"work"_s, u"a@x.io"_s, false}, {u"work"_s, u"b@x.io"_s, false}},
                                        UnsupportedTypePolicy::Reject);
        QVERIFY(!selection);
        QVERIFY(selection.error().message.contains(u"2"_s));
    }

    void workValue_ignorePolicyKeepsPrimaryWorkAndWarns() // U-11
    {
        const auto selection = UserFields::selectWorkValue(
            u"emails"_s,
            {{u"home"_s, u"h@x.io"_s, true}, {u"work"_s, u"w1@x.io"_s, false}, {u"work"_s, u"w2@x.io"_s, true}},
            UnsupportedTypePolicy::Ignore);
        QVERIFY(selection);
        QCOMPARE(selection->value, u"w2@x.io"_s);
        QCOMPARE(selection->warnings.size(), 2);
        QVERIFY(selection->warnings.first().contains(u"home"_s));
    }

    void workValue_onlyOtherTypesUnderIgnore_keepsNothing() // U-11
    {
        const auto selection =
            UserFields::selectWorkValue(u"emails"_s, {{u"home"_s, u"h@x.io"_s, true}}, UnsupportedTypePolicy::Ignore);
        QVERIFY(selection);
        QVERIFY(selection->value.isEmpty());
        QCOMPARE(selection->warnings.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_UserFields)
#include "tst_UserFields.moc"
