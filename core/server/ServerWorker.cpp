// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/ServerWorker.h"

#include "core/log/Logging.h"
#include "core/log/SyncLog.h"
#include "core/scim/ScimEngine.h"
#include "core/server/GuardedTcpServer.h"
#include "core/server/HttpFrontend.h"
#include "core/store/Database.h"
#include "core/store/PresenceStore.h"
#include "core/store/SettingsStore.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/SyncLogStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslKey>
#include <QSysInfo>

namespace ScimConsole::Core {

namespace {
constexpr int MaxPendingEvents = 500;
constexpr int PruneIntervalMs = 60 * 60 * 1000;
constexpr int FirstPruneMs = 5000;

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
/// Each job on the store finishes its kept statements when it ends (Database::enableStatementCache).
auto statementsFinishedAtEnd(const std::unique_ptr<Database> &db)
{
    return qScopeGuard([&db] {
        if (db)
            db->finishStatements();
    });
}
} // namespace

ServerWorker::ServerWorker(const DatabaseLocation &database, const ServerOptions &options, SyncLog *log, Role role,
                           const Shared &shared)
    : m_location(database)
    , m_options(options)
    , m_log(log)
    , m_role(role)
    , m_shared(shared)
    , m_flushTimer(this) // a child, so that it moves to the server thread with the worker
    , m_presenceTimer(this)
    , m_pruneTimer(this)
{}

ServerWorker::~ServerWorker()
{
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
    m_db->enableStatementCache(); // finished after each request (ScimEngine::handle) and each job here
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
    m_http = new HttpFrontend(*m_engine, *this, *m_tcp, tls.has_value(), this);
    m_http->bind(m_tcp);
    if (m_role == Role::Acceptor) { // the others hand their events to it (record())
        m_flushTimer.setInterval(m_options.logFlushMs);
        connect(&m_flushTimer, &QTimer::timeout, this, &ServerWorker::flushLog);
        m_flushTimer.start();
    }

    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_tcp->serverPort());
    m_url = url;
    if (m_role == Role::Worker) {
        emit started(url);
        return;
    }
    writePresence();
    m_presenceTimer.setInterval(ServerPresence::HeartbeatSecs * 1000);
    connect(&m_presenceTimer, &QTimer::timeout, this, &ServerWorker::writePresence);
    m_presenceTimer.start();
    // Retention: soon after start, then every hour; every serving instance does it, which is harmless.
    m_pruneTimer.setInterval(PruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, &ServerWorker::pruneLog);
    m_pruneTimer.start();
    QTimer::singleShot(FirstPruneMs, this, &ServerWorker::pruneLog);
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
    m_flushTimer.stop();
    m_presenceTimer.stop();
    m_pruneTimer.stop();
    if (m_db && m_role == Role::Acceptor && m_url.isValid()) {
        if (const Status cleared = PresenceStore(*m_db).clear(ServerPresence::currentInstanceId()); !cleared)
            qCWarning(lcServer) << "could not clear the presence record:" << cleared.error().detail;
    }
    if (m_tcp) {
        m_tcp->stopListening();
        for (QTcpSocket *socket : m_tcp->findChildren<QTcpSocket *>())
            socket->abort();
    }
    flushLog();
}

void ServerWorker::writePresence()
{
    const auto finished = statementsFinishedAtEnd(m_db);
    ServerPresence presence;
    presence.instanceId = ServerPresence::currentInstanceId();
    presence.host = QSysInfo::machineHostName();
    presence.pid = QCoreApplication::applicationPid();
    presence.url = m_url.toString();
    presence.heartbeat = QDateTime::currentDateTimeUtc();
    if (const Status written = PresenceStore(*m_db).write(presence); !written)
        qCWarning(lcServer) << "could not write the presence record:" << written.error().detail;
}

void ServerWorker::pruneLog()
{
    const auto finished = statementsFinishedAtEnd(m_db);
    if (!m_db)
        return;
    const Result<LogRetention> retention = SettingsStore(*m_db).logRetention();
    if (!retention) {
        qCWarning(lcServer) << "could not read the log retention:" << retention.error().detail;
        return;
    }
    const Result<qint64> pruned = SyncLogStore(*m_db).applyRetention(retention.value());
    if (!pruned)
        qCWarning(lcServer) << "could not prune the sync log:" << pruned.error().detail;
    else if (pruned.value() > 0)
        qCInfo(lcServer) << "pruned" << pruned.value() << "sync-log events";
    // C-09: expired access tokens go as well.
    const Result<qint64> purged = ClientCredentialStore(*m_db).purgeExpired();
    if (!purged)
        qCWarning(lcServer) << "could not purge expired access tokens:" << purged.error().detail;
}

void ServerWorker::record(const SyncEvent &event)
{
    if (m_logKeeper) {
        QMetaObject::invokeMethod(
            m_logKeeper, [keeper = m_logKeeper, event] { keeper->record(event); }, Qt::QueuedConnection);
        return;
    }
    m_pending.append(event);
    if (m_pending.size() >= MaxPendingEvents)
        flushLog();
}

void ServerWorker::flushLog()
{
    const auto finished = statementsFinishedAtEnd(m_db);
    if (m_pending.isEmpty() || !m_db)
        return;
    QList<SyncEvent> batch = std::exchange(m_pending, {});
    // Stored first, so that the live rows carry their ids and line up with the history a console reads back.
    if (const Status stored = SyncLogStore(*m_db).append(batch); !stored)
        qCWarning(lcServer) << "could not persist" << batch.size() << "sync-log events:" << stored.error().detail;
    if (m_log)
        m_log->append(batch);
}

} // namespace ScimConsole::Core
