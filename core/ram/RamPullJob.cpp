// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamPullJob.h"

#include "core/OnResult.h"
#include "core/ram/RamClient.h"

#include <QJsonArray>

namespace ScimConsole::Core {

RamPullJob::RamPullJob(RamClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void RamPullJob::start()
{
    m_users.clear();
    fetch(1);
}

void RamPullJob::fetch(int startIndex)
{
    onResult(m_client.request("GET", QStringLiteral("/Users?startIndex=%1&count=%2").arg(startIndex).arg(PageSize)),
             this, [this, startIndex](const RamReply &reply) {
                 if (!reply.ok()) {
                     Error error = reply.error.value_or(makeError(ErrorCode::Network, QString()));
                     error.message = tr("Listing RAM users failed: %1").arg(error.message);
                     emit finished(error);
                     return;
                 }
                 const QJsonArray resources = reply.json.value(u"Resources").toArray();
                 for (const QJsonValue &value : resources) {
                     const QJsonObject user = value.toObject();
                     m_users.append({user.value(u"id").toString(), user.value(u"userName").toString(),
                                     user.value(u"displayName").toString(), user.value(u"externalId").toString()});
                 }
                 const int total = reply.json.value(u"totalResults").toInt();
                 emit progress(int(m_users.size()), total);
                 const int next = startIndex + int(resources.size());
                 if (m_cancelled)
                     emit finished(makeError(ErrorCode::Cancelled,
                                             tr("Cancelled after %n user(s).", nullptr, int(m_users.size()))));
                 else if (resources.isEmpty() || next > total)
                     emit finished(ok());
                 else
                     fetch(next);
             });
}

} // namespace ScimConsole::Core
