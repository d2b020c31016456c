// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/TokenPolicy.h"

#include <QTest>
#include <QTimeZone>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_TokenPolicy : public QObject
{
    Q_OBJECT

private:
    static BearerToken token(const QString &id, bool enabled)
    {
        BearerToken t;
        t.id = id;
        t.enabled = enabled;
        t.expires = QDateTime::currentDateTimeUtc().addDays(30);
        return t;
    }

private slots:
    void expiryFor_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("days");
        QTest::addColumn<bool>("accepted");
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0), QTimeZone::utc()); // 2028-02-29 lies within 3 years
        const QDateTime noLeap(QDate(2024, 3, 1), QTime(12, 0),
                               QTimeZone::utc()); // 2024-03-01 .. 2027-03-01: no 29 February
        QTest::newRow("T-01 one day is the minimum") << now << 1 << true;
        QTest::newRow("T-01 zero days is refused") << now << 0 << false;
        QTest::newRow("T-01 negative is refused") << now << -5 << false;
        QTest::newRow("T-01 1095 days is accepted") << now << 1095 << true;
        QTest::newRow("T-01 1096 days spans a leap day: exactly 3 years") << now << 1096 << true;
        QTest::newRow("T-01 1097 days is over 3 years") << now << 1097 << false;
        QTest::newRow("T-01 1096 days without a leap day is over") << noLeap << 1096 << false;
        QTest::newRow("T-01 1095 days without a leap day") << noLeap << 1095 << true;
    }

    void expiryFor()
    {
        QFETCH(QDateTime, now);
        QFETCH(int, days);
        QFETCH(bool, accepted);
        const Result<QDateTime> expiry = TokenPolicy::expiryFor(days, now);
        QCOMPARE(bool(expiry), accepted);
        if (accepted) {
            QCOMPARE(expiry.value(), now.addDays(days));
            QVERIFY(expiry.value() <= now.addYears(3));
        } else {
            QCOMPARE(expiry.error().code, ErrorCode::InvalidInput);
            QVERIFY(expiry.error().message.contains(QString::number(days)));
        }
    }

    void canAdd_atMostTwo() // T-02
    {
        QVERIFY(TokenPolicy::canAdd({}));
        QVERIFY(TokenPolicy::canAdd({token(u"a"_s, true)}));
        const Status third = TokenPolicy::canAdd({token(u"a"_s, true), token(u"b"_s, false)});
        QVERIFY(!third);
        QCOMPARE(third.error().code, ErrorCode::Conflict);
    }

    void canDisable_keepsOneEnabled() // T-03
    {
        const QList<BearerToken> one{token(u"a"_s, true)};
        QCOMPARE(TokenPolicy::canDisable(one, u"a"_s).error().code, ErrorCode::Conflict);

        const QList<BearerToken> both{token(u"a"_s, true), token(u"b"_s, true)};
        QVERIFY(TokenPolicy::canDisable(both, u"a"_s));

        const QList<BearerToken> oneOfTwo{token(u"a"_s, true), token(u"b"_s, false)};
        QVERIFY(!TokenPolicy::canDisable(oneOfTwo, u"a"_s));
        QVERIFY2(TokenPolicy::canDisable(oneOfTwo, u"b"_s), "disabling an already disabled token changes nothing");
    }

    void canDisable_expiredTokensDoNotCount() // T-03, issue 11 item 10
    {
        BearerToken expired = token(u"old"_s, true);
        expired.expires = QDateTime::currentDateTimeUtc().addDays(-1);
        const QList<BearerToken> tokens{token(u"a"_s, true), expired};
        QCOMPARE(TokenPolicy::canDisable(tokens, u"a"_s).error().code, ErrorCode::Conflict);
        QVERIFY2(TokenPolicy::canDisable(tokens, u"old"_s), "an expired token can always be disabled");
        QVERIFY(TokenPolicy::canDisable({expired}, u"old"_s));
    }

    void canDelete_onlyDisabled() // T-04
    {
        const QList<BearerToken> tokens{token(u"a"_s, true), token(u"b"_s, false)};
        const Status enabled = TokenPolicy::canDelete(tokens, u"a"_s);
        QVERIFY(!enabled);
        QCOMPARE(enabled.error().code, ErrorCode::Conflict);
        QVERIFY(TokenPolicy::canDelete(tokens, u"b"_s));
    }

    void authenticate_enabledUnexpiredMatchOnly() // T-05, T-07
    {
        const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        const IssuedSecret a = BearerToken::generateSecret();
        const IssuedSecret b = BearerToken::generateSecret();
        BearerToken enabled;
        enabled.id = u"a"_s;
        enabled.prefix = a.prefix;
        enabled.hash = a.hash;
        enabled.expires = now.addDays(1);
        BearerToken disabled = enabled;
        disabled.id = u"b"_s;
        disabled.prefix = b.prefix;
        disabled.hash = b.hash;
        disabled.enabled = false;

        QCOMPARE(TokenPolicy::authenticate({enabled, disabled}, a.secret, now)->id, u"a"_s);
        const auto off = TokenPolicy::authenticate({enabled, disabled}, b.secret, now);
        QCOMPARE(off.error().code, ErrorCode::Unauthorized);
        QVERIFY(off.error().detail.contains(u"disabled"_s));
        QVERIFY(TokenPolicy::authenticate({enabled}, a.secret, now.addDays(1)).error().detail.contains(u"expired"_s));
        QCOMPARE(TokenPolicy::authenticate({enabled}, b.secret, now).error().detail, u"unknown token"_s);
        QCOMPARE(TokenPolicy::authenticate({enabled}, QString(), now).error().code, ErrorCode::Unauthorized);
        QVERIFY2(!off.error().detail.contains(b.secret) && !off.error().message.contains(b.secret), "never the secret");
    }

    void unknownToken_isNotFound()
    {
        const QList<BearerToken> tokens{token(u"a"_s, true)};
        QCOMPARE(TokenPolicy::canDelete(tokens, u"zz"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(TokenPolicy::canDisable(tokens, u"zz"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(TokenPolicy::canEnable(tokens, u"zz"_s).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_TokenPolicy)
#include "tst_TokenPolicy.moc"
