// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ApplicationStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/TestDatabase.h"

#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_TokenStore : public QObject
{
    Q_OBJECT

private slots:
    void issue_validityRange() // T-01
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        TokenStore tokens(*database);
        const QString app = ApplicationStore(*database).create(u"A"_s, AppKind::Standard)->id;
        const QDateTime now(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::utc());
        QCOMPARE(tokens.issue(app, 0, now).error().code, ErrorCode::InvalidInput);
        QCOMPARE(tokens.issue(app, 1097, now).error().code, ErrorCode::InvalidInput);
        const auto day = tokens.issue(app, 1, now);
        QVERIFY(day);
        QCOMPARE(day->token.expires, now.addDays(1));
        QVERIFY(tokens.issue(app, 1095, now));
        QCOMPARE(tokens.issue(u"ghost"_s, 10, now).error().code, ErrorCode::NotFound);
    }

    void issue_atMostTwo() // T-02
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        TokenStore tokens(*database);
        const QString app = ApplicationStore(*database).create(u"A"_s, AppKind::Standard)->id;
        QVERIFY(tokens.issue(app, 30));
        QVERIFY(tokens.issue(app, 30));
        const auto third = tokens.issue(app, 30);
        QVERIFY(!third);
        QCOMPARE(third.error().code, ErrorCode::Conflict);
        QCOMPARE(tokens.list(app)->size(), 2);
    }

    void disable_keepsOneEnabled_deleteOnlyDisabled() // T-03, T-04
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        TokenStore tokens(*database);
        const QString app = ApplicationStore(*database).create(u"A"_s, AppKind::Standard)->id;
        const QString first = tokens.issue(app, 30)->token.id;
        QCOMPARE(tokens.setEnabled(app, first, false).error().code, ErrorCode::Conflict);
        QCOMPARE(tokens.remove(app, first).error().code, ErrorCode::Conflict);

        const QString second = tokens.issue(app, 30)->token.id;
        QVERIFY(!tokens.setEnabled(app, first, false)->enabled);
        QCOMPARE(tokens.setEnabled(app, second, false).error().code, ErrorCode::Conflict);
        QCOMPARE(tokens.remove(app, second).error().code, ErrorCode::Conflict);
        QVERIFY(tokens.remove(app, first));
        QCOMPARE(tokens.list(app)->size(), 1);
        QCOMPARE(tokens.remove(app, first).error().code, ErrorCode::NotFound);
    }

    void storesOnlyHashAndPrefix() // T-07
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        TokenStore tokens(*database);
        const QString app = ApplicationStore(*database).create(u"A"_s, AppKind::Standard)->id;
        const auto issued = tokens.issue(app, 30);
        QVERIFY(issued);
        auto rows = database->exec(u"SELECT * FROM bearer_tokens"_s);
        QVERIFY(rows);
        QVERIFY(rows->next());
        for (int i = 0; i < rows->record().count(); ++i) {
            const QString column = rows->value(i).toString();
            QVERIFY2(!column.contains(issued->secret), "no column holds the secret");
            QVERIFY2(column.size() < 20 || !issued->secret.contains(column), "no column holds most of it");
        }
        QCOMPARE(rows->value(u"hash"_s).toByteArray(), BearerToken::hashSecret(issued->secret.toLatin1()));
    }

    void authenticate_usableTokenOfItsApp() // T-05, T-07
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        TokenStore tokens(*database);
        ApplicationStore apps(*database);
        const QString app = apps.create(u"A"_s, AppKind::Standard)->id;
        const QString other = apps.create(u"B"_s, AppKind::Standard)->id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto first = tokens.issue(app, 1, now);
        const auto second = tokens.issue(app, 30, now);
        const auto foreign = tokens.issue(other, 30, now);

        const auto found = tokens.authenticate(first->secret, now);
        QVERIFY(found);
        QCOMPARE(found->id, first->token.id);
        QCOMPARE(found->appId, app);
        QCOMPARE(tokens.authenticate(foreign->secret, now)->appId, other);

        QString forged = first->secret;
        forged[20] = forged.at(20) == u'x' ? u'y' : u'x';
        QCOMPARE(tokens.authenticate(forged, now).error().code, ErrorCode::Unauthorized);
        QCOMPARE(tokens.authenticate(u"short"_s, now).error().code, ErrorCode::Unauthorized);

        const auto expired = tokens.authenticate(first->secret, now.addDays(2));
        QCOMPARE(expired.error().code, ErrorCode::Unauthorized);
        QVERIFY(expired.error().detail.contains(u"expired"_s));

        QVERIFY(tokens.setEnabled(app, second->token.id, false));
        const auto disabled = tokens.authenticate(second->secret, now);
        QCOMPARE(disabled.error().code, ErrorCode::Unauthorized);
        QVERIFY(disabled.error().detail.contains(u"disabled"_s));
        QVERIFY2(!disabled.error().detail.contains(second->secret), "the secret never reaches a message");
    }

    void removingTheApplication_removesItsTokens()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        TokenStore tokens(*database);
        ApplicationStore apps(*database);
        const QString app = apps.create(u"A"_s, AppKind::Standard)->id;
        const auto issued = tokens.issue(app, 30);
        QVERIFY(apps.remove(app));
        QCOMPARE(tokens.authenticate(issued->secret).error().code, ErrorCode::Unauthorized);
    }
};

QTEST_GUILESS_MAIN(tst_TokenStore)
#include "tst_TokenStore.moc"
