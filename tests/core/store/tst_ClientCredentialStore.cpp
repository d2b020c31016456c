// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ClientCredentialStore.h"

#include "core/store/ApplicationStore.h"
#include "core/store/Database.h"
#include "core/store/TokenStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

/// OAuth 2.0 client credentials in the store (docs/oauth-rules.md): client ids, client secrets under the token
/// rules, and the access tokens they mint, on both backends.
class tst_ClientCredentialStore : public QObject
{
    Q_OBJECT

    static QString newApp(Database &db, const QString &name = u"A"_s)
    {
        return ApplicationStore(db).create(name, AppKind::Standard)->id;
    }

private slots:
    void clientId_stableAndUnique() // C-01
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ClientCredentialStore store(*database);
        const QString a = newApp(*database), b = newApp(*database, u"B"_s);
        const auto first = store.ensure(a);
        QVERIFY(first);
        QVERIFY(first->clientId.startsWith(u"scimc_"_s));
        QVERIFY(first->clientId.size() >= 30);
        QVERIFY(!first->enabled); // off until switched on
        QCOMPARE(first->tokenLifetimeSeconds, 3600);
        QCOMPARE(store.ensure(a)->clientId, first->clientId);
        QVERIFY(store.ensure(b)->clientId != first->clientId);
        QCOMPARE(store.byClientId(first->clientId)->appId, a);
        QCOMPARE(store.ensure(u"ghost"_s).error().code, ErrorCode::NotFound);
    }

    void secrets_followTheTokenRules() // C-02, C-03, C-04, C-05
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ClientCredentialStore store(*database);
        TokenStore secrets(*database, TokenKind::ClientSecret);
        const QString app = newApp(*database);
        const QDateTime now = QDateTime::currentDateTimeUtc();

        QCOMPARE(store.setEnabled(app, true, now).error().code, ErrorCode::Conflict); // no secret yet
        QCOMPARE(secrets.issue(app, 0, now).error().code, ErrorCode::InvalidInput);   // 1 day to 3 years
        QCOMPARE(secrets.issue(app, 3 * 366, now).error().code, ErrorCode::InvalidInput);
        const auto one = secrets.issue(app, 30, now);
        QVERIFY(one);
        QVERIFY(one->secret.startsWith(u"scimcs_"_s));
        QVERIFY(QString::fromLatin1(one->token.hash) != one->secret); // kept as a hash only
        const auto two = secrets.issue(app, 30, now);
        QVERIFY(two);
        QCOMPARE(secrets.issue(app, 30, now).error().code, ErrorCode::Conflict); // at most two
        QVERIFY(TokenStore(*database).list(app)->isEmpty());                     // not bearer tokens

        QVERIFY(store.setEnabled(app, true, now));
        QVERIFY(secrets.setEnabled(app, one->token.id, false));
        QVERIFY(!secrets.setEnabled(app, two->token.id, false)); // the last enabled one, while the method is on
        QVERIFY(!secrets.remove(app, two->token.id));            // disable before delete
        QVERIFY(store.setEnabled(app, false, now));
        QVERIFY(secrets.setEnabled(app, two->token.id, false)); // the method is off: it may go
        QVERIFY(secrets.remove(app, two->token.id));
        QCOMPARE(store.setEnabled(app, true, now).error().code, ErrorCode::Conflict); // none enabled now
    }

    void mint_thenAuthenticate_onlyForItsApplication() // C-06, C-07
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ClientCredentialStore store(*database);
        TokenStore secrets(*database, TokenKind::ClientSecret);
        const QString app = newApp(*database), other = newApp(*database, u"B"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto secret = secrets.issue(app, 30, now);
        const QString clientId = store.ensure(app)->clientId;
        const QString bearer = TokenStore(*database).issue(app, 30, now)->secret;

        // Switched off, unknown client, wrong secret, a bearer token as the secret: one answer for all.
        const auto off = store.mint(clientId, secret->secret, now);
        QCOMPARE(off.error().code, ErrorCode::Unauthorized);
        QVERIFY(store.setEnabled(app, true, now));
        for (const auto &[id, value] : QList<std::pair<QString, QString>>{
                 {u"scimc_nobody"_s, secret->secret}, {clientId, secret->secret + u"x"_s}, {clientId, bearer}}) {
            const auto refused = store.mint(id, value, now);
            QCOMPARE(refused.error().code, ErrorCode::Unauthorized);
            QCOMPARE(refused.error().message, off.error().message);
        }

        const auto minted = store.mint(clientId, secret->secret, now);
        QVERIFY(minted);
        QVERIFY(minted->token.startsWith(u"scimat_"_s));
        QCOMPARE(minted->expiresIn, 3600);
        QCOMPARE(minted->secretPrefix, secret->token.prefix);
        QCOMPARE(store.authenticate(app, minted->token, now).value(), secret->token.prefix);
        QCOMPARE(store.authenticate(other, minted->token, now).error().code, ErrorCode::Unauthorized);
        QCOMPARE(store.authenticate(app, secret->secret, now).error().code, ErrorCode::Unauthorized);
        const Result<QVariant> stored =
            database->scalar(u"SELECT COUNT(*) FROM access_tokens WHERE hash = ?"_s, {minted->token});
        QCOMPARE(stored->toInt(), 0); // only its hash is kept

        // Expiry, and the purge of what expired.
        QVERIFY(store.authenticate(app, minted->token, now.addSecs(3599)));
        QCOMPARE(store.authenticate(app, minted->token, now.addSecs(3600)).error().code, ErrorCode::Unauthorized);
        QCOMPARE(store.purgeExpired(now.addSecs(10)).value(), 0);
        QCOMPARE(store.purgeExpired(now.addSecs(3600)).value(), 1);

        // The lifetime is the application's: 5 minutes to 24 hours.
        QCOMPARE(store.setTokenLifetime(app, 299).error().code, ErrorCode::InvalidInput);
        QCOMPARE(store.setTokenLifetime(app, 86401).error().code, ErrorCode::InvalidInput);
        QVERIFY(store.setTokenLifetime(app, 300));
        QCOMPARE(store.mint(clientId, secret->secret, now)->expiresIn, 300);
    }

    void revocation_isImmediate() // C-08
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ClientCredentialStore store(*database);
        TokenStore secrets(*database, TokenKind::ClientSecret);
        const QString app = newApp(*database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto first = secrets.issue(app, 30, now);
        const auto second = secrets.issue(app, 30, now);
        const QString clientId = store.ensure(app)->clientId;
        QVERIFY(store.setEnabled(app, true, now));
        const QString byFirst = store.mint(clientId, first->secret, now)->token;
        const QString bySecond = store.mint(clientId, second->secret, now)->token;

        QVERIFY(secrets.setEnabled(app, first->token.id, false)); // its tokens stop at once, the other's do not
        QCOMPARE(store.authenticate(app, byFirst, now).error().code, ErrorCode::Unauthorized);
        QVERIFY(store.authenticate(app, bySecond, now));
        QVERIFY(secrets.setEnabled(app, first->token.id, true));
        QVERIFY(store.authenticate(app, byFirst, now)); // re-enabled: what it minted and has not expired works again

        QVERIFY(store.setEnabled(app, false, now)); // the method off: every token stops
        QCOMPARE(store.authenticate(app, bySecond, now).error().code, ErrorCode::Unauthorized);
        QVERIFY(store.setEnabled(app, true, now));

        QVERIFY(secrets.setEnabled(app, second->token.id, false));
        QVERIFY(secrets.remove(app, second->token.id)); // deleted: its tokens go with it
        const Result<QVariant> left = database->scalar(u"SELECT COUNT(*) FROM access_tokens"_s);
        QCOMPARE(left->toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ClientCredentialStore)
#include "tst_ClientCredentialStore.moc"
