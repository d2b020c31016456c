// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/TokenStore.h"

#include "core/domain/Identifier.h"
#include "core/domain/TokenPolicy.h"
#include "core/store/ApplicationStore.h"
#include "core/store/Database.h"

namespace ScimConsole::Core {

namespace {
const QLatin1StringView Columns("id, app_id, prefix, hash, created, expires, enabled");

BearerToken fromRow(const QSqlQuery &query)
{
    BearerToken token;
    token.id = query.value(0).toString();
    token.appId = query.value(1).toString();
    token.prefix = query.value(2).toString();
    token.hash = query.value(3).toByteArray();
    token.created = Database::fromMsecs(query.value(4));
    token.expires = Database::fromMsecs(query.value(5));
    token.enabled = query.value(6).toBool();
    return token;
}

} // namespace

Result<IssuedToken> TokenStore::issue(const QString &appId, int validityDays, const QDateTime &now)
{
    const Result<QDateTime> expires = TokenPolicy::expiryFor(validityDays, now);
    if (!expires)
        return expires.error();

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), appId); !locked)
        return locked.error();
    if (const Result<AppRegistration> app = ApplicationStore(m_db).get(appId); !app)
        return app.error();
    const Result<QList<BearerToken>> existing = list(appId);
    if (!existing)
        return existing.error();
    if (const Status allowed = TokenPolicy::canAdd(existing.value(), m_kind); !allowed)
        return allowed.error();

    const IssuedSecret secret = BearerToken::generateSecret(m_kind == TokenKind::Bearer ? QLatin1StringView("scim_")
                                                                                        : QLatin1StringView("scimcs_"));
    IssuedToken issued;
    issued.secret = secret.secret;
    issued.token.id = newIdentifier();
    issued.token.appId = appId;
    issued.token.prefix = secret.prefix;
    issued.token.hash = secret.hash;
    issued.token.created = now;
    issued.token.expires = expires.value();
    issued.token.enabled = true;

    const auto inserted =
        m_db.exec(QStringLiteral("INSERT INTO %1 (id, app_id, prefix, hash, created, expires, enabled) "
                                 "VALUES (?, ?, ?, ?, ?, ?, 1)")
                      .arg(table()),
                  {issued.token.id, appId, issued.token.prefix, QString::fromLatin1(secret.hash),
                   Database::toMsecs(now), Database::toMsecs(issued.token.expires)});
    if (!inserted)
        return inserted.error();
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return issued;
}

Result<QList<BearerToken>> TokenStore::list(const QString &appId) const
{
    Result<QSqlQuery> query = m_db.exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE app_id = ? ORDER BY created, id").arg(Columns, table()), {appId});
    if (!query)
        return query.error();
    QList<BearerToken> tokens;
    while (query->next())
        tokens.append(fromRow(query.value()));
    return tokens;
}

Result<BearerToken> TokenStore::setEnabled(const QString &appId, const QString &tokenId, bool enabled)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), appId); !locked)
        return locked.error();
    const Result<QList<BearerToken>> existing = list(appId);
    if (!existing)
        return existing.error();
    bool mustKeepOne = true;
    if (m_kind == TokenKind::ClientSecret) { // C-03: one must stay enabled only while the method is on
        const Result<QVariant> on =
            m_db.scalar(QStringLiteral("SELECT enabled FROM client_credentials WHERE app_id = ?"), {appId});
        if (!on)
            return on.error();
        mustKeepOne = on->toInt() == 1;
    }
    Status allowed = ok();
    if (enabled)
        allowed = TokenPolicy::canEnable(existing.value(), tokenId, m_kind);
    else if (mustKeepOne)
        allowed = TokenPolicy::canDisable(existing.value(), tokenId, m_kind);
    else if (const Result<BearerToken> found = TokenPolicy::find(existing.value(), tokenId, m_kind); !found)
        allowed = found.error();
    if (!allowed)
        return allowed.error();
    const auto updated = m_db.exec(QStringLiteral("UPDATE %1 SET enabled = ? WHERE id = ? AND app_id = ?").arg(table()),
                                   {int(enabled), tokenId, appId});
    if (!updated)
        return updated.error();
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    Result<BearerToken> token = TokenPolicy::find(existing.value(), tokenId, m_kind);
    if (token)
        token.value().enabled = enabled;
    return token;
}

Status TokenStore::remove(const QString &appId, const QString &tokenId)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), appId); !locked)
        return locked;
    const Result<QList<BearerToken>> existing = list(appId);
    if (!existing)
        return existing.error();
    if (const Status allowed = TokenPolicy::canDelete(existing.value(), tokenId, m_kind); !allowed)
        return allowed;
    const auto deleted =
        m_db.exec(QStringLiteral("DELETE FROM %1 WHERE id = ? AND app_id = ?").arg(table()), {tokenId, appId});
    if (!deleted)
        return deleted.error();
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped;
    return tx.commit();
}

Status TokenStore::retire(const QString &appId, const QString &tokenId)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const auto disabled = setEnabled(appId, tokenId, false); !disabled)
        return disabled.error();
    if (const Status removed = remove(appId, tokenId); !removed)
        return removed;
    return tx.commit();
}

QString TokenStore::table() const
{
    return m_kind == TokenKind::Bearer ? QStringLiteral("bearer_tokens") : QStringLiteral("client_secrets");
}

Result<BearerToken> TokenStore::authenticate(QStringView secret, const QDateTime &now) const
{
    // Candidates by the visible prefix; the secret itself is only ever compared as a hash, in constant time.
    Result<QSqlQuery> query = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE prefix = ?").arg(Columns, table()),
                                        {BearerToken::prefixOf(secret)});
    if (!query)
        return query.error();
    QList<BearerToken> candidates;
    while (query->next())
        candidates.append(fromRow(query.value()));
    return TokenPolicy::authenticate(candidates, secret, now);
}

} // namespace ScimConsole::Core
