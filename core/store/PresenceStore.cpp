// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/PresenceStore.h"

#include "core/domain/Identifier.h"
#include "core/store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ScimConsole::Core {

namespace {
const QString PresenceKey = QStringLiteral("server.presence");
}

QString ServerPresence::currentInstanceId()
{
    static const QString id = newIdentifier();
    return id;
}

Result<std::optional<ServerPresence>> PresenceStore::read() const
{
    const Result<QVariant> stored =
        m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {PresenceKey});
    if (!stored)
        return stored.error();
    if (stored->isNull())
        return std::optional<ServerPresence>();
    const QJsonObject json = QJsonDocument::fromJson(stored->toString().toUtf8()).object();
    ServerPresence presence;
    presence.instanceId = json.value(u"instance").toString();
    presence.host = json.value(u"host").toString();
    presence.pid = json.value(u"pid").toInteger();
    presence.url = json.value(u"url").toString();
    presence.heartbeat = Database::fromMsecs(json.value(u"heartbeat").toInteger());
    return std::optional<ServerPresence>(presence);
}

Status PresenceStore::write(const ServerPresence &presence)
{
    const QJsonObject json{{QStringLiteral("instance"), presence.instanceId},
                           {QStringLiteral("host"), presence.host},
                           {QStringLiteral("pid"), presence.pid},
                           {QStringLiteral("url"), presence.url},
                           {QStringLiteral("heartbeat"), presence.heartbeat.toMSecsSinceEpoch()}};
    const auto upserted =
        m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                  {PresenceKey, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))});
    if (!upserted)
        return upserted.error();
    return ok();
}

Status PresenceStore::clear(const QString &instanceId)
{
    const Result<std::optional<ServerPresence>> current = read();
    if (!current)
        return current.error();
    if (!current->has_value() || (*current)->instanceId != instanceId)
        return ok();
    const auto deleted = m_db.exec(QStringLiteral("DELETE FROM settings WHERE key = ?"), {PresenceKey});
    if (!deleted)
        return deleted.error();
    return ok();
}

} // namespace ScimConsole::Core
