// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/BearerToken.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_BearerToken : public QObject
{
    Q_OBJECT

private slots:
    void generateSecret_has256RandomBits() // T-07
    {
        const IssuedSecret issued = BearerToken::generateSecret();
        QVERIFY(issued.secret.startsWith(u"scim_"));
        const QByteArray random =
            QByteArray::fromBase64(issued.secret.mid(5).toLatin1(), QByteArray::Base64UrlEncoding);
        QCOMPARE(random.size(), 32);
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i)
            seen.insert(BearerToken::generateSecret().secret);
        QCOMPARE(seen.size(), 200);
    }

    void generateSecret_keepsOnlyHashAndPrefix() // T-07
    {
        const IssuedSecret issued = BearerToken::generateSecret();
        QCOMPARE(issued.prefix, issued.secret.left(BearerToken::PrefixLength));
        QCOMPARE(issued.hash, QCryptographicHash::hash(issued.secret.toLatin1(), QCryptographicHash::Sha256).toHex());
        QVERIFY(!issued.hash.contains(issued.secret.toLatin1()));
        QVERIFY(issued.prefix.size() < issued.secret.size() / 3);
    }

    void matches_comparesHashes() // T-07
    {
        const IssuedSecret issued = BearerToken::generateSecret();
        BearerToken token;
        token.hash = issued.hash;
        QVERIFY(token.matches(issued.secret.toLatin1()));
        QString other = issued.secret;
        other[other.size() - 1] = other.at(other.size() - 1) == u'A' ? u'B' : u'A';
        QVERIFY(!token.matches(other.toLatin1()));
        QVERIFY(!token.matches(QByteArray()));
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
        QTest::newRow("last byte differs") << QByteArray("abcdef") << QByteArray("abcdeg") << false;
        QTest::newRow("first byte differs") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
        QTest::newRow("different length") << QByteArray("abc") << QByteArray("abcd") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }

    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(BearerToken::constantTimeEquals(a, b), equal);
    }

    void isUsable_enabledAndUnexpired() // T-05
    {
        const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        BearerToken token;
        token.enabled = true;
        token.expires = now.addSecs(1);
        QVERIFY(token.isUsable(now));
        QVERIFY2(!token.isUsable(now.addSecs(1)), "a token is expired from its expiry instant on");
        token.enabled = false;
        QVERIFY(!token.isUsable(now));
    }
};

QTEST_GUILESS_MAIN(tst_BearerToken)
#include "tst_BearerToken.moc"
