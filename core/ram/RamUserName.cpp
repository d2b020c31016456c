// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamUserName.h"

namespace ScimConsole::Core {

bool RamUserName::isValid(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxUserNameLength)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
               || c == u'_' || c == u'-';
    });
}

Result<QString> RamUserName::map(const QString &directoryUserName, const QString &rule)
{
    QString name = directoryUserName.trimmed();
    if (rule == u"local-part") {
        const qsizetype at = name.indexOf(u'@');
        if (at >= 0)
            name = name.left(at);
        name = name.toLower();
    }
    if (name.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("\"%1\" gives an empty RAM userName.").arg(directoryUserName));
    if (name.size() > MaxUserNameLength)
        return makeError(
            ErrorCode::InvalidInput,
            tr("\"%1\" is longer than the %2 characters of a RAM userName.").arg(name).arg(MaxUserNameLength));
    if (!isValid(name))
        return makeError(
            ErrorCode::InvalidInput,
            tr("\"%1\" has characters a RAM userName cannot hold (letters, digits, \".\", \"_\" and \"-\" only).")
                .arg(name));
    return name;
}

QString RamUserName::displayName(const QString &directoryDisplayName, const QString &ramUserName)
{
    const QString name = directoryDisplayName.trimmed().isEmpty() ? ramUserName : directoryDisplayName.trimmed();
    return name.left(MaxDisplayNameLength);
}

} // namespace ScimConsole::Core
