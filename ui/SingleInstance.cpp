// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/SingleInstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace ScimConsole::Gui {

namespace {
const QByteArray Activate = QByteArrayLiteral("activate\n");

QString socketName(const QString &name)
{
    // Per user: the lock and the socket live in the user's runtime folder.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation))
        .filePath(name + QStringLiteral(".socket"));
}
} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
{}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

bool SingleInstance::claim()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    QDir().mkpath(runtime);
    m_lock = std::make_unique<QLockFile>(QDir(runtime).filePath(m_name + QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0); // a crashed instance's lock is stale once its process is gone
    if (!m_lock->tryLock(100)) {
        QLocalSocket socket;
        socket.connectToServer(socketName(m_name));
        // A short, bounded wait before the first window exists: the second instance has nothing else to do.
        if (socket.waitForConnected(1000)) {
            socket.write(Activate);
            socket.waitForBytesWritten(1000);
            socket.disconnectFromServer();
        }
        return false;
    }
    QLocalServer::removeServer(socketName(m_name)); // a leftover of a crashed instance
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().startsWith(Activate.trimmed()))
                    emit activationRequested();
            });
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    m_server->listen(socketName(m_name));
    return true;
}

} // namespace ScimConsole::Gui
