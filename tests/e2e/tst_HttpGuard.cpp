// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The wire limits of the SCIM server (issue 11 items 1, 3 and 9): request line, headers, body, framing, deadlines,
// connection caps and accepting again after running out of file descriptors. Raw sockets, because a well-behaved
// HTTP client cannot send what these tests send.

#include "core/server/GuardedTcpServer.h"
#include "core/store/SyncLogStore.h"
#include "tests/support/RawHttp.h"
#include "tests/support/ScimTestServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray getRequest(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

} // namespace

class tst_HttpGuard : public QObject
{
    Q_OBJECT

private slots:
    /// Issue 12: the worker that accepted a burst of connections (32 from wrk at once) keeps them only while no other
    /// worker has clearly fewer; a worker that stopped gets none.
    void ledger_spreadsConnectionsOverTheWorkers()
    {
        auto ledger = std::make_shared<ConnectionLedger>();
        GuardedTcpServer first(ServerLimits{}, std::nullopt, ledger), second(ServerLimits{}, std::nullopt, ledger);
        const int a = ledger->join(&first), b = ledger->join(&second);
        int kept = 0;
        for (int i = 0; i < 32; ++i)
            kept += ledger->assign(a) == &first ? 1 : 0;
        QVERIFY2(kept >= 15 && kept <= 17, qPrintable(QString::number(kept)));
        // Closing connections of the second: it takes the next ones.
        for (int i = 0; i < 4; ++i)
            ledger->unassign(b);
        QCOMPARE(ledger->assign(a), &second);
        ledger->leave(b);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(ledger->assign(a), &first);
    }

    void requestLine_overTheLimitIs414_andLoggedShort() // issue 11 item 1
    {
        SCIM_START_TEST_SERVER(server);
        RawConnection huge(server.port());
        QVERIFY(huge.isConnected());
        huge.send(getRequest("/scim/v2/apps/" + server.appId().toLatin1() + "/Users/" + QByteArray(2'000'000, 'a')));
        const QByteArray refused = huge.readUntilClosed();
        QCOMPARE(statusOf(refused), 414);
        QCOMPARE(bodyOf(refused).value("status"_L1).toString(), u"414"_s);
        QVERIFY(huge.closed());

        // Under the line limit, but far over what a log row keeps: answered, and logged cut short.
        RawConnection longPath(server.port());
        longPath.send(getRequest("/scim/v2/apps/" + server.appId().toLatin1() + "/Users/" + QByteArray(8000, 'b')));
        QCOMPARE(statusOf(longPath.readResponse()), 401);

        QTRY_COMPARE_WITH_TIMEOUT(SyncLogStore(server.db()).recent(10)->size(), 2, 5000);
        const QList<SyncEvent> events = SyncLogStore(server.db()).recent(10).value();
        for (const SyncEvent &event : events) {
            QVERIFY2(event.path.size() <= SyncEvent::PathLength, qPrintable(QString::number(event.path.size())));
            QCOMPARE(event.appId, server.appId());
        }
        // Two workers store their events each in their own batches: found by status, not by order.
        const auto longOne =
            std::find_if(events.cbegin(), events.cend(), [](const SyncEvent &e) { return e.status == 401; });
        QVERIFY(longOne != events.cend());
        QVERIFY(longOne->path.endsWith(u'…'));
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const SyncEvent &e) { return e.status == 414; }));
    }

    void headers_overTheLimitAre431()
    {
        ServerLimits limits;
        limits.maxHeaderBytes = 4096;
        SCIM_START_TEST_SERVER(server);
        ScimTestServer small(limits);
        QVERIFY(small.setupError().isEmpty());
        for (const auto &[headers, expected] :
             QList<std::pair<QByteArray, int>>{{"X-Big: " + QByteArray(5000, 'x') + "\r\n", 431},
                                               {QByteArray("X-Small: yes\r\n").repeated(400), 431},
                                               {"X-Fine: " + QByteArray(3000, 'x') + "\r\n", 401}}) {
            RawConnection connection(small.port());
            connection.send(getRequest("/scim/v2/apps/" + small.appId().toLatin1() + "/Users", headers));
            const QByteArray response = connection.readResponse();
            QCOMPARE(statusOf(response), expected);
        }
        // The default is 64 KiB.
        RawConnection big(server.port());
        big.send(getRequest("/scim/v2/apps/x/Users", "X-Big: " + QByteArray(70 * 1024, 'x') + "\r\n"));
        QCOMPARE(statusOf(big.readUntilClosed()), 431);
    }

    void body_overTheLimitIs413_declaredOrStreamed()
    {
        ServerLimits limits;
        limits.maxBodyBytes = 10'000;
        ScimTestServer server(limits);
        QVERIFY(server.setupError().isEmpty());
        const QByteArray auth = "Authorization: Bearer " + server.token().toLatin1() + "\r\n";
        const QByteArray target = "/scim/v2/apps/" + server.appId().toLatin1() + "/Users";

        // Declared: refused before a byte of the body is read.
        RawConnection declared(server.port());
        declared.send("POST " + target + " HTTP/1.1\r\nHost: h\r\n" + auth
                      + "Content-Type: application/scim+json\r\nContent-Length: 10001\r\n\r\n");
        const QByteArray refused = declared.readUntilClosed();
        QCOMPARE(statusOf(refused), 413);
        QCOMPARE(bodyOf(refused).value("schemas"_L1).toArray().first().toString(),
                 u"urn:ietf:params:scim:api:messages:2.0:Error"_s);

        // Streamed in chunks with no length given.
        RawConnection streamed(server.port());
        streamed.send("POST " + target + " HTTP/1.1\r\nHost: h\r\n" + auth
                      + "Content-Type: application/scim+json\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 40 && !streamed.closed(); ++i)
            streamed.send("1000\r\n" + QByteArray(4096, ' ') + "\r\n");
        QCOMPARE(statusOf(streamed.readUntilClosed()), 413);

        // Within the limit: created.
        RawConnection fine(server.port());
        const QByteArray user = R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"fits"})";
        fine.send("POST " + target + " HTTP/1.1\r\nHost: h\r\n" + auth + "Content-Type: application/scim+json\r\n"
                  + "Content-Length: " + QByteArray::number(user.size()) + "\r\n\r\n" + user);
        QCOMPARE(statusOf(fine.readResponse()), 201);
    }

    void contentLengthWithTransferEncoding_is400AndClosed() // issue 11 item 9, RFC 9112 §6.3
    {
        SCIM_START_TEST_SERVER(server);
        const QByteArray target = "/scim/v2/apps/" + server.appId().toLatin1() + "/Users";
        const QByteArray auth = "Authorization: Bearer " + server.token().toLatin1() + "\r\n";
        RawConnection smuggler(server.port());
        smuggler.send("POST " + target + " HTTP/1.1\r\nHost: h\r\n" + auth
                      + "Content-Type: application/scim+json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                      + "0\r\n\r\n" + getRequest(target, auth));
        const QByteArray answer = smuggler.readUntilClosed();
        QCOMPARE(statusOf(answer), 400);
        QCOMPARE(bodyOf(answer).value("scimType"_L1).toString(), u"invalidSyntax"_s);
        QVERIFY(smuggler.closed());
        QCOMPARE(answer.count("HTTP/1.1 "), 1); // the request behind it was never answered

        // Pipelined behind a good request, where only the front end sees it: refused the same way.
        RawConnection pipelined(server.port());
        pipelined.send(getRequest(target, auth) + "POST " + target + " HTTP/1.1\r\nHost: h\r\n" + auth
                       + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QCOMPARE(statusOf(pipelined.readResponse()), 200);
        QCOMPARE(statusOf(pipelined.readResponse()), 400);
        // … and so is an over-long request line pipelined behind another.
        RawConnection pipelinedLong(server.port());
        pipelinedLong.send(getRequest(target, auth) + getRequest(target + '/' + QByteArray(9000, 'c'), auth));
        QCOMPARE(statusOf(pipelinedLong.readResponse()), 200);
        QCOMPARE(statusOf(pipelinedLong.readResponse()), 414);
    }

    void slowHeaders_areCutAtTheirDeadline() // issue 11 item 3: one byte at a time no longer holds a connection
    {
        ServerLimits limits;
        limits.headerTimeoutMs = 600;
        limits.idleTimeoutMs = 400;
        ScimTestServer server(limits);
        QVERIFY(server.setupError().isEmpty());
        RawConnection slow(server.port());
        const QByteArray request = getRequest("/scim/v2/apps/" + server.appId().toLatin1() + "/Users");
        QElapsedTimer clock;
        clock.start();
        // A byte every 100 ms: always within the idle timeout, never within the header deadline.
        for (qsizetype i = 0; i < request.size() - 1 && !slow.closed(); ++i) {
            slow.send(request.mid(i, 1));
            QTest::qWait(100);
            if (clock.elapsed() > 5000)
                break;
        }
        const QByteArray answer = slow.readUntilClosed(2000);
        QCOMPARE(statusOf(answer), 408);
        QVERIFY(slow.closed());
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    void slowBody_isCutAtItsDeadline_andIdleConnectionsClose()
    {
        ServerLimits limits;
        limits.bodyTimeoutMs = 500;
        limits.idleTimeoutMs = 300;
        ScimTestServer server(limits);
        QVERIFY(server.setupError().isEmpty());
        RawConnection slow(server.port());
        slow.send("POST /scim/v2/apps/" + server.appId().toLatin1()
                  + "/Users HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n{");
        for (int i = 0; i < 20 && !slow.closed(); ++i) {
            QTest::qWait(100);
            slow.send(" ");
        }
        QCOMPARE(statusOf(slow.readUntilClosed(2000)), 408);

        // Kept alive after an answer, silent: closed after the idle timeout, without a response.
        RawConnection idle(server.port());
        idle.send(getRequest("/scim/v2/apps/x/Users"));
        QCOMPARE(statusOf(idle.readResponse()), 404);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(idle.readUntilClosed(3000).isEmpty());
        QVERIFY(idle.closed());
        QVERIFY(clock.elapsed() < 2000);
    }

    void expectContinue_isAnswered()
    {
        SCIM_START_TEST_SERVER(server);
        const QByteArray user = R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"later"})";
        RawConnection connection(server.port());
        connection.send("POST /scim/v2/apps/" + server.appId().toLatin1() + "/Users HTTP/1.1\r\nHost: h\r\n"
                        + "Authorization: Bearer " + server.token().toLatin1()
                        + "\r\nContent-Type: application/scim+json\r\nExpect: 100-continue\r\nContent-Length: "
                        + QByteArray::number(user.size()) + "\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(connection.socket().bytesAvailable() > 0 || connection.socket().waitForReadyRead(50),
                                 2000);
        QCOMPARE(connection.socket().readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        connection.send(user);
        QCOMPARE(statusOf(connection.readResponse()), 201);
    }

    /// Issue 13: the front end writes its answers itself on Qt 6.4 and 6.8 alike (6.8's responder would add a
    /// Content-Length to a 204 and a 304, which RFC 9110 §8.6 forbids). Each answer is framed so that the next one on
    /// the same connection is read right.
    void answers_areFramedByTheirStatus_onOneConnection()
    {
        SCIM_START_TEST_SERVER(server);
        const QString id = server.createUser(u"framed"_s);
        const QByteArray users = "/scim/v2/apps/" + server.appId().toLatin1() + "/Users/" + id.toLatin1();
        const QByteArray auth = "Authorization: Bearer " + server.token().toLatin1() + "\r\n";
        const auto header = [](const QByteArray &response, const QByteArray &name) -> std::optional<QByteArray> {
            const QByteArray head = response.left(response.indexOf("\r\n\r\n") + 2).toLower();
            const qsizetype at = head.indexOf("\r\n" + name.toLower() + ':');
            if (at < 0)
                return std::nullopt;
            const qsizetype start = at + 3 + name.size();
            return response.mid(start, head.indexOf("\r\n", start) - start).trimmed();
        };
        RawConnection connection(server.port());

        connection.send(getRequest(users, auth));
        const QByteArray found = connection.readResponse();
        QCOMPARE(statusOf(found), 200);
        QVERIFY(found.startsWith("HTTP/1.1 200 OK\r\n"));
        const QByteArray body = found.mid(found.indexOf("\r\n\r\n") + 4);
        QCOMPARE(header(found, "Content-Length"), std::optional(QByteArray::number(body.size())));
        QCOMPARE(bodyOf(found).value("userName"_L1).toString(), u"framed"_s);
        const std::optional<QByteArray> etag = header(found, "ETag");
        QVERIFY(etag);

        connection.send(getRequest(users, auth + "If-None-Match: " + *etag + "\r\n"));
        const QByteArray notModified = connection.readResponse();
        QVERIFY2(notModified.startsWith("HTTP/1.1 304 Not Modified\r\n"), notModified.constData());
        QVERIFY2(!header(notModified, "Content-Length"), notModified.constData());
        QVERIFY(notModified.endsWith("\r\n\r\n"));

        connection.send("DELETE " + users + " HTTP/1.1\r\nHost: h\r\n" + auth + "\r\n");
        const QByteArray deleted = connection.readResponse();
        QVERIFY2(deleted.startsWith("HTTP/1.1 204 No Content\r\n"), deleted.constData());
        QVERIFY2(!header(deleted, "Content-Length"), deleted.constData());
        QVERIFY(deleted.endsWith("\r\n\r\n"));

        connection.send(getRequest(users, auth));
        const QByteArray gone = connection.readResponse();
        QCOMPARE(statusOf(gone), 404);
        QCOMPARE(bodyOf(gone).value("status"_L1).toString(), u"404"_s);
        QVERIFY(!connection.closed());
    }

    void connections_areCappedPerClientAndInTotal() // issue 11 item 3
    {
        ServerLimits limits;
        limits.maxConnectionsPerClient = 3;
        ScimTestServer server(limits);
        QVERIFY(server.setupError().isEmpty());
        const QByteArray request = getRequest("/scim/v2/apps/x/Users");
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<RawConnection>(server.port()));
            held.back()->send(request);
            QCOMPARE(statusOf(held.back()->readResponse()), 404);
        }
        RawConnection fourth(server.port());
        const QByteArray refused = fourth.readUntilClosed();
        QCOMPARE(statusOf(refused), 503);
        QVERIFY(refused.contains("Retry-After: 1"));
        // One goes: there is room again.
        held.front()->socket().disconnectFromHost();
        held.erase(held.begin());
        QTest::qWait(200);
        RawConnection again(server.port());
        again.send(request);
        QCOMPARE(statusOf(again.readResponse()), 404);

        limits.maxConnectionsPerClient = 100;
        limits.maxConnections = 2;
        ScimTestServer total(limits);
        QVERIFY(total.setupError().isEmpty());
        RawConnection first(total.port());
        RawConnection second(total.port());
        first.send(request);
        second.send(request);
        QCOMPARE(statusOf(first.readResponse()), 404);
        QCOMPARE(statusOf(second.readResponse()), 404);
        RawConnection third(total.port());
        QCOMPARE(statusOf(third.readUntilClosed()), 503);
    }

    void outOfFileDescriptors_acceptingResumes() // issue 11 item 3: EMFILE
    {
        QTemporaryDir dir;
        QProcess serve;
        serve.setProgram(QStringLiteral(SCIM_CONSOLE_BINARY));
        serve.setArguments({u"--db"_s, dir.filePath(u"store.sqlite"_s), u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        serve.setChildProcessModifier([] {
            const rlimit few{40, 40};
            setrlimit(RLIMIT_NOFILE, &few);
        });
        serve.start();
        QByteArray output;
        while (!output.contains('\n') && serve.waitForReadyRead(10000))
            output += serve.readAllStandardOutput();
        const QRegularExpressionMatch listening =
            QRegularExpression(u"listening on http://127.0.0.1:(\\d+)"_s).match(QString::fromUtf8(output));
        QVERIFY2(listening.hasMatch(), output.constData());
        const quint16 port = listening.captured(1).toUShort();

        // More connections than the server has descriptors left: it stops accepting.
        std::vector<std::unique_ptr<RawConnection>> flood;
        for (int i = 0; i < 60; ++i)
            flood.push_back(std::make_unique<RawConnection>(port));
        // The server is not dumpable (no core dumps), so only root can look at its descriptors; elsewhere the
        // test relies on 60 connections being more than 40 descriptors.
        const QDir descriptors(u"/proc/%1/fd"_s.arg(serve.processId()));
        if (QFileInfo(descriptors.path()).isReadable()) {
            QTRY_VERIFY2_WITH_TIMEOUT(descriptors.entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size() >= 39,
                                      "the server never ran out of descriptors: the test proves nothing", 5000);
        }
        QTest::qWait(300);
        flood.clear();
        QTest::qWait(200);

        // Once they are gone, it accepts again and answers.
        RawConnection after(port);
        QVERIFY(after.isConnected());
        after.send(getRequest("/scim/v2/apps/x/Users"));
        QCOMPARE(statusOf(after.readResponse(5000)), 404);
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(tst_HttpGuard)
#include "tst_HttpGuard.moc"
