// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/GuardedTcpServer.h"

#include "core/log/Logging.h"

#include <QJsonDocument>
#include <QSslSocket>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

namespace ScimConsole::Core {

namespace {

constexpr int ResumeAcceptingMs = 250;
constexpr int LingerAfterRefusalMs = 5000;
const char *const GuardName = "scimConsoleGuard";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 406:
        return QByteArrayLiteral("Not Acceptable");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 414:
        return QByteArrayLiteral("URI Too Long");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 417:
        return QByteArrayLiteral("Expectation Failed");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        break;
    }
    return status < 400 ? QByteArrayLiteral("OK") : QByteArrayLiteral("Error");
}

int seconds(qint64 ms)
{
    return int(qMax<qint64>(1, (ms + 999) / 1000));
}

/// For "%n bytes".
int count(qint64 n)
{
    return int(qMin<qint64>(n, INT_MAX));
}

/// Watches one connection's bytes before QHttpServer parses them (its readyRead handler is connected first).
class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
        , m_limits(server->limits())
    {
        setObjectName(QLatin1StringView(GuardName));
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
        m_timer.start(int(m_limits.idleTimeoutMs));
    }

    void answered()
    {
        if (m_phase == Phase::Refused)
            return;
        m_phase = Phase::Idle;
        m_head.clear();
        m_timer.start(int(m_limits.idleTimeoutMs));
    }

private:
    enum class Phase { Idle, Headers, Body, Refused };

    void onReadyRead()
    {
        if (m_phase == Phase::Refused) {
            m_socket->readAll();
            return;
        }
        const QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
        if (chunk.isEmpty()) // QHttpServer 6.8 signals readyRead itself after each answer, whether bytes came or not
            return;
        qsizetype bodyBytes = chunk.size();
        if (m_phase == Phase::Idle) {
            m_phase = Phase::Headers;
            m_timer.start(int(m_limits.headerTimeoutMs));
        }
        if (m_phase == Phase::Headers) {
            const qsizetype before = m_head.size();
            const qint64 bound = m_limits.maxRequestLineBytes + m_limits.maxHeaderBytes + 4;
            m_head.append(chunk.left(bound + 1 - before));
            // Blank lines before a request are allowed (RFC 9112 §2.2).
            qsizetype start = 0;
            while (start < m_head.size() && (m_head.at(start) == '\r' || m_head.at(start) == '\n'))
                ++start;
            const qsizetype end = GuardedTcpServer::headEnd(m_head.mid(start));
            if (end < 0) {
                const qsizetype lineEnd = m_head.indexOf('\n', start);
                if ((lineEnd < 0 ? m_head.size() : lineEnd) - start > m_limits.maxRequestLineBytes)
                    refuse(GuardedTcpServer::requestLineTooLong(m_limits));
                else if (m_head.size() > bound)
                    refuse(GuardedTcpServer::headersTooLarge(m_limits));
                return;
            }
            if (!inspectHead(m_head.mid(start, end)))
                return;
            bodyBytes = chunk.size() - (start + end - before);
            m_phase = Phase::Body;
            m_bodyReceived = 0;
            m_timer.start(int(m_limits.bodyTimeoutMs));
        }
        // Phase::Body. With a Content-Length, bytes past it belong to the next (pipelined) request, which the
        // front end checks itself; a chunked body is bounded on its raw size (the decoded one is checked again).
        m_bodyReceived += bodyBytes;
        if (m_bodyExpected >= 0)
            return;
        if (m_bodyReceived > 2 * m_limits.maxBodyBytes + 64 * 1024)
            refuse(GuardedTcpServer::bodyTooLarge(m_limits));
    }

    /// Checks a complete header block; false when the request was refused.
    bool inspectHead(const QByteArray &head)
    {
        const GuardedTcpServer::HeadCheck check = GuardedTcpServer::checkHead(head, m_limits);
        m_requestLine = check.requestLine;
        if (check.refusal) {
            refuse(*check.refusal);
            return false;
        }
        m_bodyExpected = check.bodyExpected;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0) // from 6.8 on, QHttpServer answers it itself
        if (check.expectContinue)
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
#endif
        return true;
    }

    void onTimeout()
    {
        switch (m_phase) {
        case Phase::Idle:
            m_socket->abort();
            return;
        case Phase::Headers:
            refuse(ScimError{408,
                             {},
                             GuardedTcpServer::tr("The request headers did not arrive within %n seconds.", nullptr,
                                                  seconds(m_limits.headerTimeoutMs))});
            return;
        case Phase::Body:
            refuse(ScimError{408,
                             {},
                             GuardedTcpServer::tr("The request body did not arrive within %n seconds.", nullptr,
                                                  seconds(m_limits.bodyTimeoutMs))});
            return;
        case Phase::Refused:
            m_socket->abort();
            return;
        }
    }

    void refuse(const ScimError &error)
    {
        const bool headersSeen = m_phase == Phase::Body;
        m_phase = Phase::Refused;
        if (!headersSeen) { // the request line, as far as it came
            const qsizetype lineEnd = m_head.indexOf('\n');
            m_requestLine = (lineEnd < 0 ? m_head : m_head.left(lineEnd)).trimmed();
        }
        qCInfo(lcServer) << "refused a request from" << m_socket->peerAddress().toString() << error.status
                         << error.detail;
        m_socket->write(GuardedTcpServer::refusal(error));
        m_socket->readAll();
        closeAfterAnswer();
        m_timer.start(LingerAfterRefusalMs); // then abort, if the client never reads its answer

        SyncEvent event;
        event.at = QDateTime::currentDateTimeUtc();
        event.direction = SyncDirection::Inbound;
        event.clientAddress = m_socket->peerAddress().toString();
        const QList<QByteArray> parts = m_requestLine.left(SyncEvent::PathLength + 16).split(' ');
        event.method = QString::fromLatin1(parts.value(0));
        event.path = QString::fromUtf8(parts.value(1));
        static const QLatin1StringView appsPrefix("/scim/v2/apps/");
        if (event.path.startsWith(appsPrefix))
            event.appId = event.path.mid(appsPrefix.size()).section(u'/', 0, 0).section(u'?', 0, 0);
        event.status = error.status;
        event.scimType = error.scimType;
        event.detail = error.detail;
        event.capFields();
        m_head.clear();
        emit m_server->refused(event);
    }

    /// A lingering close: closing with unread request bytes would make the kernel reset the connection, and the
    /// client could lose the answer. So the sending side is shut once the answer is out, and what the client still
    /// sends is read and dropped until it closes (or the linger timer aborts). TLS has its own close_notify.
    void closeAfterAnswer()
    {
        if (qobject_cast<QSslSocket *>(m_socket)) {
            m_socket->disconnectFromHost();
            return;
        }
        const auto shutWhenSent = [this] {
            if (m_socket->bytesToWrite() == 0)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        };
        connect(m_socket, &QTcpSocket::bytesWritten, this, shutWhenSent);
        m_socket->flush();
        shutWhenSent();
    }

    QTcpSocket *m_socket;
    GuardedTcpServer *m_server;
    const ServerLimits m_limits;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;
    QByteArray m_requestLine;
    qint64 m_bodyExpected = 0; // -1: chunked
    qint64 m_bodyReceived = 0;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(const ServerLimits &limits, std::optional<QSslConfiguration> tls,
                                   std::shared_ptr<ConnectionLedger> ledger, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_tls(std::move(tls))
    , m_ledger(ledger ? std::move(ledger) : std::make_shared<ConnectionLedger>())
{
    connect(this, &QTcpServer::acceptError, this, &GuardedTcpServer::onAcceptError);
}

GuardedTcpServer::~GuardedTcpServer()
{
    stopListening();
}

void GuardedTcpServer::setTlsConfiguration(const QSslConfiguration &tls)
{
    Q_ASSERT(m_tls);
    m_tls = tls;
}

void GuardedTcpServer::answered(QTcpSocket *socket)
{
    // ConnectionGuard has no meta-object of its own: found by its name, not by its type.
    if (auto *guard = socket->findChild<QObject *>(QLatin1StringView(GuardName), Qt::FindDirectChildrenOnly))
        static_cast<ConnectionGuard *>(guard)->answered();
}

qsizetype GuardedTcpServer::headEnd(const QByteArray &head)
{
    // Bare LF line ends count too, as they do for the HTTP parser behind us.
    for (qsizetype i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) {
        if (i + 1 < head.size() && head.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < head.size() && head.at(i + 1) == '\r' && head.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

GuardedTcpServer::HeadCheck GuardedTcpServer::checkHead(const QByteArray &head, const ServerLimits &limits)
{
    HeadCheck check;
    const QList<QByteArray> lines = head.split('\n');
    check.requestLine = lines.value(0).trimmed();
    if (check.requestLine.size() > limits.maxRequestLineBytes) {
        check.refusal = requestLineTooLong(limits);
        return check;
    }
    if (head.size() - check.requestLine.size() > limits.maxHeaderBytes) {
        check.refusal = headersTooLarge(limits);
        return check;
    }
    QList<QByteArray> contentLengths;
    bool transferEncoding = false;
    bool expectContinue = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            contentLengths.append(value);
        else if (name == "transfer-encoding")
            transferEncoding = true;
        else if (name == "expect")
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
    }
    if (transferEncoding && !contentLengths.isEmpty()) {
        check.refusal = ambiguousFraming();
        return check;
    }
    check.bodyExpected = transferEncoding ? -1 : 0;
    for (const QByteArray &value : std::as_const(contentLengths)) {
        bool numeric = false;
        const qint64 length = value.toLongLong(&numeric);
        const bool digitsOnly =
            !value.isEmpty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!numeric || !digitsOnly || (contentLengths.size() > 1 && value != contentLengths.first())) {
            check.refusal = ScimError::invalidSyntax(tr("The Content-Length is not valid."));
            return check;
        }
        check.bodyExpected = length;
    }
    if (check.bodyExpected > limits.maxBodyBytes) {
        check.refusal = bodyTooLarge(limits);
        return check;
    }
    check.expectContinue = expectContinue && check.requestLine.endsWith("HTTP/1.1");
    return check;
}

ScimError GuardedTcpServer::requestLineTooLong(const ServerLimits &limits)
{
    return {414, {}, tr("The request line is longer than %n bytes.", nullptr, count(limits.maxRequestLineBytes))};
}

ScimError GuardedTcpServer::headersTooLarge(const ServerLimits &limits)
{
    return {431, {}, tr("The request headers are longer than %n bytes.", nullptr, count(limits.maxHeaderBytes))};
}

ScimError GuardedTcpServer::bodyTooLarge(const ServerLimits &limits)
{
    return {413, {}, tr("The request body is larger than %n bytes.", nullptr, count(limits.maxBodyBytes))};
}

ScimError GuardedTcpServer::ambiguousFraming()
{
    return ScimError::invalidSyntax(tr("A request may not carry both Content-Length and Transfer-Encoding."));
}

QByteArray GuardedTcpServer::response(int status, const QList<std::pair<QByteArray, QByteArray>> &headers,
                                      const QByteArray &body)
{
    QByteArray bytes;
    bytes.reserve(256 + body.size());
    bytes += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    // RFC 9110 §8.6: none on 1xx and 204; on 304 only the length a 200 would have had, which is not known here.
    if (status >= 200 && status != 204 && status != 304)
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "\r\n";
    bytes += body;
    return bytes;
}

QByteArray GuardedTcpServer::refusal(const ScimError &error)
{
    QList<std::pair<QByteArray, QByteArray>> headers{
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/scim+json; charset=utf-8")}};
    if (error.status == 503)
        headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
    return response(error.status, headers, QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact));
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
QTcpSocket *GuardedTcpServer::connection(const QHostAddress &peer, quint16 peerPort) const
{
    return m_connections.value({peer, peerPort});
}
#endif

void GuardedTcpServer::onAcceptError(QAbstractSocket::SocketError error)
{
    // Out of file descriptors (EMFILE/ENFILE): Qt stops accepting and never starts again by itself. Try again
    // shortly; connections that close in the meantime give descriptors back.
    if (error != QAbstractSocket::SocketResourceError)
        return;
    qCWarning(lcServer) << "cannot accept a connection:" << errorString() << "- trying again in" << ResumeAcceptingMs
                        << "ms";
    QTimer::singleShot(ResumeAcceptingMs, this, [this] {
        if (isListening())
            resumeAccepting();
    });
}

ConnectionLedger::Admission ConnectionLedger::open(const QHostAddress &peer, const ServerLimits &limits)
{
    const QMutexLocker lock(&m_mutex);
    Admission admission{false, m_open, m_openPerClient.value(peer)};
    if (admission.open >= limits.maxConnections || admission.openFromClient >= limits.maxConnectionsPerClient)
        return admission;
    ++m_open;
    ++m_openPerClient[peer];
    admission.admitted = true;
    return admission;
}

void ConnectionLedger::close(const QHostAddress &peer)
{
    const QMutexLocker lock(&m_mutex);
    --m_open;
    if (auto found = m_openPerClient.find(peer); found != m_openPerClient.end() && --found.value() <= 0)
        m_openPerClient.erase(found);
}

int ConnectionLedger::join(GuardedTcpServer *server)
{
    const QMutexLocker lock(&m_mutex);
    m_workers.append({server, 0});
    return int(m_workers.size()) - 1;
}

void ConnectionLedger::leave(int worker)
{
    const QMutexLocker lock(&m_mutex);
    m_workers[worker].server = nullptr;
}

GuardedTcpServer *ConnectionLedger::assign(int worker)
{
    const QMutexLocker lock(&m_mutex);
    qsizetype chosen = worker;
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        if (m_workers.at(i).server && m_workers.at(i).connections < m_workers.at(chosen).connections)
            chosen = i;
    }
    if (m_workers.at(chosen).connections > m_workers.at(worker).connections - 2)
        chosen = worker; // not clearly fewer: the worker that accepted keeps it
    ++m_workers[chosen].connections;
    return m_workers.at(chosen).server;
}

void ConnectionLedger::unassign(int worker)
{
    const QMutexLocker lock(&m_mutex);
    --m_workers[worker].connections;
}

bool GuardedTcpServer::listenFirst(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    m_worker = m_ledger->join(this);
    return true;
}

bool GuardedTcpServer::listenAlongside(qintptr listening)
{
    const int duplicate = ::dup(int(listening));
    if (duplicate < 0)
        return false;
    if (!setSocketDescriptor(duplicate)) {
        ::close(duplicate);
        return false;
    }
    m_worker = m_ledger->join(this);
    return true;
}

void GuardedTcpServer::stopListening()
{
    close();
    if (m_worker >= 0)
        m_ledger->leave(m_worker);
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    if (m_worker < 0) { // listening through QTcpServer::listen() itself: alone, with nobody to share with
        admit(handle, false);
        return;
    }
    GuardedTcpServer *keeper = m_ledger->assign(m_worker);
    if (keeper == this)
        admit(handle, false);
    else // queued: on the keeper's thread, which stays until every worker stopped listening (ScimServer::stop)
        QMetaObject::invokeMethod(
            keeper, [keeper, handle] { keeper->admit(handle, true); }, Qt::QueuedConnection);
}

void GuardedTcpServer::admit(qintptr handle, bool handedOver)
{
    // Counted out when the socket goes, however it goes.
    const auto unassign = [ledger = m_ledger, worker = m_worker] {
        if (worker >= 0)
            ledger->unassign(worker);
    };
    if (!isListening()) { // handed over while this worker was stopping
        ::close(int(handle));
        unassign();
        return;
    }
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    connect(socket, &QObject::destroyed, unassign);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    if (const ConnectionLedger::Admission admission = m_ledger->open(peer, m_limits); !admission.admitted) {
        const QString detail =
            admission.open >= m_limits.maxConnections
                ? tr("The server has %n connections open, its limit.", nullptr, admission.open)
                : tr("This address has %n connections open, the limit per client.", nullptr, admission.openFromClient);
        SyncEvent event;
        event.at = QDateTime::currentDateTimeUtc();
        event.clientAddress = peer.toString();
        event.status = 503;
        event.detail = detail;
        emit refused(event);
        if (m_tls) { // no handshake for a connection that is refused anyway
            socket->abort();
            socket->deleteLater();
            return;
        }
        socket->write(refusal(ScimError{503, {}, detail}));
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(LingerAfterRefusalMs, socket, &QTcpSocket::abort);
        socket->disconnectFromHost();
        return;
    }
    // No context object: the count must drop even when this server is going (shutdown deletes it first).
    connect(socket, &QObject::destroyed, [ledger = m_ledger, peer] { ledger->close(peer); });
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const std::pair<QHostAddress, quint16> key{peer, socket->peerPort()};
    m_connections.insert(key, socket);
    connect(socket, &QObject::destroyed, this, [this, key] { m_connections.remove(key); });
#endif

    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->setSslConfiguration(*m_tls);
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &errors) {
            qCInfo(lcServer) << "TLS handshake failed from" << ssl->peerAddress().toString()
                             << errors.value(0).errorString();
        });
        ssl->startServerEncryption();
    }
    // Connected before QHttpServer's own readyRead handler, so that it sees every chunk first.
    new ConnectionGuard(socket, this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    addPendingConnection(socket);
    if (handedOver)
        emit newConnection(); // QTcpServer signals only for what it accepted itself
}

} // namespace ScimConsole::Core
