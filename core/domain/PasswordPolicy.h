#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ScimConsole::Core {

/// U-09: the directory's password policy, configurable by the administrator.
struct PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)

public:
    static constexpr int MaxLength = 128;

    int minLength = 8;
    bool requireLowercase = true;
    bool requireUppercase = true;
    bool requireDigit = true;
    bool requireSymbol = false;

    bool operator==(const PasswordPolicy &) const = default;

    /// Refuses a password that breaks the policy, naming what is missing. Never echoes the password.
    Status check(const QString &password) const;
    /// The policy itself must be satisfiable: 1 <= minLength <= MaxLength.
    Status validate() const;

    QJsonObject toJson() const;
    static Result<PasswordPolicy> fromJson(const QJsonObject &json);
};

/// U-09: passwords are kept only as a salted PBKDF2-HMAC-SHA256 hash (OpenSSL),
/// "pbkdf2-sha256$<iterations>$<salt>$<key>".
class PasswordHash
{
public:
    static constexpr int DefaultIterations = 100000;
    static constexpr int SaltBytes = 16;
    static constexpr int KeyBytes = 32;

    static QString create(const QString &password, int iterations = DefaultIterations);
    static bool verify(const QString &password, const QString &encoded);
};

} // namespace ScimConsole::Core
