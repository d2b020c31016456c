#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace ScimConsole::Core {

/// The listening socket of the SCIM server, guarding what QHttpServer 6.4 does not: a connection that sends more
/// than `maxRequestBytes` without getting an answer, or stays silent for `idleTimeoutMs`, is closed. With a TLS
/// configuration every connection is encrypted (TLS 1.2 or later).
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    GuardedTcpServer(qint64 maxRequestBytes, int idleTimeoutMs, std::optional<QSslConfiguration> tls,
                     QObject *parent = nullptr);

    /// Called after each answer on `socket`: its byte budget starts again.
    static void answered(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    qint64 m_maxRequestBytes;
    int m_idleTimeoutMs;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace ScimConsole::Core
