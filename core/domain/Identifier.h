// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QString>
#include <QUuid>

namespace ScimConsole::Core {

/// Server-assigned identifiers (U-01, G-01): random UUIDs, lower case, without braces. Immutable once assigned.
inline QString newIdentifier()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace ScimConsole::Core
