// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// Concurrent writers (issue 11 item 5, "Nothing lost"): two servers on one store — on PostgreSQL, as two `serve`
// instances sharing a database would be — take conflicting writes at the same moment. If-Match lets exactly one of
// two writes of the same version through, and writes without it lose nothing.

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/GroupStore.h"
#include "core/store/Database.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/RawHttp.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <atomic>

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

/// Load from a thread of its own: GETs of `paths` in turn on `Connections` keep-alive connections, until stop.
/// Counts the answers, and those that are neither 200 nor 404 (a scope change makes a user absent).
class BackgroundLoad
{
public:
    BackgroundLoad(quint16 port, const QUrl &base, const QString &token, const QStringList &paths)
    {
        m_thread.reset(QThread::create([=, this] {
            constexpr int Connections = 4;
            std::vector<std::unique_ptr<RawConnection>> connections;
            for (int i = 0; i < Connections; ++i)
                connections.push_back(std::make_unique<RawConnection>(port));
            for (qsizetype n = 0; !m_stop; ++n) {
                RawConnection &connection = *connections[size_t(n % Connections)];
                connection.send(rawRequest(base, token, "GET", paths.at(n % paths.size())));
                const int status = statusOf(connection.readResponse());
                ++m_answers;
                if (status != 200 && status != 404)
                    ++m_unexpected;
            }
        }));
        m_thread->start();
    }
    ~BackgroundLoad() { stop(); }
    void stop()
    {
        m_stop = true;
        m_thread->wait();
    }
    int answers() const { return m_answers; }
    int unexpected() const { return m_unexpected; }

private:
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop = false;
    std::atomic<int> m_answers = 0;
    std::atomic<int> m_unexpected = 0;
};

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

    /// Issue 12, no cache serves what a write changed: while both workers answer a steady load, a token, the
    /// mapping and the scope change, and the very next requests — each on a connection of its own, so that they
    /// reach either worker — see each change.
    void configChangesUnderLoad_areSeenByTheNextRequest()
    {
        SCIM_START_TEST_SERVER(s);
        const QString Okta = u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s;
        QVERIFY(ExtensionFieldStore(s.db()).create(u"badge"_s, FieldType::Number));
        QVERIFY(ApplicationStore(s.db()).setMapping(s.appId(), Okta, {u"badge"_s}));
        const HttpReply created =
            s.post(u"/Users"_s, Scim::user(u"steady@example.com"_s, {{Okta, QJsonObject{{u"badge"_s, 42}}}}));
        QCOMPARE(created.status, 201);
        const QString user = u"/Users/"_s + created.json().value(u"id").toString();
        TokenStore tokens(s.db());
        const Result<IssuedToken> second = tokens.issue(s.appId(), 30);
        QVERIFY(second);
        const QUrl base(s.base());
        // The next requests: each on a fresh connection, sent together.
        const auto next = [&](const QString &path, const QString &token) {
            std::vector<std::unique_ptr<RawConnection>> connections;
            for (int i = 0; i < 6; ++i) {
                connections.push_back(std::make_unique<RawConnection>(s.port()));
                connections.back()->send(rawRequest(base, token, "GET", path));
            }
            QList<QByteArray> responses;
            for (const auto &connection : connections)
                responses.append(connection->readResponse());
            return responses;
        };
        const auto statuses = [](const QList<QByteArray> &responses) {
            QList<int> all;
            for (const QByteArray &response : responses)
                all.append(statusOf(response));
            return all;
        };
        const QList<int> allOk(6, 200);

        BackgroundLoad load(s.port(), base, s.token(), {user, u"/Users?count=5"_s});
        QTRY_VERIFY_WITH_TIMEOUT(load.answers() > 100, 10000);

        // A token turned off is refused by the next request, whichever worker takes it.
        QCOMPARE(statuses(next(user, second->secret)), allOk);
        QVERIFY(tokens.setEnabled(s.appId(), second->token.id, false));
        QCOMPARE(statuses(next(user, second->secret)), QList<int>(6, 401));

        // A field taken out of the mapping is no longer shown.
        for (const QByteArray &response : next(user, s.token()))
            QCOMPARE(bodyOf(response).value(Okta).toObject().value(u"badge"_s).toInt(), 42);
        QVERIFY(ApplicationStore(s.db()).setMapping(s.appId(), Okta, {}));
        for (const QByteArray &response : next(user, s.token())) {
            QCOMPARE(statusOf(response), 200);
            QVERIFY2(!bodyOf(response).contains(Okta), response.constData());
        }

        // An organization brought into the scope brings its users, to the lists' totals too; taken out, it takes
        // them away again.
        const QString elsewhere = OrganizationStore(s.db()).create(u"Elsewhere"_s)->id;
        Account outsider;
        outsider.userName = u"outsider@example.com"_s;
        outsider.orgId = elsewhere;
        const QString outsiderPath = u"/Users/"_s + AccountStore(s.db()).create(outsider)->id;
        const auto totals = [&] {
            QList<int> all;
            for (const QByteArray &response : next(u"/Users?count=1"_s, s.token()))
                all.append(bodyOf(response).value(u"totalResults").toInt(-1));
            return all;
        };
        QCOMPARE(statuses(next(outsiderPath, s.token())), QList<int>(6, 404));
        QCOMPARE(totals(), QList<int>(6, 1));
        const SyncScope scope = ApplicationStore(s.db()).scope(s.appId()).value();
        SyncScope wider = scope;
        wider.organizationIds.append(elsewhere);
        QVERIFY(ApplicationStore(s.db()).setScope(s.appId(), wider));
        QCOMPARE(statuses(next(outsiderPath, s.token())), allOk);
        QCOMPARE(totals(), QList<int>(6, 2));
        QVERIFY(ApplicationStore(s.db()).setScope(s.appId(), scope));
        QCOMPARE(statuses(next(outsiderPath, s.token())), QList<int>(6, 404));
        QCOMPARE(totals(), QList<int>(6, 1));

        const int before = load.answers();
        QTRY_VERIFY_WITH_TIMEOUT(load.answers() > before + 20, 10000); // the load ran all along
        load.stop();
        QCOMPARE(load.unexpected(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Concurrency)
#include "tst_Concurrency.moc"
