// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <chrono>

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

/// U-09: passwords are kept only as a salted hash. New hashes are Argon2id in the PHC string format
/// ("$argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>", OWASP's recommended minimum: 19 MiB, two passes); hashes of
/// earlier versions, PBKDF2-HMAC-SHA256 with 100,000 iterations ("pbkdf2-sha256$<iterations>$<salt>$<key>"), still
/// verify. The server never learns a password again, so an old hash is replaced when its password is next written.
class PasswordHash
{
public:
    static constexpr quint32 MemoryKiB = 19 * 1024;
    static constexpr quint32 Passes = 2;
    static constexpr int SaltBytes = 16;
    static constexpr int KeyBytes = 32;

    /// An Argon2id hash of `password` with a fresh salt; empty if the library fails (out of memory).
    static QString create(const QString &password);
    /// True when `encoded` (either format) is a hash of `password`.
    static bool verify(const QString &password, const QString &encoded);
    /// True for a hash weaker than create() makes now (PBKDF2, or Argon2id with less memory or fewer passes).
    static bool needsRehash(const QString &encoded);

    /// How many hashes run at once: one per core. Every thread that hashes shares as many buffers of MemoryKiB, kept
    /// from one hash to the next, so the memory hashing holds does not grow with the number of server workers.
    static int hashingSlots();
    /// How many of those buffers exist now, in use or idle (never more than hashingSlots()).
    static int hashingBuffers();
    /// Gives the buffers unused for `idleFor` back to the system; returns how many. The server's housekeeper calls
    /// it periodically.
    static int releaseIdleHashingMemory(std::chrono::milliseconds idleFor);
};

} // namespace ScimConsole::Core
