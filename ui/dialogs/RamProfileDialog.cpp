// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/RamProfileDialog.h"

#include "ui/dialogs/SyncScopeDialog.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

RamProfileDialog::RamProfileDialog(AsyncStore &store, const RamProfileChoices &choices, const RamProfile &profile,
                                   QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_choices(choices)
    , m_profile(profile)
    , m_name(new QLineEdit(this))
    , m_site(new QComboBox(this))
    , m_tokenUrl(new QLineEdit(this))
    , m_scimUrl(new QLineEdit(this))
    , m_clientId(new QLineEdit(this))
    , m_secretStack(new QStackedWidget(this))
    , m_secretStored(new QLabel(this))
    , m_replaceSecret(new QPushButton(tr("&Replace…"), this))
    , m_secret(new QLineEdit(this))
    , m_fromApplication(new QRadioButton(tr("The sync scope of an &application:"), this))
    , m_application(new QComboBox(this))
    , m_fromOrganizations(new QRadioButton(tr("Chosen &organizations and groups:"), this))
    , m_organizationsSummary(new QLabel(this))
    , m_chooseOrganizations(new QPushButton(tr("C&hoose…"), this))
    , m_userNameRule(new QComboBox(this))
    , m_disabledAction(new QComboBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_message(new InlineMessage(this))
    , m_organizationIds(profile.sourceOrganizationIds)
    , m_groupIds(profile.sourceGroupIds)
{
    const bool isNew = profile.id.isEmpty();
    setWindowTitle(isNew ? tr("New RAM Profile") : tr("Edit RAM Profile"));

    m_name->setObjectName(QStringLiteral("profileNameLineEdit"));
    m_name->setAccessibleName(tr("Profile name"));
    m_name->setMaxLength(RamProfile::MaxNameLength);
    m_name->setPlaceholderText(tr("e.g. production"));
    m_name->setText(profile.name);

    m_site->setObjectName(QStringLiteral("siteComboBox"));
    m_site->setAccessibleName(tr("Alibaba Cloud site"));
    m_site->addItem(tr("China (aliyun.com)"), int(RamSite::China));
    m_site->addItem(tr("International (alibabacloud.com)"), int(RamSite::International));
    m_site->addItem(tr("Custom endpoints"), int(RamSite::Custom));
    m_site->setCurrentIndex(m_site->findData(int(profile.site)));
    m_tokenUrl->setObjectName(QStringLiteral("tokenUrlLineEdit"));
    m_tokenUrl->setAccessibleName(tr("OAuth token URL"));
    m_tokenUrl->setPlaceholderText(QStringLiteral("https://…/v1/token"));
    m_scimUrl->setObjectName(QStringLiteral("scimUrlLineEdit"));
    m_scimUrl->setAccessibleName(tr("SCIM URL"));
    m_scimUrl->setPlaceholderText(QStringLiteral("https://…"));
    if (profile.site == RamSite::Custom) {
        m_tokenUrl->setText(profile.tokenUrl);
        m_scimUrl->setText(profile.scimUrl);
    }
    connect(m_site, &QComboBox::currentIndexChanged, this, &RamProfileDialog::siteChanged);

    m_clientId->setObjectName(QStringLiteral("clientIdLineEdit"));
    m_clientId->setAccessibleName(tr("Client ID"));
    m_clientId->setPlaceholderText(tr("the client_id of the OAuth server application"));
    m_clientId->setText(profile.clientId);

    // The secret: typed once, written to the keychain, never shown again.
    m_secret->setObjectName(QStringLiteral("secretLineEdit"));
    m_secret->setAccessibleName(tr("App secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("AppSecretValue, kept in the OS keychain"));
    m_secretStored->setObjectName(QStringLiteral("secretStoredLabel"));
    m_secretStored->setText(
        profile.secretSource == u"keychain"
            ? tr("Stored in the OS keychain.")
            : tr("Read from %1 when needed; the console does not keep it.").arg(profile.secretSource));
    m_secretStored->setTextFormat(Qt::PlainText);
    m_replaceSecret->setObjectName(QStringLiteral("replaceSecretButton"));
    m_replaceSecret->setAccessibleName(tr("Replace the app secret"));
    auto *stored = new QWidget(this);
    auto *storedLayout = new QHBoxLayout(stored);
    storedLayout->setContentsMargins(0, 0, 0, 0);
    storedLayout->addWidget(m_secretStored, 1);
    storedLayout->addWidget(m_replaceSecret);
    m_secretStack->addWidget(stored);
    m_secretStack->addWidget(m_secret);
    m_secretStack->setCurrentWidget(isNew ? static_cast<QWidget *>(m_secret) : stored);
    m_secretStack->setFixedHeight(std::max(m_secret->sizeHint().height(), m_replaceSecret->sizeHint().height()));
    connect(m_replaceSecret, &QPushButton::clicked, this, [this] {
        m_secretStack->setCurrentWidget(m_secret);
        m_secret->setFocus();
    });

    // The source: one application's scope, or organizations (with their subtrees) and groups.
    m_fromApplication->setObjectName(QStringLiteral("sourceApplicationRadio"));
    m_fromOrganizations->setObjectName(QStringLiteral("sourceOrganizationsRadio"));
    m_application->setObjectName(QStringLiteral("sourceApplicationComboBox"));
    m_application->setAccessibleName(tr("Source application"));
    for (const AppRegistration &app : choices.applications)
        m_application->addItem(app.name, app.id);
    m_organizationsSummary->setObjectName(QStringLiteral("sourceSummaryLabel"));
    m_chooseOrganizations->setObjectName(QStringLiteral("chooseOrganizationsButton"));
    m_chooseOrganizations->setAccessibleName(tr("Choose organizations and groups"));
    const bool fromApp = !profile.sourceAppId.isEmpty() || (isNew && !choices.applications.isEmpty());
    (fromApp ? m_fromApplication : m_fromOrganizations)->setChecked(true);
    if (!profile.sourceAppId.isEmpty())
        m_application->setCurrentIndex(std::max(0, m_application->findData(profile.sourceAppId)));
    connect(m_fromApplication, &QRadioButton::toggled, this, &RamProfileDialog::sourceChanged);
    connect(m_chooseOrganizations, &QPushButton::clicked, this, &RamProfileDialog::chooseOrganizations);

    m_userNameRule->setObjectName(QStringLiteral("userNameRuleComboBox"));
    m_userNameRule->setAccessibleName(tr("RAM userName rule"));
    m_userNameRule->addItem(tr("The part before “@”, lower-cased (alice@example.com → alice)"),
                            QStringLiteral("local-part"));
    m_userNameRule->addItem(tr("The directory userName as it is"), QStringLiteral("as-is"));
    m_userNameRule->setCurrentIndex(std::max(0, m_userNameRule->findData(profile.userNameRule)));
    m_userNameRule->setToolTip(tr("RAM user names are 1-64 letters, digits, “.”, “_” or “-” (R-11); a name that "
                                  "cannot be mapped is a conflict in the preview."));
    m_disabledAction->setObjectName(QStringLiteral("disabledActionComboBox"));
    m_disabledAction->setAccessibleName(tr("Disabled accounts"));
    m_disabledAction->addItem(tr("Delete the RAM user (RAM has no soft delete)"), int(DisabledAction::Delete));
    m_disabledAction->addItem(tr("Leave the RAM user as it is"), int(DisabledAction::Keep));
    m_disabledAction->setCurrentIndex(m_disabledAction->findData(int(profile.disabledAction)));
    m_concurrency->setObjectName(QStringLiteral("concurrencySpinBox"));
    m_concurrency->setAccessibleName(tr("Requests at once"));
    m_concurrency->setRange(1, RamProfile::MaxConcurrency);
    m_concurrency->setValue(profile.concurrency);
    m_concurrency->setSuffix(tr(" at once"));

    auto *connection = new QGroupBox(tr("Connection"), this);
    auto *connectionForm = new QFormLayout(connection);
    connectionForm->addRow(buddyLabel(tr("&Name:"), m_name, this), m_name);
    connectionForm->addRow(buddyLabel(tr("&Site:"), m_site, this), m_site);
    connectionForm->addRow(buddyLabel(tr("&Token URL:"), m_tokenUrl, this), m_tokenUrl);
    connectionForm->addRow(buddyLabel(tr("SCIM &URL:"), m_scimUrl, this), m_scimUrl);
    connectionForm->addRow(buddyLabel(tr("&Client ID:"), m_clientId, this), m_clientId);
    connectionForm->addRow(buddyLabel(tr("App s&ecret:"), m_secret, this), m_secretStack);

    auto *source = new QGroupBox(tr("Which accounts to push"), this);
    auto *sourceLayout = new QFormLayout(source);
    sourceLayout->addRow(m_fromApplication, m_application);
    auto *organizations = new QHBoxLayout;
    organizations->addWidget(m_organizationsSummary, 1);
    organizations->addWidget(m_chooseOrganizations);
    sourceLayout->addRow(m_fromOrganizations, organizations);

    auto *rules = new QGroupBox(tr("Rules"), this);
    auto *rulesForm = new QFormLayout(rules);
    rulesForm->addRow(buddyLabel(tr("RAM user &name:"), m_userNameRule, this), m_userNameRule);
    rulesForm->addRow(buddyLabel(tr("&Disabled accounts:"), m_disabledAction, this), m_disabledAction);
    rulesForm->addRow(buddyLabel(tr("&Requests:"), m_concurrency, this), m_concurrency);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RamProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RamProfileDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(connection);
    layout->addWidget(source);
    layout->addWidget(rules);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(620);

    siteChanged();
    sourceChanged();
}

RamProfile RamProfileDialog::profile() const
{
    RamProfile profile = m_profile;
    profile.name = m_name->text().trimmed();
    profile.site = RamSite(m_site->currentData().toInt());
    profile.tokenUrl = m_tokenUrl->text().trimmed();
    profile.scimUrl = m_scimUrl->text().trimmed();
    profile.clientId = m_clientId->text().trimmed();
    if (!secret().isEmpty())
        profile.secretSource = QStringLiteral("keychain");
    if (m_fromApplication->isChecked()) {
        profile.sourceAppId = m_application->currentData().toString();
        profile.sourceOrganizationIds.clear();
        profile.sourceGroupIds.clear();
    } else {
        profile.sourceAppId.clear();
        profile.sourceOrganizationIds = m_organizationIds;
        profile.sourceGroupIds = m_groupIds;
    }
    profile.userNameRule = m_userNameRule->currentData().toString();
    profile.disabledAction = DisabledAction(m_disabledAction->currentData().toInt());
    profile.concurrency = m_concurrency->value();
    return profile;
}

QString RamProfileDialog::secret() const
{
    return m_secretStack->currentWidget() == m_secret ? m_secret->text().trimmed() : QString();
}

void RamProfileDialog::accept()
{
    const RamProfile entered = profile();
    if (entered.name.isEmpty())
        return m_message->showMessage(tr("Give the profile a name."));
    if (entered.name != m_profile.name && m_choices.profileNames.contains(entered.name, Qt::CaseSensitive))
        return m_message->showMessage(tr("A RAM profile named “%1” exists already.").arg(entered.name));
    for (const QString &url : {entered.tokenUrl, entered.scimUrl}) {
        if (!RamProfile::acceptableEndpoint(url))
            return m_message->showMessage(
                tr("“%1” is not an https URL. (Plain http is accepted only for this machine, such as a test "
                   "double.)")
                    .arg(url));
    }
    if (entered.clientId.isEmpty())
        return m_message->showMessage(tr("Give the client ID of the OAuth server application (R-01)."));
    if (m_secretStack->currentWidget() == m_secret && secret().isEmpty())
        return m_message->showMessage(
            tr("Give the app secret (AppSecretValue). Alibaba Cloud shows it only when it is made (R-01)."));
    if (m_fromApplication->isChecked() && entered.sourceAppId.isEmpty())
        return m_message->showMessage(tr("There is no application yet: choose organizations and groups instead."));
    if (!m_fromApplication->isChecked() && m_organizationIds.isEmpty() && m_groupIds.isEmpty())
        return m_message->showMessage(tr("Choose at least one organization or group to push."));
    if (const Status valid = entered.validate(); !valid)
        return m_message->showMessage(valid.error().message);
    QDialog::accept();
}

void RamProfileDialog::siteChanged()
{
    const auto site = RamSite(m_site->currentData().toInt());
    const bool custom = site == RamSite::Custom;
    if (!custom) {
        const auto [tokenUrl, scimUrl] = RamProfile::endpoints(site);
        m_tokenUrl->setText(tokenUrl);
        m_scimUrl->setText(scimUrl);
    } else if (m_profile.site != RamSite::Custom) {
        m_tokenUrl->clear();
        m_scimUrl->clear();
    }
    m_tokenUrl->setReadOnly(!custom);
    m_scimUrl->setReadOnly(!custom);
}

void RamProfileDialog::sourceChanged()
{
    const bool fromApp = m_fromApplication->isChecked();
    m_application->setEnabled(fromApp);
    m_organizationsSummary->setEnabled(!fromApp);
    m_chooseOrganizations->setEnabled(!fromApp);
    m_fromApplication->setEnabled(!m_choices.applications.isEmpty());
    updateSourceSummary();
}

void RamProfileDialog::updateSourceSummary()
{
    if (m_organizationIds.isEmpty() && m_groupIds.isEmpty()) {
        m_organizationsSummary->setText(tr("None chosen"));
        return;
    }
    QStringList names;
    for (const QString &id : std::as_const(m_organizationIds))
        names << m_choices.tree.path(id);
    for (const QString &id : std::as_const(m_groupIds)) {
        const auto group = std::find_if(m_choices.groups.cbegin(), m_choices.groups.cend(),
                                        [&id](const Group &g) { return g.id == id; });
        names << (group != m_choices.groups.cend() ? tr("group %1").arg(group->displayName) : id);
    }
    m_organizationsSummary->setText(names.join(QStringLiteral("; ")));
    m_organizationsSummary->setToolTip(names.join(u'\n'));
}

void RamProfileDialog::chooseOrganizations()
{
    SyncScope scope;
    scope.organizationIds = m_organizationIds;
    scope.groupIds = m_groupIds;
    SyncScopeDialog dialog(m_store, m_choices.tree, m_choices.groups, scope, QString(), this);
    dialog.setWindowTitle(tr("Accounts to Push"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_organizationIds = dialog.scope().organizationIds;
    m_groupIds = dialog.scope().groupIds;
    updateSourceSummary();
}

} // namespace ScimConsole::Gui
