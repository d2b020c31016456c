// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QMessageBox>

#include <optional>

namespace ScimConsole::Gui {

/// Modal questions, for what needs a decision (KeePassXC's MessageBox): tests pre-answer the next one instead of
/// clicking a box they cannot see.
class MessageBox final
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton,
                                                const QString &confirmText = {});
    /// Tests: the next question() returns `answer` without showing anything.
    static void setNextAnswer(QMessageBox::StandardButton answer) { s_nextAnswer = answer; }
    /// Tests: the text of the last question asked.
    static QString lastQuestion() { return s_lastQuestion; }

private:
    static inline std::optional<QMessageBox::StandardButton> s_nextAnswer;
    static inline QString s_lastQuestion;
};

} // namespace ScimConsole::Gui
