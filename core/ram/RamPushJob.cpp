// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamPushJob.h"

#include "core/OnResult.h"
#include "core/ram/RamClient.h"
#include "core/scim/ScimSchemas.h"

#include <QJsonArray>
#include <QUrl>

namespace ScimConsole::Core {

RamPushJob::RamPushJob(RamClient &client, const QList<PlanItem> &work, int concurrency, SuccessHandler onSuccess,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_work(work)
    , m_concurrency(std::max(1, concurrency))
    , m_onSuccess(std::move(onSuccess))
{}

void RamPushJob::start()
{
    m_clock.start();
    m_summary.retries = m_client.retries();
    pump();
}

void RamPushJob::cancel()
{
    m_cancelled = true;
    pump();
}

void RamPushJob::pump()
{
    while (!m_cancelled && m_inFlight < m_concurrency && m_next < m_work.size())
        send(m_work.at(m_next++));
    if (m_inFlight == 0 && (m_cancelled || m_next >= m_work.size()) && !m_finished) {
        m_finished = true;
        m_summary.cancelled = m_cancelled && m_next < m_work.size();
        m_summary.notSent = int(m_work.size() - m_next);
        m_summary.retries = m_client.retries() - m_summary.retries;
        m_summary.elapsedMs = m_clock.elapsed();
        emit finished();
    }
}

void RamPushJob::send(const PlanItem &item)
{
    ++m_inFlight;
    QJsonObject body{{QStringLiteral("schemas"), QJsonArray{QString(ScimSchemas::User)}},
                     {QStringLiteral("userName"), item.ramUserName},
                     {QStringLiteral("displayName"), item.displayName},
                     {QStringLiteral("externalId"), item.accountId}};
    QFuture<RamReply> reply;
    switch (item.action) {
    case PlanAction::Create:
        reply = m_client.request("POST", QStringLiteral("/Users"), body);
        break;
    case PlanAction::Update:
        body.insert(QStringLiteral("id"), item.ramId);
        reply = m_client.request("PUT", QStringLiteral("/Users/") + item.ramId, body); // RAM has no PATCH
        break;
    default:
        reply = m_client.request("DELETE", QStringLiteral("/Users/") + item.ramId);
        break;
    }
    onResult(reply, this, [this, item](const RamReply &answer) {
        if (item.action == PlanAction::Create && answer.status == 409) {
            findCreated(item, answer);
            return;
        }
        // A user already gone is what a delete wanted.
        const bool success = answer.ok() || (item.action == PlanAction::Delete && answer.status == 404);
        const QString ramId = item.action == PlanAction::Create ? answer.json.value(u"id").toString() : item.ramId;
        complete(item, success, ramId, answer.message());
    });
}

void RamPushJob::findCreated(const PlanItem &item, const RamReply &conflict)
{
    // A 409 for a create can be our own earlier attempt: the POST reached RAM and its answer was lost (a dropped
    // connection, retried by the client), or a push killed after RAM wrote the user. RAM keeps externalId, so a user
    // of this name that carries our account id is the one we made, and the create succeeded.
    const QString filter = QStringLiteral("externalId eq \"%1\"").arg(item.accountId);
    const QString path = QStringLiteral("/Users?filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter));
    onResult(m_client.request("GET", path), this, [this, item, conflict](const RamReply &found) {
        const QJsonArray resources = found.json.value(u"Resources").toArray();
        const QJsonObject user = resources.size() == 1 ? resources.first().toObject() : QJsonObject();
        if (found.ok() && user.value(u"userName").toString().compare(item.ramUserName, Qt::CaseInsensitive) == 0)
            complete(item, true, user.value(u"id").toString(), {});
        else
            complete(item, false, {}, conflict.message());
    });
}

void RamPushJob::complete(const PlanItem &item, bool success, const QString &ramId, const QString &error)
{
    --m_inFlight;
    ++m_handled;
    if (success) {
        if (item.action == PlanAction::Create)
            ++m_summary.created;
        else if (item.action == PlanAction::Update)
            ++m_summary.updated;
        else
            ++m_summary.deleted;
        if (m_onSuccess)
            m_onSuccess(item, ramId);
    } else {
        m_summary.failures.append(
            {item.ramUserName.isEmpty() ? item.directoryUserName : item.ramUserName, item.action, error});
    }
    const double seconds = std::max<qint64>(1, m_clock.elapsed()) / 1000.0;
    const double rate = m_handled / seconds;
    const int left = int(m_work.size()) - m_handled;
    emit progress(m_handled, int(m_work.size()), rate, rate > 0 ? int(left / rate) : 0);
    pump();
}

} // namespace ScimConsole::Core
