// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/BearerToken.h"
#include "core/domain/TokenPolicy.h"

#include <QCoreApplication>
#include <QList>

namespace ScimConsole::Core {

class Database;

/// A token just created: the only moment its secret exists outside the client (T-07).
struct IssuedToken
{
    BearerToken token;
    QString secret;
};

/// Bearer tokens (or, with TokenKind::ClientSecret, the OAuth client secrets in a table of their own) of the
/// applications, under TokenPolicy (T-01 to T-04, C-02 to C-04). The secret is never stored (T-07, C-05).
class TokenStore
{
    Q_DECLARE_TR_FUNCTIONS(TokenStore)

public:
    explicit TokenStore(Database &db, TokenKind kind = TokenKind::Bearer)
        : m_db(db)
        , m_kind(kind)
    {}

    /// T-01, T-02: a new enabled token valid for `validityDays`.
    Result<IssuedToken> issue(const QString &appId, int validityDays,
                              const QDateTime &now = QDateTime::currentDateTimeUtc());
    Result<QList<BearerToken>> list(const QString &appId) const;
    /// T-03: refuses to disable the last enabled token.
    Result<BearerToken> setEnabled(const QString &appId, const QString &tokenId, bool enabled);
    /// T-04: refuses to delete an enabled token.
    Status remove(const QString &appId, const QString &tokenId);

    /// T-06, the end of a rotation: disables `tokenId` and deletes it, in one transaction (T-03 and T-04 still apply,
    /// so another token must be enabled).
    Status retire(const QString &appId, const QString &tokenId);
    /// T-05, T-07: the usable token whose secret this is, compared in constant time. Unknown, disabled and
    /// expired tokens are ErrorCode::Unauthorized (the detail says which, for the sync log).
    Result<BearerToken> authenticate(QStringView secret, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    QString table() const;

    Database &m_db;
    TokenKind m_kind;
};

} // namespace ScimConsole::Core
