// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/ConnectProviderWizard.h"

#include "core/OnResult.h"
#include "core/domain/FieldMapping.h"
#include "core/log/SyncLog.h"
#include "core/scim/ProviderSelfTest.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/Database.h"
#include "core/store/TokenStore.h"
#include "ui/Icons.h"
#include "ui/ServerController.h"
#include "ui/dialogs/SyncScopeDialog.h"
#include "ui/dialogs/TokenDialog.h"
#include "ui/pages/ApplicationPanel.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/ConnectionStepsView.h"
#include "ui/widgets/CopyField.h"
#include "ui/widgets/InlineMessage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSysInfo>
#include <QVBoxLayout>

#include <functional>

namespace ScimConsole::Gui {

using namespace Core;
using Authentication = ProviderProfile::Authentication;

namespace {

/// A wizard page whose behaviour the wizard gives as functions, so that every step's code and strings stay in one
/// class (and one translation context).
class StepPage final : public QWizardPage
{
public:
    std::function<void()> initialize;
    std::function<bool()> validate;
    std::function<bool()> complete;

    void initializePage() override
    {
        if (initialize)
            initialize();
    }
    bool validatePage() override { return validate ? validate() : true; }
    bool isComplete() const override { return complete ? complete() : true; }
    void updateComplete() { emit completeChanged(); }
};

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

/// A "why" under a setting: smaller and quieter than the setting itself.
QLabel *whyLabel(QWidget *parent)
{
    auto *label = wrappedLabel({}, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void setResultText(QLabel *label, const QString &text, bool passed)
{
    label->setText(QStringLiteral("<b style=\"color:%1\">%2</b>")
                       .arg(ConnectionStepsView::resultColor(label, passed).name(), text.toHtmlEscaped()));
}

} // namespace

ConnectProviderWizard::ConnectProviderWizard(AsyncStore &store, ServerController &server, const QString &appId,
                                             QWidget *parent)
    : QWizard(parent)
    , m_store(store)
    , m_server(server)
    , m_appId(appId)
    , m_network(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("connectProviderWizard"));
    setWindowTitle(tr("Connect an Identity Provider"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(ProviderPage, createProviderPage());
    setPage(ScopePage, createScopePage());
    setPage(CredentialsPage, createCredentialsPage());
    setPage(PastePage, createPastePage());
    setPage(SelfTestPage, createSelfTestPage());
    setPage(FirstCallPage, createFirstCallPage());
    setStartId(ProviderPage);
    applyPreset();
    resize(820, 620);
    connect(&m_server.log(), &SyncLog::eventsAppended, this, &ConnectProviderWizard::watchForFirstCall);
    reloadDetails();
}

ConnectProviderWizard::~ConnectProviderWizard()
{
    // A self-test still running ends here, while the members its callbacks would touch are alive: the replies go
    // with their manager, and whatever they report is for an older run.
    ++m_selfTestGeneration;
    delete m_network;
}

IdentityProvider ConnectProviderWizard::provider() const
{
    return IdentityProvider(m_providers->checkedId());
}

Authentication ConnectProviderWizard::authentication() const
{
    return Authentication(m_authentication->currentData().toInt());
}

void ConnectProviderWizard::reloadDetails()
{
    const QString id = m_appId;
    onResult(m_store.run([id](Database &db) { return ApplicationDetails::load(db, id); }), this,
             [this](const Result<ApplicationDetails> &details) {
                 if (!details) {
                     m_providerMessage->showMessage(details.error().message);
                     return;
                 }
                 const bool first = m_details.app.id.isEmpty();
                 m_details = details.value();
                 setWindowTitle(tr("Connect “%1” to an Identity Provider").arg(m_details.app.name));
                 if (first && m_namespace->text().isEmpty())
                     m_namespace->setText(m_details.app.namespaceUrn); // no preset namespace: the application's own
                 if (currentId() == ScopePage)
                     showScope();
                 emit detailsLoaded();
             });
}

// 1. The provider, and the settings it needs --------------------------------------------------------------------

QWizardPage *ConnectProviderWizard::createProviderPage()
{
    auto *page = new StepPage;
    page->setObjectName(QStringLiteral("providerPage"));
    page->setTitle(tr("Choose the Identity Provider"));
    page->setSubTitle(tr("The console applies the settings it needs to this application. Each is explained below "
                         "and each can be changed, here or later on the application page."));
    m_providers = new QButtonGroup(page);
    auto *choices = new QVBoxLayout;
    // A mnemonic each, none of them taken by the settings below.
    for (const auto &[provider, text, name] :
         {std::tuple(IdentityProvider::Entra, tr("Microsoft Entra &ID"), QStringLiteral("entraRadioButton")),
          std::tuple(IdentityProvider::Okta, tr("&Okta"), QStringLiteral("oktaRadioButton")),
          std::tuple(IdentityProvider::Generic, tr("&Another SCIM client"), QStringLiteral("genericRadioButton"))}) {
        auto *radio = new QRadioButton(text, page);
        radio->setObjectName(name);
        m_providers->addButton(radio, int(provider));
        choices->addWidget(radio);
    }
    m_providers->button(int(IdentityProvider::Entra))->setChecked(true);

    auto *settings = new QGroupBox(tr("Settings"), page);
    m_onDuplicate = ApplicationPanel::duplicatePolicyComboBox(settings);
    m_onDuplicateWhy = whyLabel(settings);
    m_unsupportedTypes = ApplicationPanel::unsupportedTypesComboBox(settings);
    m_unsupportedTypesWhy = whyLabel(settings);
    m_entraExtension = new QLineEdit(settings);
    m_entraExtension->setObjectName(QStringLiteral("entraExtensionLineEdit"));
    m_entraExtension->setAccessibleName(tr("Entra ID custom extension name"));
    m_entraExtension->setPlaceholderText(tr("for example CustomExtensionName"));
    m_entraExtensionLabel = buddyLabel(tr("Entra &extension name:"), m_entraExtension, settings);
    m_namespace = new QLineEdit(settings);
    m_namespace->setObjectName(QStringLiteral("namespaceLineEdit"));
    m_namespace->setAccessibleName(tr("Custom attributes namespace"));
    m_namespaceWhy = whyLabel(settings);
    m_authentication = new QComboBox(settings);
    m_authentication->setObjectName(QStringLiteral("authenticationComboBox"));
    m_authentication->setAccessibleName(tr("Authentication"));
    m_authentication->addItem(tr("Bearer token"), int(Authentication::BearerToken));
    m_authentication->addItem(tr("OAuth 2.0 client credentials"), int(Authentication::ClientCredentials));
    m_authenticationWhy = whyLabel(settings);
    m_providerMessage = new InlineMessage(page);

    auto *form = new QFormLayout(settings);
    form->addRow(buddyLabel(tr("On &duplicate userName:"), m_onDuplicate, settings), m_onDuplicate);
    form->addRow(QString(), m_onDuplicateWhy);
    form->addRow(buddyLabel(tr("&Unsupported email or phone types:"), m_unsupportedTypes, settings),
                 m_unsupportedTypes);
    form->addRow(QString(), m_unsupportedTypesWhy);
    form->addRow(m_entraExtensionLabel, m_entraExtension);
    form->addRow(buddyLabel(tr("Custom attributes &namespace:"), m_namespace, settings), m_namespace);
    form->addRow(QString(), m_namespaceWhy);
    form->addRow(buddyLabel(tr("Au&thentication:"), m_authentication, settings), m_authentication);
    form->addRow(QString(), m_authenticationWhy);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(choices);
    layout->addWidget(settings);
    layout->addWidget(m_providerMessage);
    layout->addStretch();

    connect(m_providers, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            applyPreset();
    });
    connect(m_entraExtension, &QLineEdit::textEdited, this, [this](const QString &name) {
        const Result<QString> urn = FieldMapping::entraNamespace(name.trimmed());
        if (urn)
            m_namespace->setText(urn.value());
    });
    connect(m_authentication, &QComboBox::currentIndexChanged, this, &ConnectProviderWizard::showAuthenticationWhy);
    // Saved on every Next from this page, also after Back: the flag only lets the Next that follows the save through.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ProviderPage)
            m_settingsApplied = false;
    });
    page->validate = [this] { return applySettings(); };
    return page;
}

void ConnectProviderWizard::applyPreset()
{
    const IdentityProvider chosen = provider();
    const Result<ProviderProfile::Preset> preset = ProviderProfile::preset(chosen);
    if (!preset)
        return;
    m_onDuplicate->setCurrentIndex(m_onDuplicate->findData(int(preset->onDuplicate)));
    m_unsupportedTypes->setCurrentIndex(m_unsupportedTypes->findData(int(preset->unsupportedTypes)));
    // The preset's settings come in this order: on duplicate, unsupported types, custom attributes.
    const QList<ProviderProfile::Setting> &settings = preset->settings;
    m_onDuplicateWhy->setText(settings.value(0).why);
    m_unsupportedTypesWhy->setText(settings.value(1).why);
    m_namespaceWhy->setText(settings.value(2).why);
    const bool entra = chosen == IdentityProvider::Entra;
    m_entraExtension->setVisible(entra);
    m_entraExtensionLabel->setVisible(entra);
    if (!preset->namespaceUrn.isEmpty())
        m_namespace->setText(preset->namespaceUrn);
    else if (const auto urn = FieldMapping::entraNamespace(m_entraExtension->text().trimmed()); entra && urn)
        m_namespace->setText(urn.value());
    else
        m_namespace->setText(m_details.app.namespaceUrn);
    const bool clientCredentials = ProviderProfile::supports(chosen, Authentication::ClientCredentials);
    if (!clientCredentials)
        m_authentication->setCurrentIndex(m_authentication->findData(int(Authentication::BearerToken)));
    m_authentication->setEnabled(clientCredentials);
    showAuthenticationWhy();
}

void ConnectProviderWizard::showAuthenticationWhy()
{
    m_authenticationWhy->setText(
        authentication() == Authentication::ClientCredentials
            ? tr("Entra ID asks the application's token endpoint for a short-lived access token with a client "
                 "identifier and secret, and sends that token (C-06).")
        : ProviderProfile::supports(provider(), Authentication::ClientCredentials)
            ? tr("The provider sends a long-lived token in the Authorization header of every request (T-01). Entra "
                 "ID can also use client credentials.")
            : tr("The provider sends a long-lived token in the Authorization header of every request (T-01); it "
                 "supports no other method."));
}

bool ConnectProviderWizard::applySettings()
{
    if (m_settingsApplied)
        return true;
    const QString id = m_appId;
    const auto onDuplicate = DuplicatePolicy(m_onDuplicate->currentData().toInt());
    const auto unsupported = UnsupportedTypePolicy(m_unsupportedTypes->currentData().toInt());
    const QString urn = m_namespace->text().trimmed();
    button(NextButton)->setEnabled(false);
    const auto saving = m_store.write([id, onDuplicate, unsupported, urn](Database &db) -> Status {
        Transaction tx(db);
        if (!tx)
            return tx.error();
        ApplicationStore apps(db);
        const Result<AppRegistration> app = apps.setPolicies(id, onDuplicate, unsupported);
        if (!app)
            return app.error();
        if (urn != app->namespaceUrn) {
            if (const auto mapped = apps.setMapping(id, urn, urn.isEmpty() ? QStringList() : app->mappedFields);
                !mapped)
                return mapped.error();
        }
        return tx.commit();
    });
    onResult(saving, this, [this](const Status &applied) {
        button(NextButton)->setEnabled(true);
        if (!applied) {
            m_providerMessage->showMessage(tr("%1 (rules I-01, U-11, M-02)").arg(applied.error().message));
            return;
        }
        m_providerMessage->hide();
        m_settingsApplied = true;
        reloadDetails();
        next();
    });
    return false; // goes on once saved
}

// 2. Scope and target --------------------------------------------------------------------------------------------

QWizardPage *ConnectProviderWizard::createScopePage()
{
    auto *page = new StepPage;
    page->setObjectName(QStringLiteral("scopePage"));
    page->setTitle(tr("Sync Scope and Target"));
    page->setSubTitle(tr("The provider may create and change only the accounts and groups of the sync scope; the "
                         "accounts it creates without an organization go to the sync target."));
    m_scopeSummary = wrappedLabel({}, page);
    m_scopeSummary->setObjectName(QStringLiteral("scopeSummaryLabel"));
    auto *edit = new QPushButton(icon(QStringLiteral("scope")), tr("Edit Sync &Scope…"), page);
    edit->setObjectName(QStringLiteral("editScopeButton"));
    connect(edit, &QPushButton::clicked, this, &ConnectProviderWizard::editScope);
    m_target = new QComboBox(page);
    m_target->setObjectName(QStringLiteral("syncTargetComboBox"));
    m_target->setAccessibleName(tr("Sync target"));
    m_coverage = wrappedLabel({}, page);
    m_coverage->setObjectName(QStringLiteral("coverageLabel"));
    m_scopeMessage = new InlineMessage(page);
    connect(m_target, &QComboBox::activated, this, [this] {
        changeScope(ApplicationPanel::saveSyncTarget(m_appId, m_target->currentData().toString()),
                    QStringLiteral("S-04"));
    });
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_scopeSummary, 1);
    scopeRow->addWidget(edit, 0, Qt::AlignTop);
    auto *form = new QFormLayout;
    form->addRow(tr("Sync scope:"), scopeRow);
    form->addRow(buddyLabel(tr("Sync &target:"), m_target, page), m_target);
    form->addRow(tr("Coverage:"), m_coverage);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_scopeMessage);
    layout->addStretch();
    page->initialize = [this] { showScope(); };
    return page;
}

void ConnectProviderWizard::showScope()
{
    m_scopeSummary->setText(ApplicationPanel::scopeSummary(m_details));
    ApplicationPanel::fillSyncTargets(m_target, m_details);
    // Going on is allowed either way: the self-test then says what the provider would meet.
    if (m_details.scope.isEmpty())
        m_scopeMessage->showMessage(tr("Nothing is in scope: every user the provider sends would be refused."),
                                    InlineMessage::Kind::Warning);
    else if (m_details.app.syncTargetOrgId.isEmpty())
        m_scopeMessage->showMessage(tr("No sync target: users the provider creates would have nowhere to go."),
                                    InlineMessage::Kind::Warning);
    else
        m_scopeMessage->hide();

    const SyncScope scope = m_details.scope;
    const OrganizationTree tree = m_details.tree;
    const int generation = ++m_coverageGeneration;
    m_coverage->setText(tr("Counting…"));
    const auto counting = m_store.run([scope, tree](Database &db) -> Result<qint64> {
        if (scope.isEmpty())
            return qint64(0);
        return AccountStore(db).countInScope(scope, tree);
    });
    onResult(counting, this, [this, generation, scope, tree](const Result<qint64> &accounts) {
        if (generation != m_coverageGeneration)
            return;
        if (!accounts) {
            m_coverage->setText(accounts.error().message);
            return;
        }
        //: "12 accounts today, in 3 organizations and 1 group"
        m_coverage->setText(tr("%1 today, in %2 and %3")
                                .arg(tr("%n account(s)", nullptr, int(accounts.value())),
                                     tr("%n organization(s)", nullptr, int(scope.coveredOrganizations(tree).size())),
                                     tr("%n group(s)", nullptr, int(scope.groupIds.size()))));
    });
}

void ConnectProviderWizard::editScope()
{
    SyncScopeDialog dialog(m_store, m_details.tree, m_details.groups, m_details.scope, m_details.app.syncTargetOrgId,
                           this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    changeScope(ApplicationPanel::saveScope(m_appId, dialog.scope(), dialog.clearsSyncTarget()),
                QStringLiteral("S-01, S-04"));
}

void ConnectProviderWizard::changeScope(std::function<Status(Database &)> job, const QString &rules)
{
    // As on the application page: a refusal shows with its rules, and the page shows the store's state either way.
    onResult(m_store.write(std::move(job)), this, [this, rules](const Status &saved) {
        if (!saved)
            m_scopeMessage->showMessage(
                QCoreApplication::translate("StoreAction", "%1 (rule %2)").arg(saved.error().message, rules));
        reloadDetails();
    });
}

// 3. Credentials -------------------------------------------------------------------------------------------------

QWizardPage *ConnectProviderWizard::createCredentialsPage()
{
    auto *page = new StepPage;
    page->setObjectName(QStringLiteral("credentialsPage"));
    page->setTitle(tr("Credentials"));
    m_createCredential = new QPushButton(icon(QStringLiteral("token")), QString(), page);
    m_createCredential->setObjectName(QStringLiteral("createCredentialButton"));
    connect(m_createCredential, &QPushButton::clicked, this, &ConnectProviderWizard::createCredential);
    m_clientId = new CopyField(tr("Client identifier"), page);
    m_clientId->setObjectName(QStringLiteral("clientIdField"));
    m_clientIdLabel = buddyLabel(tr("Client &identifier:"), m_clientId, page);
    m_secret = new CopyField(tr("Secret"), page);
    m_secret->setObjectName(QStringLiteral("secretField"));
    m_secretLabel = buddyLabel(tr("Secr&et:"), m_secret, page);
    m_existingSecret = new QLineEdit(page);
    m_existingSecret->setObjectName(QStringLiteral("existingSecretLineEdit"));
    m_existingSecret->setEchoMode(QLineEdit::Password);
    m_existingSecretLabel = buddyLabel({}, m_existingSecret, page);
    m_credentialsMessage = new InlineMessage(page);
    connect(m_existingSecret, &QLineEdit::textChanged, page, &StepPage::updateComplete);

    auto *form = new QFormLayout;
    auto *createRow = new QHBoxLayout;
    createRow->addWidget(m_createCredential);
    createRow->addStretch();
    form->addRow(QString(), createRow);
    form->addRow(m_clientIdLabel, m_clientId);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(m_existingSecretLabel, m_existingSecret);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_credentialsMessage);
    layout->addStretch();

    page->initialize = [this, page] {
        const bool bearer = authentication() == Authentication::BearerToken;
        if (m_createdFor != authentication()) { // back to step 1, the other method chosen: that secret is not this one
            m_createdSecret.clear();
            m_secret->setText({});
            m_credentialsMessage->hide();
        }
        m_existingSecret->setVisible(m_createdSecret.isEmpty());
        m_existingSecretLabel->setVisible(m_createdSecret.isEmpty());
        const QString provider = ProviderProfile::displayName(this->provider());
        page->setSubTitle(
            bearer ? tr("%1 authenticates with a bearer token of this application. Its secret shows here and on "
                        "the next page only: the console keeps just a hash (T-07).")
                         .arg(provider)
                   : tr("%1 gets access tokens from the application's token endpoint with a client identifier and "
                        "secret; creating a secret switches the method on. It shows here and on the next page only.")
                         .arg(provider));
        m_createCredential->setText(bearer ? tr("&Create Token…") : tr("&Create Client Secret…"));
        m_existingSecretLabel->setText(bearer ? tr("Or a token you &have:") : tr("Or a secret you &have:"));
        m_existingSecret->setAccessibleName(bearer ? tr("A bearer token you already have")
                                                   : tr("A client secret you already have"));
        m_secretLabel->setText(bearer ? tr("Tok&en:") : tr("Secr&et:"));
        m_secret->lineEdit()->setAccessibleName(bearer ? tr("Bearer token") : tr("Client secret"));
        m_clientId->setVisible(!bearer);
        m_clientIdLabel->setVisible(!bearer);
        m_secret->setVisible(!m_createdSecret.isEmpty());
        m_secretLabel->setVisible(!m_createdSecret.isEmpty());
        if (!bearer) {
            const QString id = m_appId;
            onResult(m_store.write([id](Database &db) { return ClientCredentialStore(db).ensure(id); }), this,
                     [this](const Result<ClientCredentials> &client) {
                         if (!client) {
                             m_credentialsMessage->showMessage(client.error().message);
                             return;
                         }
                         m_clientId->setText(client->clientId);
                     });
        }
    };
    page->complete = [this] { return !m_createdSecret.isEmpty() || !m_existingSecret->text().trimmed().isEmpty(); };
    return page;
}

void ConnectProviderWizard::createCredential()
{
    const bool bearer = authentication() == Authentication::BearerToken;
    const TokenKind kind = bearer ? TokenKind::Bearer : TokenKind::ClientSecret;
    TokenDialog dialog(kind, this);
    if (dialog.exec() == QDialog::Accepted)
        issueCredential(dialog.validityDays());
}

void ConnectProviderWizard::issueCredential(int days)
{
    const bool bearer = authentication() == Authentication::BearerToken;
    const TokenKind kind = bearer ? TokenKind::Bearer : TokenKind::ClientSecret;
    const QString id = m_appId;
    const auto issuing = m_store.write([id, days, kind](Database &db) -> Result<IssuedToken> {
        Transaction tx(db);
        if (!tx)
            return tx.error();
        const Result<IssuedToken> issued = TokenStore(db, kind).issue(id, days);
        if (!issued)
            return issued.error();
        if (kind == TokenKind::ClientSecret) { // C-03: the method goes on with its first secret
            if (const auto enabled = ClientCredentialStore(db).setEnabled(id, true); !enabled)
                return enabled.error();
        }
        if (const Status committed = tx.commit(); !committed)
            return committed.error();
        return issued;
    });
    onResult(issuing, this, [this, bearer](const Result<IssuedToken> &issued) {
        if (!issued) {
            m_credentialsMessage->showMessage(
                tr("%1 (rules %2)")
                    .arg(issued.error().message, bearer ? QStringLiteral("T-01, T-02") : QStringLiteral("C-02, C-03")));
            return;
        }
        m_credentialsMessage->showMessage(
            tr("Created. It expires on %1. Copy it into the provider on the next page; it cannot be shown again "
               "once this wizard closes.")
                .arg(QLocale().toString(issued->token.expires.toLocalTime().date(), QLocale::LongFormat)),
            InlineMessage::Kind::Information);
        m_createdSecret = issued->secret;
        m_createdFor = bearer ? Authentication::BearerToken : Authentication::ClientCredentials;
        m_secret->setText(m_createdSecret);
        m_secret->setVisible(true);
        m_secretLabel->setVisible(true);
        m_existingSecret->clear();
        m_existingSecret->setVisible(false); // the new one is what the provider gets
        m_existingSecretLabel->setVisible(false);
        static_cast<StepPage *>(page(CredentialsPage))->updateComplete();
    });
}

// 4. What to paste where -----------------------------------------------------------------------------------------

QWizardPage *ConnectProviderWizard::createPastePage()
{
    auto *page = new StepPage;
    page->setObjectName(QStringLiteral("pastePage"));
    page->setTitle(tr("What to Paste Where"));
    m_address = new QLineEdit(page);
    m_address->setObjectName(QStringLiteral("providerAddressLineEdit"));
    m_address->setAccessibleName(tr("The server's address as the provider reaches it"));
    m_address->setPlaceholderText(QStringLiteral("https://scim.example.com:8443"));
    auto *addressHint =
        wrappedLabel(tr("The address of this server as the provider reaches it: a name in public DNS, with TLS, "
                        "or the address of a proxy in front of it."),
                     page);
    addressHint->setForegroundRole(QPalette::PlaceholderText);
    m_addressWarning = new InlineMessage(page);
    m_addressWarning->setObjectName(QStringLiteral("addressWarning"));
    auto *fields = new QGroupBox(page);
    fields->setObjectName(QStringLiteral("fieldsBox"));
    m_fields = new QFormLayout(fields);
    connect(m_address, &QLineEdit::textChanged, this, &ConnectProviderWizard::showFields);

    auto *addressForm = new QFormLayout;
    addressForm->addRow(buddyLabel(tr("Server &address:"), m_address, page), m_address);
    addressForm->addRow(QString(), addressHint);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(addressForm);
    layout->addWidget(m_addressWarning);
    layout->addWidget(fields);
    layout->addStretch();

    page->initialize = [this, page, fields] {
        const QString provider = ProviderProfile::displayName(this->provider());
        page->setSubTitle(
            this->provider() == IdentityProvider::Entra
                ? tr("In the Entra admin center: Enterprise applications › your application › Provisioning, mode "
                     "Automatic. Copy each value into the field of the same name.")
            : this->provider() == IdentityProvider::Okta
                ? tr("Okta Admin Console › your application: enable SCIM provisioning under General, then open "
                     "Provisioning › Integration. Copy each value into the field of the same name.")
                : tr("Give your SCIM client these values."));
        fields->setTitle(tr("In %1").arg(provider));
        if (m_address->text().isEmpty()) {
            // The server's own address (by the machine's name when it listens everywhere), else the default port.
            const QUrl base(ApplicationPanel::baseUrl(m_server.url(), m_appId));
            m_address->setText(base.isValid() && !base.isEmpty()
                                   ? base.adjusted(QUrl::RemovePath).toString()
                                   : QStringLiteral("http://%1:8080").arg(QSysInfo::machineHostName()));
        }
        showFields();
    };
    page->complete = [this] { return baseUrl().isValid(); };
    return page;
}

QString ConnectProviderWizard::secret() const
{
    return m_createdSecret.isEmpty() ? m_existingSecret->text().trimmed() : m_createdSecret;
}

QUrl ConnectProviderWizard::baseUrl() const
{
    return ProviderProfile::applicationBaseUrl(m_address->text(), m_appId);
}

void ConnectProviderWizard::showFields()
{
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    const QUrl base = baseUrl();
    static_cast<StepPage *>(page(PastePage))->updateComplete();
    if (!base.isValid()) {
        m_addressWarning->showMessage(tr("Give the address with its scheme, such as https://scim.example.com:8443."));
        return;
    }
    ProviderProfile::Credentials credentials;
    const QString secret = m_createdSecret; // a token the administrator typed in was given to the provider already
    if (authentication() == Authentication::BearerToken) {
        credentials.token = secret;
    } else {
        credentials.clientId = m_clientId->text();
        credentials.clientSecret = secret;
    }
    QWidget *box = m_fields->parentWidget();
    for (const ProviderProfile::Field &field :
         ProviderProfile::fieldsToPaste(provider(), authentication(), base, credentials)) {
        auto *value = new CopyField(field.label, box);
        value->setText(field.value);
        value->setObjectName(QStringLiteral("pasteField"));
        //: a field of the provider's admin page, as a form label
        m_fields->addRow(tr("%1:").arg(field.label), value);
        if (!field.note.isEmpty()) {
            QLabel *note = whyLabel(box);
            note->setText(field.note);
            m_fields->addRow(QString(), note);
        }
    }
    QStringList warnings = ProviderProfile::urlWarnings(base);
    if (m_server.state() != ServerController::State::Running && m_server.state() != ServerController::State::Attached)
        warnings.prepend(tr("The SCIM server is not running: start it on the Server page before the test."));
    else if (QHostAddress(m_server.url().host()).isLoopback() && !QHostAddress(base.host()).isLoopback()
             && base.host() != u"localhost")
        warnings.prepend(tr("The server listens on this computer only (%1): %2 reaches it only through a proxy on "
                            "this computer. Otherwise change the address on the Server page.")
                             .arg(m_server.url().authority(), base.host()));
    if (warnings.isEmpty())
        m_addressWarning->hide();
    else
        m_addressWarning->showMessage(warnings.join(u'\n'), InlineMessage::Kind::Warning);
}

// 5. Self-test ---------------------------------------------------------------------------------------------------

QWizardPage *ConnectProviderWizard::createSelfTestPage()
{
    auto *page = new StepPage;
    page->setObjectName(QStringLiteral("selfTestPage"));
    page->setTitle(tr("Test the Connection"));
    m_steps = new ConnectionStepsView(page);
    m_steps->setObjectName(QStringLiteral("selfTestSteps"));
    m_steps->header()->resizeSection(0, 250);
    m_steps->header()->resizeSection(2, 260);
    m_selfTestResult = wrappedLabel({}, page);
    m_selfTestResult->setObjectName(QStringLiteral("selfTestResultLabel"));
    m_runAgain = new QPushButton(icon(QStringLiteral("refresh")), tr("&Test Again"), page);
    m_runAgain->setObjectName(QStringLiteral("testAgainButton"));
    connect(m_runAgain, &QPushButton::clicked, this, &ConnectProviderWizard::runSelfTest);
    auto *row = new QHBoxLayout;
    row->addWidget(m_selfTestResult, 1);
    row->addWidget(m_runAgain, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_steps, 1);
    layout->addLayout(row);
    page->initialize = [this] { runSelfTest(); };
    page->complete = [this] { return !m_selfTestRunning; };
    return page;
}

void ConnectProviderWizard::runSelfTest()
{
    const IdentityProvider provider = this->provider();
    const QUrl base = baseUrl();
    page(SelfTestPage)
        ->setSubTitle(tr("The console calls %1 as %2's “Test Connection” does, with the same credentials and TLS.")
                          .arg(base.toString(), ProviderProfile::displayName(provider)));
    m_selfTestSteps.clear();
    m_steps->clear();
    m_selfTestRunning = true;
    m_runAgain->setEnabled(false);
    m_selfTestResult->setText(tr("Testing…"));
    auto *page = static_cast<StepPage *>(this->page(SelfTestPage));
    page->updateComplete();
    const int generation = ++m_selfTestGeneration;
    const auto finish = [this, page, generation, provider](const QList<ConnectionStep> &steps) {
        if (generation != m_selfTestGeneration)
            return; // a later run replaced this one
        m_selfTestSteps = steps;
        m_steps->showSteps(steps);
        const bool passed = std::all_of(steps.cbegin(), steps.cend(), [](const auto &s) { return s.passed(); });
        setResultText(m_selfTestResult,
                      passed ? tr("Every step passed: %1 will connect.").arg(ProviderProfile::displayName(provider))
                             : tr("%1 would not connect: see the step that failed and what to do, then test again.")
                                   .arg(ProviderProfile::displayName(provider)),
                      passed);
        m_selfTestRunning = false;
        m_runAgain->setEnabled(true);
        page->updateComplete();
        emit selfTestFinished();
    };

    const QString id = m_appId;
    const QString secret = this->secret();
    const bool clientCredentials = authentication() == Authentication::ClientCredentials;
    const QString clientId = m_clientId->text();
    // The application's settings are read afresh: the administrator may have fixed them meanwhile.
    const auto loading = m_store.run([id](Database &db) -> Result<std::pair<AppRegistration, SyncScope>> {
        ApplicationStore apps(db);
        const Result<AppRegistration> app = apps.get(id);
        if (!app)
            return app.error();
        const Result<SyncScope> scope = apps.scope(id);
        if (!scope)
            return scope.error();
        return std::pair(app.value(), scope.value());
    });
    onResult(
        loading, this,
        [this, finish, provider, base, secret, clientCredentials,
         clientId](const Result<std::pair<AppRegistration, SyncScope>> &read) {
            if (!read) {
                finish({{tr("Application settings"), ConnectionStep::Outcome::Failed, 0, read.error().message, {}}});
                return;
            }
            const ConnectionStep settings = ProviderSelfTest::configurationStep(read->first, read->second);
            if (!settings.passed()) {
                finish({settings});
                return;
            }
            const auto done = [finish, settings](const QList<ConnectionStep> &steps) {
                finish(QList<ConnectionStep>{settings} + steps);
            };
            if (clientCredentials)
                ProviderSelfTest::runWithClientCredentials(provider, base, clientId, secret, *m_network, done);
            else
                ProviderSelfTest::run(provider, base, secret, *m_network, done);
        });
}

// 6. The provider's first call -----------------------------------------------------------------------------------

QWizardPage *ConnectProviderWizard::createFirstCallPage()
{
    auto *page = new StepPage;
    page->setObjectName(QStringLiteral("firstCallPage"));
    page->setTitle(tr("Waiting for the First Call"));
    m_waiting = new QProgressBar(page);
    m_waiting->setObjectName(QStringLiteral("waitingProgressBar"));
    m_waiting->setAccessibleName(tr("Waiting for the provider's first request"));
    m_waiting->setRange(0, 0);
    m_waiting->setTextVisible(false);
    m_firstCallResult = wrappedLabel({}, page);
    m_firstCallResult->setObjectName(QStringLiteral("firstCallResultLabel"));
    m_firstCallRequest = wrappedLabel({}, page);
    m_firstCallAnswer = wrappedLabel({}, page);
    m_firstCallFrom = wrappedLabel({}, page);
    for (QLabel *label : {m_firstCallRequest, m_firstCallAnswer, m_firstCallFrom})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *details = new QWidget(page);
    m_firstCallForm = new QFormLayout(details);
    m_firstCallForm->setContentsMargins({});
    m_firstCallForm->addRow(tr("Request:"), m_firstCallRequest);
    m_firstCallForm->addRow(tr("Answer:"), m_firstCallAnswer);
    m_firstCallForm->addRow(tr("From:"), m_firstCallFrom);
    details->setVisible(false);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_waiting);
    layout->addWidget(m_firstCallResult);
    layout->addWidget(details);
    layout->addStretch();
    page->initialize = [this] { showFirstCall(); };
    return page;
}

void ConnectProviderWizard::watchForFirstCall(const QList<SyncEvent> &events)
{
    // The calls after a successful one tell nothing new; a refused one is kept until a successful one comes.
    if (m_firstCall.at.isValid() && m_firstCall.status < 400)
        return;
    for (const SyncEvent &event : events) {
        if (event.direction != SyncDirection::Inbound || event.appId != m_appId
            || event.userAgent.startsWith(QLatin1String(ProviderSelfTest::UserAgent)))
            continue;
        m_firstCall = event;
        if (!m_firstCall.at.isValid())
            m_firstCall.at = QDateTime::currentDateTimeUtc();
        if (event.status < 400)
            break;
    }
    if (!m_firstCall.at.isValid())
        return;
    showFirstCall();
    emit firstCallArrived();
}

void ConnectProviderWizard::showFirstCall()
{
    const QString provider = ProviderProfile::displayName(this->provider());
    const bool serving =
        m_server.state() == ServerController::State::Running || m_server.state() == ServerController::State::Attached;
    page(FirstCallPage)
        ->setSubTitle(
            !serving ? tr("The SCIM server is not running: start it on the Server page, or the provider's calls cannot "
                          "arrive.")
            : this->provider() == IdentityProvider::Entra
                ? tr("Save the provisioning settings in Entra ID, then Start provisioning. Entra's first cycle starts "
                     "within about 40 minutes; “Provision on demand” sends one user at once.")
            : this->provider() == IdentityProvider::Okta ? tr(
                  "Save the integration in Okta, enable “To App” provisioning and assign a user or push a group: Okta "
                  "calls at once.")
                                                         : tr("Start your SCIM client: its first request shows here."));
    m_firstCallForm->parentWidget()->setVisible(m_firstCall.at.isValid());
    if (!m_firstCall.at.isValid()) {
        m_waiting->setVisible(serving);
        m_firstCallResult->setText(serving ? tr("Waiting for %1's first request…").arg(provider) : QString());
        return;
    }
    const bool accepted = m_firstCall.status < 400;
    m_waiting->setVisible(!accepted);
    const QString time = QLocale().toString(m_firstCall.at.toLocalTime().time(), QLocale::ShortFormat);
    setResultText(m_firstCallResult,
                  accepted
                      ? tr("✔ The first request arrived at %1 and was served: %2 is connected.").arg(time, provider)
                      : tr("✘ A request arrived at %1 and was refused; waiting for one that succeeds.").arg(time),
                  accepted);
    m_firstCallRequest->setText(m_firstCall.method + u' ' + m_firstCall.path);
    m_firstCallAnswer->setText(m_firstCall.detail.isEmpty()
                                   ? QString::number(m_firstCall.status)
                                   : tr("%1: %2").arg(m_firstCall.status).arg(m_firstCall.detail));
    m_firstCallFrom->setText(m_firstCall.userAgent.isEmpty()
                                 ? m_firstCall.clientAddress
                                 : tr("%1 (%2)").arg(m_firstCall.clientAddress, m_firstCall.userAgent));
}

} // namespace ScimConsole::Gui
