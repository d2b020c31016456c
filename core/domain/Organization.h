// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ScimConsole::Core {

/// A node of the directory's organization tree. The root is the only node without a parent.
struct Organization
{
    Q_DECLARE_TR_FUNCTIONS(Organization)

public:
    static constexpr int MaxNameLength = 128;

    QString id;
    QString parentId; // empty for the root
    QString name;
    QDateTime created;

    bool isRoot() const { return parentId.isEmpty(); }

    /// Trimmed, 1 to MaxNameLength characters.
    static Result<QString> validateName(const QString &name);
};

} // namespace ScimConsole::Core
