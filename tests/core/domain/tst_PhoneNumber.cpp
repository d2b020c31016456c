// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PhoneNumber.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_PhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void fromScim_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("givenRegion");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QString>("region");

        QTest::newRow("U-05 code taken from the number")
            << u"+1 415 555 0100"_s << QString() << true << u"4155550100"_s << u"1"_s;
        QTest::newRow("U-05 given region agrees")
            << u"+86 138 0013 8000"_s << u"86"_s << true << u"13800138000"_s << u"86"_s;
        QTest::newRow("U-05 given region with plus agrees")
            << u"+86 138 0013 8000"_s << u"+86"_s << true << u"13800138000"_s << u"86"_s;
        QTest::newRow("U-05 given region disagrees")
            << u"+1 415 555 0100"_s << u"86"_s << false << QString() << QString();
        QTest::newRow("U-05 no code, no region: 86")
            << u"13800138000"_s << QString() << true << u"13800138000"_s << u"86"_s;
        QTest::newRow("U-05 no code, region given")
            << u"(415) 555-0100"_s << u"1"_s << true << u"4155550100"_s << u"1"_s;
        QTest::newRow("U-05 unknown region") << u"13800138000"_s << u"999"_s << false << QString() << QString();
        QTest::newRow("U-05 region is not a code") << u"13800138000"_s << u"CN"_s << false << QString() << QString();
        QTest::newRow("U-04 code without plus (00 prefix)")
            << u"008613800138000"_s << QString() << false << QString() << QString();
        QTest::newRow("U-04 code without plus (bare)")
            << u"86 13800138000"_s << QString() << false << QString() << QString();
        QTest::newRow("U-14 tel URI") << u"tel:+86-10-1234-5678"_s << QString() << true << u"1012345678"_s << u"86"_s;
        QTest::newRow("U-14 no digits") << u"n/a"_s << QString() << false << QString() << QString();
        QTest::newRow("U-14 empty") << QString() << QString() << false << QString() << QString();
    }

    void fromScim()
    {
        QFETCH(QString, value);
        QFETCH(QString, givenRegion);
        QFETCH(bool, accepted);
        QFETCH(QString, digits);
        QFETCH(QString, region);

        const Result<PhoneNumber> phone = PhoneNumber::fromScim(value, givenRegion);
        QVERIFY2(bool(phone) == accepted, phone ? "accepted" : qPrintable(phone.error().message));
        if (!accepted) {
            QCOMPARE(phone.error().code, ErrorCode::InvalidInput);
            QVERIFY(!phone.error().message.isEmpty());
            return;
        }
        QCOMPARE(phone->value, value); // U-14: stored exactly as sent
        QCOMPARE(phone->digits, digits);
        QCOMPARE(phone->region, region);
    }

    void codeWithoutPlus_messageShowsTheFix() // U-04
    {
        const Result<PhoneNumber> phone = PhoneNumber::fromScim(u"008613800138000"_s);
        QVERIFY(!phone);
        QVERIFY2(phone.error().message.contains(u"+86 13800138000"), qPrintable(phone.error().message));
    }
};

QTEST_GUILESS_MAIN(tst_PhoneNumber)
#include "tst_PhoneNumber.moc"
