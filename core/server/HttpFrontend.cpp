// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/HttpFrontend.h"

#include "core/log/Logging.h"
#include "core/log/SyncLog.h"
#include "core/scim/ScimEngine.h"
#include "core/scim/ScimError.h"
#include "core/server/GuardedTcpServer.h"
#include "core/server/ServerWorker.h"
#include "core/store/Database.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>

namespace ScimConsole::Core {

namespace {

const QLatin1StringView AppsPrefix("/scim/v2/apps/");

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

ScimResponse errorResponse(const ScimError &error)
{
    ScimResponse response;
    response.status = error.status;
    response.body = QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact);
    response.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/scim+json; charset=utf-8"));
    response.scimType = error.scimType;
    response.detail = error.detail;
    return response;
}

std::optional<ScimError> exceedsLimits(const QHttpServerRequest &request, const ServerLimits &limits)
{
    // The request line as sent: method, target, version.
    if (methodName(request.method()).size() + request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority).size()
            + 10
        > limits.maxRequestLineBytes)
        return GuardedTcpServer::requestLineTooLong(limits);
    qint64 headerBytes = 0;
    bool contentLength = false;
    bool transferEncoding = false;
    const auto count = [&](QByteArrayView name, qsizetype valueSize) {
        headerBytes += name.size() + valueSize + 4;
        contentLength = contentLength || name.compare("Content-Length", Qt::CaseInsensitive) == 0;
        transferEncoding = transferEncoding || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
    };
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const QHttpHeaders &headers = request.headers();
    for (qsizetype i = 0; i < headers.size(); ++i)
        count(QByteArrayView(headers.nameAt(i).data(), headers.nameAt(i).size()), headers.valueAt(i).size());
#else
    for (const auto &[name, value] : request.headers())
        count(name, value.size());
#endif
    if (headerBytes > limits.maxHeaderBytes)
        return GuardedTcpServer::headersTooLarge(limits);
    if (contentLength && transferEncoding)
        return GuardedTcpServer::ambiguousFraming();
    if (request.body().size() > limits.maxBodyBytes)
        return GuardedTcpServer::bodyTooLarge(limits);
    return std::nullopt;
}

} // namespace

HttpFrontend::HttpFrontend(ScimEngine &engine, Database &db, ServerWorker &worker, GuardedTcpServer &tcp, bool tls,
                           QObject *parent)
    : QAbstractHttpServer(parent)
    , m_engine(engine)
    , m_db(db)
    , m_worker(worker)
    , m_tcp(tcp)
    , m_limits(tcp.limits())
    , m_tls(tls)
{}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = m_tcp.connection(request.remoteAddress(), request.remotePort());
    if (!socket) { // every connection QHttpServer reads from was admitted by m_tcp: a broken invariant
        qCWarning(lcServer) << "no connection from" << request.remoteAddress().toString() << request.remotePort();
        responder.write(QHttpServerResponder::StatusCode::InternalServerError);
        return true;
    }
    answer(request, *socket);
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    // handleRequest answers everything; this is reached only for what QHttpServer itself declines (a WebSocket
    // upgrade).
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}
#else
bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    answer(request, *socket);
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is reached only for what QHttpServer itself declines.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}
#endif

void HttpFrontend::answer(const QHttpServerRequest &request, QTcpSocket &socket)
{
    QElapsedTimer clock;
    clock.start();
    const QUrl url = request.url();
    const QString path = url.path(QUrl::FullyDecoded);

    ScimRequest scim;
    scim.method = methodName(request.method());
    ScimResponse response;
    bool close = false;
    if (const std::optional<ScimError> refused = exceedsLimits(request, m_limits)) {
        // Answered at once, since the connection closes after it: whatever is held for it goes first.
        commitGroup();
        response = errorResponse(*refused);
        response.setHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
        close = true;
    } else if (!path.startsWith(AppsPrefix)) {
        response = errorResponse(ScimError::notFound(
            QStringLiteral("Not a SCIM endpoint: application endpoints are %1<appId>.").arg(AppsPrefix)));
        response.detail = QStringLiteral("not a SCIM endpoint");
    } else {
        const QString rest = path.mid(AppsPrefix.size());
        const qsizetype slash = rest.indexOf(u'/');
        scim.appId = slash < 0 ? rest : rest.left(slash);
        scim.path = slash < 0 ? QString() : rest.mid(slash);
        // Query strings are form-encoded by many clients: "+" is a space (a literal plus arrives as %2B).
        scim.query = QUrlQuery(url.query(QUrl::FullyEncoded).replace(u'+', QStringLiteral("%20")));
        scim.body = request.body();
        scim.contentType = request.value(QByteArrayLiteral("Content-Type"));
        scim.authorization = request.value(QByteArrayLiteral("Authorization"));
        scim.ifMatch = request.value(QByteArrayLiteral("If-Match"));
        scim.ifNoneMatch = request.value(QByteArrayLiteral("If-None-Match"));
        scim.clientAddress = request.remoteAddress().toString();
        QByteArray host = request.value(QByteArrayLiteral("Host"));
        if (host.isEmpty())
            host = socket.localAddress().toString().toLatin1() + ':' + QByteArray::number(socket.localPort());
        scim.baseUrl = QStringLiteral("%1://%2%3%4")
                           .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), QString::fromLatin1(host),
                                AppsPrefix, scim.appId);
        response = m_engine.handle(scim);
    }

    // I-03: every answer carries the id its sync-log event is filed under, so that a failure reported by a client
    // can be found in the log.
    const QString requestId = QUuid::createUuid().toString(QUuid::Id128).left(16);
    response.setHeader(QByteArrayLiteral("X-Request-Id"), requestId.toLatin1());
    GuardedTcpServer::answered(&socket); // the request is read; its answer may wait for the group's commit

    // One sync-log event per request, without the Authorization header, the body or any secret.
    SyncEvent event;
    event.at = QDateTime::currentDateTimeUtc();
    event.direction = SyncDirection::Inbound;
    event.requestId = requestId;
    event.appId = scim.appId;
    event.tokenPrefix = response.tokenPrefix;
    event.clientAddress = request.remoteAddress().toString();
    event.userAgent = QString::fromUtf8(request.value(QByteArrayLiteral("User-Agent")).left(256));
    event.method = scim.method;
    const QString query = scim.query.toString(QUrl::FullyDecoded);
    event.path = SyncLog::redactQuery(query.isEmpty() ? path : path + u'?' + query);
    event.bytesIn = scim.body.size();
    if (scim.method != u"GET" && scim.method != u"HEAD")
        event.resourceId = response.resourceId;

    if (m_db.groupOpen()) {
        m_held.append({&socket, std::move(response), std::move(event), clock});
        // Posted: it runs once the requests that are already here have been handled, and joins them.
        if (!std::exchange(m_commitQueued, true))
            QMetaObject::invokeMethod(this, &HttpFrontend::commitGroup, Qt::QueuedConnection);
        return;
    }
    send(&socket, response, event, clock);
    if (close) { // written out first: QHttpServer 6.8 deletes the socket of a closing connection when this returns
        socket.flush();
        socket.disconnectFromHost();
    }
}

void HttpFrontend::commitGroup()
{
    if (m_db.inTransaction()) // only between transactions: what a transaction has begun is not stored yet
        return;
    m_commitQueued = false;
    const Status committed = m_db.commitGroup();
    ScimResponse failure; // none of what the group's answers tell is stored: each gets the store's failure instead
    if (!committed) {
        qCWarning(lcServer) << "a group of" << m_held.size() << "requests was not stored:" << committed.error().detail;
        failure = errorResponse(ScimError::fromError(committed.error()));
        failure.detail = QStringLiteral("not stored: the commit of its group failed");
    }
    for (HeldAnswer &held : m_held) {
        if (!committed) {
            ScimResponse replaced = failure;
            for (const auto &header : std::as_const(held.response.headers)) {
                if (header.first == "X-Request-Id")
                    replaced.headers.append(header);
            }
            held.response = std::move(replaced);
            held.event.resourceId.clear();
        }
        send(held.socket, held.response, held.event, held.clock);
    }
    m_held.clear();
    m_worker.recordHeld();
}

void HttpFrontend::send(QTcpSocket *socket, const ScimResponse &response, SyncEvent &event, const QElapsedTimer &clock)
{
    if (socket) // the client may have gone while its answer waited for the group's commit
        socket->write(GuardedTcpServer::response(response.status, response.headers, response.body));
    event.status = response.status;
    event.scimType = response.scimType;
    QStringList detail;
    if (!response.detail.isEmpty())
        detail << response.detail;
    detail << response.notes;
    event.detail = detail.join(QStringLiteral("; "));
    event.capFields();
    event.latencyUs = clock.nsecsElapsed() / 1000;
    event.bytesOut = response.body.size();
    m_worker.record(event);
}

} // namespace ScimConsole::Core
