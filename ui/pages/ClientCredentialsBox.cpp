// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ClientCredentialsBox.h"

#include "core/OnResult.h"
#include "core/domain/TokenPolicy.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/TokenStore.h"
#include "ui/Icons.h"
#include "ui/MessageBox.h"
#include "ui/StoreAction.h"
#include "ui/dialogs/TokenDialog.h"
#include "ui/dialogs/TokenRevealDialog.h"
#include "ui/models/TokenModel.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/CopyField.h"
#include "ui/widgets/InlineMessage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

ClientCredentialsBox::ClientCredentialsBox(AsyncStore &store, QWidget *parent)
    : QGroupBox(tr("OAuth 2.0 Client Credentials"), parent)
    , m_store(store)
    , m_enabled(new QCheckBox(tr("Let SCIM clients get &access tokens with the client ID and a client secret"), this))
    , m_clientId(new CopyField(tr("Client ID"), this))
    , m_tokenUrl(new CopyField(tr("Token endpoint"), this))
    , m_lifetime(new QSpinBox(this))
    , m_secrets(new TokenModel(this))
    , m_secretView(new QTableView(this))
    , m_add(new QPushButton(icon(QStringLiteral("add")), tr("Add &Secret…"), this))
    , m_enable(new QPushButton(tr("Enable"), this))
    , m_disable(new QPushButton(tr("Disable"), this))
    , m_delete(new QPushButton(icon(QStringLiteral("remove")), tr("Delete"), this))
    , m_message(new InlineMessage(this))
{
    setObjectName(QStringLiteral("clientCredentialsBox"));
    m_enabled->setObjectName(QStringLiteral("clientCredentialsCheckBox"));
    m_enabled->setToolTip(tr("Microsoft Entra ID calls this the OAuth2 client credentials grant (C-01, C-03)."));
    m_clientId->setObjectName(QStringLiteral("clientIdField"));
    m_tokenUrl->setObjectName(QStringLiteral("tokenEndpointField"));
    m_lifetime->setObjectName(QStringLiteral("tokenLifetimeSpinBox"));
    m_lifetime->setAccessibleName(tr("Access token lifetime"));
    m_lifetime->setRange(ClientCredentials::MinTokenLifetime / 60, ClientCredentials::MaxTokenLifetime / 60);
    m_lifetime->setSuffix(tr(" min"));
    m_lifetime->setToolTip(tr("5 minutes to 24 hours (C-07)"));
    m_secretView->setObjectName(QStringLiteral("clientSecretView"));
    m_secretView->setAccessibleName(tr("Client secrets"));
    m_secrets->setKind(TokenKind::ClientSecret);
    m_secretView->setModel(m_secrets);
    // Which secret a call used is in the sync log; "last used" is kept for bearer tokens only.
    m_secretView->setColumnHidden(int(TokenModel::Column::LastUsed), true);
    m_secretView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_secretView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_secretView->verticalHeader()->hide();
    m_secretView->horizontalHeader()->setStretchLastSection(true);
    m_secretView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_secretView->setMaximumHeight(m_secretView->fontMetrics().height() * 7);
    m_add->setObjectName(QStringLiteral("addClientSecretButton"));
    m_enable->setObjectName(QStringLiteral("enableClientSecretButton"));
    m_enable->setAccessibleName(tr("Enable the client secret"));
    m_disable->setObjectName(QStringLiteral("disableClientSecretButton"));
    m_disable->setAccessibleName(tr("Disable the client secret"));
    m_delete->setObjectName(QStringLiteral("deleteClientSecretButton"));
    m_delete->setAccessibleName(tr("Delete the client secret"));

    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_filling)
            setMethodEnabled(on);
    });
    connect(m_lifetime, &QSpinBox::editingFinished, this, [this] {
        if (m_filling || !m_state.credentials || m_lifetime->value() * 60 == m_state.credentials->tokenLifetimeSeconds)
            return;
        change([id = m_appId, seconds = m_lifetime->value() * 60](
                   Database &db) { return ClientCredentialStore(db).setTokenLifetime(id, seconds); },
               QStringLiteral("C-07"));
    });
    connect(m_secretView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClientCredentialsBox::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &ClientCredentialsBox::addSecret);
    connect(m_enable, &QPushButton::clicked, this, [this] { setSecretEnabled(true); });
    connect(m_disable, &QPushButton::clicked, this, [this] { setSecretEnabled(false); });
    connect(m_delete, &QPushButton::clicked, this, &ClientCredentialsBox::deleteSecret);

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("Client &ID:"), m_clientId, this), m_clientId);
    form->addRow(buddyLabel(tr("To&ken endpoint:"), m_tokenUrl, this), m_tokenUrl);
    form->addRow(buddyLabel(tr("Access tokens &live:"), m_lifetime, this), m_lifetime);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_enable, m_disable, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addLayout(form);
    layout->addWidget(m_secretView);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    updateButtons();
}

void ClientCredentialsBox::showApplication(const QString &appId)
{
    if (appId != m_appId)
        m_message->hide();
    m_appId = appId;
    setBaseUrl(m_baseUrl);
    reload();
}

void ClientCredentialsBox::setBaseUrl(const QString &baseUrl)
{
    m_baseUrl = baseUrl;
    m_tokenUrl->setText(baseUrl + QStringLiteral("/oauth2/token"));
}

QString ClientCredentialsBox::messageText() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void ClientCredentialsBox::reload()
{
    const QString id = m_appId;
    if (id.isEmpty())
        return;
    const auto loading = m_store.run([id](Database &db) -> Result<State> {
        State state;
        Result<ClientCredentials> credentials = ClientCredentialStore(db).get(id);
        if (credentials)
            state.credentials = credentials.value();
        else if (credentials.error().code != ErrorCode::NotFound)
            return credentials.error();
        Result<QList<BearerToken>> secrets = TokenStore(db, TokenKind::ClientSecret).list(id);
        if (!secrets)
            return secrets.error();
        state.secrets = std::move(secrets).value();
        return state;
    });
    onResult(loading, this, [this, id](const Result<State> &state) {
        if (id != m_appId)
            return;
        if (!state)
            return m_message->showMessage(state.error().message);
        show(state.value());
        emit loaded();
    });
}

void ClientCredentialsBox::show(const State &state)
{
    m_filling = true;
    m_state = state;
    m_enabled->setChecked(state.credentials && state.credentials->enabled);
    m_clientId->setText(state.credentials ? state.credentials->clientId
                                          : tr("made when you add the first secret or switch this on"));
    m_lifetime->setValue(
        (state.credentials ? state.credentials->tokenLifetimeSeconds : ClientCredentials::DefaultTokenLifetime) / 60);
    const QString selected = m_secrets->tokenIdAt(m_secretView->currentIndex());
    m_secrets->setTokens(state.secrets, {});
    if (const QModelIndex index = m_secrets->indexOf(selected); index.isValid())
        m_secretView->selectRow(index.row());
    m_filling = false;
    updateButtons();
}

void ClientCredentialsBox::updateButtons()
{
    const QString id = m_secrets->tokenIdAt(m_secretView->currentIndex());
    const Result<BearerToken> chosen = TokenPolicy::find(m_state.secrets, id, TokenKind::ClientSecret);
    m_enable->setEnabled(chosen && !chosen->enabled);
    m_disable->setEnabled(chosen && chosen->enabled);
    m_delete->setEnabled(chosen.has_value());
    m_clientId->setEnabled(m_state.credentials.has_value());
    m_lifetime->setEnabled(m_state.credentials.has_value());
}

template <typename Job>
void ClientCredentialsBox::change(Job job, const QString &rules)
{
    applyChange(
        m_store, this, m_message, std::move(job), [] {}, rules);
    // Jobs run in order: this reads what the change left, so that a refused one puts the controls back too.
    reload();
}

void ClientCredentialsBox::setMethodEnabled(bool enabled)
{
    change([id = m_appId, enabled](Database &db) { return ClientCredentialStore(db).setEnabled(id, enabled); },
           QStringLiteral("C-03"));
}

void ClientCredentialsBox::addSecret()
{
    if (const Status allowed = TokenPolicy::canAdd(m_state.secrets, TokenKind::ClientSecret); !allowed)
        return m_message->showMessage(allowed.error().message);
    TokenDialog dialog(TokenKind::ClientSecret, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString id = m_appId;
    const int days = dialog.validityDays();
    const auto issuing = m_store.write([id, days](Database &db) -> Result<IssuedToken> {
        // The client id exists from the first secret on, so that both can be pasted together.
        if (const Result<ClientCredentials> made = ClientCredentialStore(db).ensure(id); !made)
            return made.error();
        return TokenStore(db, TokenKind::ClientSecret).issue(id, days);
    });
    onResult(issuing, this, [this](const Result<IssuedToken> &issued) {
        if (!issued)
            return m_message->showMessage(issued.error().message);
        m_message->hide();
        reload();
        TokenRevealDialog reveal(issued->secret, issued->token.expires, TokenKind::ClientSecret, this);
        reveal.exec();
    });
}

void ClientCredentialsBox::setSecretEnabled(bool enabled)
{
    const QString secret = m_secrets->tokenIdAt(m_secretView->currentIndex());
    change(
        [id = m_appId, secret, enabled](Database &db) -> Status {
            const auto set = TokenStore(db, TokenKind::ClientSecret).setEnabled(id, secret, enabled);
            return set ? ok() : Status(set.error());
        },
        QString());
}

void ClientCredentialsBox::deleteSecret()
{
    const QString secret = m_secrets->tokenIdAt(m_secretView->currentIndex());
    const Result<BearerToken> chosen = TokenPolicy::find(m_state.secrets, secret, TokenKind::ClientSecret);
    if (!chosen)
        return;
    if (const Status allowed = TokenPolicy::canDelete(m_state.secrets, secret, TokenKind::ClientSecret); !allowed)
        return m_message->showMessage(allowed.error().message);
    if (MessageBox::question(this, tr("Delete Client Secret"),
                             tr("Delete the client secret %1…? Clients that still use it can no longer get access "
                                "tokens.")
                                 .arg(chosen->prefix),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"))
        != QMessageBox::Yes)
        return;
    change([id = m_appId, secret](Database &db) { return TokenStore(db, TokenKind::ClientSecret).remove(id, secret); },
           QString());
}

} // namespace ScimConsole::Gui
