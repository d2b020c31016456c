// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PasswordPolicy.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_PasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("U-09 all classes") << u"Passw0rd"_s << true;
        QTest::newRow("U-09 too short") << u"Pa55w0r"_s << false;
        QTest::newRow("U-09 no uppercase") << u"passw0rd"_s << false;
        QTest::newRow("U-09 no lowercase") << u"PASSW0RD"_s << false;
        QTest::newRow("U-09 no digit") << u"Password"_s << false;
        QTest::newRow("U-09 too long") << (u"Aa1"_s + QString(200, u'x')) << false;
    }

    void check()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        const Status result = PasswordPolicy().check(password);
        QCOMPARE(bool(result), accepted);
        if (!accepted)
            QVERIFY2(!result.error().message.contains(password), "a message never echoes the password");
    }

    void check_isConfigurable() // U-09
    {
        PasswordPolicy policy;
        policy.minLength = 12;
        policy.requireUppercase = false;
        policy.requireSymbol = true;
        QVERIFY(!policy.check(u"passw0rd!"_s));
        QVERIFY(!policy.check(u"longpassw0rdx"_s));
        QVERIFY(policy.check(u"longpassw0rd!"_s));
    }

    void json_roundTrip()
    {
        PasswordPolicy policy;
        policy.minLength = 10;
        policy.requireSymbol = true;
        QCOMPARE(PasswordPolicy::fromJson(policy.toJson()).value(), policy);
        QVERIFY(!PasswordPolicy::fromJson(QJsonObject{{u"minLength"_s, 0}}));
    }

    void hash_isSaltedAndVerifies() // U-09, issue 11 item 8: Argon2id
    {
        const QString first = PasswordHash::create(u"Passw0rd"_s);
        const QString second = PasswordHash::create(u"Passw0rd"_s);
        QVERIFY2(first.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"), qPrintable(first));
        QVERIFY2(first != second, "a fresh salt each time");
        QVERIFY(!first.contains(u"Passw0rd"_s));
        QVERIFY(PasswordHash::verify(u"Passw0rd"_s, first));
        QVERIFY(PasswordHash::verify(u"Passw0rd"_s, second));
        QVERIFY(!PasswordHash::verify(u"passw0rd"_s, first));
        QVERIFY(!PasswordHash::verify(u"Passw0rd"_s, u"garbage"_s));
        QVERIFY(!PasswordHash::verify(u"Passw0rd"_s, u"pbkdf2-sha256$0$AAAA$AAAA"_s));
        QVERIFY(!PasswordHash::verify(u"Passw0rd"_s, u"$argon2id$v=19$m=19456,t=2,p=1$AAAA$AAAA"_s));
        QVERIFY(!PasswordHash::needsRehash(first));
    }

    void hash_argon2idMatchesTheReferenceVector()
    {
        // The reference implementation's own test: argon2id, t=2, m=2^16, p=1, "password", "somesalt".
        QVERIFY(PasswordHash::verify(u"password"_s, u"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ"
                                                    u"$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s));
        QVERIFY(!PasswordHash::verify(u"passwore"_s, u"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ"
                                                     u"$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s));
    }

    void hash_olderAndWeakerOnesNeedARehash() // issue 11 item 8
    {
        QVERIFY(PasswordHash::needsRehash(u"pbkdf2-sha256$100000$AAAA$AAAA"_s));
        QVERIFY(PasswordHash::needsRehash(u"$argon2id$v=19$m=4096,t=3,p=1$AAAA$AAAA"_s));
        QVERIFY(PasswordHash::needsRehash(u"$argon2id$v=19$m=65536,t=1,p=1$AAAA$AAAA"_s));
        QVERIFY(!PasswordHash::needsRehash(u"$argon2id$v=19$m=65536,t=2,p=1$AAAA$AAAA"_s));
    }

    void hash_matchesRfc6070StyleVector()
    {
        // The published PBKDF2-HMAC-SHA256 test vector: P="password", S="salt", c=1, dkLen=32.
        const QString encoded = u"pbkdf2-sha256$1$"_s + QString::fromLatin1(QByteArray("salt").toBase64()) + u'$'
                                + QString::fromLatin1(QByteArray::fromHex("120fb6cffcf8b32c43e7225256c4f837a86548c9"
                                                                          "2ccc35480805987cb70be17b")
                                                          .toBase64());
        QVERIFY(PasswordHash::verify(u"password"_s, encoded));
    }
};

QTEST_GUILESS_MAIN(tst_PasswordPolicy)
#include "tst_PasswordPolicy.moc"
