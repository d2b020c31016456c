// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace ScimConsole::Test {

/// The status of a response ("HTTP/1.1 204 …"), or 0.
inline int statusOf(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

/// One connection to a local server, written and read as raw bytes: for what a well-behaved HTTP client cannot send,
/// and for requests that must each have a connection of their own. The servers under test run on threads of their
/// own, so blocking waits are fine.
class RawConnection
{
public:
    explicit RawConnection(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_connected = m_socket.waitForConnected(5000);
    }

    bool isConnected() const { return m_connected; }
    QTcpSocket &socket() { return m_socket; }

    void send(const QByteArray &bytes)
    {
        if (closed())
            return;
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }

    /// Everything received until the server closes the connection, or `timeoutMs` passes (closed() tells which).
    QByteArray readUntilClosed(int timeoutMs = 5000)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < timeoutMs)
            m_socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - clock.elapsed())));
        m_received += m_socket.readAll();
        return m_received;
    }

    bool closed() const { return m_socket.state() != QAbstractSocket::ConnectedState; }

    /// Without waiting: the status of the response once its status line has arrived, else 0. Reads nothing away
    /// from readResponse().
    int status()
    {
        m_received += m_socket.readAll();
        return m_received.contains("\r\n") ? statusOf(m_received) : 0;
    }

    /// One whole response (headers and a Content-Length body), or what came within `timeoutMs`.
    QByteArray readResponse(int timeoutMs = 5000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            m_received += m_socket.readAll();
            const qsizetype end = m_received.indexOf("\r\n\r\n");
            if (end >= 0) {
                const qsizetype lengthAt = m_received.toLower().indexOf("content-length:");
                const qsizetype length =
                    lengthAt >= 0 && lengthAt < end
                        ? m_received.mid(lengthAt + 15, m_received.indexOf('\r', lengthAt) - lengthAt - 15)
                              .trimmed()
                              .toLongLong()
                        : 0;
                if (m_received.size() >= end + 4 + length) {
                    const QByteArray response = m_received.left(end + 4 + length);
                    m_received.remove(0, response.size());
                    return response;
                }
            }
            if (!m_socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - clock.elapsed()))) && closed())
                break;
        }
        return std::exchange(m_received, {});
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_connected = false;
};

inline QJsonObject bodyOf(const QByteArray &response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}

} // namespace ScimConsole::Test
