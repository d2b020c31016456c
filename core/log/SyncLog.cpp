// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/log/SyncLog.h"

#include <QMutexLocker>
#include <QUrlQuery>

namespace ScimConsole::Core {

SyncLog::SyncLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(capacity)
{
    qRegisterMetaType<QList<ScimConsole::Core::SyncEvent>>();
}

void SyncLog::append(const QList<SyncEvent> &events)
{
    if (events.isEmpty())
        return;
    {
        QMutexLocker locker(&m_mutex);
        for (const SyncEvent &event : events) {
            if (int(m_events.size()) == m_capacity)
                m_events.pop_front();
            m_events.push_back(event);
        }
    }
    emit eventsAppended(events);
}

QList<SyncEvent> SyncLog::snapshot() const
{
    QMutexLocker locker(&m_mutex);
    return QList<SyncEvent>(m_events.cbegin(), m_events.cend());
}

QString SyncLog::redactQuery(const QString &pathAndQuery)
{
    const qsizetype mark = pathAndQuery.indexOf(u'?');
    if (mark < 0)
        return pathAndQuery;
    QUrlQuery query(pathAndQuery.mid(mark + 1));
    static const QStringList secretNames{QStringLiteral("token"), QStringLiteral("access_token"),
                                         QStringLiteral("password"), QStringLiteral("secret"),
                                         QStringLiteral("client_secret")};
    QList<std::pair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    for (auto &[key, value] : items) {
        if (secretNames.contains(key, Qt::CaseInsensitive))
            value = QStringLiteral("***");
    }
    query.setQueryItems(items);
    return pathAndQuery.left(mark + 1) + query.toString(QUrl::FullyDecoded);
}

} // namespace ScimConsole::Core
