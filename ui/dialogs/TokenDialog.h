// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/TokenPolicy.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace ScimConsole::Gui {

class InlineMessage;

/// Add a bearer token: its validity, 1 day to 3 years (T-01), with presets and the resulting expiry shown.
class TokenDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenDialog)

public:
    explicit TokenDialog(Core::TokenKind kind = Core::TokenKind::Bearer, QWidget *parent = nullptr);

    int validityDays() const;

    void accept() override;

private:
    void updateExpiry();

    QComboBox *m_preset;
    QSpinBox *m_days;
    QLabel *m_expiry;
    InlineMessage *m_message;
};

} // namespace ScimConsole::Gui
