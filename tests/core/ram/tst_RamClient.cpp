// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/log/SyncLog.h"
#include "core/ram/RamClient.h"
#include "tests/support/RamTestDouble.h"
#include "tests/support/TestSecrets.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {
const QString Secret = ScimConsole::Test::testRamSecret();

/// Spins the event loop until `future` is done (the client and the double live on this thread).
template <typename T>
T wait(QFuture<T> future)
{
    QElapsedTimer clock;
    clock.start();
    while (!future.isFinished() && clock.elapsed() < 30000)
        QTest::qWait(5);
    return future.isFinished() && future.resultCount() > 0 ? future.result() : T{};
}

RamTestDouble::Options options(int tokenLifetimeSeconds = 3599)
{
    RamTestDouble::Options options;
    options.secret = Secret;
    options.tokenLifetimeSeconds = tokenLifetimeSeconds;
    return options;
}
} // namespace

/// The RAM client against the test double (DOMAIN.md ).
class tst_RamClient : public QObject
{
    Q_OBJECT

private:
    /// Sends `count` creates at once through a client of `concurrency`, to a double that answers 400 ms late: all of
    /// them must reach RAM before its first answer (the token's aside) comes back, and all succeed.
    static void postAtOnce(int count, int concurrency)
    {
        RamTestDouble::Options slow = options();
        slow.latencyMs = 400;
        RamTestDouble ram(slow);
        QVERIFY(ram.start());
        RamProfile profile = ram.profile();
        profile.concurrency = concurrency;
        RamClient client(profile, Secret);
        QList<QFuture<RamReply>> replies;
        for (int i = 0; i < count; ++i)
            replies.append(client.request("POST", u"/Users"_s, {{u"userName"_s, u"user%1"_s.arg(i)}}));
        QTRY_COMPARE(ram.users.size(), count);
        const int tokenAnswers = 1;
        QCOMPARE(ram.answersSent, tokenAnswers);
        for (const QFuture<RamReply> &reply : std::as_const(replies))
            QCOMPARE(wait(reply).status, 201);
    }

private slots:
    void token_isFetchedOnceAndReused() // R-02 R-03
    {
        RamTestDouble ram(options());
        QVERIFY(ram.start());
        RamClient client(ram.profile(), Secret);
        for (int i = 0; i < 5; ++i)
            QVERIFY(wait(client.request("GET", u"/Users"_s)).ok());
        QCOMPARE(ram.tokensIssued, 1);
    }

    void token_expiresInAsStringOrNumber()
    {
        RamTestDouble ram(options(30)); // under the 60 s margin: never reused
        QVERIFY(ram.start());
        RamClient client(ram.profile(), Secret);
        QVERIFY(wait(client.request("GET", u"/Users"_s)).ok());
        QVERIFY(wait(client.request("GET", u"/Users"_s)).ok());
        QCOMPARE(ram.tokensIssued, 2);
    }

    void token_refetchedOnceOn401()
    {
        RamTestDouble ram(options());
        QVERIFY(ram.start());
        RamClient client(ram.profile(), Secret);
        QVERIFY(wait(client.request("GET", u"/Users"_s)).ok());
        ram.expireTokens();
        const RamReply reply = wait(client.request("GET", u"/Users"_s));
        QVERIFY(reply.ok());
        QCOMPARE(ram.tokensIssued, 2);
    }

    void wrongSecret_isAReadableError()
    {
        RamTestDouble ram(options());
        QVERIFY(ram.start());
        RamClient client(ram.profile(), u"wrong"_s);
        const RamReply reply = wait(client.request("GET", u"/Users"_s));
        QVERIFY(!reply.ok());
        QVERIFY(reply.error);
        QCOMPARE(reply.error->code, ErrorCode::Unauthorized);
        QVERIFY2(reply.message().contains(u"401"_s) && reply.message().contains(u"Client authentication failed"_s),
                 qPrintable(reply.message()));
    }

    /// Failures are error values the command line and the console tell apart by code (one error vocabulary).
    void failures_areErrorsByKind()
    {
        RamProfile unreachable;
        {
            RamTestDouble ram(options());
            QVERIFY(ram.start());
            RamClient client(ram.profile(), Secret);
            const RamReply missing = wait(client.request("GET", u"/Users/no-such-user"_s));
            QCOMPARE(missing.status, 404);
            QVERIFY(missing.error);
            QCOMPARE(missing.error->code, ErrorCode::NotFound);
            unreachable = ram.profile();
        } // nothing listens there any more
        RamClient offline(unreachable, Secret);
        offline.setRetryPolicy({2, 10, 10});
        const RamReply none = wait(offline.request("GET", u"/Users"_s));
        QCOMPARE(none.status, 0);
        QVERIFY(none.error);
        QCOMPARE(none.error->code, ErrorCode::Network);
        QVERIFY(!none.message().isEmpty());
    }

    void faults_areRetriedHonouringRetryAfter()
    {
        RamTestDouble::Options faulty = options();
        faulty.faultEvery = 2;
        faulty.faultStatus = 429;
        faulty.retryAfterSeconds = 1;
        RamTestDouble ram(faulty);
        QVERIFY(ram.start());
        RamClient client(ram.profile(), Secret);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(wait(client.request("GET", u"/Users"_s)).ok());
        QVERIFY(client.retries() >= 1);
        QVERIFY2(clock.elapsed() >= 900, "Retry-After: 1 is honoured");

        ram.options().faultEvery = 1; // every request fails: the client gives up with RAM's answer
        ram.options().retryAfterSeconds = 0;
        client.setRetryPolicy({3, 10, 50});
        const RamReply failed = wait(client.request("GET", u"/Users"_s));
        QCOMPARE(failed.status, 429);
        QCOMPARE(failed.attempts, 3);
    }

    void retryAfter_beyondATimersRange_isCapped() // issue 11 item 7: 2,147,484 s and more overflowed the delay
    {
        RamTestDouble::Options faulty = options();
        faulty.faultEvery = 2;
        faulty.faultStatus = 503;
        faulty.retryAfterSeconds = 3'000'000;
        RamTestDouble ram(faulty);
        QVERIFY(ram.start());
        RamClient client(ram.profile(), Secret);
        client.setRetryPolicy({3, 10, 50});
        QElapsedTimer clock;
        clock.start();
        QVERIFY(wait(client.request("GET", u"/Users"_s)).ok());
        QCOMPARE(client.retries(), 1);
        QVERIFY2(clock.elapsed() < 5000, "the retry waits the policy's longest delay, not forever");
    }

    void redirects_neverCarryTheTokenToAnotherHost() // issue 11 item 7
    {
        RamTestDouble elsewhere(options());
        QVERIFY(elsewhere.start());
        RamTestDouble::Options redirecting = options();
        redirecting.redirectTo = elsewhere.scimUrl();
        RamTestDouble ram(redirecting);
        QVERIFY(ram.start());
        RamClient client(ram.profile(), Secret);
        const RamReply reply = wait(client.request("GET", u"/Users"_s));
        QVERIFY(!reply.ok());
        QVERIFY2(ram.authorizations.size() >= 2, "the token was fetched and the first request sent");
        for (const QByteArray &authorization : std::as_const(elsewhere.authorizations))
            QVERIFY2(authorization.isEmpty(), "a bearer token crossed to another origin");
    }

    void testDouble_latencyBlocksNoOne() // issue 12: the double's latency is a timer, not a sleep
    {
        // Four requests (the default concurrency lets them all go) are all carried out while every answer is still
        // on its way, as with a remote server; a double that slept would answer the first before taking the next.
        postAtOnce(4, RamProfile::DefaultConcurrency);
    }

    void concurrency_isWhatRunsAtOnce() // issue 12: Qt 6.4 opens six connections to a host per network manager
    {
        postAtOnce(10, 10);
    }

    void filters_onlyEqAndAnd()
    {
        RamTestDouble ram(options());
        QVERIFY(ram.start());
        ram.addUser(u"alice"_s, u"a1"_s);
        RamClient client(ram.profile(), Secret);
        const RamReply byExternalId = wait(client.request("GET", u"/Users?filter=externalId%20eq%20%22a1%22"_s));
        QCOMPARE(byExternalId.json.value(u"totalResults").toInt(), 1);
        const RamReply both = wait(
            client.request("GET", u"/Users?filter=userName%20eq%20%22ALICE%22%20and%20externalId%20eq%20%22a1%22"_s));
        QCOMPARE(both.json.value(u"totalResults").toInt(), 1);
        const RamReply co = wait(client.request("GET", u"/Users?filter=userName%20co%20%22a%22"_s));
        QCOMPARE(co.status, 400);
    }

    void events_areLoggedWithoutSecrets() // I-03
    {
        RamTestDouble ram(options());
        QVERIFY(ram.start());
        SyncLog log;
        RamClient client(ram.profile(), Secret, &log);
        QVERIFY(wait(client.request("GET", u"/Users"_s)).ok());
        const QList<SyncEvent> events = client.takeEvents();
        QCOMPARE(events.size(), 2); // token + GET
        QCOMPARE(events.first().direction, SyncDirection::Outbound);
        QCOMPARE(events.first().profile, u"test"_s);
        QVERIFY(events.first().path.contains(u"/v1/token"_s));
        QCOMPARE(events.last().status, 200);
        for (const SyncEvent &event : log.snapshot()) {
            QVERIFY(!event.path.contains(Secret) && !event.detail.contains(Secret));
            QVERIFY(!event.path.contains(u"Basic"_s));
        }
    }
};

QTEST_GUILESS_MAIN(tst_RamClient)
#include "tst_RamClient.moc"
