// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace ScimConsole::Gui {

/// A read-only value with a Copy button: a base URL, a fingerprint, a token shown once.
class CopyField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyField)

public:
    explicit CopyField(const QString &accessibleName, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *copyButton() const { return m_copy; }

signals:
    void copied();

private:
    QLineEdit *m_edit;
    QToolButton *m_copy;
};

} // namespace ScimConsole::Gui
