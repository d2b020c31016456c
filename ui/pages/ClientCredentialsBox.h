// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/BearerToken.h"
#include "core/store/ClientCredentialStore.h"

#include <QGroupBox>

class QCheckBox;
class QPushButton;
class QSpinBox;
class QTableView;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class CopyField;
class InlineMessage;
class TokenModel;

/// An application's OAuth 2.0 client credentials (docs/oauth-rules.md): the switch, the client ID and the token
/// endpoint with Copy, the access-token lifetime, and the client secrets under the same rules as bearer tokens
/// (add with a one-time reveal, enable, disable, delete).
class ClientCredentialsBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientCredentialsBox)

public:
    ClientCredentialsBox(Core::AsyncStore &store, QWidget *parent = nullptr);

    void showApplication(const QString &appId);
    /// The application's SCIM base URL as clients reach it: the token endpoint is below it.
    void setBaseUrl(const QString &baseUrl);
    void reload();

    void addSecret();
    void setSecretEnabled(bool enabled);
    void deleteSecret();
    void setMethodEnabled(bool enabled);

    TokenModel *secretModel() const { return m_secrets; }
    QString messageText() const;

signals:
    void loaded();

private:
    struct State
    {
        std::optional<Core::ClientCredentials> credentials;
        QList<Core::BearerToken> secrets;
    };
    void show(const State &state);
    void updateButtons();
    template <typename Job>
    void change(Job job, const QString &rules);

    Core::AsyncStore &m_store;
    QString m_appId;
    QString m_baseUrl;
    State m_state;
    bool m_filling = false;
    QCheckBox *m_enabled;
    CopyField *m_clientId;
    CopyField *m_tokenUrl;
    QSpinBox *m_lifetime;
    TokenModel *m_secrets;
    QTableView *m_secretView;
    QPushButton *m_add;
    QPushButton *m_enable;
    QPushButton *m_disable;
    QPushButton *m_delete;
    InlineMessage *m_message;
};

} // namespace ScimConsole::Gui
