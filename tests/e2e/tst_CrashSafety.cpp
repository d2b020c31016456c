// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// Nothing lost (issue 11): `scim-console serve` is killed with SIGKILL in the middle of an import; after a restart
// every user it answered 201 for is there, whole, and nothing else is half-written.

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/ScimJson.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

class tst_CrashSafety : public QObject
{
    Q_OBJECT

    static quint16 startServe(QProcess &serve, const QString &spec)
    {
        serve.setProgram(QStringLiteral(SCIM_CONSOLE_BINARY));
        serve.setArguments({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, spec});
        serve.start();
        QByteArray output;
        while (!output.contains('\n') && serve.waitForReadyRead(20000))
            output += serve.readAllStandardOutput();
        const QRegularExpressionMatch match =
            QRegularExpression(u"listening on http://127.0.0.1:(\\d+)"_s).match(QString::fromUtf8(output));
        return match.hasMatch() ? match.captured(1).toUShort() : 0;
    }

    static QJsonObject userFor(int i)
    {
        return Scim::user(u"import%1@example.com"_s.arg(i),
                          {{u"displayName"_s, u"Imported %1"_s.arg(i)},
                           {u"externalId"_s, u"ext-%1"_s.arg(i)},
                           {u"emails"_s, QJsonArray{QJsonObject{{u"value"_s, u"import%1@example.com"_s.arg(i)},
                                                                {u"type"_s, u"work"_s},
                                                                {u"primary"_s, true}}}}});
    }

private slots:
    void sigkillDuringImport_losesNothingAnswered()
    {
        TestDatabase db;
        QVERIFY2(db.setupError().isEmpty(), qPrintable(db.setupError()));
        QString appId;
        QString token;
        {
            std::unique_ptr<Database> direct = db.open();
            QVERIFY(direct);
            const QString org = OrganizationStore(*direct).create(u"People"_s)->id;
            ApplicationStore apps(*direct);
            appId = apps.create(u"Import"_s, AppKind::Standard)->id;
            SyncScope scope;
            scope.organizationIds = {org};
            QVERIFY(apps.setScope(appId, scope));
            QVERIFY(apps.setSyncTarget(appId, org));
            QVERIFY(apps.setPermission(appId, ScimPermission::all()));
            token = TokenStore(*direct).issue(appId, 30)->secret;
        }

        QProcess serve;
        const quint16 port = startServe(serve, db.spec());
        QVERIFY(port != 0);
        const QString base = u"http://127.0.0.1:%1/scim/v2/apps/%2/Users"_s.arg(port).arg(appId);

        // 5,000 users, eight requests in flight; the server is killed once 1,500 have been answered.
        constexpr int Total = 5000;
        constexpr int KillAfter = 1500;
        QNetworkAccessManager nam;
        QSet<int> created;
        int next = 0;
        int inFlight = 0;
        bool killed = false;
        std::function<void()> sendNext = [&] {
            if (killed || next >= Total)
                return;
            const int i = next++;
            QNetworkRequest request{QUrl(base)};
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            request.setRawHeader("Content-Type", "application/scim+json");
            QNetworkReply *reply = nam.post(request, QJsonDocument(userFor(i)).toJson(QJsonDocument::Compact));
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, i] {
                --inFlight;
                reply->deleteLater();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    created.insert(i);
                if (!killed && created.size() >= KillAfter) {
                    killed = true;
                    serve.kill(); // SIGKILL: no shutdown, no flush
                }
                sendNext();
            });
        };
        for (int i = 0; i < 8; ++i)
            sendNext();
        QVERIFY(QTest::qWaitFor([&] { return killed && inFlight == 0; }, 120000));
        QTRY_COMPARE_WITH_TIMEOUT(serve.state(), QProcess::NotRunning, 10000);
        QCOMPARE(serve.exitStatus(), QProcess::CrashExit);
        QVERIFY(created.size() >= KillAfter);

        // After the restart: the store is sound, every user answered 201 is there and whole, and every account
        // there is one that was sent, whole.
        QProcess again;
        QVERIFY(startServe(again, db.spec()) != 0);
        std::unique_ptr<Database> direct = db.open();
        QVERIFY(direct);
        if (direct->backend() == Backend::Sqlite)
            QCOMPARE(direct->scalar(u"PRAGMA integrity_check"_s)->toString(), u"ok"_s);
        AccountStore accounts(*direct);
        const Result<QList<Account>> all = accounts.list(0, Total + 1);
        QVERIFY(all);
        QVERIFY(all->size() >= created.size());
        QVERIFY(all->size() <= next);
        QSet<QString> stored;
        for (const Account &account : all.value()) {
            const QRegularExpressionMatch number =
                QRegularExpression(u"^import(\\d+)@example.com$"_s).match(account.userName);
            QVERIFY2(number.hasMatch(), qPrintable(account.userName));
            const int i = number.captured(1).toInt();
            QCOMPARE(account.displayName, u"Imported %1"_s.arg(i));
            QCOMPARE(account.externalId, u"ext-%1"_s.arg(i));
            QCOMPARE(account.email, u"import%1@example.com"_s.arg(i));
            stored.insert(account.userName);
        }
        for (int i : std::as_const(created))
            QVERIFY2(stored.contains(u"import%1@example.com"_s.arg(i)), qPrintable(u"user %1 was lost"_s.arg(i)));
        again.terminate();
        QVERIFY(again.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_CrashSafety.moc"
