// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QFrame>

class QLabel;

namespace ScimConsole::Gui {

/// A banner shown where an error happened (KeePassXC's MessageWidget): the message, the rule that refused it, and
/// a close button. Colours come from the palette so that a dark theme stays readable.
class InlineMessage final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineMessage)

public:
    enum class Kind {
        Information,
        Warning,
        Error,
    };

    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace ScimConsole::Gui
