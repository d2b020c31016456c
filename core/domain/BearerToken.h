// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ScimConsole::Core {

/// A token secret at the one moment it exists in clear: right after creation, to be shown once (T-07).
struct IssuedSecret
{
    QString secret;  // "scim_" + 43 characters of base64url: 256 random bits
    QString prefix;  // the visible part kept to recognise the token
    QByteArray hash; // SHA-256 of the secret, hex
};

/// A bearer token as the store keeps it: never the secret, only its hash and a short visible prefix (T-07).
struct BearerToken
{
    static constexpr int SecretBytes = 32;
    static constexpr int PrefixLength = 12;

    QString id;
    QString appId;
    QString prefix;
    QByteArray hash;
    QDateTime created;
    QDateTime expires;
    bool enabled = true;

    bool isExpired(const QDateTime &now) const { return now >= expires; }
    /// T-05: only an enabled, unexpired token authenticates.
    bool isUsable(const QDateTime &now) const { return enabled && !isExpired(now); }
    /// T-07: compares the hash of `secret` with the stored one in constant time.
    bool matches(QByteArrayView secret) const;

    /// 256 random bits, base64url, after `prefix` ("scim_" for bearer tokens, "scimcs_" for client secrets).
    static IssuedSecret generateSecret(QLatin1StringView prefix = QLatin1StringView("scim_"));
    static QByteArray hashSecret(QByteArrayView secret);
    /// The visible prefix of a presented secret, used to find candidate tokens before the constant-time compare.
    static QString prefixOf(QStringView secret);
    /// Compares two byte strings in time that depends only on their lengths.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
};

} // namespace ScimConsole::Core
