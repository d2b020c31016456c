// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/BearerToken.h"

#include <QCoreApplication>
#include <QList>

namespace ScimConsole::Core {

/// Which secrets the rules are applied to: the bearer tokens of T-01…T-07, or the OAuth client secrets of
/// C-02…C-05 (docs/oauth-rules.md), which follow the same rules and say so in their own words.
enum class TokenKind {
    Bearer,
    ClientSecret,
};

/// The bearer token rules of DOMAIN.md T-01 to T-04, applied to an application's current tokens.
class TokenPolicy
{
    Q_DECLARE_TR_FUNCTIONS(TokenPolicy)

public:
    static constexpr int MaxTokensPerApp = 2;
    static constexpr int MinValidityDays = 1;
    static constexpr int MaxValidityYears = 3;

    /// T-01: a validity of 1 day to 3 calendar years; returns the expiry.
    static Result<QDateTime> expiryFor(int validityDays, const QDateTime &now);
    /// T-02: at most two tokens per application.
    static Status canAdd(const QList<BearerToken> &existing, TokenKind kind = TokenKind::Bearer);
    /// T-03: at least one token stays enabled. An expired token does not count as enabled: it can always be
    /// disabled, and it does not let the last working one go. (To stop an application at once, suspend it.)
    static Status canDisable(const QList<BearerToken> &existing, const QString &tokenId,
                             TokenKind kind = TokenKind::Bearer,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// T-04: only a disabled token can be deleted.
    static Status canDelete(const QList<BearerToken> &existing, const QString &tokenId,
                            TokenKind kind = TokenKind::Bearer);
    static Status canEnable(const QList<BearerToken> &existing, const QString &tokenId,
                            TokenKind kind = TokenKind::Bearer);
    /// T-05, T-07: the enabled, unexpired token among `candidates` whose hash matches `secret` (compared in constant
    /// time). Otherwise ErrorCode::Unauthorized: unknown, disabled or expired, the detail naming the token's prefix.
    static Result<BearerToken> authenticate(const QList<BearerToken> &candidates, QStringView secret,
                                            const QDateTime &now);
    /// T-06: the token a rotation replaces, the usable one that expires first; NotFound when none is usable.
    static Result<BearerToken> rotationCandidate(const QList<BearerToken> &existing, const QDateTime &now);
    /// The token `tokenId` among `existing`, or ErrorCode::NotFound.
    static Result<BearerToken> find(const QList<BearerToken> &existing, const QString &tokenId,
                                    TokenKind kind = TokenKind::Bearer);
};

} // namespace ScimConsole::Core
