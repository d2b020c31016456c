// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QIcon>
#include <QString>

namespace ScimConsole::Gui {

/// An icon of the console's own set (resources/icons/<name>.svg).
inline QIcon icon(const QString &name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

} // namespace ScimConsole::Gui
