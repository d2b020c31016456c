// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/TokenPolicy.h"

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace ScimConsole::Gui {

class CopyField;

/// The one moment a bearer token's secret is shown (T-07): copy it now, it cannot be shown again.
class TokenRevealDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRevealDialog)

public:
    TokenRevealDialog(const QString &secret, const QDateTime &expires, Core::TokenKind kind = Core::TokenKind::Bearer,
                      QWidget *parent = nullptr);
    ~TokenRevealDialog() override;

    QString secret() const;
    /// Escape and the title bar's close only work once the token was copied: losing it means making another.
    void reject() override;

private:
    CopyField *m_secret;
    QCheckBox *m_copied;
    QPushButton *m_close;
};

} // namespace ScimConsole::Gui
