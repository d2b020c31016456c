// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/PasswordPolicy.h"

#include <QCoreApplication>
#include <QString>

namespace ScimConsole::Core {

class Database;

/// How long the sync log keeps events (I-02): whichever limit is reached first. The serving instance prunes.
struct LogRetention
{
    static constexpr int DefaultDays = 30;
    static constexpr qint64 DefaultMaxEvents = 1000000;
    int days = DefaultDays;
    qint64 maxEvents = DefaultMaxEvents;
};

/// Directory-wide settings that belong with the data (not QSettings preferences), such as the password policy.
class SettingsStore
{
    Q_DECLARE_TR_FUNCTIONS(SettingsStore)

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

    Result<LogRetention> logRetention() const;
    /// 1 to 3650 days, 1,000 to 100,000,000 events.
    Status setLogRetention(const LogRetention &retention);

private:
    Database &m_db;
};

} // namespace ScimConsole::Core
