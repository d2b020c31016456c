// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/TokenEndpoint.h"

#include "core/store/ClientCredentialStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace ScimConsole::Core {

namespace {

/// One value of a form body (application/x-www-form-urlencoded): "+" is a space, the rest percent-decoded.
QString formDecode(QByteArray value)
{
    return QUrl::fromPercentEncoding(value.replace('+', ' '));
}

/// The form body as name → values (a parameter sent twice is an error, §3.2).
QMultiHash<QString, QString> parseForm(const QByteArray &body)
{
    QMultiHash<QString, QString> form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        form.insert(formDecode(pair.left(equals)), equals < 0 ? QString() : formDecode(pair.mid(equals + 1)));
    }
    return form;
}

ScimResponse answer(int status, const QJsonObject &body)
{
    ScimResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=UTF-8"));
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache"));
    return response;
}

/// A §5.2 error. `logDetail` goes to the sync log only.
ScimResponse error(const char *code, const QString &description, const QString &logDetail)
{
    const bool client = qstrcmp(code, "invalid_client") == 0;
    ScimResponse response = answer(client ? 401 : 400, {{QStringLiteral("error"), QLatin1String(code)},
                                                        {QStringLiteral("error_description"), description}});
    if (client)
        response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic realm=\"SCIM\""));
    response.scimType = QLatin1String(code);
    response.detail = logDetail;
    return response;
}

} // namespace

TokenEndpoint::Failures::Window &TokenEndpoint::Failures::window(const QString &address, const QDateTime &now)
{
    if (m_windows.size() > 10000) // forget the windows that ended, so that the table stays small
        m_windows.removeIf([&now](const auto &entry) { return entry.value().start.secsTo(now) >= WindowSeconds; });
    Window &window = m_windows[address];
    if (!window.start.isValid() || window.start.secsTo(now) >= WindowSeconds)
        window = {now, 0};
    return window;
}

qint64 TokenEndpoint::Failures::wait(const QString &address, const QDateTime &now)
{
    const QMutexLocker lock(&m_mutex);
    const Window &current = window(address, now);
    return current.failures >= MaxFailures ? std::max<qint64>(1, WindowSeconds - current.start.secsTo(now)) : 0;
}

void TokenEndpoint::Failures::add(const QString &address, const QDateTime &now)
{
    const QMutexLocker lock(&m_mutex);
    ++window(address, now).failures;
}

TokenEndpoint::TokenEndpoint(std::shared_ptr<Failures> failures)
    : m_failures(failures ? std::move(failures) : std::make_shared<Failures>())
{}

ScimResponse TokenEndpoint::handle(Database &db, const ScimRequest &request, const QStringList &allowedScopes,
                                   const QDateTime &now)
{
    // C-10: an address that failed too often waits, whatever it sends now. (Requests in flight on other workers when
    // the limit is reached still finish: at most one more failure per worker.)
    if (const qint64 wait = m_failures->wait(request.clientAddress, now); wait > 0) {
        ScimResponse limited = answer(429, {{QStringLiteral("error"), QStringLiteral("temporarily_unavailable")},
                                            {QStringLiteral("error_description"),
                                             QStringLiteral("Too many failed client authentications from this "
                                                            "address; try again in %1 s.")
                                                 .arg(wait)}});
        limited.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(wait));
        limited.scimType = QStringLiteral("temporarily_unavailable");
        limited.detail =
            QStringLiteral("token request: rate-limited after %1 failed client authentications").arg(MaxFailures);
        return limited;
    }
    ScimResponse response = grant(db, request, allowedScopes);
    if (response.status == 401)
        m_failures->add(request.clientAddress, now);
    return response;
}

ScimResponse TokenEndpoint::grant(Database &db, const ScimRequest &request, const QStringList &allowedScopes)
{
    if (request.method != u"POST") {
        ScimResponse r = error("invalid_request", QStringLiteral("The token endpoint takes POST."),
                               QStringLiteral("token request: not POST"));
        r.status = 405;
        r.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
        return r;
    }
    if (!request.contentType.toLower().startsWith("application/x-www-form-urlencoded"))
        return error("invalid_request", QStringLiteral("Send the parameters as application/x-www-form-urlencoded."),
                     QStringLiteral("token request: not a form"));
    // A secret in the URL ends up in logs and histories (§2.3.1 forbids it there).
    if (request.query.hasQueryItem(QStringLiteral("client_secret")))
        return error("invalid_request", QStringLiteral("Send client_secret in the body or by Basic, not in the URL."),
                     QStringLiteral("token request: a secret in the URL"));
    QMultiHash<QString, QString> form = parseForm(request.body);
    for (const QString &name : form.uniqueKeys()) {
        if (form.count(name) > 1)
            return error("invalid_request", QStringLiteral("The parameter %1 is repeated.").arg(name),
                         QStringLiteral("token request: a repeated parameter"));
    }
    // Alibaba Cloud's own token endpoint takes grant_type and client_id in the query (DOMAIN.md R-02); clients
    // written for it, our RAM client among them, send them there. Neither is secret.
    for (const QString &name : {QStringLiteral("grant_type"), QStringLiteral("client_id")}) {
        if (request.query.hasQueryItem(name) && !form.contains(name))
            form.insert(name, request.query.queryItemValue(name, QUrl::FullyDecoded));
    }

    // Who asks: Basic (id and secret form-encoded first, §2.3.1) or the body, not both (§2.3).
    QString clientId;
    QString clientSecret;
    const QByteArray authorization = request.authorization.trimmed();
    const bool basic = authorization.toLower().startsWith("basic ");
    if (basic) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return error("invalid_client", QStringLiteral("Client authentication failed."),
                         QStringLiteral("token request: malformed Basic credentials"));
        clientId = formDecode(decoded.left(colon));
        clientSecret = formDecode(decoded.mid(colon + 1));
    }
    if (form.contains(QStringLiteral("client_secret"))) {
        if (basic)
            return error("invalid_request", QStringLiteral("Authenticate the client one way: Basic or the body."),
                         QStringLiteral("token request: two client authentications"));
        clientId = form.value(QStringLiteral("client_id"));
        clientSecret = form.value(QStringLiteral("client_secret"));
    } else if (!basic) {
        return error("invalid_client", QStringLiteral("Client authentication failed."),
                     QStringLiteral("token request: no client authentication"));
    } else if (form.contains(QStringLiteral("client_id")) && form.value(QStringLiteral("client_id")) != clientId) {
        return error("invalid_request", QStringLiteral("client_id differs from the authenticated client."),
                     QStringLiteral("token request: client_id mismatch"));
    }

    const QString grant = form.value(QStringLiteral("grant_type"));
    if (grant.isEmpty())
        return error("invalid_request", QStringLiteral("grant_type is missing."),
                     QStringLiteral("token request: no grant_type"));
    if (grant != u"client_credentials")
        return error("unsupported_grant_type", QStringLiteral("Only client_credentials is supported."),
                     QStringLiteral("token request: grant_type %1").arg(grant.left(40)));

    const QString scope = form.value(QStringLiteral("scope")).simplified();
    for (const QString &wanted : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (!allowedScopes.contains(wanted))
            return error("invalid_scope",
                         QStringLiteral("The scope %1 is not granted to this application (it may: %2).")
                             .arg(wanted.left(40),
                                  allowedScopes.isEmpty() ? QStringLiteral("nothing") : allowedScopes.join(u' ')),
                         QStringLiteral("token request: scope %1 not granted").arg(wanted.left(40)));
    }

    ClientCredentialStore store(db);
    const Result<ClientCredentials> client = store.byClientId(clientId);
    const QString who = QStringLiteral("client %1").arg(clientId.left(40));
    if (!client || client->appId != request.appId)
        return error("invalid_client", QStringLiteral("Client authentication failed."),
                     QStringLiteral("token request from %1: refused (unknown client)").arg(who));
    const Result<MintedAccessToken> minted = store.mint(clientId, clientSecret);
    if (!minted) {
        if (minted.error().code != ErrorCode::Unauthorized)
            return error("server_error", QStringLiteral("The token could not be issued."),
                         QStringLiteral("token request from %1: %2").arg(who, minted.error().detail));
        return error("invalid_client", minted.error().message,
                     QStringLiteral("token request from %1: refused (%2)").arg(who, minted.error().detail));
    }
    QJsonObject body{{QStringLiteral("access_token"), minted->token},
                     {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                     {QStringLiteral("expires_in"), minted->expiresIn}};
    // A granted scope is echoed; the application's SCIM permission still decides each call.
    if (!scope.isEmpty())
        body.insert(QStringLiteral("scope"), scope);
    ScimResponse response = answer(200, body);
    response.tokenPrefix = minted->secretPrefix;
    response.detail = QStringLiteral("token request from %1: issued, %2 s").arg(who).arg(minted->expiresIn);
    return response;
}

} // namespace ScimConsole::Core
