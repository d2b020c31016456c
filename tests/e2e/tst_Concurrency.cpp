// Concurrent writers (issue 11 item 5, "Nothing lost"): two servers on one store — on PostgreSQL, as two `serve`
// instances sharing a database would be — take conflicting writes at the same moment. If-Match lets exactly one of
// two writes of the same version through, and writes without it lose nothing.

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/SqlWhere.h"
#include "core/store/GroupStore.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
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
        QCOMPARE(AccountStore(s.db()).count(SqlWhere{u"1 = 1"_s, {}}).value(), 10);
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
};

QTEST_GUILESS_MAIN(tst_Concurrency)
#include "tst_Concurrency.moc"
