// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/Group.h"
#include "core/domain/OrganizationTree.h"
#include "core/domain/SyncScope.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class InlineMessage;

/// S-01: choose the organizations and groups an application syncs. A checked organization brings its subtree
/// (S-06), shown checked and greyed below it. Before saving, the dialog counts the accounts and groups the scope
/// covers (S-05), and warns when the application's sync target would fall outside it (S-04).
class SyncScopeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncScopeDialog)

public:
    SyncScopeDialog(Core::AsyncStore &store, const Core::OrganizationTree &tree, const QList<Core::Group> &groups,
                    const Core::SyncScope &scope, const QString &syncTargetOrgId, QWidget *parent = nullptr);

    Core::SyncScope scope() const;
    /// True when saving this scope must clear the sync target (it lies outside, S-04).
    bool clearsSyncTarget() const;

private:
    void addOrganization(QTreeWidgetItem *parent, const Core::Organization &org, const QSet<QString> &checked);
    void updateCoverage();
    void updateSubtreeState(QTreeWidgetItem *item, bool coveredByAncestor);
    void countAccounts();

    Core::AsyncStore &m_store;
    Core::OrganizationTree m_tree;
    QString m_syncTargetOrgId;
    QTreeWidget *m_orgs;
    QLineEdit *m_groupFilter;
    QListWidget *m_groups;
    QLabel *m_coverage;
    InlineMessage *m_message;
    QTimer m_countTimer;
    int m_countGeneration = 0;
    bool m_updating = false;
};

} // namespace ScimConsole::Gui
