// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ScimConsole::Core {

/// R-11: how a directory account is named in RAM. A RAM userName is 1-64 letters, digits, ".", "_" or "-",
/// compared ignoring case; displayName has 1-128 characters.
class RamUserName
{
    Q_DECLARE_TR_FUNCTIONS(RamUserName)

public:
    static constexpr int MaxUserNameLength = 64;
    static constexpr int MaxDisplayNameLength = 128;

    /// "local-part": the part before "@", lower-cased (the default); "as-is": the directory userName unchanged.
    /// A name that does not fit R-11 is an error naming why: the push reports it as a conflict.
    static Result<QString> map(const QString &directoryUserName, const QString &rule);
    static bool isValid(const QString &ramUserName);
    /// displayName, or the RAM userName when there is none; cut to 128 characters.
    static QString displayName(const QString &directoryDisplayName, const QString &ramUserName);
};

} // namespace ScimConsole::Core
