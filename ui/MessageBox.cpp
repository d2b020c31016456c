// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/MessageBox.h"

#include <QPushButton>

namespace ScimConsole::Gui {

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton, const QString &confirmText)
{
    s_lastQuestion = text;
    if (s_nextAnswer)
        return std::exchange(s_nextAnswer, std::nullopt).value();
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    // A destructive button says what it does ("Delete"), not "Yes".
    if (!confirmText.isEmpty() && box.button(QMessageBox::Yes))
        box.button(QMessageBox::Yes)->setText(confirmText);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace ScimConsole::Gui
