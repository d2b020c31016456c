// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/DirectoryPage.h"

#include "core/OnResult.h"
#include "core/domain/PasswordPolicy.h"

#include "core/store/AccountStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "ui/Icons.h"
#include "ui/StoreAction.h"
#include "ui/MessageBox.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/models/AccountPageModel.h"
#include "ui/pages/ExtensionFieldsView.h"
#include "ui/pages/GroupsView.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
constexpr int IdRole = Qt::UserRole;

QToolButton *toolButton(const QString &iconName, const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(icon(iconName));
    button->setToolTip(text);
    button->setAccessibleName(text);
    button->setObjectName(name);
    button->setAutoRaise(true);
    return button;
}

struct AccountView
{
    Account account;
    QStringList groups;
};
} // namespace

DirectoryPage::DirectoryPage(AsyncStore &store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_orgs(new QTreeWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_countLabel(new QLabel(this))
    , m_accounts(new AccountPageModel(store, this))
    , m_accountView(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_groups(new GroupsView(store, this))
    , m_fields(new ExtensionFieldsView(store, this))
    , m_message(new InlineMessage(this))
{
    // The organization tree with its actions.
    m_orgs->setObjectName(QStringLiteral("organizationTree"));
    m_orgs->setAccessibleName(tr("Organizations"));
    m_orgs->setHeaderLabel(tr("Organizations"));
    auto *orgButtons = new QHBoxLayout;
    const auto addButton = [&](QToolButton *button, void (DirectoryPage::*slot)()) {
        connect(button, &QToolButton::clicked, this, slot);
        orgButtons->addWidget(button);
    };
    addButton(toolButton(QStringLiteral("add"), tr("New organization"), QStringLiteral("newOrganizationButton"), this),
              &DirectoryPage::createOrganization);
    addButton(
        toolButton(QStringLiteral("edit"), tr("Rename organization"), QStringLiteral("renameOrganizationButton"), this),
        &DirectoryPage::renameOrganization);
    addButton(toolButton(QStringLiteral("directory"), tr("Move organization"), QStringLiteral("moveOrganizationButton"),
                         this),
              &DirectoryPage::moveOrganization);
    addButton(toolButton(QStringLiteral("remove"), tr("Delete organization"),
                         QStringLiteral("deleteOrganizationButton"), this),
              &DirectoryPage::deleteOrganization);
    orgButtons->addStretch();
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_orgs, 1);
    leftLayout->addLayout(orgButtons);
    connect(m_orgs, &QTreeWidget::currentItemChanged, this, &DirectoryPage::applyFilter);

    // Accounts: search, status, the paged table and the details pane.
    m_search->setObjectName(QStringLiteral("accountSearchLineEdit"));
    m_search->setAccessibleName(tr("Find accounts by user name, display name or email"));
    m_search->setPlaceholderText(tr("Find by user name, display name or email"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("statusFilterComboBox"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), 0);
    m_status->addItem(tr("Enabled"), 1);
    m_status->addItem(tr("Disabled"), 2);
    m_countLabel->setObjectName(QStringLiteral("accountCountLabel"));
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &DirectoryPage::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &DirectoryPage::applyFilter);
    m_accountView->setObjectName(QStringLiteral("accountView"));
    m_accountView->setAccessibleName(tr("Accounts"));
    m_accountView->setModel(m_accounts);
    m_accountView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_accountView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accountView->verticalHeader()->hide();
    m_accountView->setWordWrap(false);
    // Fixed row heights and column widths: the view never measures 100,000 rows.
    m_accountView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_accountView->verticalHeader()->setDefaultSectionSize(m_accountView->fontMetrics().height() + 8);
    QHeaderView *header = m_accountView->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(int(AccountPageModel::Column::UserName), 240);
    header->resizeSection(int(AccountPageModel::Column::DisplayName), 150);
    header->resizeSection(int(AccountPageModel::Column::Email), 240);
    header->resizeSection(int(AccountPageModel::Column::Organization), 200);
    connect(m_accountView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DirectoryPage::showAccountDetails);
    connect(m_accounts, &AccountPageModel::counted, this, [this](qint64 total) {
        m_countLabel->setText(tr("%Ln account(s)", nullptr, int(total)));
        showAccountDetails();
    });
    connect(m_accounts, &AccountPageModel::failed, this,
            [this](const QString &message) { m_message->showMessage(message); });
    m_details->setObjectName(QStringLiteral("accountDetails"));
    m_details->setAccessibleName(tr("Account details"));
    m_details->setOpenLinks(false);
    m_enableAccount = new QPushButton(icon(QStringLiteral("start")), tr("&Enable"), this);
    m_disableAccount = new QPushButton(icon(QStringLiteral("stop")), tr("&Disable"), this);
    m_deleteAccount = new QPushButton(icon(QStringLiteral("remove")), tr("De&lete…"), this);
    m_enableAccount->setObjectName(QStringLiteral("enableAccountButton"));
    m_disableAccount->setObjectName(QStringLiteral("disableAccountButton"));
    m_deleteAccount->setObjectName(QStringLiteral("deleteAccountButton"));
    connect(m_enableAccount, &QPushButton::clicked, this, [this] { setAccountActive(true); });
    connect(m_disableAccount, &QPushButton::clicked, this, [this] { setAccountActive(false); });
    connect(m_deleteAccount, &QPushButton::clicked, this, &DirectoryPage::deleteAccount);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_countLabel);
    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details, 1);
    auto *accountButtons = new QHBoxLayout;
    for (QPushButton *button : {m_enableAccount, m_disableAccount, m_deleteAccount})
        accountButtons->addWidget(button);
    accountButtons->addStretch();
    detailsLayout->addLayout(accountButtons);
    auto *accountSplitter = new QSplitter(Qt::Horizontal, this);
    accountSplitter->addWidget(m_accountView);
    accountSplitter->addWidget(detailsPane);
    accountSplitter->setStretchFactor(0, 3);
    accountSplitter->setStretchFactor(1, 2);
    accountSplitter->setSizes({640, 380});
    accountSplitter->setChildrenCollapsible(false);
    auto *accountsTab = new QWidget(this);
    auto *accountsLayout = new QVBoxLayout(accountsTab);
    accountsLayout->addLayout(filters);
    accountsLayout->addWidget(accountSplitter, 1);

    m_tabs->setObjectName(QStringLiteral("directoryTabs"));
    m_tabs->addTab(accountsTab, icon(QStringLiteral("user")), tr("Accounts"));
    m_tabs->addTab(m_groups, icon(QStringLiteral("group")), tr("Groups"));
    m_tabs->addTab(m_fields, icon(QStringLiteral("field")), tr("Extension Fields"));

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({240, 1040});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    showAccountDetails();
}

void DirectoryPage::refresh()
{
    onResult(m_store.run([](Database &db) { return OrganizationStore(db).tree(); }), this,
             [this](const Result<OrganizationTree> &tree) {
                 if (!tree)
                     return m_message->showMessage(tree.error().message);
                 showTree(tree.value());
                 m_accounts->reload();
                 emit refreshed();
             });
    m_groups->refresh();
    m_fields->refresh();
}

bool DirectoryPage::focusSearch()
{
    if (m_tabs->currentIndex() != 0)
        m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
    return true;
}

void DirectoryPage::showExtensionFields()
{
    m_tabs->setCurrentWidget(m_fields);
}

QString DirectoryPage::messageText() const
{
    return m_message->text();
}

void DirectoryPage::showTree(const OrganizationTree &tree)
{
    const QString selected = selectedOrganization();
    m_tree = tree;
    QHash<QString, QString> paths;
    const QSignalBlocker blocker(m_orgs);
    m_orgs->clear();
    QTreeWidgetItem *toSelect = nullptr;
    const std::function<void(QTreeWidgetItem *, const Organization &)> add = [&](QTreeWidgetItem *parent,
                                                                                 const Organization &org) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_orgs);
        item->setText(0, org.name);
        item->setIcon(0, icon(QStringLiteral("directory")));
        item->setData(0, IdRole, org.id);
        paths.insert(org.id, tree.path(org.id));
        if (org.id == selected)
            toSelect = item;
        for (const Organization &child : tree.children(org.id))
            add(item, child);
    };
    if (const Organization *root = tree.find(tree.rootId()))
        add(nullptr, *root);
    m_orgs->expandToDepth(1);
    m_orgs->setCurrentItem(toSelect ? toSelect : m_orgs->topLevelItem(0));
    m_accounts->setOrganizationNames(paths);
}

QString DirectoryPage::selectedOrganization() const
{
    const QTreeWidgetItem *item = m_orgs->currentItem();
    return item ? item->data(0, IdRole).toString() : QString();
}

void DirectoryPage::applyFilter()
{
    AccountFilter filter;
    const QString org = selectedOrganization();
    // The root shows the whole directory, accounts without an organization included.
    if (!org.isEmpty() && org != m_tree.rootId()) {
        const QSet<QString> subtree = m_tree.subtree(org);
        filter.orgIds = QStringList(subtree.cbegin(), subtree.cend());
    }
    filter.text = m_search->text();
    if (const int status = m_status->currentData().toInt(); status != 0)
        filter.active = status == 1;
    m_countLabel->setText(tr("Counting…"));
    m_accounts->setFilter(filter);
}

void DirectoryPage::showAccountDetails()
{
    const std::optional<Account> chosen = m_accountView->currentIndex().isValid()
                                              ? m_accounts->accountAt(m_accountView->currentIndex().row())
                                              : std::nullopt;
    for (QPushButton *button : {m_enableAccount, m_disableAccount, m_deleteAccount})
        button->setEnabled(chosen.has_value());
    if (!chosen) {
        m_details->setPlainText(tr("Select an account to see every synced field and extension value."));
        return;
    }
    m_enableAccount->setEnabled(!chosen->active);
    m_disableAccount->setEnabled(chosen->active);
    const QString id = chosen->id;
    const auto loading = m_store.run([id](Database &db) -> Result<AccountView> {
        AccountStore accounts(db);
        Result<Account> account = accounts.get(id);
        if (!account)
            return account.error();
        const auto groupIds = accounts.groupIds(id);
        if (!groupIds)
            return groupIds.error();
        QStringList names;
        for (const QString &groupId : groupIds.value()) {
            if (const auto group = GroupStore(db).get(groupId))
                names << group->displayName;
        }
        return AccountView{account.value(), names};
    });
    onResult(loading, this, [this, id](const Result<AccountView> &view) {
        if (!view || m_accounts->accountAt(m_accountView->currentIndex().row()).value_or(Account{}).id != id)
            return;
        const Account &a = view->account;
        QString html = QStringLiteral("<h3>%1</h3><table cellspacing='4'>").arg(a.userName.toHtmlEscaped());
        const auto row = [&html](const QString &label, const QString &value) {
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(label.toHtmlEscaped(), value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped());
        };
        row(tr("Account id (U-01)"), a.id);
        row(tr("User name (U-02)"), a.userName);
        row(tr("Display name (U-03)"), a.displayName);
        row(tr("Given name"), a.givenName);
        row(tr("Family name"), a.familyName);
        row(tr("Email (U-06)"), a.email);
        row(tr("Phone number (U-04)"), a.phoneNumber);
        row(tr("Phone region (U-05)"), a.phoneRegion);
        row(tr("External id (U-07)"), a.externalId);
        row(tr("Status (U-08)"), a.active ? tr("Enabled") : tr("Disabled"));
        row(tr("Password (U-09)"), a.passwordHash.isEmpty() ? tr("not set")
                                   : PasswordHash::needsRehash(a.passwordHash)
                                       ? tr("set (an older, weaker hash: replaced when the password is next written)")
                                       : tr("set (stored as an Argon2id hash)"));
        row(tr("Organization (U-10)"), a.orgId.isEmpty() ? QString() : m_tree.path(a.orgId));
        row(tr("Groups"), view->groups.join(QStringLiteral(", ")));
        row(tr("Created"), QLocale().toString(a.created.toLocalTime(), QLocale::ShortFormat));
        row(tr("Modified"), QLocale().toString(a.modified.toLocalTime(), QLocale::ShortFormat));
        html += QStringLiteral("</table>");
        if (!a.extensionValues.isEmpty()) {
            html += QStringLiteral("<h4>%1</h4><table cellspacing='4'>").arg(tr("Extension fields").toHtmlEscaped());
            for (auto it = a.extensionValues.constBegin(); it != a.extensionValues.constEnd(); ++it)
                row(it.key(), it.value().toVariant().toString());
            html += QStringLiteral("</table>");
        }
        m_details->setHtml(html);
    });
}

void DirectoryPage::createOrganization()
{
    const QString parent = selectedOrganization();
    NameDialog dialog(tr("New Organization"), tr("&Name:"), &Organization::validateName, this);
    QList<std::pair<QString, QString>> parents;
    for (const QString &id : m_tree.subtree(m_tree.rootId()))
        parents.append({m_tree.path(id), id});
    std::sort(parents.begin(), parents.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    dialog.setChoices(tr("&Parent:"), parents, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    const QString parentId = dialog.choice();
    applyChange(
        m_store, this, m_message,
        [name, parentId](Database &db) { return OrganizationStore(db).create(name, parentId); }, [this] { refresh(); });
}

void DirectoryPage::renameOrganization()
{
    const QString id = selectedOrganization();
    const Organization *org = m_tree.find(id);
    if (!org)
        return;
    NameDialog dialog(tr("Rename Organization"), tr("&Name:"), &Organization::validateName, this);
    dialog.setName(org->name);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    applyChange(
        m_store, this, m_message, [id, name](Database &db) { return OrganizationStore(db).rename(id, name); },
        [this] { refresh(); });
}

void DirectoryPage::moveOrganization()
{
    const QString id = selectedOrganization();
    const Organization *org = m_tree.find(id);
    if (!org)
        return;
    if (org->isRoot())
        return m_message->showMessage(tr("The root organization cannot be moved."));
    // The node itself and everything below it cannot be the new parent.
    const QSet<QString> own = m_tree.subtree(id);
    QList<std::pair<QString, QString>> parents;
    for (const QString &candidate : m_tree.subtree(m_tree.rootId())) {
        if (!own.contains(candidate))
            parents.append({m_tree.path(candidate), candidate});
    }
    std::sort(parents.begin(), parents.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    NameDialog dialog(
        tr("Move Organization"), tr("Organization:"), [](const QString &name) -> Result<QString> { return name; },
        this);
    dialog.setName(org->name);
    dialog.findChild<QLineEdit *>(QStringLiteral("nameLineEdit"))->setReadOnly(true);
    dialog.setChoices(tr("&New parent:"), parents, org->parentId);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString parentId = dialog.choice();
    applyChange(
        m_store, this, m_message, [id, parentId](Database &db) { return OrganizationStore(db).move(id, parentId); },
        [this] { refresh(); });
}

void DirectoryPage::deleteOrganization()
{
    const QString id = selectedOrganization();
    const Organization *org = m_tree.find(id);
    if (!org)
        return;
    if (MessageBox::question(this, tr("Delete Organization"), tr("Delete the organization “%1”?").arg(org->name),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"))
        != QMessageBox::Yes)
        return;
    applyChange(
        m_store, this, m_message, [id](Database &db) { return OrganizationStore(db).remove(id); },
        [this] { refresh(); });
}

void DirectoryPage::setAccountActive(bool active)
{
    const std::optional<Account> chosen = m_accounts->accountAt(m_accountView->currentIndex().row());
    if (!chosen)
        return;
    const QString id = chosen->id;
    applyChange(
        m_store, this, m_message, [id, active](Database &db) { return AccountStore(db).setActive(id, active); },
        [this] { m_accounts->reload(); });
}

void DirectoryPage::deleteAccount()
{
    const std::optional<Account> chosen = m_accounts->accountAt(m_accountView->currentIndex().row());
    if (!chosen)
        return;
    if (MessageBox::question(this, tr("Delete Account"),
                             tr("Delete the account “%1”? It leaves its groups too. If an identity provider still "
                                "assigns it, the next sync creates it again.")
                                 .arg(chosen->userName),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"))
        != QMessageBox::Yes)
        return;
    const QString id = chosen->id;
    applyChange(
        m_store, this, m_message, [id](Database &db) { return AccountStore(db).remove(id); },
        [this] { m_accounts->reload(); });
}

} // namespace ScimConsole::Gui
