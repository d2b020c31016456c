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

} // namespace ScimConsole::Core
