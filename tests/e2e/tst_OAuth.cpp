// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/log/SyncLog.h"
#include "core/ram/RamClient.h"
#include "core/ram/RamConnectionCheck.h"
#include "core/scim/TokenEndpoint.h"
#include "core/store/ApplicationStore.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

/// The client credentials grant over HTTP (docs/oauth-rules.md C-06…C-11, RFC 6749 §4.4 and §5.2), and SCIM calls
/// with the access tokens it gives.
class tst_OAuth : public QObject
{
    Q_OBJECT

    struct Client
    {
        QString id;
        QString secret;
        QString secretId;
    };

    /// Client credentials for the server's application, switched on, with one secret.
    static Client enable(ScimTestServer &server)
    {
        Client client;
        const auto issued = TokenStore(server.db(), TokenKind::ClientSecret).issue(server.appId(), 30);
        if (!issued)
            return client;
        client.secret = issued->secret;
        client.secretId = issued->token.id;
        ClientCredentialStore store(server.db());
        client.id = store.ensure(server.appId())->clientId;
        if (!store.setEnabled(server.appId(), true))
            return {};
        return client;
    }

    static QByteArray form(const QList<std::pair<QString, QString>> &fields)
    {
        QByteArray body;
        for (const auto &[name, value] : fields) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
        }
        return body;
    }

    static QByteArray basic(const QString &id, const QString &secret)
    {
        return "Basic " + (QUrl::toPercentEncoding(id) + ':' + QUrl::toPercentEncoding(secret)).toBase64();
    }

    static HttpReply tokenRequest(ScimTestServer &server, const QByteArray &body, const QByteArray &authorization = {},
                                  const QString &appId = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/x-www-form-urlencoded"}};
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        return server.send("POST", server.baseFor(appId.isEmpty() ? server.appId() : appId) + u"/oauth2/token"_s, body,
                           headers, ScimTestServer::NoToken);
    }

private slots:
    void basicAndBodyAuthentication_thenScimCalls() // C-06, C-07
    {
        SCIM_START_TEST_SERVER(server);
        const Client client = enable(server);
        QVERIFY(!client.id.isEmpty());

        const HttpReply byBasic =
            tokenRequest(server, form({{u"grant_type"_s, u"client_credentials"_s}}), basic(client.id, client.secret));
        QCOMPARE(byBasic.status, 200);
        QCOMPARE(byBasic.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(byBasic.header("Content-Type").startsWith("application/json"));
        const QJsonObject token = byBasic.json();
        QCOMPARE(token.value(u"token_type"_s).toString(), u"Bearer"_s);
        QCOMPARE(token.value(u"expires_in"_s).toInt(), 3600);
        const QString access = token.value(u"access_token"_s).toString();
        QVERIFY(access.startsWith(u"scimat_"_s));

        // The access token works on every SCIM route, as a bearer token does.
        QCOMPARE(server.send("GET", u"/Users"_s, {}, {}, access).status, 200);
        QCOMPARE(server
                     .send("POST", u"/Users"_s,
                           QJsonDocument(
                               QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}},
                                           {u"userName"_s, u"ana@example.com"_s}})
                               .toJson(),
                           {}, access)
                     .status,
                 201);

        const HttpReply byBody = tokenRequest(server, form({{u"grant_type"_s, u"client_credentials"_s},
                                                            {u"client_id"_s, client.id},
                                                            {u"client_secret"_s, client.secret},
                                                            {u"scope"_s, u"users:read groups:write"_s}}));
        QCOMPARE(byBody.status, 200);
        QCOMPARE(byBody.json().value(u"scope"_s).toString(), u"users:read groups:write"_s);
        QVERIFY(byBody.json().value(u"access_token"_s).toString() != access);

        // Discovery names both methods.
        const QJsonArray schemes =
            server.get(u"/ServiceProviderConfig"_s).json().value(u"authenticationSchemes"_s).toArray();
        QCOMPARE(schemes.size(), 2);
        QCOMPARE(schemes.at(1).toObject().value(u"type"_s).toString(), u"oauth2"_s);
    }

    void errors_asRfc6749Section52() // C-06
    {
        SCIM_START_TEST_SERVER(server);
        const Client client = enable(server);
        const QByteArray grant = form({{u"grant_type"_s, u"client_credentials"_s}});

        const HttpReply wrong = tokenRequest(server, grant, basic(client.id, client.secret + u"x"_s));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.json().value(u"error"_s).toString(), u"invalid_client"_s);
        QVERIFY(wrong.header("WWW-Authenticate").startsWith("Basic"));
        const HttpReply unknown = tokenRequest(server, grant, basic(u"scimc_nobody"_s, client.secret));
        QCOMPARE(unknown.json(), wrong.json()); // nothing tells which part was wrong
        QCOMPARE(tokenRequest(server, grant).json().value(u"error"_s).toString(), u"invalid_client"_s);

        const auto errorOf = [&](const QByteArray &body, const QByteArray &authorization) {
            const HttpReply reply = tokenRequest(server, body, authorization);
            return std::pair(reply.status, reply.json().value(u"error"_s).toString());
        };
        const QByteArray auth = basic(client.id, client.secret);
        QCOMPARE(errorOf(form({{u"grant_type"_s, u"password"_s}}), auth), std::pair(400, u"unsupported_grant_type"_s));
        QCOMPARE(errorOf(QByteArray(), auth), std::pair(400, u"invalid_request"_s));
        QCOMPARE(errorOf(grant + "&scope=admin", auth), std::pair(400, u"invalid_scope"_s));
        QVERIFY(ApplicationStore(server.db()).setPermission(server.appId(), {true, false, false, false}));
        QCOMPARE(errorOf(grant + "&scope=users:write", auth), std::pair(400, u"invalid_scope"_s));
        QCOMPARE(errorOf(grant + "&scope=users:read", auth).first, 200);
        QVERIFY(ApplicationStore(server.db()).setPermission(server.appId(), ScimPermission::all()));
        QCOMPARE(errorOf(grant + "&grant_type=client_credentials", auth), std::pair(400, u"invalid_request"_s));
        QCOMPARE(errorOf(grant + "&client_secret=" + QUrl::toPercentEncoding(client.secret), auth),
                 std::pair(400, u"invalid_request"_s)); // two client authentications

        // Not a form, not a POST.
        const HttpReply json =
            server.send("POST", u"/oauth2/token"_s, "{}", {{"Authorization", auth}}, ScimTestServer::NoToken);
        QCOMPARE(json.json().value(u"error"_s).toString(), u"invalid_request"_s);
        QCOMPARE(server.send("GET", u"/oauth2/token"_s, {}, {{"Authorization", auth}}, ScimTestServer::NoToken).status,
                 405);
        // Credentials in the URL are refused.
        QCOMPARE(server
                     .send("POST", u"/oauth2/token?client_secret=x"_s, grant,
                           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", auth}},
                           ScimTestServer::NoToken)
                     .status,
                 400);
    }

    void revocation_otherApplications_andTheMethodOff() // C-07, C-08
    {
        SCIM_START_TEST_SERVER(server);
        const Client client = enable(server);
        const QByteArray grant = form({{u"grant_type"_s, u"client_credentials"_s}});
        const QString access =
            tokenRequest(server, grant, basic(client.id, client.secret)).json().value(u"access_token"_s).toString();
        QCOMPARE(server.send("GET", u"/Users"_s, {}, {}, access).status, 200);

        // Another application refuses it, and its own token endpoint refuses this client.
        const QString other = ApplicationStore(server.db()).create(u"Other"_s, AppKind::Standard)->id;
        QVERIFY(ApplicationStore(server.db()).setPermission(other, ScimPermission::all()));
        QCOMPARE(server.send("GET", server.baseFor(other) + u"/Users"_s, {}, {}, access).status, 401);
        QCOMPARE(tokenRequest(server, grant, basic(client.id, client.secret), other).status, 401);

        // A second secret, then the first disabled: its tokens stop at once.
        TokenStore secrets(server.db(), TokenKind::ClientSecret);
        QVERIFY(secrets.issue(server.appId(), 30));
        QVERIFY(secrets.setEnabled(server.appId(), client.secretId, false));
        const HttpReply revoked = server.send("GET", u"/Users"_s, {}, {}, access);
        QCOMPARE(revoked.status, 401);
        QCOMPARE(tokenRequest(server, grant, basic(client.id, client.secret)).status, 401);

        // The method off: the bearer token still works, client credentials do not.
        QVERIFY(secrets.setEnabled(server.appId(), client.secretId, true));
        const QString again =
            tokenRequest(server, grant, basic(client.id, client.secret)).json().value(u"access_token"_s).toString();
        QVERIFY(ClientCredentialStore(server.db()).setEnabled(server.appId(), false));
        QCOMPARE(server.send("GET", u"/Users"_s, {}, {}, again).status, 401);
        QCOMPARE(server.get(u"/Users"_s).status, 200);
    }

    void failedClientAuthentications_areRateLimited() // C-10
    {
        SCIM_START_TEST_SERVER(server);
        const Client client = enable(server);
        const QByteArray grant = form({{u"grant_type"_s, u"client_credentials"_s}});
        for (int i = 0; i < TokenEndpoint::MaxFailures; ++i)
            QCOMPARE(tokenRequest(server, grant, basic(client.id, u"guess-%1"_s.arg(i))).status, 401);
        // Now even the right secret waits: guessing gains nothing.
        const HttpReply limited = tokenRequest(server, grant, basic(client.id, client.secret));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.json().value(u"error"_s).toString(), u"temporarily_unavailable"_s);
        const int wait = limited.header("Retry-After").toInt();
        QVERIFY(wait >= 1 && wait <= TokenEndpoint::WindowSeconds);
        // SCIM calls with tokens already held are not affected.
        QCOMPARE(server.get(u"/Users"_s).status, 200);
    }

    void theRamClientTalksToIt() // C-06, R-02, R-04
    {
        // The console's own RAM client (client credentials with Basic, grant_type and client_id in the query, an
        // empty body), pointed at this server as at Alibaba Cloud: `ram test` passes every step.
        SCIM_START_TEST_SERVER(server);
        const Client client = enable(server);
        RamProfile profile;
        profile.name = u"self"_s;
        profile.site = RamSite::Custom;
        profile.tokenUrl = server.base() + u"/oauth2/token"_s;
        profile.scimUrl = server.base();
        profile.clientId = client.id;
        RamClient ram(profile, client.secret);
        QList<ConnectionStep> steps;
        RamConnectionCheck::run(ram, [&steps](const QList<ConnectionStep> &result) { steps = result; });
        QTRY_COMPARE_WITH_TIMEOUT(steps.size(), 3, 10000);
        for (const ConnectionStep &step : std::as_const(steps))
            QVERIFY2(step.passed(), qPrintable(step.name + u": "_s + step.detail));
        // And a SCIM call with the token it obtained.
        QFuture<RamReply> users = ram.request("GET", u"/Users?count=1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(users.isFinished(), 10000);
        QCOMPARE(users.result().status, 200);
    }

    void nothingSecretInTheLog() // C-05, C-10
    {
        SCIM_START_TEST_SERVER(server);
        const Client client = enable(server);
        QList<SyncEvent> events;
        QObject::connect(&server.log(), &SyncLog::eventsAppended, &server.log(),
                         [&events](const QList<SyncEvent> &batch) { events += batch; });
        const QByteArray grant = form({{u"grant_type"_s, u"client_credentials"_s}});
        const QString access =
            tokenRequest(server, grant, basic(client.id, client.secret)).json().value(u"access_token"_s).toString();
        tokenRequest(server, grant, basic(client.id, u"wrong"_s));
        server.send("GET", u"/Users"_s, {}, {}, access);
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 3, 5000);
        for (const SyncEvent &e : std::as_const(events)) {
            for (const QString &field : {e.path, e.detail, e.tokenPrefix, e.userAgent, e.scimType}) {
                QVERIFY(!field.contains(client.secret));
                QVERIFY(!field.contains(access));
            }
        }
        QVERIFY2(events.at(0).detail.contains(client.id) && events.at(0).detail.contains(u"issued"_s),
                 qPrintable(events.at(0).detail));
        QVERIFY(events.at(1).detail.contains(u"refused"_s));
        QVERIFY(client.secret.startsWith(events.at(2).tokenPrefix)); // which credential the call used
    }
};

QTEST_GUILESS_MAIN(tst_OAuth)
#include "tst_OAuth.moc"
