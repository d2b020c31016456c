// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/OrganizationTree.h"
#include "ui/pages/Page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeWidget;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class AccountPageModel;
class ExtensionFieldsView;
class GroupsView;
class InlineMessage;

/// The directory: the organization tree (create, rename, move, delete), its accounts (paged, searchable, with a
/// details pane), the groups and the extension fields.
class DirectoryPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectoryPage)

public:
    explicit DirectoryPage(Core::AsyncStore &store, QWidget *parent = nullptr);

    void refresh() override;
    bool focusSearch() override;
    void showExtensionFields();

    AccountPageModel *accountModel() const { return m_accounts; }
    QTreeWidget *organizationTree() const { return m_orgs; }
    QString messageText() const;

signals:
    void refreshed();

private:
    void showTree(const Core::OrganizationTree &tree);
    void applyFilter();
    void showAccountDetails();
    QString selectedOrganization() const;
    void createOrganization();
    void renameOrganization();
    void moveOrganization();
    void deleteOrganization();
    void setAccountActive(bool active);
    void deleteAccount();

    Core::AsyncStore &m_store;
    Core::OrganizationTree m_tree;
    QTreeWidget *m_orgs;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    QComboBox *m_status;
    QLabel *m_countLabel;
    AccountPageModel *m_accounts;
    QTableView *m_accountView;
    QTextBrowser *m_details;
    QPushButton *m_enableAccount;
    QPushButton *m_disableAccount;
    QPushButton *m_deleteAccount;
    GroupsView *m_groups;
    ExtensionFieldsView *m_fields;
    InlineMessage *m_message;
};

} // namespace ScimConsole::Gui
