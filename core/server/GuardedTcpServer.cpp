#include "core/server/GuardedTcpServer.h"

#include "core/log/Logging.h"

#include <QSslSocket>
#include <QTimer>

namespace ScimConsole::Core {

namespace {
const char *const ReceivedProperty = "scimConsoleReceived";
const char *const TimerName = "scimConsoleIdleTimer";
} // namespace

GuardedTcpServer::GuardedTcpServer(qint64 maxRequestBytes, int idleTimeoutMs, std::optional<QSslConfiguration> tls,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_maxRequestBytes(maxRequestBytes)
    , m_idleTimeoutMs(idleTimeoutMs)
    , m_tls(std::move(tls))
{}

void GuardedTcpServer::answered(QTcpSocket *socket)
{
    socket->setProperty(ReceivedProperty, qint64(0));
    if (auto *timer = socket->findChild<QTimer *>(QLatin1StringView(TimerName)))
        timer->start();
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        if (!ssl->setSocketDescriptor(handle)) {
            delete ssl;
            return;
        }
        ssl->setSslConfiguration(*m_tls);
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &errors) {
            qCInfo(lcServer) << "TLS handshake failed from" << ssl->peerAddress().toString()
                             << errors.value(0).errorString();
        });
        ssl->startServerEncryption();
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
    }

    // Connected before QHttpServer's own readyRead handler, so it sees every chunk first.
    socket->setProperty(ReceivedProperty, qint64(0));
    const qint64 limit = m_maxRequestBytes;
    connect(socket, &QTcpSocket::readyRead, socket, [socket, limit] {
        const qint64 received = socket->property(ReceivedProperty).toLongLong() + socket->bytesAvailable();
        socket->setProperty(ReceivedProperty, received);
        if (auto *timer = socket->findChild<QTimer *>(QLatin1StringView(TimerName)))
            timer->start();
        if (received > limit) {
            qCWarning(lcServer) << "closing a connection from" << socket->peerAddress().toString() << "after"
                                << received << "bytes without a complete request";
            socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            socket->readAll();
        }
    });
    auto *idle = new QTimer(socket);
    idle->setObjectName(QLatin1StringView(TimerName));
    idle->setSingleShot(true);
    idle->setInterval(m_idleTimeoutMs);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    idle->start();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    addPendingConnection(socket);
}

} // namespace ScimConsole::Core
