// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/ExtensionField.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class InlineMessage;

/// M-04: the directory's extension fields: create (name, display name, type), edit the display name, delete (refused
/// while an application writes into the field).
class ExtensionFieldsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtensionFieldsView)

public:
    ExtensionFieldsView(Core::AsyncStore &store, QWidget *parent = nullptr);

    void refresh();
    QTableWidget *table() const { return m_table; }
    QString messageText() const;

signals:
    void refreshed();

private:
    QString selectedField() const;
    void createField();
    void editField();
    void deleteField();

    Core::AsyncStore &m_store;
    QList<Core::ExtensionField> m_fields;
    QTableWidget *m_table;
    QPushButton *m_edit;
    QPushButton *m_delete;
    InlineMessage *m_message;
};

} // namespace ScimConsole::Gui
