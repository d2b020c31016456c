// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "tests/support/ScimTestServer.h"

#include "core/store/ApplicationStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/TokenStore.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTimer>

namespace ScimConsole::Test {

using namespace Core;

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScimTestServer::ScimTestServer(const ServerLimits &limits)
    : m_db(std::make_unique<TestDatabase>())
{
    if (!m_db->setupError().isEmpty()) {
        m_error = m_db->setupError();
        return;
    }
    m_database = m_db->open();
    if (!m_database) {
        m_error = QStringLiteral("cannot open the store");
        return;
    }
    const auto org = OrganizationStore(*m_database).create(QStringLiteral("People"));
    ApplicationStore apps(*m_database);
    const auto app = apps.create(QStringLiteral("Test app"), AppKind::Standard);
    if (!org || !app) {
        m_error = QStringLiteral("cannot configure the application");
        return;
    }
    m_orgId = org->id;
    m_appId = app->id;
    SyncScope scope;
    scope.organizationIds = {m_orgId};
    const auto issued = TokenStore(*m_database).issue(m_appId, 30);
    if (!apps.setScope(m_appId, scope) || !apps.setSyncTarget(m_appId, m_orgId) || !issued
        || !apps.setPermission(m_appId, ScimPermission::all())) {
        m_error = QStringLiteral("cannot configure the application");
        return;
    }
    m_token = issued->secret;

    ServerOptions options;
    options.port = 0;
    options.logFlushMs = 20;
    options.limits = limits;
    options.workers = Workers;
    m_server = std::make_unique<ScimServer>(m_db->location(), options, &m_log);
    QSignalSpy started(m_server.get(), &ScimServer::started);
    QSignalSpy failed(m_server.get(), &ScimServer::failed);
    m_server->start();
    if (!started.wait(10000)) {
        m_error = failed.isEmpty() ? QStringLiteral("the server did not start")
                                   : failed.first().first().value<Error>().message;
        return;
    }
    m_url = m_server->url();
}

ScimTestServer::~ScimTestServer()
{
    if (m_second)
        m_second->stop();
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_database.reset();
}

QString ScimTestServer::base() const
{
    return baseFor(m_appId);
}

QString ScimTestServer::baseFor(const QString &appId) const
{
    return m_url.toString() + QStringLiteral("/scim/v2/apps/") + appId;
}

HttpReply ScimTestServer::send(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QList<std::pair<QByteArray, QByteArray>> &headers, const QString &token)
{
    QNetworkRequest request(QUrl(path.startsWith(u"http") ? path : base() + path));
    if (token != NoToken)
        request.setRawHeader("Authorization", "Bearer " + (token.isNull() ? m_token : token).toLatin1());
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/scim+json");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
    }
    reply->deleteLater();
    return result;
}

QString ScimTestServer::startSecondServer()
{
    ServerOptions options;
    options.port = 0;
    options.logFlushMs = 20;
    options.workers = Workers;
    m_second = std::make_unique<ScimServer>(m_db->location(), options);
    QSignalSpy started(m_second.get(), &ScimServer::started);
    m_second->start();
    if (!started.wait(10000))
        return {};
    return m_second->url().toString() + QStringLiteral("/scim/v2/apps/") + m_appId;
}

QString ScimTestServer::createUser(const QString &userName, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User")});
    body.insert(QStringLiteral("userName"), userName);
    const HttpReply reply = post(QStringLiteral("/Users"), body);
    if (reply.status != 201)
        qWarning("creating %s: %d %s", qPrintable(userName), reply.status, reply.body.constData());
    return reply.status == 201 ? reply.json().value(u"id").toString() : QString();
}

} // namespace ScimConsole::Test
