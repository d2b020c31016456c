// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/GroupsView.h"

#include "core/OnResult.h"
#include "core/store/AccountStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/GroupStore.h"
#include "ui/Icons.h"
#include "ui/StoreAction.h"
#include "ui/MessageBox.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
constexpr int IdRole = Qt::UserRole;
constexpr int MaxMembersShown = 500;
} // namespace

GroupsView::GroupsView(AsyncStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_table(new QTableWidget(this))
    , m_members(new QListWidget(this))
    , m_membersLabel(new QLabel(tr("Members"), this))
    , m_message(new InlineMessage(this))
{
    m_table->setObjectName(QStringLiteral("groupTable"));
    m_table->setAccessibleName(tr("Groups"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Members"), tr("External id")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setSortingEnabled(true);
    connect(m_table, &QTableWidget::currentCellChanged, this, &GroupsView::showMembers);
    m_members->setObjectName(QStringLiteral("memberList"));
    m_members->setAccessibleName(tr("Members of the selected group"));
    m_membersLabel->setBuddy(m_members);

    auto *create = new QPushButton(icon(QStringLiteral("add")), tr("&New Group…"), this);
    create->setObjectName(QStringLiteral("newGroupButton"));
    m_rename = new QPushButton(icon(QStringLiteral("edit")), tr("&Rename…"), this);
    m_rename->setObjectName(QStringLiteral("renameGroupButton"));
    m_delete = new QPushButton(icon(QStringLiteral("remove")), tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteGroupButton"));
    connect(create, &QPushButton::clicked, this, &GroupsView::createGroup);
    connect(m_rename, &QPushButton::clicked, this, &GroupsView::renameGroup);
    connect(m_delete, &QPushButton::clicked, this, &GroupsView::deleteGroup);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *membersPane = new QWidget(this);
    auto *membersLayout = new QVBoxLayout(membersPane);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    membersLayout->addWidget(m_membersLabel);
    membersLayout->addWidget(m_members, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(membersPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    showMembers();
}

QString GroupsView::messageText() const
{
    return m_message->text();
}

void GroupsView::refresh()
{
    onResult(m_store.run([](Database &db) { return GroupStore(db).list(0, 100000, true); }), this,
             [this](const Result<QList<Group>> &groups) {
                 if (!groups)
                     return m_message->showMessage(groups.error().message);
                 const QString selected = selectedGroup();
                 m_groups = groups.value();
                 m_table->setSortingEnabled(false);
                 m_table->setRowCount(int(m_groups.size()));
                 for (int row = 0; row < m_groups.size(); ++row) {
                     const Group &group = m_groups.at(row);
                     auto *name = new QTableWidgetItem(icon(QStringLiteral("group")), group.displayName);
                     name->setData(IdRole, group.id);
                     auto *members = new QTableWidgetItem;
                     members->setData(Qt::DisplayRole, int(group.memberIds.size()));
                     members->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                     m_table->setItem(row, 0, name);
                     m_table->setItem(row, 1, members);
                     m_table->setItem(row, 2, new QTableWidgetItem(group.externalId));
                 }
                 m_table->setSortingEnabled(true);
                 m_table->sortByColumn(0, Qt::AscendingOrder);
                 for (int row = 0; row < m_table->rowCount(); ++row) {
                     if (m_table->item(row, 0)->data(IdRole).toString() == selected)
                         m_table->setCurrentCell(row, 0);
                 }
                 showMembers();
                 emit refreshed();
             });
}

QString GroupsView::selectedGroup() const
{
    const QTableWidgetItem *item = m_table->currentRow() >= 0 ? m_table->item(m_table->currentRow(), 0) : nullptr;
    return item ? item->data(IdRole).toString() : QString();
}

void GroupsView::showMembers()
{
    const QString id = selectedGroup();
    m_rename->setEnabled(!id.isEmpty());
    m_delete->setEnabled(!id.isEmpty());
    m_members->clear();
    const auto group = std::find_if(m_groups.cbegin(), m_groups.cend(), [&](const Group &g) { return g.id == id; });
    if (group == m_groups.cend()) {
        m_membersLabel->setText(tr("&Members"));
        auto *hint = new QListWidgetItem(m_groups.isEmpty() ? tr("No groups yet: New Group… creates one, or an "
                                                                 "identity provider pushes them.")
                                                            : tr("Select a group to see its members."),
                                         m_members);
        hint->setFlags(Qt::NoItemFlags);
        return;
    }
    m_membersLabel->setText(tr("&Members of “%1”").arg(group->displayName));
    const QStringList memberIds = group->memberIds.mid(0, MaxMembersShown);
    const qsizetype total = group->memberIds.size();
    const auto loadingNames = m_store.run([memberIds](Database &db) -> Result<QStringList> {
        AccountStore accounts(db);
        QStringList names;
        for (const QString &memberId : memberIds) {
            const auto account = accounts.get(memberId);
            names << (account ? account->userName : memberId);
        }
        return names;
    });
    onResult(loadingNames, this, [this, id, total](const Result<QStringList> &names) {
        if (!names || id != selectedGroup())
            return;
        m_members->clear();
        for (const QString &name : names.value())
            new QListWidgetItem(icon(QStringLiteral("user")), name, m_members);
        if (total > names->size())
            new QListWidgetItem(tr("… and %Ln more", nullptr, int(total - names->size())), m_members);
        if (total == 0)
            new QListWidgetItem(tr("No members yet"), m_members);
    });
}

void GroupsView::createGroup()
{
    NameDialog dialog(tr("New Group"), tr("&Name:"), &Group::validateDisplayName, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Group group;
    group.displayName = dialog.name();
    applyChange(
        m_store, this, m_message, [group](Database &db) { return GroupStore(db).create(group); },
        [this] { refresh(); });
}

void GroupsView::renameGroup()
{
    const QString id = selectedGroup();
    const auto group = std::find_if(m_groups.cbegin(), m_groups.cend(), [&](const Group &g) { return g.id == id; });
    if (group == m_groups.cend())
        return;
    NameDialog dialog(tr("Rename Group"), tr("&Name:"), &Group::validateDisplayName, this);
    dialog.setName(group->displayName);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    applyChange(
        m_store, this, m_message, [id, name](Database &db) { return GroupStore(db).rename(id, name); },
        [this] { refresh(); });
}

void GroupsView::deleteGroup()
{
    const QString id = selectedGroup();
    const auto group = std::find_if(m_groups.cbegin(), m_groups.cend(), [&](const Group &g) { return g.id == id; });
    if (group == m_groups.cend())
        return;
    if (MessageBox::question(this, tr("Delete Group"),
                             tr("Delete the group “%1”? Its members stay in the directory; applications that have "
                                "it in their sync scope lose it from the scope.")
                                 .arg(group->displayName),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"))
        != QMessageBox::Yes)
        return;
    applyChange(
        m_store, this, m_message, [id](Database &db) { return GroupStore(db).remove(id); }, [this] { refresh(); });
}

} // namespace ScimConsole::Gui
