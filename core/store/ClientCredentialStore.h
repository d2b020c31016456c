// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/BearerToken.h"

#include <QCoreApplication>
#include <QDateTime>

namespace ScimConsole::Core {

class Database;

/// An application's OAuth 2.0 client credentials (docs/oauth-rules.md C-01): its client id, whether the method is
/// on, and how long the access tokens it mints live (C-07).
struct ClientCredentials
{
    static constexpr int DefaultTokenLifetime = 3600;
    static constexpr int MinTokenLifetime = 5 * 60;
    static constexpr int MaxTokenLifetime = 24 * 3600;

    QString appId;
    QString clientId;
    bool enabled = false;
    int tokenLifetimeSeconds = DefaultTokenLifetime;
};

/// An access token just minted: the only moment it exists outside the client (C-07).
struct MintedAccessToken
{
    QString token;
    int expiresIn = 0;    // seconds
    QString secretPrefix; // of the client secret that minted it, for the sync log
};

/// Client credentials, and the access tokens minted with them. The client secrets themselves are a
/// TokenStore(db, TokenKind::ClientSecret), under the bearer-token rules (C-02…C-05). Every check reads the store,
/// so several instances sharing one PostgreSQL agree at once on what is revoked (C-08).
class ClientCredentialStore
{
    Q_DECLARE_TR_FUNCTIONS(ClientCredentialStore)

public:
    explicit ClientCredentialStore(Database &db)
        : m_db(db)
    {}

    /// The application's credentials, made (with a new client id, the method off) on first use (C-01).
    Result<ClientCredentials> ensure(const QString &appId);
    /// C-03: switching the method on needs an enabled, unexpired client secret.
    Result<ClientCredentials> setEnabled(const QString &appId, bool enabled,
                                         const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// C-07: 5 minutes to 24 hours.
    Result<ClientCredentials> setTokenLifetime(const QString &appId, int seconds);

    /// C-06: the client authenticated by `clientId` and `clientSecret` (the secret compared as a hash, in constant
    /// time) gets a new access token for its application. Unknown clients, wrong or unusable secrets and a method
    /// switched off are all ErrorCode::Unauthorized with the same message (the detail says which, for the log).
    Result<MintedAccessToken> mint(const QString &clientId, QStringView clientSecret,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// C-07, C-08: whether `token` is a live access token of `appId`: unexpired, its secret still enabled and
    /// unexpired, the method still on. Returns the minting secret's prefix.
    Result<QString> authenticate(const QString &appId, QStringView token,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// C-09: deletes expired access tokens; returns how many.
    Result<qint64> purgeExpired(const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// The application whose client id this is; NotFound otherwise.
    Result<ClientCredentials> byClientId(const QString &clientId) const;
    /// The application's credentials without making them; NotFound when it has none yet.
    Result<ClientCredentials> get(const QString &appId) const;

private:
    Database &m_db;
};

} // namespace ScimConsole::Core
