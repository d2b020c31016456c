// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/Group.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class InlineMessage;

/// Directory groups: the list with member counts, the selected group's members, create (so that a scope can name
/// a group before the first sync), rename and delete.
class GroupsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupsView)

public:
    GroupsView(Core::AsyncStore &store, QWidget *parent = nullptr);

    void refresh();
    QTableWidget *table() const { return m_table; }
    QString messageText() const;

signals:
    void refreshed();

private:
    QString selectedGroup() const;
    void showMembers();
    void createGroup();
    void renameGroup();
    void deleteGroup();

    Core::AsyncStore &m_store;
    QList<Core::Group> m_groups;
    QTableWidget *m_table;
    QListWidget *m_members;
    QLabel *m_membersLabel;
    QPushButton *m_rename;
    QPushButton *m_delete;
    InlineMessage *m_message;
};

} // namespace ScimConsole::Gui
