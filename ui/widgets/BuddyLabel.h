// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QLabel>

namespace ScimConsole::Gui {

/// A form label that names `buddy`: its mnemonic moves the focus there and a screen reader says it for the field.
inline QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace ScimConsole::Gui
