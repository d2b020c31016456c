// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/AppRegistration.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ScimConsole::Core {

/// One element of a multi-valued SCIM attribute such as emails or phoneNumbers.
struct TypedValue
{
    QString type;
    QString value;
    std::optional<bool> primary; // none when the client did not say
};

/// The one work value kept from a multi-valued attribute, and a warning for every value ignored on the way.
struct WorkValueSelection
{
    QString value;               // empty when the attribute carried no work value
    std::optional<bool> primary; // the kept value's "primary", as sent
    QStringList warnings;
};

/// The user field rules of DOMAIN.md U-02, U-06, U-08, U-11 and U-13 (phone numbers: PhoneNumber).
class UserFields
{
    Q_DECLARE_TR_FUNCTIONS(UserFields)

public:
    static constexpr int MaxUserNameLength = 256;
    /// The longest externalId, displayName or name part kept (a directory field, not a document).
    static constexpr int MaxTextLength = 1024;
    static constexpr int MaxEmailLength = 254;

    /// U-02, U-13: required, any non-empty string of at most 256 characters. Returned unchanged.
    static Result<QString> validateUserName(const QString &userName);
    /// U-13: the key under which userNames are unique: the name ignoring case.
    static QString userNameKey(const QString &userName);
    /// U-06: one address: printable text without spaces, at most 254 characters (the RFC 5321 form is recommended
    /// by RFC 7643, not required, and identity providers send what their source holds).
    static Result<QString> validateEmail(const QString &email);
    /// U-08: active true → enabled, false → disabled. Entra ID sends the strings "True"/"False".
    static Result<bool> statusFromActive(const QJsonValue &active);
    /// U-04, U-06, U-11: keep the single work value. A value of another type, or a second work value, is refused
    /// under UnsupportedTypePolicy::Reject, and ignored with a warning under Ignore (the primary work value wins).
    /// A value without a type counts as work (RFC 7643 makes "type" optional).
    static Result<WorkValueSelection> selectWorkValue(const QString &attribute, const QList<TypedValue> &values,
                                                      UnsupportedTypePolicy policy);
};

} // namespace ScimConsole::Core
