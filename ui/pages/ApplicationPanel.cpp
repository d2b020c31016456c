// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ApplicationPanel.h"

#include "core/OnResult.h"
#include "core/domain/TokenPolicy.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/TokenStore.h"
#include "ui/Icons.h"
#include "ui/MessageBox.h"
#include "ui/ServerController.h"
#include "ui/dialogs/ConnectProviderWizard.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/dialogs/PayloadPreviewDialog.h"
#include "ui/dialogs/RotateTokenDialog.h"
#include "ui/dialogs/SyncScopeDialog.h"
#include "ui/dialogs/TokenDialog.h"
#include "ui/dialogs/TokenRevealDialog.h"
#include "ui/models/ApplicationListModel.h"
#include "ui/models/TokenModel.h"
#include "ui/pages/ClientCredentialsBox.h"
#include "ui/pages/MappingEditor.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/CopyField.h"
#include "ui/widgets/InlineMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

ApplicationPanel::ApplicationPanel(AsyncStore &store, ServerController &server, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_server(server)
    , m_title(new QLabel(this))
    , m_message(new InlineMessage(this))
    , m_tabs(new QTabWidget(this))
    , m_tokens(new TokenModel(this))
    , m_clientCredentials(new ClientCredentialsBox(store, this))
    , m_mapping(new MappingEditor(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("applicationTitle"));
    m_tabs->setObjectName(QStringLiteral("applicationTabs"));
    m_tabs->addTab(createAccountSyncTab(), tr("Account Sync"));
    m_tabs->addTab(m_mapping, tr("Advanced"));
    m_tabs->addTab(createGeneralTab(), tr("General"));
    // The emergency stop, always in sight: one click (and a confirmation) refuses every call of the application.
    m_suspend = new QPushButton(this);
    m_suspend->setObjectName(QStringLiteral("suspendButton"));
    connect(m_suspend, &QPushButton::clicked, this, &ApplicationPanel::toggleSuspended);
    // Issue 14: the guided connection of Entra ID, Okta or another client.
    auto *connectProvider = new QPushButton(icon(QStringLiteral("applications")), tr("&Connect a Provider…"), this);
    connectProvider->setObjectName(QStringLiteral("connectProviderButton"));
    connectProvider->setToolTip(tr("Connect Microsoft Entra ID, Okta or another SCIM client to this application, "
                                   "step by step, and test the connection."));
    connect(connectProvider, &QPushButton::clicked, this, &ApplicationPanel::connectProvider);
    m_suspendedBanner = new InlineMessage(this);
    m_suspendedBanner->setObjectName(QStringLiteral("suspendedBanner"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(connectProvider);
    header->addWidget(m_suspend);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_suspendedBanner);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connect(m_mapping, &MappingEditor::saveRequested, this, [this](const QString &urn, const QStringList &fields) {
        const QString id = m_appId;
        change(
            [id, urn, fields](Database &db) -> Status {
                const auto saved = ApplicationStore(db).setMapping(id, urn, fields);
                return saved ? ok() : Status(saved.error());
            },
            QStringLiteral("M-02, M-03"));
    });
    connect(m_mapping, &MappingEditor::manageFieldsRequested, this, &ApplicationPanel::manageFieldsRequested);
    connect(m_mapping, &MappingEditor::previewRequested, this, [this] {
        // Without a running server the locations in the result name the default address.
        const QString base =
            baseUrl().isEmpty() ? QStringLiteral("http://127.0.0.1:8080/scim/v2/apps/") + m_appId : baseUrl();
        auto *dialog = new PayloadPreviewDialog(m_store, m_appId, base, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(&m_server, &ServerController::stateChanged, this, &ApplicationPanel::updateBaseUrl);
}

QWidget *ApplicationPanel::createAccountSyncTab()
{
    auto *page = new QWidget;
    // Scope and target.
    auto *scopeBox = new QGroupBox(tr("Sync Scope and Target"), page);
    m_scopeSummary = new QLabel(scopeBox);
    m_scopeSummary->setObjectName(QStringLiteral("scopeSummaryLabel"));
    m_scopeSummary->setWordWrap(true);
    auto *editScope = new QPushButton(icon(QStringLiteral("scope")), tr("Edit Sync &Scope…"), scopeBox);
    editScope->setObjectName(QStringLiteral("editScopeButton"));
    connect(editScope, &QPushButton::clicked, this, &ApplicationPanel::editScope);
    m_target = new QComboBox(scopeBox);
    m_target->setObjectName(QStringLiteral("syncTargetComboBox"));
    m_target->setAccessibleName(tr("Sync target"));
    m_target->setToolTip(tr("Imported accounts without an organization are placed here. Only organizations inside "
                            "the sync scope can be chosen (S-03, S-04)."));
    connect(m_target, &QComboBox::activated, this,
            [this] { change(saveSyncTarget(m_appId, m_target->currentData().toString()), QStringLiteral("S-04")); });
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_scopeSummary, 1);
    scopeRow->addWidget(editScope, 0, Qt::AlignTop);
    auto *scopeForm = new QFormLayout(scopeBox);
    scopeForm->addRow(tr("Sync scope:"), scopeRow);
    scopeForm->addRow(buddyLabel(tr("Sync &target:"), m_target, scopeBox), m_target);

    // Bearer tokens.
    auto *tokenBox = new QGroupBox(tr("Bearer Tokens"), page);
    m_tokenView = new QTableView(tokenBox);
    m_tokenView->setObjectName(QStringLiteral("tokenView"));
    m_tokenView->setAccessibleName(tr("Bearer tokens"));
    m_tokenView->setModel(m_tokens);
    m_tokenView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokenView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tokenView->verticalHeader()->hide();
    m_tokenView->horizontalHeader()->setStretchLastSection(true);
    m_tokenView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tokenView->setMaximumHeight(m_tokenView->fontMetrics().height() * 7);
    m_tokenView->setWordWrap(false);
    connect(m_tokenView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApplicationPanel::updateTokenButtons);
    const auto button = [tokenBox](const QString &iconName, const QString &text, const QString &name) {
        auto *b = new QPushButton(icon(iconName), text, tokenBox);
        b->setObjectName(name);
        return b;
    };
    m_addToken = button(QStringLiteral("add"), tr("&Add…"), QStringLiteral("addTokenButton"));
    m_enableToken = button(QStringLiteral("start"), tr("&Enable"), QStringLiteral("enableTokenButton"));
    m_disableToken = button(QStringLiteral("stop"), tr("&Disable"), QStringLiteral("disableTokenButton"));
    m_deleteToken = button(QStringLiteral("remove"), tr("De&lete"), QStringLiteral("deleteTokenButton"));
    m_rotateToken = button(QStringLiteral("rotate"), tr("&Rotate…"), QStringLiteral("rotateTokenButton"));
    connect(m_addToken, &QPushButton::clicked, this, &ApplicationPanel::addToken);
    connect(m_enableToken, &QPushButton::clicked, this, [this] { setTokenEnabled(true); });
    connect(m_disableToken, &QPushButton::clicked, this, [this] { setTokenEnabled(false); });
    connect(m_deleteToken, &QPushButton::clicked, this, &ApplicationPanel::deleteToken);
    connect(m_rotateToken, &QPushButton::clicked, this, &ApplicationPanel::rotateTokens);
    auto *tokenButtons = new QHBoxLayout;
    for (QPushButton *b : {m_addToken, m_enableToken, m_disableToken, m_deleteToken, m_rotateToken})
        tokenButtons->addWidget(b);
    tokenButtons->addStretch();
    auto *tokenLayout = new QVBoxLayout(tokenBox);
    tokenLayout->addWidget(m_tokenView);
    tokenLayout->addLayout(tokenButtons);

    // Where the client connects, and what it may do.
    auto *apiBox = new QGroupBox(tr("SCIM Endpoint"), page);
    m_baseUrl = new CopyField(tr("SCIM base URL"), apiBox);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlField"));
    m_baseUrlHint = new QLabel(apiBox);
    m_baseUrlHint->setWordWrap(true);
    m_allScenarios = new QCheckBox(tr("All scenarios"), apiBox);
    m_allScenarios->setObjectName(QStringLiteral("allScenariosCheckBox"));
    m_usersRead = new QCheckBox(tr("Read users"), apiBox);
    m_usersWrite = new QCheckBox(tr("Write users"), apiBox);
    m_groupsRead = new QCheckBox(tr("Read groups"), apiBox);
    m_groupsWrite = new QCheckBox(tr("Write groups"), apiBox);
    m_usersRead->setObjectName(QStringLiteral("usersReadCheckBox"));
    m_usersWrite->setObjectName(QStringLiteral("usersWriteCheckBox"));
    m_groupsRead->setObjectName(QStringLiteral("groupsReadCheckBox"));
    m_groupsWrite->setObjectName(QStringLiteral("groupsWriteCheckBox"));
    connect(m_allScenarios, &QCheckBox::toggled, this, [this](bool all) {
        if (m_filling)
            return;
        m_filling = true;
        for (QCheckBox *box : {m_usersRead, m_usersWrite, m_groupsRead, m_groupsWrite})
            box->setChecked(all);
        m_filling = false;
        savePermission();
    });
    for (QCheckBox *box : {m_usersRead, m_usersWrite, m_groupsRead, m_groupsWrite}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_filling)
                savePermission();
        });
    }
    auto *scenarios = new QHBoxLayout;
    scenarios->addWidget(m_allScenarios);
    for (QCheckBox *box : {m_usersRead, m_usersWrite, m_groupsRead, m_groupsWrite})
        scenarios->addWidget(box);
    scenarios->addStretch();
    auto *apiForm = new QFormLayout(apiBox);
    apiForm->addRow(buddyLabel(tr("SCIM &base URL:"), m_baseUrl, apiBox), m_baseUrl);
    apiForm->addRow(QString(), m_baseUrlHint);
    apiForm->addRow(tr("SCIM API permission:"), scenarios);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(scopeBox);
    layout->addWidget(tokenBox);
    layout->addWidget(m_clientCredentials);
    layout->addWidget(apiBox);
    layout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QComboBox *ApplicationPanel::duplicatePolicyComboBox(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("onDuplicateComboBox"));
    combo->setAccessibleName(tr("When a created userName already exists"));
    combo->addItem(tr("Update the existing account"), int(DuplicatePolicy::Update));
    combo->addItem(tr("Refuse the request (409)"), int(DuplicatePolicy::Reject));
    return combo;
}

QComboBox *ApplicationPanel::unsupportedTypesComboBox(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("unsupportedTypesComboBox"));
    combo->setAccessibleName(tr("Emails and phone numbers of other types"));
    combo->addItem(tr("Refuse with a clear error"), int(UnsupportedTypePolicy::Reject));
    combo->addItem(tr("Keep the work value, log the rest"), int(UnsupportedTypePolicy::Ignore));
    return combo;
}

QWidget *ApplicationPanel::createGeneralTab()
{
    auto *page = new QWidget;
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("applicationNameLineEdit"));
    m_name->setAccessibleName(tr("Application name"));
    auto *renameButton = new QPushButton(tr("Re&name"), page);
    renameButton->setObjectName(QStringLiteral("renameButton"));
    connect(renameButton, &QPushButton::clicked, this, &ApplicationPanel::rename);
    connect(m_name, &QLineEdit::returnPressed, this, &ApplicationPanel::rename);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(renameButton);
    m_kind = new QLabel(page);
    m_onDuplicate = duplicatePolicyComboBox(page);
    m_unsupportedTypes = unsupportedTypesComboBox(page);
    const auto savePolicies = [this] {
        const QString id = m_appId;
        const auto onDuplicate = DuplicatePolicy(m_onDuplicate->currentData().toInt());
        const auto unsupported = UnsupportedTypePolicy(m_unsupportedTypes->currentData().toInt());
        change(
            [id, onDuplicate, unsupported](Database &db) -> Status {
                const auto set = ApplicationStore(db).setPolicies(id, onDuplicate, unsupported);
                return set ? ok() : Status(set.error());
            },
            QStringLiteral("I-01, U-11"));
    };
    connect(m_onDuplicate, &QComboBox::activated, this, savePolicies);
    connect(m_unsupportedTypes, &QComboBox::activated, this, savePolicies);
    auto *deleteButton = new QPushButton(icon(QStringLiteral("remove")), tr("&Delete Application…"), page);
    deleteButton->setObjectName(QStringLiteral("deleteApplicationButton"));
    connect(deleteButton, &QPushButton::clicked, this, &ApplicationPanel::deleteApplication);

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Name:"), m_name, page), nameRow);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(buddyLabel(tr("On &duplicate userName:"), m_onDuplicate, page), m_onDuplicate);
    form->addRow(buddyLabel(tr("&Unsupported email or phone types:"), m_unsupportedTypes, page), m_unsupportedTypes);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(deleteButton, 0, Qt::AlignLeft);
    return page;
}

void ApplicationPanel::showApplication(const QString &appId)
{
    if (appId != m_appId)
        m_message->hide();
    m_appId = appId;
    m_clientCredentials->showApplication(appId);
    reload();
}

QString ApplicationPanel::messageText() const
{
    return m_message->text();
}

void ApplicationPanel::reload()
{
    const QString id = m_appId;
    if (id.isEmpty())
        return;
    onResult(m_store.run([id](Database &db) { return ApplicationDetails::load(db, id); }), this,
             [this, id](const Result<ApplicationDetails> &details) {
                 if (id != m_appId)
                     return; // another application was chosen meanwhile
                 if (!details) {
                     m_message->showMessage(details.error().message);
                     return;
                 }
                 showDetails(details.value());
                 emit loaded();
             });
}

void ApplicationPanel::showDetails(const ApplicationDetails &details)
{
    m_filling = true;
    m_details = details;
    const AppRegistration &app = details.app;
    m_title->setText(app.name);
    if (app.isSuspended()) {
        m_suspend->setText(tr("&Resume"));
        m_suspend->setIcon(icon(QStringLiteral("start")));
        m_suspend->setAccessibleName(tr("Resume the application's SCIM calls"));
        m_suspend->setToolTip(tr("Serve this application's SCIM calls again."));
        m_suspendedBanner->showMessage(
            tr("Suspended since %1: every SCIM call of this application is refused with 403, whatever its tokens "
               "and permission.")
                .arg(QLocale().toString(app.suspendedAt.toLocalTime(), QLocale::ShortFormat)),
            InlineMessage::Kind::Warning);
    } else {
        m_suspend->setText(tr("&Suspend…"));
        m_suspend->setIcon(icon(QStringLiteral("stop")));
        m_suspend->setAccessibleName(tr("Suspend the application"));
        m_suspend->setToolTip(tr("Emergency stop: refuse every SCIM call of this application at once, on every "
                                 "instance, until you resume it."));
        m_suspendedBanner->hide();
    }
    m_scopeSummary->setText(scopeSummary(details));
    fillSyncTargets(m_target, details);

    const QString selectedToken = m_tokens->tokenIdAt(m_tokenView->currentIndex());
    m_tokens->setTokens(details.tokens, details.lastTokenUse);
    if (const QModelIndex index = m_tokens->indexOf(selectedToken); index.isValid())
        m_tokenView->selectRow(index.row());
    updateTokenButtons();
    updateBaseUrl();

    m_allScenarios->setChecked(app.permission.isAll());
    m_usersRead->setChecked(app.permission.usersRead);
    m_usersWrite->setChecked(app.permission.usersWrite);
    m_groupsRead->setChecked(app.permission.groupsRead);
    m_groupsWrite->setChecked(app.permission.groupsWrite);
    m_mapping->setMapping(app.namespaceUrn, app.mappedFields, details.fields);
    m_name->setText(app.name);
    m_kind->setText(ApplicationListModel::kindText(app.kind));
    m_onDuplicate->setCurrentIndex(m_onDuplicate->findData(int(app.onDuplicate)));
    m_unsupportedTypes->setCurrentIndex(m_unsupportedTypes->findData(int(app.unsupportedTypes)));
    m_filling = false;
}

QString ApplicationPanel::scopeSummary(const ApplicationDetails &details)
{
    // The organizations by path, then the groups.
    QStringList parts;
    for (const QString &org : details.scope.organizationIds)
        parts << details.tree.path(org);
    for (const Group &group : details.groups) {
        if (details.scope.groupIds.contains(group.id))
            parts << tr("group “%1”").arg(group.displayName);
    }
    return parts.isEmpty() ? tr("Nothing is in scope yet: the application sees no accounts. Choose the "
                                "organizations and groups it syncs.")
                           : parts.join(QStringLiteral("; "));
}

void ApplicationPanel::fillSyncTargets(QComboBox *combo, const ApplicationDetails &details)
{
    // S-04: only organizations the scope covers can be the target.
    combo->clear();
    combo->addItem(tr("(none: accounts must name their organization)"), QString());
    const QSet<QString> covered = details.scope.coveredOrganizations(details.tree);
    QList<std::pair<QString, QString>> targets;
    for (const QString &org : covered)
        targets.append({details.tree.path(org), org});
    std::sort(targets.begin(), targets.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    for (const auto &[path, id] : targets)
        combo->addItem(icon(QStringLiteral("directory")), path, id);
    combo->setCurrentIndex(std::max(0, combo->findData(details.app.syncTargetOrgId)));
    combo->setEnabled(!covered.isEmpty());
}

std::function<Status(Database &)> ApplicationPanel::saveSyncTarget(const QString &appId, const QString &orgId)
{
    return [appId, orgId](Database &db) -> Status {
        const auto set = ApplicationStore(db).setSyncTarget(appId, orgId);
        return set ? ok() : Status(set.error());
    };
}

std::function<Status(Database &)> ApplicationPanel::saveScope(const QString &appId, const SyncScope &scope,
                                                              bool clearTarget)
{
    return [appId, scope, clearTarget](Database &db) -> Status {
        Transaction tx(db);
        if (!tx)
            return tx.error();
        ApplicationStore apps(db);
        if (clearTarget) {
            if (const auto cleared = apps.setSyncTarget(appId, QString()); !cleared)
                return cleared.error();
        }
        if (const Status set = apps.setScope(appId, scope); !set)
            return set;
        return tx.commit();
    };
}

void ApplicationPanel::updateTokenButtons()
{
    // Buttons stay enabled when the rule would refuse: the refusal explains the rule, a grey button does not.
    const bool selected = m_tokenView->currentIndex().isValid() && m_tokenView->selectionModel()->hasSelection();
    const QString id = m_tokens->tokenIdAt(m_tokenView->currentIndex());
    const auto token = std::find_if(m_details.tokens.cbegin(), m_details.tokens.cend(),
                                    [&](const BearerToken &t) { return t.id == id; });
    const bool found = selected && token != m_details.tokens.cend();
    m_enableToken->setEnabled(found && !token->enabled);
    m_disableToken->setEnabled(found && token->enabled);
    m_deleteToken->setEnabled(found);
    m_rotateToken->setEnabled(!m_details.tokens.isEmpty());
}

QString ApplicationPanel::baseUrl() const
{
    return baseUrl(m_server.url(), m_appId);
}

QString ApplicationPanel::baseUrl(QUrl server, const QString &appId)
{
    if (!server.isValid() || appId.isEmpty())
        return {};
    // Listening on every interface: a client reaches this machine by its name, never by 0.0.0.0.
    if (const QHostAddress host(server.host()); host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6)
        server.setHost(QSysInfo::machineHostName());
    return server.toString(QUrl::StripTrailingSlash) + QStringLiteral("/scim/v2/apps/") + appId;
}

void ApplicationPanel::updateBaseUrl()
{
    const QString url = baseUrl();
    m_baseUrl->setText(url.isEmpty() ? QStringLiteral("/scim/v2/apps/%1").arg(m_appId) : url);
    m_clientCredentials->setBaseUrl(m_baseUrl->text());
    switch (m_server.state()) {
    case ServerController::State::Running:
        m_baseUrlHint->setText(QHostAddress(m_server.url().host()).isLoopback()
                                   ? tr("The server listens on this computer only: an identity provider in the cloud "
                                        "cannot reach it. Change the address on the Server page.")
                                   : tr("Give this URL and a bearer token to the SCIM client (A-03)."));
        break;
    case ServerController::State::Attached:
        m_baseUrlHint->setText(tr("Served by another instance (see the Server page)."));
        break;
    default:
        m_baseUrlHint->setText(tr("The SCIM server is not running: start it on the Server page."));
        break;
    }
}

void ApplicationPanel::change(std::function<Status(Database &)> job, const QString &rule)
{
    onResult(m_store.write(std::move(job)), this, [this, rule](const Status &status) {
        if (!status)
            m_message->showMessage(rule.isEmpty() ? status.error().message
                                                  : tr("%1 (rule %2)").arg(status.error().message, rule));
        else
            m_message->hide();
        reload();
    });
}

void ApplicationPanel::editScope()
{
    SyncScopeDialog dialog(m_store, m_details.tree, m_details.groups, m_details.scope, m_details.app.syncTargetOrgId,
                           this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    change(saveScope(m_appId, dialog.scope(), dialog.clearsSyncTarget()), QStringLiteral("S-01, S-04"));
}

ConnectProviderWizard *ApplicationPanel::connectProvider()
{
    auto *wizard = new ConnectProviderWizard(m_store, m_server, m_appId, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::finished, this, &ApplicationPanel::reload);
    wizard->open();
    return wizard;
}

void ApplicationPanel::addToken()
{
    // T-02 is checked before asking for a validity, so the administrator learns the rule first.
    if (const Status allowed = TokenPolicy::canAdd(m_details.tokens); !allowed) {
        m_message->showMessage(tr("%1 (rule T-02)").arg(allowed.error().message));
        return;
    }
    TokenDialog dialog(TokenKind::Bearer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString id = m_appId;
    const int days = dialog.validityDays();
    onResult(m_store.write([id, days](Database &db) { return TokenStore(db).issue(id, days); }), this,
             [this](const Result<IssuedToken> &issued) {
                 if (!issued) {
                     m_message->showMessage(tr("%1 (rules T-01, T-02)").arg(issued.error().message));
                     return;
                 }
                 m_message->hide();
                 reload();
                 TokenRevealDialog reveal(issued->secret, issued->token.expires, TokenKind::Bearer, this);
                 reveal.exec();
             });
}

void ApplicationPanel::setTokenEnabled(bool enabled)
{
    const QString app = m_appId;
    const QString token = m_tokens->tokenIdAt(m_tokenView->currentIndex());
    change(
        [app, token, enabled](Database &db) -> Status {
            const auto set = TokenStore(db).setEnabled(app, token, enabled);
            return set ? ok() : Status(set.error());
        },
        QStringLiteral("T-03"));
}

void ApplicationPanel::deleteToken()
{
    const QString app = m_appId;
    const QString token = m_tokens->tokenIdAt(m_tokenView->currentIndex());
    if (const Status allowed = TokenPolicy::canDelete(m_details.tokens, token); !allowed) {
        m_message->showMessage(tr("%1 (rule T-04)").arg(allowed.error().message));
        return;
    }
    const BearerToken chosen = TokenPolicy::find(m_details.tokens, token).value();
    if (MessageBox::question(
            this, tr("Delete Bearer Token"),
            tr("Delete the disabled token %1…? A client still holding it can no longer connect.").arg(chosen.prefix),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"))
        != QMessageBox::Yes)
        return;
    change([app, token](Database &db) { return TokenStore(db).remove(app, token); }, QStringLiteral("T-04"));
}

void ApplicationPanel::rotateTokens()
{
    RotateTokenDialog dialog(m_store, m_appId, this);
    dialog.exec();
    reload();
}

void ApplicationPanel::savePermission()
{
    ScimPermission permission;
    permission.usersRead = m_usersRead->isChecked();
    permission.usersWrite = m_usersWrite->isChecked();
    permission.groupsRead = m_groupsRead->isChecked();
    permission.groupsWrite = m_groupsWrite->isChecked();
    m_filling = true;
    m_allScenarios->setChecked(permission.isAll());
    m_filling = false;
    const QString id = m_appId;
    change(
        [id, permission](Database &db) -> Status {
            const auto set = ApplicationStore(db).setPermission(id, permission);
            return set ? ok() : Status(set.error());
        },
        QStringLiteral("A-04"));
}

void ApplicationPanel::toggleSuspended()
{
    const QString id = m_appId;
    const bool suspend = !m_details.app.isSuspended();
    if (suspend
        && MessageBox::question(this, tr("Suspend Application"),
                                tr("Refuse every SCIM call of “%1” with 403, starting with the next request? Its "
                                   "tokens, permission and data stay as they are; Resume serves it again.")
                                    .arg(m_details.app.name),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Suspend"))
               != QMessageBox::Yes)
        return;
    const QString origin = tr("the console");
    change(
        [id, suspend, origin](Database &db) -> Status {
            const auto set = ApplicationStore(db).setSuspended(id, suspend, origin);
            return set ? ok() : Status(set.error());
        },
        {});
}

void ApplicationPanel::rename()
{
    const QString id = m_appId;
    const QString name = m_name->text();
    if (name.trimmed() == m_details.app.name)
        return;
    change(
        [id, name](Database &db) -> Status {
            const auto renamed = ApplicationStore(db).rename(id, name);
            return renamed ? ok() : Status(renamed.error());
        },
        QStringLiteral("A-02"));
}

void ApplicationPanel::deleteApplication()
{
    if (MessageBox::question(this, tr("Delete Application"),
                             tr("Delete the application “%1”? Its bearer tokens stop working at once and its "
                                "configuration is lost. The directory's accounts and groups stay.")
                                 .arg(m_details.app.name),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"))
        != QMessageBox::Yes)
        return;
    const QString id = m_appId;
    onResult(m_store.write([id](Database &db) { return ApplicationStore(db).remove(id); }), this,
             [this, id](const Status &removed) {
                 if (!removed) {
                     m_message->showMessage(removed.error().message);
                     return;
                 }
                 m_appId.clear();
                 emit deleted(id);
             });
}

} // namespace ScimConsole::Gui
