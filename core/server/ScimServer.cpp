// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/ScimServer.h"

#include "core/server/GuardedTcpServer.h"
#include "core/server/ServerHousekeeper.h"
#include "core/server/ServerWorker.h"

namespace ScimConsole::Core {

bool ServerOptions::setListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool numeric = false;
    const uint parsedPort = text.mid(colon + 1).toUInt(&numeric);
    const QHostAddress parsedAddress(host);
    if (!numeric || parsedPort > 65535 || parsedAddress.isNull())
        return false;
    address = parsedAddress;
    port = quint16(parsedPort);
    return true;
}

ScimServer::ScimServer(const DatabaseLocation &database, const ServerOptions &options, SyncLog *log, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_options(options)
    , m_log(log)
{
    qRegisterMetaType<ScimConsole::Core::Error>();
}

ScimServer::~ScimServer()
{
    stop();
}

Status ScimServer::validate(const ServerOptions &options)
{
    if (options.tlsCertificatePath.isEmpty() != options.tlsKeyPath.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("TLS needs both a certificate and a key."));
    if (!options.address.isLoopback() && options.tlsCertificatePath.isEmpty() && !options.allowPlainHttp) {
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 is reachable from other machines: bearer tokens must not cross the network in clear. "
                            "Give a TLS certificate and key, or allow plain HTTP explicitly.")
                             .arg(options.address.toString()));
    }
    return ok();
}

int ScimServer::workerCount(const ServerOptions &options)
{
    return options.workers > 0 ? options.workers : std::max(1, QThread::idealThreadCount());
}

void ScimServer::start()
{
    if (!m_workers.isEmpty())
        return;
    if (const Status valid = validate(m_options); !valid) {
        emit failed(valid.error());
        return;
    }
    const auto onFailure = [this](const Error &error) {
        if (m_workers.isEmpty())
            return; // another thread failed first
        stop();
        emit failed(error);
    };
    const auto startThread = [this](QObject *object, const QString &name) {
        auto *thread = new QThread(this);
        thread->setObjectName(name);
        object->moveToThread(thread);
        connect(thread, &QThread::finished, object, &QObject::deleteLater);
        m_threads.append(thread);
        thread->start();
    };
    m_housekeeper = new ServerHousekeeper(m_database, m_options, m_log);
    connect(m_housekeeper, &ServerHousekeeper::failed, this, onFailure);
    startThread(m_housekeeper, QStringLiteral("scim-housekeeper"));
    QMetaObject::invokeMethod(m_housekeeper, &ServerHousekeeper::start, Qt::QueuedConnection);

    const int count = workerCount(m_options);
    const ServerWorker::Shared shared{std::make_shared<ConnectionLedger>(), std::make_shared<TokenEndpoint::Failures>(),
                                      m_housekeeper};
    for (int i = 0; i < count; ++i) {
        auto *worker = new ServerWorker(m_database, m_options,
                                        i == 0 ? ServerWorker::Role::Acceptor : ServerWorker::Role::Worker, shared);
        connect(worker, &ServerWorker::failed, this, onFailure);
        m_workers.append(worker);
        startThread(worker, i == 0 ? QStringLiteral("scim-server") : QStringLiteral("scim-worker-%1").arg(i));
    }
    // The acceptor opens the listening socket; then the workers take duplicates of it.
    ServerWorker *acceptor = m_workers.first();
    connect(acceptor, &ServerWorker::started, this, [this, acceptor](const QUrl &url) {
        m_url = url;
        m_workersStarting = int(m_workers.size()) - 1;
        if (m_workersStarting == 0) {
            emit started(url);
            return;
        }
        const qintptr listening = acceptor->listeningDescriptor();
        for (ServerWorker *worker : m_workers.mid(1)) {
            connect(worker, &ServerWorker::started, this, [this] {
                if (--m_workersStarting == 0)
                    emit started(m_url);
            });
            QMetaObject::invokeMethod(
                worker, [worker, listening] { worker->start(listening); }, Qt::QueuedConnection);
        }
    });
    QMetaObject::invokeMethod(
        acceptor, [acceptor] { acceptor->start(); }, Qt::QueuedConnection);
}

void ScimServer::reloadTls()
{
    for (ServerWorker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, &ServerWorker::reloadTls, Qt::BlockingQueuedConnection);
}

void ScimServer::stop()
{
    if (m_workers.isEmpty())
        return;
    // Each shutdown runs after the request its worker is handling: a worker thread handles one event at a time. The
    // housekeeper last: it stores the sync-log events the workers handed it.
    for (ServerWorker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, &ServerWorker::shutdown, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(m_housekeeper, &ServerHousekeeper::shutdown, Qt::BlockingQueuedConnection);
    for (QThread *thread : std::as_const(m_threads)) {
        thread->quit();
        thread->wait();
    }
    qDeleteAll(std::exchange(m_threads, {}));
    m_workers.clear();
    m_housekeeper = nullptr;
    m_url.clear();
}

} // namespace ScimConsole::Core
