// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/UserFields.h"

#include <algorithm>

namespace ScimConsole::Core {

Result<QString> UserFields::validateUserName(const QString &userName)
{
    if (userName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("userName is required and cannot be empty."));
    if (userName.size() > MaxUserNameLength)
        return makeError(ErrorCode::InvalidInput, tr("userName has at most %1 characters.").arg(MaxUserNameLength));
    return userName;
}

QString UserFields::userNameKey(const QString &userName)
{
    return userName.toCaseFolded();
}

Result<QString> UserFields::validateEmail(const QString &email)
{
    // RFC 7643 only recommends the RFC 5321 form, and identity providers send what their source holds: a value is
    // accepted as long as it is one token of printable text.
    const QString trimmed = email.trimmed();
    const bool acceptable = !trimmed.isEmpty() && trimmed.size() <= MaxEmailLength
                            && std::none_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) {
                                   return c.isSpace() || c.category() == QChar::Other_Control;
                               });
    if (!acceptable)
        return makeError(ErrorCode::InvalidInput, tr("\"%1\" is not an email address.").arg(email));
    return trimmed;
}

Result<bool> UserFields::statusFromActive(const QJsonValue &active)
{
    if (active.isBool())
        return active.toBool();
    if (active.isString()) {
        const QString text = active.toString().trimmed();
        if (text.compare(u"true", Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(u"false", Qt::CaseInsensitive) == 0)
            return false;
    }
    return makeError(ErrorCode::InvalidInput, tr("active must be true or false."));
}

Result<WorkValueSelection> UserFields::selectWorkValue(const QString &attribute, const QList<TypedValue> &values,
                                                       UnsupportedTypePolicy policy)
{
    const auto isWork = [](const TypedValue &v) {
        return v.type.isEmpty() || v.type.compare(u"work", Qt::CaseInsensitive) == 0;
    };
    WorkValueSelection selection;

    const auto other = std::find_if_not(values.cbegin(), values.cend(), isWork);
    if (other != values.cend() && policy == UnsupportedTypePolicy::Reject) {
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 of type \"%2\" is not supported: only one value of type \"work\" is synced. Map "
                            "only %1[type eq \"work\"].value in your identity provider, or set this application "
                            "to ignore unsupported types.")
                             .arg(attribute, other->type));
    }

    QList<TypedValue> work;
    for (const TypedValue &v : values) {
        if (isWork(v))
            work.append(v);
        else
            selection.warnings.append(tr("Ignored %1 of type \"%2\".").arg(attribute, v.type));
    }
    if (work.size() > 1 && policy == UnsupportedTypePolicy::Reject) {
        return makeError(ErrorCode::InvalidInput,
                         tr("%1 has %2 work values, but only one is synced. Send a single %1[type eq \"work\"] "
                            "value, or set this application to ignore unsupported types.")
                             .arg(attribute)
                             .arg(work.size()));
    }
    if (work.isEmpty())
        return selection;

    const auto primary = std::find_if(work.cbegin(), work.cend(), [](const TypedValue &v) { return v.primary.value_or(false); });
    const auto kept = primary == work.cend() ? work.cbegin() : primary;
    selection.value = kept->value;
    selection.primary = kept->primary;
    for (auto it = work.cbegin(); it != work.cend(); ++it) {
        if (it != kept)
            selection.warnings.append(tr("Ignored a second work value of %1.").arg(attribute));
    }
    return selection;
}

} // namespace ScimConsole::Core
