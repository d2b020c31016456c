// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ScimConsole::Core {

/// A directory group (DOMAIN.md table G).
struct Group
{
    Q_DECLARE_TR_FUNCTIONS(Group)

public:
    static constexpr int MaxDisplayNameLength = 256;

    QString id; // G-01
    QString displayName;
    QString externalId;
    QStringList memberIds; // G-02: account ids only
    QDateTime created;
    QDateTime modified;
    qint64 version = 0;

    /// G-01: displayName is required; at most MaxDisplayNameLength characters.
    static Result<QString> validateDisplayName(const QString &displayName);
};

} // namespace ScimConsole::Core
