// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PasswordPolicy.h"

#include <QTest>
#include <QThread>

#include <argon2.h>

#include <memory>
#include <vector>

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

    void hash_isTheReferenceFormat() // U-09: what libargon2 writes we verify, and the other way round
    {
        const QByteArray ours = PasswordHash::create(u"Passw0rd"_s).toLatin1();
        QCOMPARE(argon2id_verify(ours.constData(), "Passw0rd", 8), ARGON2_OK);
        QCOMPARE(argon2id_verify(ours.constData(), "passw0rd", 8), ARGON2_VERIFY_MISMATCH);

        const char salt[] = "sixteen byte slt";
        QByteArray theirs(int(argon2_encodedlen(PasswordHash::Passes, PasswordHash::MemoryKiB, 1, 16,
                                                PasswordHash::KeyBytes, Argon2_id)),
                          '\0');
        QCOMPARE(argon2id_hash_encoded(PasswordHash::Passes, PasswordHash::MemoryKiB, 1, "Passw0rd", 8, salt, 16,
                                       PasswordHash::KeyBytes, theirs.data(), size_t(theirs.size())),
                 ARGON2_OK);
        const QString encoded = QString::fromLatin1(theirs.constData());
        QVERIFY(PasswordHash::verify(u"Passw0rd"_s, encoded));
        QVERIFY(!PasswordHash::verify(u"Passw0rd!"_s, encoded));
        QVERIFY(!PasswordHash::needsRehash(encoded));
    }

    void hash_parametersNotOursAreRefused()
    {
        // Well-formed, but more memory (4 GiB) or passes than anything we write: refused without being computed.
        QVERIFY(!PasswordHash::verify(u"password"_s, u"$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ"
                                                     u"$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s));
        QVERIFY(!PasswordHash::verify(u"password"_s, u"$argon2id$v=19$m=65536,t=1000,p=1$c29tZXNhbHQ"
                                                     u"$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s));
        // Another version, parameters out of order, a salt that is not base64.
        QVERIFY(!PasswordHash::verify(u"password"_s, u"$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ"
                                                     u"$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s));
        QVERIFY(!PasswordHash::verify(u"password"_s, u"$argon2id$v=19$t=2,m=65536,p=1$c29tZXNhbHQ"
                                                     u"$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s));
        QVERIFY(!PasswordHash::verify(u"password"_s, u"$argon2id$v=19$m=65536,t=2,p=1$c29t!XNhbHQ"
                                                     u"$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"_s));
    }

    void hash_manyThreads_shareOneBufferPerCore() // issue 12: hashing memory does not grow with the workers
    {
        // Four threads per core hash at once, as many server workers would. Each hash needs 19 MiB; they share one
        // buffer per core, kept from one hash to the next, instead of one per thread that ever hashed.
        const int threadCount = 4 * PasswordHash::hashingSlots();
        std::vector<std::unique_ptr<QThread>> threads;
        QAtomicInt verified = 0;
        for (int i = 0; i < threadCount; ++i) {
            threads.emplace_back(QThread::create([&verified, i] {
                const QString password = u"Passw0rd%1"_s.arg(i);
                for (int round = 0; round < 2; ++round) {
                    if (PasswordHash::verify(password, PasswordHash::create(password)))
                        verified.fetchAndAddRelaxed(1);
                }
            }));
            threads.back()->start();
        }
        for (const auto &thread : threads)
            QVERIFY(thread->wait(QDeadlineTimer(120'000)));
        QCOMPARE(verified.loadRelaxed(), 2 * threadCount);
        const int buffers = PasswordHash::hashingBuffers();
        QVERIFY(buffers >= 1);
        QVERIFY2(buffers <= PasswordHash::hashingSlots(),
                 qPrintable(u"%1 buffers for %2 slots"_s.arg(buffers).arg(PasswordHash::hashingSlots())));

        // Kept while in use recently; given back once idle, and made again when needed.
        QCOMPARE(PasswordHash::releaseIdleHashingMemory(std::chrono::hours(1)), 0);
        QCOMPARE(PasswordHash::hashingBuffers(), buffers);
        QCOMPARE(PasswordHash::releaseIdleHashingMemory(std::chrono::milliseconds(0)), buffers);
        QCOMPARE(PasswordHash::hashingBuffers(), 0);
        QVERIFY(PasswordHash::verify(u"Passw0rd"_s, PasswordHash::create(u"Passw0rd"_s)));
        QCOMPARE(PasswordHash::hashingBuffers(), 1);
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
