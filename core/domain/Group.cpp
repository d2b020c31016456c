// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/Group.h"

namespace ScimConsole::Core {

Result<QString> Group::validateDisplayName(const QString &displayName)
{
    if (displayName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("A group needs a displayName."));
    if (displayName.size() > MaxDisplayNameLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("A group displayName has at most %1 characters.").arg(MaxDisplayNameLength));
    return displayName;
}

} // namespace ScimConsole::Core
