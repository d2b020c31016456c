// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "tests/support/RamTestDouble.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace ScimConsole::Test {

using namespace Core;

RamTestDouble::RamTestDouble(const Options &options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
{}

bool RamTestDouble::start()
{
    m_tcp = new QTcpServer(this);
    if (!m_tcp->listen(QHostAddress::LocalHost, 0))
        return false;
    bind(m_tcp);
    return true;
}

QString RamTestDouble::tokenUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1/token").arg(m_tcp->serverPort());
}

QString RamTestDouble::scimUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/scim").arg(m_tcp->serverPort());
}

RamProfile RamTestDouble::profile(const QString &name) const
{
    RamProfile profile;
    profile.name = name;
    profile.site = RamSite::Custom;
    profile.tokenUrl = tokenUrl();
    profile.scimUrl = scimUrl();
    profile.clientId = m_options.clientId;
    return profile;
}

QString RamTestDouble::addUser(const QString &userName, const QString &externalId)
{
    const QString id = QStringLiteral("ram-%1").arg(m_nextId++);
    users.insert(id, {id, userName, userName, externalId});
    return id;
}

RamTestDouble::Answer RamTestDouble::error(int status, const QString &detail, const QString &scimType)
{
    QJsonObject body{
        {QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error")}},
        {QStringLiteral("status"), QString::number(status)},
        {QStringLiteral("detail"), detail}};
    if (!scimType.isEmpty())
        body.insert(QStringLiteral("scimType"), scimType);
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

QJsonObject RamTestDouble::toJson(const RamUser &user) const
{
    QJsonObject json{
        {QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User")}},
        {QStringLiteral("id"), user.id},
        {QStringLiteral("userName"), user.userName},
        {QStringLiteral("displayName"), user.displayName},
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("User")},
                     {QStringLiteral("location"), scimUrl() + QStringLiteral("/Users/") + user.id}}}};
    if (!user.externalId.isEmpty())
        json.insert(QStringLiteral("externalId"), user.externalId);
    return json;
}

std::optional<RamTestDouble::Answer> RamTestDouble::respond(const QHttpServerRequest &request)
{
    Answer answer;
    const QString path = request.url().path();
    ++m_requestCount;
    authorizations.append(request.value("Authorization"));
    if (!m_options.redirectTo.isEmpty() && path.startsWith(u"/scim/")) {
        answer.status = 307;
        answer.headers.append({"Location", (m_options.redirectTo + path.mid(5)).toUtf8()});
    } else if (m_options.faultEvery > 0 && m_requestCount % m_options.faultEvery == 0) {
        ++faultsInjected;
        answer = error(m_options.faultStatus, QStringLiteral("Injected fault"));
        answer.headers.append({"Retry-After", QByteArray::number(m_options.retryAfterSeconds)});
    } else if (path == u"/v1/token") {
        answer = token(request);
    } else if (path.startsWith(u"/scim/")) {
        answer = scim(request, path.mid(5));
    } else {
        answer = error(404, QStringLiteral("no such endpoint"));
    }
    if (m_options.loseAnswerEvery > 0 && request.method() == QHttpServerRequest::Method::Post
        && path.startsWith(u"/scim/") && ++m_postCount % m_options.loseAnswerEvery == 0) {
        ++answersLost;
        return std::nullopt;
    }
    return answer;
}

void RamTestDouble::later(QObject *connection, std::function<void()> send)
{
    // The latency is a timer, not a sleep: the double keeps answering other connections meanwhile, as a remote
    // server does, so that a client's concurrency is what sets the pace. The request is carried out at once.
    auto sendAndCount = [this, send = std::move(send)] {
        send();
        ++answersSent;
    };
    if (m_options.latencyMs > 0)
        QTimer::singleShot(m_options.latencyMs, connection, std::move(sendAndCount)); // not if the connection went
    else
        sendAndCount();
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
bool RamTestDouble::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const std::optional<Answer> answer = respond(request);
    if (!answer) {
        // QHttpServer 6.8 passes no socket: the connection is the one from the request's port. Queued: the server
        // is still reading from it when the handler returns.
        for (QTcpSocket *socket : findChildren<QTcpSocket *>()) {
            if (socket->peerPort() == request.remotePort())
                QMetaObject::invokeMethod(socket, &QTcpSocket::abort, Qt::QueuedConnection);
        }
        return true;
    }
    // QHttpServer 6.8 keeps the connection behind the responder itself.
    later(this, [kept = std::make_shared<QHttpServerResponder>(std::move(responder)), answer = *answer] {
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        for (const auto &[name, value] : answer.headers)
            headers.append(name, value);
        kept->write(answer.body, headers, static_cast<QHttpServerResponder::StatusCode>(answer.status));
    });
    return true;
}

void RamTestDouble::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}
#else
bool RamTestDouble::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const std::optional<Answer> answer = respond(request);
    if (!answer) { // queued: the server is still reading from this socket when the handler returns
        QMetaObject::invokeMethod(socket, &QTcpSocket::abort, Qt::QueuedConnection);
        return true;
    }
    later(socket, [kept = std::make_shared<QHttpServerResponder>(makeResponder(request, socket)), answer = *answer] {
        kept->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
        kept->writeHeader("Content-Type", "application/json");
        for (const auto &[name, value] : answer.headers)
            kept->writeHeader(name, value);
        kept->writeHeader("Content-Length", QByteArray::number(answer.body.size()));
        kept->writeBody(answer.body);
    });
    return true;
}

void RamTestDouble::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
#endif

RamTestDouble::Answer RamTestDouble::token(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    const QByteArray expected = "Basic " + (m_options.clientId + u':' + m_options.secret).toUtf8().toBase64();
    if (request.method() != QHttpServerRequest::Method::Post
        || query.queryItemValue(QStringLiteral("grant_type")) != u"client_credentials"
        || query.queryItemValue(QStringLiteral("client_id")) != m_options.clientId
        || request.value("Authorization") != expected) {
        return {
            401,
            QByteArrayLiteral("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}"),
            {}};
    }
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    m_tokens.insert(token, QDateTime::currentDateTimeUtc().addSecs(m_options.tokenLifetimeSeconds));
    ++tokensIssued;
    const QJsonObject body{
        {QStringLiteral("access_token"), token},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), QString::number(m_options.tokenLifetimeSeconds)}, // a string, as documented
        {QStringLiteral("scope"), m_options.scope},
        {QStringLiteral("request_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    return {200, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

RamTestDouble::Answer RamTestDouble::scim(const QHttpServerRequest &request, const QString &path)
{
    const QByteArray authorization = request.value("Authorization");
    const QString token = QString::fromLatin1(authorization.mid(7));
    if (!authorization.startsWith("Bearer ") || !m_tokens.contains(token)
        || m_tokens.value(token) < QDateTime::currentDateTimeUtc())
        return error(401, QStringLiteral("Invalid or expired access token."));

    const auto method = request.method();
    const QString methodName = method == QHttpServerRequest::Method::Get      ? QStringLiteral("GET")
                               : method == QHttpServerRequest::Method::Post   ? QStringLiteral("POST")
                               : method == QHttpServerRequest::Method::Put    ? QStringLiteral("PUT")
                               : method == QHttpServerRequest::Method::Delete ? QStringLiteral("DELETE")
                                                                              : QStringLiteral("OTHER");
    ++requests[methodName];
    if (path == u"/ResourceTypes" || path == u"/Schemas") {
        const QJsonObject resource{
            {QStringLiteral("id"), path == u"/Schemas" ? QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User")
                                                       : QStringLiteral("User")}};
        return {200,
                QJsonDocument(QJsonObject{{QStringLiteral("totalResults"), 1},
                                          {QStringLiteral("Resources"), QJsonArray{resource}}})
                    .toJson(),
                {}};
    }
    if (path == u"/Users" && method == QHttpServerRequest::Method::Get)
        return listUsers(request);
    if (path == u"/Users" && method == QHttpServerRequest::Method::Post) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const QString userName = body.value(u"userName").toString();
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
        if (!valid.match(userName).hasMatch())
            return error(400, QStringLiteral("Invalid userName."), QStringLiteral("invalidValue"));
        for (const RamUser &user : std::as_const(users)) {
            if (user.userName.compare(userName, Qt::CaseInsensitive) == 0)
                return error(409, QStringLiteral("The userName already exists."), QStringLiteral("uniqueness"));
        }
        const QString id = addUser(userName, body.value(u"externalId").toString());
        users[id].displayName = body.value(u"displayName").toString();
        return {201, QJsonDocument(toJson(users.value(id))).toJson(QJsonDocument::Compact), {}};
    }
    if (!path.startsWith(u"/Users/"))
        return error(404, QStringLiteral("no such resource"));
    const QString id = path.mid(7);
    if (!users.contains(id))
        return error(404, QStringLiteral("The user does not exist."));
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return {200, QJsonDocument(toJson(users.value(id))).toJson(QJsonDocument::Compact), {}};
    case QHttpServerRequest::Method::Put: {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const QString userName = body.value(u"userName").toString();
        for (const RamUser &user : std::as_const(users)) {
            if (user.id != id && user.userName.compare(userName, Qt::CaseInsensitive) == 0)
                return error(409, QStringLiteral("The userName already exists."), QStringLiteral("uniqueness"));
        }
        RamUser &user = users[id];
        user.userName = userName;
        user.displayName = body.value(u"displayName").toString();
        user.externalId = body.value(u"externalId").toString();
        return {200, QJsonDocument(toJson(user)).toJson(QJsonDocument::Compact), {}};
    }
    case QHttpServerRequest::Method::Delete:
        if (m_options.undeletable.contains(users.value(id).userName))
            return error(409, QStringLiteral("The user has AccessKeys and cannot be deleted."));
        users.remove(id);
        return {204, {}, {}};
    default:
        break;
    }
    return error(405, QStringLiteral("Method not supported."));
}

RamTestDouble::Answer RamTestDouble::listUsers(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    const QString filter = query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
    QList<std::pair<QString, QString>> conditions;
    if (!filter.isEmpty()) {
        // only eq, joined with and, on id, userName and externalId.
        static const QRegularExpression clause(
            QStringLiteral("^\\s*(id|userName|externalId)\\s+eq\\s+\"([^\"]*)\"\\s*$"));
        for (const QString &part : filter.split(QStringLiteral(" and "))) {
            const QRegularExpressionMatch match = clause.match(part);
            if (!match.hasMatch())
                return error(400, QStringLiteral("Unsupported filter."), QStringLiteral("invalidFilter"));
            conditions.append({match.captured(1), match.captured(2)});
        }
    }
    QList<RamUser> matching;
    for (const RamUser &user : std::as_const(users)) {
        const bool keep = std::all_of(conditions.cbegin(), conditions.cend(), [&](const auto &condition) {
            const QString &value = condition.second;
            if (condition.first == u"id")
                return user.id == value;
            if (condition.first == u"userName")
                return user.userName.compare(value, Qt::CaseInsensitive) == 0;
            return user.externalId == value;
        });
        if (keep)
            matching.append(user);
    }
    std::sort(matching.begin(), matching.end(),
              [](const RamUser &a, const RamUser &b) { return a.id.mid(4).toInt() < b.id.mid(4).toInt(); });
    const int startIndex = std::max(1, query.queryItemValue(QStringLiteral("startIndex")).toInt());
    bool hasCount = false;
    const int count = query.queryItemValue(QStringLiteral("count")).toInt(&hasCount);
    const int pageSize = std::min(hasCount ? count : m_options.pageSize, m_options.pageSize);
    QJsonArray resources;
    for (int i = startIndex - 1; i < matching.size() && resources.size() < pageSize; ++i)
        resources.append(toJson(matching.at(i)));
    const QJsonObject body{
        {QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:ListResponse")}},
        {QStringLiteral("totalResults"), int(matching.size())},
        {QStringLiteral("startIndex"), startIndex},
        {QStringLiteral("itemsPerPage"), int(resources.size())},
        {QStringLiteral("Resources"), resources}};
    return {200, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

} // namespace ScimConsole::Test
