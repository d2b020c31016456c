// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ClientCredentialStore.h"

#include "core/domain/Identifier.h"
#include "core/domain/TokenPolicy.h"
#include "core/store/ApplicationStore.h"
#include "core/store/Database.h"
#include "core/store/TokenStore.h"

#include <QRandomGenerator>

namespace ScimConsole::Core {

namespace {

/// A client id: "scimc_" and 24 random base64url characters; not a secret, but not guessable either.
QString newClientId()
{
    std::array<quint32, 5> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray random(reinterpret_cast<const char *>(words.data()), 18);
    return QStringLiteral("scimc_")
           + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

ClientCredentials fromRow(const QSqlQuery &q)
{
    ClientCredentials c;
    c.appId = q.value(0).toString();
    c.clientId = q.value(1).toString();
    c.enabled = q.value(2).toInt() == 1;
    c.tokenLifetimeSeconds = q.value(3).toInt();
    return c;
}

Error refused(const QString &detail)
{
    // One message for every failure, so that a caller learns nothing about which part was wrong (RFC 6749 §5.2).
    return makeError(ErrorCode::Unauthorized, ClientCredentialStore::tr("Client authentication failed."), detail);
}

} // namespace

Result<ClientCredentials> ClientCredentialStore::get(const QString &appId) const
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT app_id, client_id, enabled, token_lifetime FROM client_credentials WHERE app_id = ?"),
        {appId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, tr("The application has no client credentials yet."));
    return fromRow(q.value());
}

Result<ClientCredentials> ClientCredentialStore::byClientId(const QString &clientId) const
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT app_id, client_id, enabled, token_lifetime FROM client_credentials WHERE client_id = ?"),
        {clientId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, tr("There is no client %1.").arg(clientId));
    return fromRow(q.value());
}

Result<ClientCredentials> ClientCredentialStore::ensure(const QString &appId)
{
    if (Result<ClientCredentials> existing = get(appId); existing || existing.error().code != ErrorCode::NotFound)
        return existing;
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), appId); !locked)
        return locked.error();
    if (const Result<AppRegistration> app = ApplicationStore(m_db).get(appId); !app)
        return app.error();
    Result<ClientCredentials> made = get(appId); // another writer may have made them meanwhile
    if (!made && made.error().code != ErrorCode::NotFound)
        return made;
    if (!made) {
        made = ClientCredentials{appId, newClientId(), false, ClientCredentials::DefaultTokenLifetime};
        const auto inserted =
            m_db.exec(QStringLiteral("INSERT INTO client_credentials (app_id, client_id, enabled, token_lifetime) "
                                     "VALUES (?, ?, 0, ?)"),
                      {appId, made->clientId, made->tokenLifetimeSeconds});
        if (!inserted)
            return inserted.error();
    }
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return made;
}

Result<ClientCredentials> ClientCredentialStore::setEnabled(const QString &appId, bool enabled, const QDateTime &now)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), appId); !locked)
        return locked.error();
    Result<ClientCredentials> credentials = ensure(appId);
    if (!credentials)
        return credentials;
    if (enabled) {
        const Result<QList<BearerToken>> secrets = TokenStore(m_db, TokenKind::ClientSecret).list(appId);
        if (!secrets)
            return secrets.error();
        const bool usable = std::any_of(secrets->cbegin(), secrets->cend(),
                                        [&now](const BearerToken &s) { return s.enabled && s.expires > now; });
        if (!usable)
            return makeError(ErrorCode::Conflict,
                             tr("Create a client secret first: the method needs an enabled one (C-03)."));
    }
    const auto updated =
        m_db.exec(QStringLiteral("UPDATE client_credentials SET enabled = ? WHERE app_id = ?"), {int(enabled), appId});
    if (!updated)
        return updated.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    credentials->enabled = enabled;
    return credentials;
}

Result<ClientCredentials> ClientCredentialStore::setTokenLifetime(const QString &appId, int seconds)
{
    if (seconds < ClientCredentials::MinTokenLifetime || seconds > ClientCredentials::MaxTokenLifetime)
        return makeError(ErrorCode::InvalidInput,
                         tr("Access tokens live from 5 minutes to 24 hours (300 to 86400 seconds) (C-07)."));
    Result<ClientCredentials> credentials = ensure(appId);
    if (!credentials)
        return credentials;
    const auto updated = m_db.exec(QStringLiteral("UPDATE client_credentials SET token_lifetime = ? WHERE app_id = ?"),
                                   {seconds, appId});
    if (!updated)
        return updated.error();
    credentials->tokenLifetimeSeconds = seconds;
    return credentials;
}

Result<MintedAccessToken> ClientCredentialStore::mint(const QString &clientId, QStringView clientSecret,
                                                      const QDateTime &now)
{
    const Result<ClientCredentials> client = byClientId(clientId);
    if (!client)
        return client.error().code == ErrorCode::NotFound ? refused(QStringLiteral("unknown client")) : client.error();
    if (!client->enabled)
        return refused(QStringLiteral("client credentials are switched off"));
    const Result<QList<BearerToken>> secrets = TokenStore(m_db, TokenKind::ClientSecret).list(client->appId);
    if (!secrets)
        return secrets.error();
    const Result<BearerToken> secret = TokenPolicy::authenticate(secrets.value(), clientSecret, now);
    if (!secret)
        return refused(secret.error().detail);

    const IssuedSecret access = BearerToken::generateSecret(QLatin1StringView("scimat_"));
    const QDateTime expires = now.addSecs(client->tokenLifetimeSeconds);
    const auto inserted =
        m_db.exec(QStringLiteral("INSERT INTO access_tokens (hash, app_id, secret_id, expires) VALUES (?, ?, ?, ?)"),
                  {QString::fromLatin1(access.hash), client->appId, secret->id, Database::toMsecs(expires)});
    if (!inserted)
        return inserted.error();
    return MintedAccessToken{access.secret, client->tokenLifetimeSeconds, secret->prefix};
}

Result<QString> ClientCredentialStore::authenticate(const QString &appId, QStringView token, const QDateTime &now) const
{
    // Looked up by hash (the hash of a 256-bit random value: equality of hashes leaks nothing usable); every
    // condition of C-08 is in the one query, so a revocation counts from the next request on, on every instance.
    Result<QSqlQuery> q =
        m_db.exec(QStringLiteral("SELECT s.prefix FROM access_tokens t"
                                 " JOIN client_secrets s ON s.id = t.secret_id"
                                 " JOIN client_credentials c ON c.app_id = t.app_id"
                                 " WHERE t.hash = ? AND t.app_id = ? AND t.expires > ? AND s.enabled = 1"
                                 " AND s.expires > ? AND c.enabled = 1"),
                  {QString::fromLatin1(BearerToken::hashSecret(token.toLatin1())), appId, Database::toMsecs(now),
                   Database::toMsecs(now)});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::Unauthorized, tr("The access token is not valid."),
                         QStringLiteral("unknown, expired or revoked access token"));
    return q->value(0).toString();
}

Result<qint64> ClientCredentialStore::purgeExpired(const QDateTime &now)
{
    const auto deleted =
        m_db.exec(QStringLiteral("DELETE FROM access_tokens WHERE expires <= ?"), {Database::toMsecs(now)});
    if (!deleted)
        return deleted.error();
    return qint64(deleted->numRowsAffected());
}

} // namespace ScimConsole::Core
