// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/ProviderSelfTest.h"

#include "core/scim/ScimSchemas.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

namespace ScimConsole::Core {

namespace {

/// One request the provider makes, and whether its answer must be an empty list.
struct Probe
{
    QString path;
    QList<std::pair<QString, QString>> query;
    bool expectEmpty = false;

    QString describe() const
    {
        QStringList parts;
        for (const auto &[key, value] : query)
            parts << key + u'=' + value;
        return QStringLiteral("GET ") + path + (parts.isEmpty() ? QString() : u'?' + parts.join(u'&'));
    }
};

QList<Probe> probesFor(IdentityProvider provider)
{
    // A userName no directory holds: the provider's own test uses a random one the same way.
    const QString nobody = QUuid::createUuid().toString(QUuid::WithoutBraces);
    switch (provider) {
    case IdentityProvider::Entra:
        return {{QStringLiteral("/Users"),
                 {{QStringLiteral("filter"), QStringLiteral("userName eq \"%1\"").arg(nobody)}},
                 true}};
    case IdentityProvider::Okta:
        return {{QStringLiteral("/Users"),
                 {{QStringLiteral("startIndex"), QStringLiteral("1")}, {QStringLiteral("count"), QStringLiteral("2")}},
                 false},
                {QStringLiteral("/Users"),
                 {{QStringLiteral("filter"), QStringLiteral("userName eq \"%1@example.invalid\"").arg(nobody)},
                  {QStringLiteral("startIndex"), QStringLiteral("1")},
                  {QStringLiteral("count"), QStringLiteral("100")}},
                 true}};
    case IdentityProvider::Generic:
        break;
    }
    return {{QStringLiteral("/ServiceProviderConfig"), {}, false},
            {QStringLiteral("/Users"), {{QStringLiteral("count"), QStringLiteral("1")}}, false}};
}

/// No HTTP answer at all.
QString unreachableFix(const QUrl &baseUrl)
{
    return ProviderSelfTest::tr("Start the SCIM server (Server page, or scim-console serve) and check that %1 reaches "
                                "it.")
        .arg(baseUrl.authority());
}

QString fixFor(int status, const QUrl &baseUrl)
{
    switch (status) {
    case 401:
        return ProviderSelfTest::tr("Create a bearer token on the application's Tokens page (or scim-console token "
                                    "create) and paste it into the provider; a disabled or expired token is refused.");
    case 403:
        return ProviderSelfTest::tr("Turn the application's SCIM permission on for users, and resume the application "
                                    "if it is suspended.");
    case 404:
        return ProviderSelfTest::tr("Check the URL: it is %1, the application's own endpoint.").arg(baseUrl.toString());
    case 429:
        return ProviderSelfTest::tr("Too many failed attempts from this address: wait a minute and try again.");
    default:
        break;
    }
    return ProviderSelfTest::tr("See the sync log for this request: it has the server's side of the error.");
}

} // namespace

ConnectionStep ProviderSelfTest::configurationStep(const AppRegistration &app, const SyncScope &scope)
{
    ConnectionStep step{tr("Application settings"), ConnectionStep::Outcome::Failed, 0, {}, {}};
    if (app.isSuspended()) {
        step.detail = tr("The application is suspended: every call is refused with 403.");
        step.fix = tr("Resume it on the application page (or scim-console app resume).");
    } else if (!app.permission.usersRead || !app.permission.usersWrite) {
        step.detail = tr("The SCIM permission does not allow reading and writing users: the provider's calls get 403.");
        step.fix = tr("Turn the SCIM permission on (application page, or scim-console app permission --enable).");
    } else if (scope.isEmpty()) {
        step.detail = tr("The sync scope covers no organization and no group: every user the provider sends would "
                         "be refused.");
        step.fix = tr("Choose the organizations (or groups) of the sync scope, and a sync target inside it.");
    } else if (app.syncTargetOrgId.isEmpty()) {
        step.detail = tr("No sync target organization: users the provider creates would have nowhere to go.");
        step.fix = tr("Choose the sync target, an organization inside the sync scope.");
    } else {
        step.outcome = ConnectionStep::Outcome::Passed;
        step.detail = tr("SCIM permission on; in scope: %1, %2.")
                          .arg(tr("%n organization(s)", nullptr, int(scope.organizationIds.size())),
                               tr("%n group(s)", nullptr, int(scope.groupIds.size())));
    }
    return step;
}

void ProviderSelfTest::run(IdentityProvider provider, const QUrl &baseUrl, const QString &token,
                           QNetworkAccessManager &network, std::function<void(const QList<ConnectionStep> &)> done)
{
    const QList<Probe> probes = probesFor(provider);
    auto steps = std::make_shared<QList<ConnectionStep>>();
    for (const Probe &probe : probes)
        steps->append({probe.describe(), ConnectionStep::Outcome::NotTried, 0, {}, {}});

    // Each probe starts the next when it passed; the first failure, or the last probe, ends the run. The reply's
    // handler (never the function itself) clears `next`, which holds itself.
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [&network, baseUrl, token, probes, steps, done, next](qsizetype index) {
        const Probe &probe = probes.at(index);
        QUrl url(baseUrl.toString() + probe.path);
        QUrlQuery query;
        for (const auto &[key, value] : probe.query)
            query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setRawHeader("Accept", "application/scim+json");
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(UserAgent));
        request.setTransferTimeout(TimeoutMs);
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, probe, baseUrl, steps, done, next, index] {
            reply->deleteLater();
            ConnectionStep &step = (*steps)[index];
            step.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            step.outcome = ConnectionStep::Outcome::Failed;
            if (step.status == 0) { // no HTTP answer
                step.detail = reply->errorString();
                const QNetworkReply::NetworkError error = reply->error();
                step.fix = error == QNetworkReply::SslHandshakeFailedError
                               ? tr("The provider checks the server's certificate: serve a certificate from a CA it "
                                    "trusts (--tls-cert and --tls-key, or a TLS proxy in front); a self-signed one "
                                    "is refused.")
                               : unreachableFix(baseUrl);
            } else if (step.status != 200) {
                const QString detail = body.value(u"detail").toString();
                step.detail =
                    detail.isEmpty() ? tr("HTTP %1.").arg(step.status) : tr("HTTP %1: %2").arg(step.status).arg(detail);
                step.fix = fixFor(step.status, baseUrl);
            } else if (probe.path == u"/ServiceProviderConfig") {
                if (body.value(u"schemas").toArray().contains(QJsonValue(ScimSchemas::ServiceProviderConfig))) {
                    step.outcome = ConnectionStep::Outcome::Passed;
                    step.detail = tr("The server describes itself.");
                } else {
                    step.detail = tr("The answer is not a ServiceProviderConfig.");
                    step.fix = fixFor(404, baseUrl);
                }
            } else if (!body.value(u"schemas").toArray().contains(QJsonValue(ScimSchemas::ListResponse))) {
                step.detail = tr("The answer is not a SCIM list.");
                step.fix = fixFor(404, baseUrl);
            } else {
                const int total = body.value(u"totalResults").toInt(-1);
                if (probe.expectEmpty && total != 0) {
                    step.detail = tr("A userName no one has matched %n user(s).", nullptr, total);
                    step.fix = fixFor(0, baseUrl);
                } else {
                    step.outcome = ConnectionStep::Outcome::Passed;
                    step.detail = probe.expectEmpty ? tr("200 and an empty list, as the provider expects.")
                                                    : tr("200, %n user(s) in the application's scope.", nullptr, total);
                }
            }
            if (step.passed() && index + 1 < steps->size())
                return (*next)(index + 1);
            done(*steps);
            *next = nullptr;
        });
    };
    (*next)(0);
}

void ProviderSelfTest::runWithClientCredentials(IdentityProvider provider, const QUrl &baseUrl, const QString &clientId,
                                                const QString &clientSecret, QNetworkAccessManager &network,
                                                std::function<void(const QList<ConnectionStep> &)> done)
{
    const QUrl tokenUrl(baseUrl.toString() + QStringLiteral("/oauth2/token"));
    QNetworkRequest request(tokenUrl);
    // RFC 6749 §2.3.1: both form-encoded before Basic.
    const QByteArray credentials = QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(clientSecret);
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(UserAgent));
    request.setTransferTimeout(TimeoutMs);
    QNetworkReply *reply = network.post(request, QByteArrayLiteral("grant_type=client_credentials"));
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, provider, baseUrl, tokenUrl, &network, done] {
        reply->deleteLater();
        ConnectionStep step{QStringLiteral("POST ") + tokenUrl.path(), ConnectionStep::Outcome::Failed, 0, {}, {}};
        step.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        const QString accessToken = body.value(u"access_token").toString();
        if (step.status == 0) {
            step.detail = reply->errorString();
            step.fix = unreachableFix(baseUrl);
        } else if (step.status != 200 || accessToken.isEmpty()) {
            const QString error = body.value(u"error").toString();
            const QString description = body.value(u"error_description").toString();
            step.detail = tr("HTTP %1: %2").arg(step.status).arg(description.isEmpty() ? error : description);
            step.fix = error == u"invalid_client"
                           ? tr("Turn client credentials on for the application, and paste its client identifier and "
                                "an enabled client secret into the provider.")
                           : fixFor(step.status, baseUrl);
        } else {
            step.outcome = ConnectionStep::Outcome::Passed;
            step.detail = tr("An access token, valid for %n second(s).", nullptr, body.value(u"expires_in").toInt());
        }
        if (!step.passed()) {
            QList<ConnectionStep> steps{step};
            for (const Probe &probe : probesFor(provider))
                steps.append({probe.describe(), ConnectionStep::Outcome::NotTried, 0, {}, {}});
            done(steps);
            return;
        }
        run(provider, baseUrl, accessToken, network,
            [step, done](const QList<ConnectionStep> &rest) { done(QList<ConnectionStep>{step} + rest); });
    });
}

} // namespace ScimConsole::Core
