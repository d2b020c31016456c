// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/ResourceMeta.h"
#include "core/scim/UserResource.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

/// Reading a User body: the password hashed once, before the write's transaction (issue 12).
class tst_UserResource : public QObject
{
    Q_OBJECT

private slots:
    /// meta.created and meta.lastModified are written without QDateTime's time-zone machinery (issue 12); they must
    /// read exactly as Qt's ISO form in UTC, whatever zone the value is in.
    void metaDateTime_isQtsIsoFormInUtc()
    {
        QList<QDateTime> times{QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc()),
                               QDateTime::fromMSecsSinceEpoch(-1, QTimeZone::utc()), // the last millisecond of 1969
                               QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), QTimeZone::utc()),
                               QDateTime(QDate(1900, 3, 1), QTime(0, 0), QTimeZone::utc()),
                               QDateTime(QDate(2026, 12, 3), QTime(10, 32, 14, 7), QTimeZone(8 * 3600)),
                               QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc()),
                               QDateTime::currentDateTime()};
        for (qint64 ms = -5'000'000'000'000; ms < 5'000'000'000'000; ms += 98'765'432'109)
            times << QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        for (const QDateTime &time : times)
            QCOMPARE(ResourceMeta::dateTime(time), time.toUTC().toString(Qt::ISODateWithMs));
        QCOMPARE(ResourceMeta::dateTime(QDateTime()), QString());
    }

    void postPassword_isHashedBeforeAndUsedOnce() // U-09
    {
        ScimContext context;
        context.app.syncTargetOrgId = u"org-1"_s; // where a user without organizationId lands (S-03)
        const QJsonObject body{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}},
                               {u"userName"_s, u"ana@example.com"_s},
                               {u"Password"_s, u"Corr3ct-Horse-Battery"_s}};
        const auto hashes = UserResource::PasswordHashes::forBody(body, false, context.passwordPolicy);
        const QString hash = hashes.hashOf(u"Corr3ct-Horse-Battery"_s);
        QVERIFY(PasswordHash::verify(u"Corr3ct-Horse-Battery"_s, hash));
        // Salted: a hash made again would differ, so an equal one was taken from `hashes`, not made twice.
        const auto parsed = UserResource::fromJson(body, context, nullptr, hashes);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
        QCOMPARE(parsed->account.passwordHash, hash);
        // Without them, fromJson still hashes (a caller that did not prepare loses only time).
        const auto unprepared = UserResource::fromJson(body, context, nullptr);
        QVERIFY(PasswordHash::verify(u"Corr3ct-Horse-Battery"_s, unprepared->account.passwordHash));
        QVERIFY(unprepared->account.passwordHash != hash);
    }

    /// The password a PATCH sets is the last one its operations name: that one is hashed before the transaction,
    /// and only that one.
    void patchPassword_theLastOneNamed_isHashed() // U-09
    {
        const ScimContext context;
        const auto patch = [](const QJsonArray &operations) {
            return QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:api:messages:2.0:PatchOp"_s}},
                               {u"Operations"_s, operations}};
        };
        const QJsonObject byPath{
            {u"op"_s, u"replace"_s}, {u"path"_s, u"password"_s}, {u"value"_s, u"First-Passw0rd"_s}};
        const QJsonObject inValue{{u"op"_s, u"Replace"_s},
                                  {u"value"_s, QJsonObject{{u"PASSWORD"_s, u"Second-Passw0rd"_s}}}};
        const QJsonObject noPassword{{u"op"_s, u"replace"_s}, {u"value"_s, QJsonObject{{u"displayName"_s, u"x"_s}}}};
        auto hashes =
            UserResource::PasswordHashes::forBody(patch({byPath, inValue, noPassword}), true, context.passwordPolicy);
        QVERIFY(PasswordHash::verify(u"Second-Passw0rd"_s, hashes.hashOf(u"Second-Passw0rd"_s)));
        QVERIFY2(hashes.hashOf(u"First-Passw0rd"_s).isEmpty(), "overwritten by the next operation");

        // The path with the core schema's URN; a later removal leaves nothing to hash.
        const QJsonObject byUrn{{u"op"_s, u"add"_s},
                                {u"path"_s, u"urn:ietf:params:scim:schemas:core:2.0:User:password"_s},
                                {u"value"_s, u"Third-Passw0rd"_s}};
        hashes = UserResource::PasswordHashes::forBody(patch({inValue, byUrn}), true, context.passwordPolicy);
        QVERIFY(PasswordHash::verify(u"Third-Passw0rd"_s, hashes.hashOf(u"Third-Passw0rd"_s)));
        hashes = UserResource::PasswordHashes::forBody(
            patch({byUrn, QJsonObject{{u"op"_s, u"remove"_s}, {u"path"_s, u"password"_s}}}), true,
            context.passwordPolicy);
        QVERIFY(hashes.hashOf(u"Third-Passw0rd"_s).isEmpty());

        // What the policy refuses is not hashed: the request fails without the work.
        bool hashing = false;
        const QJsonObject tooShort{{u"op"_s, u"replace"_s}, {u"path"_s, u"password"_s}, {u"value"_s, u"short"_s}};
        hashes = UserResource::PasswordHashes::forBody(patch({byPath, tooShort}), true, context.passwordPolicy,
                                                       [&hashing] { hashing = true; });
        QVERIFY(!hashing);
        QVERIFY(hashes.hashOf(u"short"_s).isEmpty());
        QVERIFY(hashes.hashOf(u"First-Passw0rd"_s).isEmpty());
    }

    /// However many passwords a PATCH carries, one hash, of the one it sets; before, only the first four were made
    /// ahead and the fiftieth was hashed inside the transaction, with the write lock held.
    void manyPatchPasswords_oneHash_ofTheLast() // issue 12: no lock held while hashing
    {
        const ScimContext context;
        QJsonArray operations;
        for (int i = 0; i < 50; ++i)
            operations.append(QJsonObject{
                {u"op"_s, u"replace"_s}, {u"path"_s, u"password"_s}, {u"value"_s, u"Passw0rd-number-%1"_s.arg(i)}});
        int hashing = 0;
        const auto hashes = UserResource::PasswordHashes::forBody(QJsonObject{{u"Operations"_s, operations}}, true,
                                                                  context.passwordPolicy, [&hashing] { ++hashing; });
        QCOMPARE(hashing, 1);
        QVERIFY(PasswordHash::verify(u"Passw0rd-number-49"_s, hashes.hashOf(u"Passw0rd-number-49"_s)));
        QVERIFY(hashes.hashOf(u"Passw0rd-number-0"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_UserResource)
#include "tst_UserResource.moc"
