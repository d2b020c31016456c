// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/TokenPolicy.h"

#include <algorithm>

namespace ScimConsole::Core {

Result<QDateTime> TokenPolicy::expiryFor(int validityDays, const QDateTime &now)
{
    const QDateTime latest = now.addYears(MaxValidityYears);
    const qint64 maxDays = now.daysTo(latest);
    if (validityDays < MinValidityDays || validityDays > maxDays) {
        return makeError(ErrorCode::InvalidInput,
                         tr("A token is valid for 1 day to 3 years (%1 days from today); %2 days is outside "
                            "that range.")
                             .arg(maxDays)
                             .arg(validityDays));
    }
    return now.addDays(validityDays);
}

Status TokenPolicy::canAdd(const QList<BearerToken> &existing, TokenKind kind)
{
    if (existing.size() >= MaxTokensPerApp) {
        return makeError(ErrorCode::Conflict,
                         (kind == TokenKind::Bearer
                              ? tr("An application has at most %1 bearer tokens. Disable and delete one before adding "
                                   "another.")
                              : tr("An application has at most %1 client secrets. Disable and delete one before "
                                   "adding another (C-02)."))
                             .arg(MaxTokensPerApp));
    }
    return ok();
}

Status TokenPolicy::canDisable(const QList<BearerToken> &existing, const QString &tokenId, TokenKind kind,
                               const QDateTime &now)
{
    const Result<BearerToken> token = find(existing, tokenId, kind);
    if (!token)
        return token.error();
    const auto usableCount =
        std::count_if(existing.cbegin(), existing.cend(), [&now](const BearerToken &t) { return t.isUsable(now); });
    if (token->isUsable(now) && usableCount <= 1) {
        return makeError(ErrorCode::Conflict,
                         kind == TokenKind::Bearer
                             ? tr("At least one bearer token must stay enabled. Add and enable another token before "
                                  "disabling this one.")
                             : tr("While client credentials are on, at least one client secret must stay enabled. "
                                  "Add and enable another secret, or switch client credentials off, first (C-03)."));
    }
    return ok();
}

Status TokenPolicy::canDelete(const QList<BearerToken> &existing, const QString &tokenId, TokenKind kind)
{
    const Result<BearerToken> token = find(existing, tokenId, kind);
    if (!token)
        return token.error();
    if (token->enabled) {
        return makeError(ErrorCode::Conflict,
                         kind == TokenKind::Bearer
                             ? tr("An enabled bearer token cannot be deleted. Disable it first.")
                             : tr("An enabled client secret cannot be deleted. Disable it first (C-04)."));
    }
    return ok();
}

Status TokenPolicy::canEnable(const QList<BearerToken> &existing, const QString &tokenId, TokenKind kind)
{
    const Result<BearerToken> token = find(existing, tokenId, kind);
    if (!token)
        return token.error();
    return ok();
}

Result<BearerToken> TokenPolicy::authenticate(const QList<BearerToken> &candidates, QStringView secret,
                                              const QDateTime &now)
{
    const QString prefix = BearerToken::prefixOf(secret);
    const QByteArray presented = secret.toUtf8();
    for (const BearerToken &token : candidates) {
        if (token.prefix != prefix || !token.matches(presented))
            continue;
        if (!token.enabled)
            return makeError(ErrorCode::Unauthorized, tr("The bearer token is disabled."),
                             QStringLiteral("token %1 is disabled").arg(token.prefix));
        if (token.isExpired(now))
            return makeError(
                ErrorCode::Unauthorized, tr("The bearer token has expired."),
                QStringLiteral("token %1 expired at %2").arg(token.prefix, token.expires.toString(Qt::ISODate)));
        return token;
    }
    return makeError(ErrorCode::Unauthorized, tr("The bearer token is not valid."), QStringLiteral("unknown token"));
}

Result<BearerToken> TokenPolicy::find(const QList<BearerToken> &existing, const QString &tokenId, TokenKind kind)
{
    const auto it =
        std::find_if(existing.cbegin(), existing.cend(), [&](const BearerToken &t) { return t.id == tokenId; });
    if (it == existing.cend())
        return makeError(ErrorCode::NotFound,
                         (kind == TokenKind::Bearer ? tr("This application has no bearer token with id %1.")
                                                    : tr("This application has no client secret with id %1."))
                             .arg(tokenId));
    return *it;
}

Result<BearerToken> TokenPolicy::rotationCandidate(const QList<BearerToken> &existing, const QDateTime &now)
{
    const BearerToken *candidate = nullptr;
    for (const BearerToken &token : existing) {
        if (token.isUsable(now) && (!candidate || token.expires < candidate->expires))
            candidate = &token;
    }
    if (!candidate)
        return makeError(ErrorCode::NotFound, tr("There is no enabled bearer token to rotate: add a token instead."));
    return *candidate;
}

} // namespace ScimConsole::Core
