#include "core/server/ScimServer.h"

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
    m_thread.setObjectName(QStringLiteral("scim-server"));
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

void ScimServer::start()
{
    if (m_worker)
        return;
    if (const Status valid = validate(m_options); !valid) {
        emit failed(valid.error());
        return;
    }
    m_worker = new ServerWorker(m_database, m_options, m_log);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ServerWorker::started, this, [this](const QUrl &url) {
        m_url = url;
        emit started(url);
    });
    connect(m_worker, &ServerWorker::failed, this, [this](const Error &error) {
        stop();
        emit failed(error);
    });
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &ServerWorker::start, Qt::QueuedConnection);
}

void ScimServer::stop()
{
    if (!m_worker)
        return;
    // Runs after the request being handled: the server thread handles one event at a time.
    QMetaObject::invokeMethod(m_worker, &ServerWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
    m_url.clear();
}

} // namespace ScimConsole::Core
