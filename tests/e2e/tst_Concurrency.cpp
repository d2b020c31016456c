// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// Concurrent writers (issue 11 item 5, "Nothing lost"): two servers on one store — on PostgreSQL, as two `serve`
// instances sharing a database would be — take conflicting writes at the same moment. If-Match lets exactly one of
// two writes of the same version through, and writes without it lose nothing.

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/GroupStore.h"
#include "core/store/Database.h"
#include "tests/support/RawHttp.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {

struct Request
{
    QString url;
    QByteArray method;
    QJsonObject body;
    QByteArray ifMatch;
};

/// Sends every request at once (each on its own connection) and returns their statuses, in order.
QList<int> sendTogether(const QString &token, const QList<Request> &requests)
{
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (const Request &r : requests) {
        QNetworkRequest request{QUrl(r.url)};
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("Content-Type", "application/scim+json");
        if (!r.ifMatch.isEmpty())
            request.setRawHeader("If-Match", r.ifMatch);
        replies.append(nam.sendCustomRequest(request, r.method, QJsonDocument(r.body).toJson(QJsonDocument::Compact)));
    }
    QList<int> statuses;
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (!reply->isFinished())
            (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000); // unfinished: status 0
        statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        reply->deleteLater();
    }
    return statuses;
}

/// An HTTP/1.1 request with the bearer token, `body` as JSON.
QByteArray rawRequest(const QUrl &base, const QString &token, const QByteArray &method, const QString &path,
                      const QJsonObject &body = {})
{
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return method + ' ' + (base.path() + path).toUtf8() + " HTTP/1.1\r\nHost: " + base.host().toUtf8()
           + "\r\nAuthorization: Bearer " + token.toUtf8()
           + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + QByteArray::number(payload.size())
           + "\r\n\r\n" + payload;
}

/// `scim-console serve` on the test store, in its own process, as an administrator runs a second instance.
class ServeProcess
{
public:
    explicit ServeProcess(const QString &storeSpec)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SCIM_CONSOLE_DB"_s, storeSpec);
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(SCIM_CONSOLE_BINARY), {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        if (!m_process.waitForStarted() || !QTest::qWaitFor([this] { return m_process.canReadLine(); }, 20000))
            return;
        const QByteArray line = m_process.readLine().trimmed(); // "listening on http://127.0.0.1:PORT"
        if (line.startsWith("listening on "))
            m_url = QString::fromUtf8(line.mid(13));
    }
    ~ServeProcess()
    {
        m_process.terminate();
        m_process.waitForFinished(20000);
    }
    /// http://127.0.0.1:PORT/scim/v2/apps/<appId>, or empty when it did not start.
    QString base(const QString &appId) const
    {
        return m_url.isEmpty() ? QString() : m_url + u"/scim/v2/apps/"_s + appId;
    }

private:
    QProcess m_process;
    QString m_url;
};

} // namespace

class tst_Concurrency : public QObject
{
    Q_OBJECT

private slots:
    void sameIfMatch_exactlyOneWins() // issue 11 item 5
    {
        SCIM_START_TEST_SERVER(s);
        const QString second = s.startSecondServer();
        QVERIFY(!second.isEmpty());
        const QString id = s.createUser(u"contested@example.com"_s);
        QVERIFY(!id.isEmpty());
        constexpr int Trials = 20;
        for (int trial = 0; trial < Trials; ++trial) {
            const QByteArray etag = s.get(u"/Users/"_s + id).header("ETag");
            QVERIFY(!etag.isEmpty());
            const auto rename = [&](const QString &base, const QString &name) {
                return Request{base + u"/Users/"_s + id, "PATCH",
                               Scim::patch({Scim::op("replace", u"displayName"_s, name)}), etag};
            };
            const QList<int> statuses = sendTogether(
                s.token(), {rename(s.base(), u"first %1"_s.arg(trial)), rename(second, u"second %1"_s.arg(trial))});
            QVERIFY2(statuses.count(204) == 1 && statuses.count(412) == 1,
                     qPrintable(u"trial %1: %2 and %3"_s.arg(trial).arg(statuses.at(0)).arg(statuses.at(1))));
        }
        QCOMPARE(AccountStore(s.db()).get(id)->version, Trials + 1);
    }

    void concurrentMemberAdds_loseNothing() // issue 11 item 5: no If-Match, every member kept
    {
        SCIM_START_TEST_SERVER(s);
        const QString second = s.startSecondServer();
        QVERIFY(!second.isEmpty());
        QStringList users;
        for (int i = 0; i < 16; ++i)
            users.append(s.createUser(u"member%1@example.com"_s.arg(i)));
        QVERIFY(!users.contains(QString()));
        const QString groupId = s.post(u"/Groups"_s, Scim::group(u"Crowd"_s)).json().value(u"id").toString();
        QVERIFY(!groupId.isEmpty());
        QList<Request> adds;
        for (qsizetype i = 0; i < users.size(); ++i) {
            adds.append(
                {(i % 2 ? second : s.base()) + u"/Groups/"_s + groupId,
                 "PATCH",
                 Scim::patch({Scim::op("add", u"members"_s, QJsonArray{QJsonObject{{u"value"_s, users.at(i)}}})}),
                 {}});
        }
        const QList<int> statuses = sendTogether(s.token(), adds);
        QCOMPARE(statuses.count(204), users.size());
        const Group group = GroupStore(s.db()).get(groupId).value();
        QCOMPARE(QSet<QString>(group.memberIds.cbegin(), group.memberIds.cend()),
                 QSet<QString>(users.cbegin(), users.cend()));
    }

    void concurrentCreates_neverDuplicateAUserName() // issue 11: two instances, one directory
    {
        SCIM_START_TEST_SERVER(s);
        const QString second = s.startSecondServer();
        QVERIFY(!second.isEmpty());
        QVERIFY(ApplicationStore(s.db()).setPolicies(s.appId(), DuplicatePolicy::Reject, std::nullopt));
        for (int trial = 0; trial < 10; ++trial) {
            QList<Request> creates;
            for (int i = 0; i < 6; ++i) { // the same userName, in three spellings, to both servers
                const QString userName = i % 3 == 0   ? u"same%1@example.com"_s.arg(trial)
                                         : i % 3 == 1 ? u"SAME%1@example.com"_s.arg(trial)
                                                      : u"Same%1@Example.com"_s.arg(trial);
                creates.append({(i % 2 ? second : s.base()) + u"/Users"_s, "POST", Scim::user(userName), {}});
            }
            const QList<int> statuses = sendTogether(s.token(), creates);
            QVERIFY2(statuses.count(201) == 1 && statuses.count(409) == 5,
                     qPrintable(u"trial %1: %2"_s.arg(trial).arg([&] {
                         QStringList t;
                         for (int st : statuses)
                             t << QString::number(st);
                         return t.join(u' ');
                     }())));
        }
        QCOMPARE(AccountStore(s.db()).count().value(), 10);
    }

    void concurrentReplaceAndDelete_isOneOrTheOther()
    {
        SCIM_START_TEST_SERVER(s);
        const QString second = s.startSecondServer();
        QVERIFY(!second.isEmpty());
        for (int trial = 0; trial < 10; ++trial) {
            const QString id = s.createUser(u"gone%1@example.com"_s.arg(trial));
            const QByteArray etag = s.get(u"/Users/"_s + id).header("ETag");
            const QList<int> statuses = sendTogether(
                s.token(), {{s.base() + u"/Users/"_s + id, "PUT",
                             Scim::user(u"gone%1@example.com"_s.arg(trial), {{u"displayName"_s, u"kept"_s}}), etag},
                            {second + u"/Users/"_s + id, "DELETE", {}, etag}});
            // Either the PUT went first (then the DELETE's version is stale: 412) or the DELETE did (then 404 or 412).
            QVERIFY2((statuses.at(0) == 200 && statuses.at(1) == 412)
                         || (statuses.at(1) == 204 && (statuses.at(0) == 404 || statuses.at(0) == 412)),
                     qPrintable(u"%1 %2"_s.arg(statuses.at(0)).arg(statuses.at(1))));
        }
    }

    /// Issue 11, "nothing lost", with two `serve` processes on one store (the path for users who outgrow one
    /// machine): the same If-Match exactly once, creates and member adds through both at once, and afterwards both
    /// see the same totals, no userName twice and every member kept.
    void twoServeProcesses_takeWritesTogether_andAgree()
    {
        SCIM_START_TEST_SERVER(s);
        ServeProcess one(s.storeSpec()), two(s.storeSpec());
        const QStringList bases{one.base(s.appId()), two.base(s.appId())};
        QVERIFY2(!bases.at(0).isEmpty() && !bases.at(1).isEmpty(), "both serve processes listen");

        const QString contested = s.createUser(u"contested@example.com"_s);
        QVERIFY(!contested.isEmpty());
        for (int trial = 0; trial < 10; ++trial) {
            const QByteArray etag = s.get(u"/Users/"_s + contested).header("ETag");
            QList<Request> renames;
            for (const QString &base : bases)
                renames.append({base + u"/Users/"_s + contested, "PATCH",
                                Scim::patch({Scim::op("replace", u"displayName"_s, base.right(8))}), etag});
            const QList<int> statuses = sendTogether(s.token(), renames);
            QVERIFY2(statuses.count(204) == 1 && statuses.count(412) == 1,
                     qPrintable(u"trial %1: %2 and %3"_s.arg(trial).arg(statuses.at(0)).arg(statuses.at(1))));
        }

        const QString groupId = s.post(u"/Groups"_s, Scim::group(u"Shared"_s)).json().value(u"id").toString();
        QVERIFY(!groupId.isEmpty());
        constexpr int Users = 40;
        QList<Request> creates;
        for (int i = 0; i < Users; ++i) { // every userName twice, once to each instance, in two spellings
            creates.append({bases.at(0) + u"/Users"_s, "POST", Scim::user(u"person%1@example.com"_s.arg(i)), {}});
            creates.append({bases.at(1) + u"/Users"_s, "POST", Scim::user(u"PERSON%1@example.com"_s.arg(i)), {}});
        }
        QVERIFY(ApplicationStore(s.db()).setPolicies(s.appId(), DuplicatePolicy::Reject, std::nullopt));
        const QList<int> created = sendTogether(s.token(), creates);
        QCOMPARE(created.count(201), Users);
        QCOMPARE(created.count(409), Users);

        const QJsonArray people =
            s.get(u"/Users?filter=userName%20sw%20%22person%22&count=1000"_s).json().value(u"Resources"_s).toArray();
        QCOMPARE(people.size(), Users);
        QList<Request> adds;
        for (qsizetype i = 0; i < people.size(); ++i) {
            const QString id = people.at(i).toObject().value(u"id"_s).toString();
            adds.append({bases.at(i % 2) + u"/Groups/"_s + groupId,
                         "PATCH",
                         Scim::patch({Scim::op("add", u"members"_s, QJsonArray{QJsonObject{{u"value"_s, id}}})}),
                         {}});
        }
        QCOMPARE(sendTogether(s.token(), adds).count(204), Users);

        for (const QString &base : bases) {
            HttpReply total = s.send("GET", base + u"/Users?count=0"_s);
            QCOMPARE(total.json().value(u"totalResults"_s).toInt(), Users + 1);
            const QJsonArray members =
                s.send("GET", base + u"/Groups/"_s + groupId).json().value(u"members"_s).toArray();
            QCOMPARE(members.size(), Users);
        }
        QCOMPARE(AccountStore(s.db()).get(contested)->version, 11);
    }

    /// Issue 12: several workers, so that one request waiting (here on a row lock another connection holds) stalls
    /// only its own worker. With one worker, the GET below waited for the PATCH.
    void slowRequest_holdsUpOnlyItsOwnWorker()
    {
        SCIM_START_TEST_SERVER(s);
        const QString id = s.createUser(u"locked@example.com"_s);
        QVERIFY(!id.isEmpty());
        const QUrl base(s.base());
        RawConnection patch(s.port());
        QVERIFY(patch.isConnected());
        QTest::qWait(100); // the workers have stored the create's sync-log event: none waits to write while locked
        {
            Transaction holder(s.db()); // SQLite: the write lock; PostgreSQL: the row, below
            QVERIFY(holder);
            QVERIFY(holder.lockRow(QString(AccountStore::Table), id));
            patch.send(rawRequest(base, s.token(), "PATCH", u"/Users/"_s + id,
                                  Scim::patch({Scim::op("replace", u"displayName"_s, u"Renamed"_s)})));
            QTest::qWait(200); // the PATCH is waiting for the lock inside its worker
            // Connected now, the GET is accepted by the other worker (this one is busy), which answers at once.
            RawConnection get(s.port());
            get.send(rawRequest(base, s.token(), "GET", u"/Users/"_s + id));
            QTRY_COMPARE_WITH_TIMEOUT(get.status(), 200, 3000);
            QCOMPARE(patch.status(), 0); // still waiting
        }
        QTRY_COMPARE_WITH_TIMEOUT(patch.status(), 204, 10000);
        QCOMPARE(AccountStore(s.db()).get(id)->displayName, u"Renamed"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Concurrency)
#include "tst_Concurrency.moc"
