// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/Organization.h"

namespace ScimConsole::Core {

Result<QString> Organization::validateName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("An organization needs a name."));
    if (trimmed.size() > MaxNameLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("An organization name has at most %1 characters.").arg(MaxNameLength));
    return trimmed;
}

} // namespace ScimConsole::Core
