#pragma once

#include "core/Result.h"
#include "core/domain/PasswordPolicy.h"

#include <QString>

namespace ScimConsole::Core {

class Database;

/// Directory-wide settings that belong with the data (not QSettings preferences), such as the password policy.
class SettingsStore
{
public:
    static constexpr QLatin1StringView PasswordPolicyKey{"directory/passwordPolicy"};

    explicit SettingsStore(Database &db)
        : m_db(db)
    {}

    /// The stored value, or `defaultValue` when the key was never set.
    Result<QString> value(const QString &key, const QString &defaultValue = {}) const;
    Status setValue(const QString &key, const QString &value);

    /// U-09: the default policy until one is saved.
    Result<PasswordPolicy> passwordPolicy() const;
    Status setPasswordPolicy(const PasswordPolicy &policy);

private:
    Database &m_db;
};

} // namespace ScimConsole::Core
