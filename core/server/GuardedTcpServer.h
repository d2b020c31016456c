// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/log/SyncEvent.h"
#include "core/scim/ScimError.h"
#include "core/server/ServerLimits.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>
#include <optional>

namespace ScimConsole::Core {

class GuardedTcpServer;

/// The connections open in one server, over all its workers' threads: against the caps in total and per client, and
/// per worker, so that a worker that accepted a burst of connections hands some to the others.
class ConnectionLedger
{
public:
    struct Admission
    {
        bool admitted = false;
        int open = 0;           // in total, before this one
        int openFromClient = 0; // from its address, before this one
    };
    /// Counts a connection from `peer` in, unless a cap is reached.
    Admission open(const QHostAddress &peer, const ServerLimits &limits);
    void close(const QHostAddress &peer);

    /// A worker's server joins when it starts listening (its number is returned) and leaves when it stops.
    int join(GuardedTcpServer *server);
    void leave(int worker);
    /// The server that takes a connection `worker` accepted, counted in: `worker` itself, unless another has at least
    /// two fewer connections (then the one with the fewest).
    GuardedTcpServer *assign(int worker);
    void unassign(int worker);

private:
    struct Worker
    {
        GuardedTcpServer *server = nullptr; // null once it left
        int connections = 0;
    };

    QMutex m_mutex;
    int m_open = 0;
    QHash<QHostAddress, int> m_openPerClient;
    QList<Worker> m_workers;
};

/// The listening socket of the SCIM server, guarding what QHttpServer 6.4 does not (ServerLimits): the size of the
/// request line, the headers and the body; a deadline for the headers and one for the body, so that a client
/// trickling a byte at a time cannot hold a connection; `Content-Length` together with `Transfer-Encoding` (request
/// smuggling behind a proxy, RFC 9112 §6.3); `Expect: 100-continue`; how many connections are open in total and
/// per client address; and accepting again after the process ran out of file descriptors. With a TLS configuration
/// every connection is encrypted (TLS 1.2 or later).
///
/// A refused request gets a SCIM error body and the connection is closed; refused() reports it for the sync log.
///
/// With several workers each has one of these on its own thread, all on the same listening socket (the first listens,
/// the others take a duplicate of its descriptor): whichever worker is free accepts the next connection, and keeps it
/// unless another worker has clearly fewer (ConnectionLedger::assign) — a worker busy with a request accepts nothing
/// meanwhile, and a burst of connections is spread. The worker that keeps a connection makes its socket and does its
/// TLS handshake.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    GuardedTcpServer(const ServerLimits &limits, std::optional<QSslConfiguration> tls,
                     std::shared_ptr<ConnectionLedger> ledger, QObject *parent = nullptr);

    ~GuardedTcpServer() override;

    /// Listens on `address` and `port` (0: a free one): the first worker.
    bool listenFirst(const QHostAddress &address, quint16 port);
    /// Listens on a duplicate of `listening`, the first worker's socket descriptor.
    bool listenAlongside(qintptr listening);
    /// Stops listening and takes no more connections from the other workers.
    void stopListening();

    const ServerLimits &limits() const { return m_limits; }
    /// The TLS configuration of the connections accepted from now on (a renewed certificate); for a TLS server only.
    void setTlsConfiguration(const QSslConfiguration &tls);

    /// Called after each answer on `socket`: the connection waits for its next request.
    static void answered(QTcpSocket *socket);

    /// A whole HTTP/1.1 response, with its Content-Length where one is allowed.
    static QByteArray response(int status, const QList<std::pair<QByteArray, QByteArray>> &headers,
                               const QByteArray &body);
    /// A whole HTTP/1.1 response carrying a SCIM error, which closes the connection.
    static QByteArray refusal(const ScimError &error);

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    /// The open connection from `peer`, port `peerPort`, that this server admitted, or null. QHttpServer 6.8 hands its
    /// handler the request without the socket it came on.
    QTcpSocket *connection(const QHostAddress &peer, quint16 peerPort) const;
#endif

    /// What a complete header block (request line included) says about its request: refused, and why; or the body
    /// to expect (-1: chunked) and whether the client waits for "100 Continue". Pure, so that it can be fuzzed.
    struct HeadCheck
    {
        std::optional<ScimError> refusal;
        QByteArray requestLine;
        qint64 bodyExpected = 0;
        bool expectContinue = false;
    };
    static HeadCheck checkHead(const QByteArray &head, const ServerLimits &limits);
    /// The offset just past the blank line that ends the header block in `bytes`, or -1.
    static qsizetype headEnd(const QByteArray &bytes);

    /// The refusals the guard and the front end share.
    static ScimError requestLineTooLong(const ServerLimits &limits);
    static ScimError headersTooLarge(const ServerLimits &limits);
    static ScimError bodyTooLarge(const ServerLimits &limits);
    static ScimError ambiguousFraming();

signals:
    /// A request (or connection) refused here, before it reached the SCIM engine.
    void refused(const ScimConsole::Core::SyncEvent &event);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void onAcceptError(QAbstractSocket::SocketError error);
    /// Makes the socket of a connection this worker keeps. `handedOver`: accepted by another worker.
    void admit(qintptr handle, bool handedOver);

    ServerLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    std::shared_ptr<ConnectionLedger> m_ledger;
    int m_worker = -1; // in the ledger, while listening
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHash<std::pair<QHostAddress, quint16>, QTcpSocket *> m_connections;
#endif
};

} // namespace ScimConsole::Core
