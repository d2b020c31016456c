// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/Account.h"
#include "core/scim/JsonWriter.h"
#include "core/store/ListQuery.h"
#include "core/scim/ScimContext.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace ScimConsole::Core {

/// The SCIM User resource (RFC 7643 §4.1 + enterprise extension + the application's custom namespace) mapped onto
/// directory accounts by the rules of DOMAIN.md table U and M-02/M-03.
class UserResource
{
public:
    /// An account read from a request body, with the notes the sync log gets (ignored attributes and values).
    struct Parsed
    {
        Account account;
        QStringList warnings;
    };

    /// The User resource as the application sees it (its mapping, its scope): written straight as JSON (what
    /// responses send), or as an object (what PATCH and projections work on), the same representation.
    static void write(const Account &account, const ScimContext &context, JsonWriter &json);
    static QJsonObject toJson(const Account &account, const ScimContext &context);
    /// Whether the application sees extension values (a namespace and mapped fields): readers that only answer
    /// with the resource need not load them otherwise.
    static bool showsExtensionValues(const ScimContext &context);
    /// Passwords hashed before a write's transaction begins (issue 12): Argon2id takes tens of milliseconds, which
    /// must not be spent holding the store's write lock, nor twice in one request.
    class PasswordHashes
    {
    public:
        /// Hashes what `body` would set as the password, if the policy accepts it: a POST's or PUT's `password`,
        /// or (`patch`) the last value a PATCH operation gives it. `beforeHashing`, if any, runs before hashing.
        static PasswordHashes forBody(const QJsonObject &body, bool patch, const PasswordPolicy &policy,
                                      const std::function<void()> &beforeHashing = {});
        /// The hash made for `password`, or an empty string.
        QString hashOf(const QString &password) const { return password == m_password ? m_hash : QString(); }

    private:
        QString m_password;
        QString m_hash;
    };

    /// POST (existing == nullptr) or PUT: the full representation replaces every supported field. A password is
    /// checked against the policy and kept only as a hash (from `hashes` when made there); without one, a PUT keeps
    /// the current hash.
    static Result<Parsed, ScimError> fromJson(const QJsonObject &body, const ScimContext &context,
                                              const Account *existing, const PasswordHashes &hashes = {});
    /// Where the directory keeps a User attribute path (filters and sortBy); the store writes the SQL.
    static std::optional<StoredAttribute> attribute(const AttributePath &path, const ScimContext &context);
    static QString location(const ScimContext &context, const QString &id);
    /// A SCIM filter on the basic user attributes (userName sw "ana", active eq false, emails.value co "@example"),
    /// for AccountFilter: how the command line finds users the way a client would.
    static Result<ResourceFilter, ScimError> directoryFilter(const QString &filter);
};

} // namespace ScimConsole::Core
