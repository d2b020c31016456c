// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/BearerToken.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class CopyField;
class InlineMessage;

/// T-06 as one guided flow: add a new token, give it to the client, wait until the client calls with it, then
/// disable and delete the old one. Every step runs the token rules of the store; a refusal says which rule.
class RotateTokenDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotateTokenDialog)

public:
    enum Step {
        Explain,
        Reveal,
        WaitForClient,
        Retire,
    };

    RotateTokenDialog(Core::AsyncStore &store, const QString &appId, QWidget *parent = nullptr);

    Step step() const;
    QString newTokenId() const { return m_newToken.id; }
    QString oldTokenId() const { return m_oldToken.id; }
    /// Tests: the revealed secret of the new token.
    QString revealedSecret() const;
    QString messageText() const;

private:
    void load();
    void createToken();
    void pollLastUse();
    void retireOldToken();
    void goTo(Step step);

    Core::AsyncStore &m_store;
    QString m_appId;
    Core::BearerToken m_oldToken;
    Core::BearerToken m_newToken;
    QStackedWidget *m_steps;
    QLabel *m_explanation;
    QSpinBox *m_days;
    QPushButton *m_create;
    CopyField *m_secret;
    QLabel *m_waitStatus;
    QLabel *m_retireText;
    QPushButton *m_next;
    QPushButton *m_retire;
    InlineMessage *m_message;
    QTimer m_poll;
};

} // namespace ScimConsole::Gui
