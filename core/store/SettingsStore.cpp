// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/SettingsStore.h"

#include "core/store/Database.h"

#include <QJsonDocument>

namespace ScimConsole::Core {

Result<QString> SettingsStore::value(const QString &key, const QString &defaultValue) const
{
    const Result<QVariant> stored = m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!stored)
        return stored.error();
    return stored->isNull() ? defaultValue : stored->toString();
}

Status SettingsStore::setValue(const QString &key, const QString &value)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const auto upserted = m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                    {key, value});
    if (!upserted)
        return upserted.error();
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped;
    return tx.commit();
}

Result<PasswordPolicy> SettingsStore::passwordPolicy() const
{
    const Result<QString> stored = value(PasswordPolicyKey);
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return PasswordPolicy{};
    return PasswordPolicy::fromJson(QJsonDocument::fromJson(stored->toUtf8()).object());
}

Status SettingsStore::setPasswordPolicy(const PasswordPolicy &policy)
{
    if (const Status valid = policy.validate(); !valid)
        return valid;
    return setValue(PasswordPolicyKey,
                    QString::fromUtf8(QJsonDocument(policy.toJson()).toJson(QJsonDocument::Compact)));
}

namespace {
const QString RetentionDaysKey = QStringLiteral("log/retentionDays");
const QString RetentionEventsKey = QStringLiteral("log/maxEvents");
} // namespace

Result<LogRetention> SettingsStore::logRetention() const
{
    LogRetention retention;
    const Result<QString> days = value(RetentionDaysKey);
    if (!days)
        return days.error();
    const Result<QString> events = value(RetentionEventsKey);
    if (!events)
        return events.error();
    if (const int stored = days->toInt(); stored > 0)
        retention.days = stored;
    if (const qint64 stored = events->toLongLong(); stored > 0)
        retention.maxEvents = stored;
    return retention;
}

Status SettingsStore::setLogRetention(const LogRetention &retention)
{
    if (retention.days < 1 || retention.days > 3650)
        return makeError(ErrorCode::InvalidInput,
                         tr("Keep the sync log for 1 to 3650 days, not %1.").arg(retention.days));
    if (retention.maxEvents < 1000 || retention.maxEvents > 100000000) {
        return makeError(ErrorCode::InvalidInput,
                         tr("Keep 1,000 to 100,000,000 sync-log events, not %1.").arg(retention.maxEvents));
    }
    if (const Status saved = setValue(RetentionDaysKey, QString::number(retention.days)); !saved)
        return saved;
    return setValue(RetentionEventsKey, QString::number(retention.maxEvents));
}

} // namespace ScimConsole::Core
