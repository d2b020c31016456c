// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/SyncScopeDialog.h"

#include "core/OnResult.h"
#include "core/store/AccountStore.h"
#include "core/store/AsyncStore.h"
#include "ui/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
constexpr int IdRole = Qt::UserRole;
}

SyncScopeDialog::SyncScopeDialog(AsyncStore &store, const OrganizationTree &tree, const QList<Group> &groups,
                                 const SyncScope &scope, const QString &syncTargetOrgId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_tree(tree)
    , m_syncTargetOrgId(syncTargetOrgId)
    , m_orgs(new QTreeWidget(this))
    , m_groupFilter(new QLineEdit(this))
    , m_groups(new QListWidget(this))
    , m_coverage(new QLabel(this))
    , m_message(new InlineMessage(this))
{
    setWindowTitle(tr("Sync Scope"));
    m_orgs->setObjectName(QStringLiteral("organizationTree"));
    m_orgs->setAccessibleName(tr("Organizations in scope"));
    m_orgs->setHeaderHidden(true);
    m_groups->setObjectName(QStringLiteral("groupList"));
    m_groups->setAccessibleName(tr("Groups in scope"));
    m_groupFilter->setObjectName(QStringLiteral("groupFilterLineEdit"));
    m_groupFilter->setAccessibleName(tr("Filter groups"));
    m_groupFilter->setPlaceholderText(tr("Filter groups"));
    m_groupFilter->setClearButtonEnabled(true);
    m_coverage->setObjectName(QStringLiteral("coverageLabel"));
    m_coverage->setWordWrap(true);

    const QSet<QString> checkedOrgs(scope.organizationIds.cbegin(), scope.organizationIds.cend());
    if (const Organization *root = m_tree.find(m_tree.rootId()))
        addOrganization(nullptr, *root, checkedOrgs);
    m_orgs->expandAll();
    for (const Group &group : groups) {
        auto *item = new QListWidgetItem(icon(QStringLiteral("group")), group.displayName, m_groups);
        item->setData(IdRole, group.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(scope.groupIds.contains(group.id) ? Qt::Checked : Qt::Unchecked);
    }
    if (groups.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No groups yet. Create one in Directory › Groups, or let the identity "
                                            "provider push them."),
                                         m_groups);
        item->setFlags(Qt::NoItemFlags);
    }

    auto *orgLabel = new QLabel(tr("&Organizations (each with everything below it):"), this);
    orgLabel->setBuddy(m_orgs);
    auto *groupLabel = new QLabel(tr("&Groups (with their members):"), this);
    groupLabel->setBuddy(m_groupFilter);
    auto *left = new QVBoxLayout;
    left->addWidget(orgLabel);
    left->addWidget(m_orgs);
    auto *right = new QVBoxLayout;
    right->addWidget(groupLabel);
    right->addWidget(m_groupFilter);
    right->addWidget(m_groups);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    auto *hint = new QLabel(tr("Only accounts and groups inside the scope are synced. Keep it as small as the "
                               "application needs (S-05)."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SyncScopeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SyncScopeDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(columns, 1);
    layout->addWidget(m_coverage);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_orgs, &QTreeWidget::itemChanged, this, [this] {
        if (!m_updating)
            updateCoverage();
    });
    connect(m_groups, &QListWidget::itemChanged, this, &SyncScopeDialog::updateCoverage);
    connect(m_groupFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int row = 0; row < m_groups->count(); ++row) {
            QListWidgetItem *item = m_groups->item(row);
            item->setHidden(!item->text().contains(text, Qt::CaseInsensitive));
        }
    });
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(150);
    connect(&m_countTimer, &QTimer::timeout, this, &SyncScopeDialog::countAccounts);
    updateCoverage();
    resize(760, 520);
}

void SyncScopeDialog::addOrganization(QTreeWidgetItem *parent, const Organization &org, const QSet<QString> &checked)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_orgs);
    item->setText(0, org.name);
    item->setIcon(0, icon(QStringLiteral("directory")));
    item->setData(0, IdRole, org.id);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(0, checked.contains(org.id) ? Qt::Checked : Qt::Unchecked);
    for (const Organization &child : m_tree.children(org.id))
        addOrganization(item, child, checked);
}

SyncScope SyncScopeDialog::scope() const
{
    SyncScope scope;
    QList<QTreeWidgetItem *> pending{m_orgs->invisibleRootItem()};
    while (!pending.isEmpty()) {
        QTreeWidgetItem *item = pending.takeLast();
        for (int i = 0; i < item->childCount(); ++i) {
            QTreeWidgetItem *child = item->child(i);
            // A node under a checked one is covered already (S-06): only the topmost checked node is stored.
            if (child->checkState(0) == Qt::Checked && (child->flags() & Qt::ItemIsEnabled))
                scope.organizationIds.append(child->data(0, IdRole).toString());
            else
                pending.append(child);
        }
    }
    for (int row = 0; row < m_groups->count(); ++row) {
        const QListWidgetItem *item = m_groups->item(row);
        if (item->checkState() == Qt::Checked)
            scope.groupIds.append(item->data(IdRole).toString());
    }
    return scope;
}

bool SyncScopeDialog::clearsSyncTarget() const
{
    return !m_syncTargetOrgId.isEmpty() && !scope().coversOrganization(m_syncTargetOrgId, m_tree);
}

void SyncScopeDialog::updateSubtreeState(QTreeWidgetItem *item, bool coveredByAncestor)
{
    // S-06: below a checked node everything is in scope; show it checked and not separately choosable.
    for (int i = 0; i < item->childCount(); ++i) {
        QTreeWidgetItem *child = item->child(i);
        Qt::ItemFlags flags = child->flags();
        const bool wasCovered = !(flags & Qt::ItemIsEnabled);
        flags.setFlag(Qt::ItemIsEnabled, !coveredByAncestor);
        child->setFlags(flags);
        if (coveredByAncestor) {
            child->setCheckState(0, Qt::Checked);
            child->setToolTip(0, tr("In scope through an organization above it"));
        } else {
            if (wasCovered) // it was shown checked only because of its ancestor
                child->setCheckState(0, Qt::Unchecked);
            child->setToolTip(0, QString());
        }
        const bool covered = coveredByAncestor || child->checkState(0) == Qt::Checked;
        updateSubtreeState(child, covered);
    }
}

void SyncScopeDialog::updateCoverage()
{
    m_updating = true;
    updateSubtreeState(m_orgs->invisibleRootItem(), false);
    m_updating = false;
    if (clearsSyncTarget()) {
        const Organization *target = m_tree.find(m_syncTargetOrgId);
        m_message->showMessage(tr("The sync target “%1” is outside this scope. Saving clears the sync target; choose "
                                  "a new one inside the scope afterwards (S-04).")
                                   .arg(target ? target->name : m_syncTargetOrgId),
                               InlineMessage::Kind::Warning);
    } else {
        m_message->hide();
    }
    m_coverage->setText(tr("Counting the accounts in scope…"));
    m_countTimer.start();
}

void SyncScopeDialog::countAccounts()
{
    const SyncScope chosen = scope();
    const int generation = ++m_countGeneration;
    const OrganizationTree tree = m_tree;
    const auto counting = m_store.run([chosen, tree](Database &db) -> Result<qint64> {
        if (chosen.isEmpty())
            return qint64(0);
        return AccountStore(db).countInScope(chosen, tree);
    });
    onResult(counting, this,
             [this, generation, groups = chosen.groupIds.size(),
              orgs = chosen.organizationIds.size()](const Result<qint64> &accounts) {
                 if (generation != m_countGeneration)
                     return; // a later change is being counted
                 if (!accounts) {
                     m_coverage->setText(
                         tr("The accounts in scope could not be counted: %1").arg(accounts.error().message));
                     return;
                 }
                 if (orgs == 0 && groups == 0) {
                     m_coverage->setText(tr("Nothing is in scope: the application sees no accounts and no groups."));
                     return;
                 }
                 //: S-05: shown before saving a sync scope
                 m_coverage->setText(tr("This scope covers <b>%1</b> and <b>%2</b>.")
                                         .arg(tr("%Ln account(s)", nullptr, int(accounts.value())),
                                              tr("%Ln group(s)", nullptr, int(groups))));
             });
}

} // namespace ScimConsole::Gui
