// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/ServerWorker.h"

#include "core/log/Logging.h"
#include "core/scim/ScimEngine.h"
#include "core/server/GuardedTcpServer.h"
#include "core/server/HttpFrontend.h"
#include "core/server/ServerHousekeeper.h"
#include "core/store/Database.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <algorithm>

namespace ScimConsole::Core {

namespace {

// SQLite's page caches of the workers together: each gets its share, between the 32 MB every connection has
// (Database::open) and 8 MB, so that the server's memory does not grow with the number of cores. Two workers keep
// 32 MB each. Four, at 100,000 users after GET, filter and list, took 184 MB resident with 32 MB each and 119 MB
// with 16 MB each, at the same rates (issue 12).
constexpr int WorkersCacheKiB = 64 * 1024;
constexpr int MaxWorkerCacheKiB = 32 * 1024;
constexpr int MinWorkerCacheKiB = 8 * 1024;

Result<QSslConfiguration> loadTls(const ServerOptions &options)
{
    QFile certificateFile(options.tlsCertificatePath);
    QFile keyFile(options.tlsKeyPath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         ScimServer::tr("Cannot read the TLS certificate %1.").arg(options.tlsCertificatePath));
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, ScimServer::tr("Cannot read the TLS key %1.").arg(options.tlsKeyPath));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem); // an EC key read as RSA is silently null
    if (chain.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         ScimServer::tr("%1 holds no PEM certificate.").arg(options.tlsCertificatePath));
    if (key.isNull())
        return makeError(ErrorCode::InvalidInput,
                         ScimServer::tr("%1 holds no PEM private key (RSA or EC).").arg(options.tlsKeyPath));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}
} // namespace

ServerWorker::ServerWorker(const DatabaseLocation &database, const ServerOptions &options, Role role,
                           const Shared &shared)
    : m_location(database)
    , m_options(options)
    , m_role(role)
    , m_shared(shared)
{}

ServerWorker::~ServerWorker()
{
    if (m_http)
        m_http->commitGroup();
    // The HTTP server (which owns the listening server since bind(), and that the sockets) refers to the engine: it
    // goes first, then the engine, then the store.
    delete m_http;
}

void ServerWorker::start(qintptr listening)
{
    std::optional<QSslConfiguration> tls;
    if (!m_options.tlsCertificatePath.isEmpty()) {
        const Result<QSslConfiguration> loaded = loadTls(m_options);
        if (!loaded) {
            emit failed(loaded.error());
            return;
        }
        tls = loaded.value();
    }
    Result<std::unique_ptr<Database>> db = Database::open(m_location);
    if (!db) {
        emit failed(db.error());
        return;
    }
    m_db = std::move(db).value();
    if (m_db->backend() == Backend::Sqlite) {
        const int cacheKiB =
            std::clamp(WorkersCacheKiB / ScimServer::workerCount(m_options), MinWorkerCacheKiB, MaxWorkerCacheKiB);
        if (const auto sized = m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(cacheKiB)); !sized)
            qCWarning(lcServer) << "could not size the worker's page cache:" << sized.error().detail;
    }
    m_db->enableStatementCache(); // finished after each request (ScimEngine::handle)
    m_db->leaveCheckpoints();     // to the housekeeper
    m_db->enableGroupCommit();    // committed by the front end, once per round of requests
    m_engine = std::make_unique<ScimEngine>(*m_db, m_shared.tokenFailures);

    m_tcp = new GuardedTcpServer(m_options.limits, tls, m_shared.connections, this);
    connect(m_tcp, &GuardedTcpServer::refused, this, &ServerWorker::record);
    if (m_role == Role::Worker ? !m_tcp->listenAlongside(listening)
                               : !m_tcp->listenFirst(m_options.address, m_options.port)) {
        emit failed(makeError(ErrorCode::Network, ScimServer::tr("Cannot listen on %1 port %2: %3")
                                                      .arg(m_options.address.toString())
                                                      .arg(m_options.port)
                                                      .arg(m_tcp->errorString())));
        return;
    }
    m_http = new HttpFrontend(*m_engine, *m_db, *this, *m_tcp, tls.has_value(), this);
    m_http->bind(m_tcp);
    m_engine->setBeforeLongWork([http = m_http] { http->commitGroup(); });

    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_tcp->serverPort());
    if (m_role == Role::Acceptor) { // the presence record names the address before anyone is told it
        QMetaObject::invokeMethod(
            m_shared.housekeeper, [housekeeper = m_shared.housekeeper, url] { housekeeper->announce(url); },
            Qt::BlockingQueuedConnection);
    }
    emit started(url);
}

void ServerWorker::reloadTls()
{
    if (!m_tcp || m_options.tlsCertificatePath.isEmpty())
        return;
    const Result<QSslConfiguration> loaded = loadTls(m_options);
    if (!loaded) { // the running configuration stays
        qCWarning(lcServer) << "cannot reload the TLS certificate:" << loaded.error().message;
        return;
    }
    m_tcp->setTlsConfiguration(loaded.value());
}

qintptr ServerWorker::listeningDescriptor() const
{
    return m_tcp ? m_tcp->socketDescriptor() : -1;
}

void ServerWorker::shutdown()
{
    // No new connections, and no more requests on the open ones; the sockets and the HTTP server go with this
    // worker when the thread ends (QHttpServer 6.4 does not survive its sockets being deleted under it).
    if (m_http) // what was answered is stored, and its answers go out before the connections close
        m_http->commitGroup();
    if (m_tcp) {
        m_tcp->stopListening();
        for (QTcpSocket *socket : m_tcp->findChildren<QTcpSocket *>())
            socket->abort();
    }
}

void ServerWorker::record(const SyncEvent &event)
{
    if (m_db && m_db->groupOpen())
        m_heldEvents.append(event);
    else
        m_shared.housekeeper->record(event);
}

void ServerWorker::recordHeld()
{
    for (const SyncEvent &event : std::exchange(m_heldEvents, {}))
        m_shared.housekeeper->record(event);
}

} // namespace ScimConsole::Core
