// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ExtensionFieldsView.h"

#include "core/OnResult.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/ExtensionFieldStore.h"
#include "ui/Icons.h"
#include "ui/StoreAction.h"
#include "ui/MessageBox.h"
#include "ui/dialogs/ExtensionFieldDialog.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

ExtensionFieldsView::ExtensionFieldsView(AsyncStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_table(new QTableWidget(this))
    , m_message(new InlineMessage(this))
{
    m_table->setObjectName(QStringLiteral("fieldTable"));
    m_table->setAccessibleName(tr("Extension fields"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Display name"), tr("Type")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *create = new QPushButton(icon(QStringLiteral("add")), tr("&New Field…"), this);
    create->setObjectName(QStringLiteral("newFieldButton"));
    m_edit = new QPushButton(icon(QStringLiteral("edit")), tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editFieldButton"));
    m_delete = new QPushButton(icon(QStringLiteral("remove")), tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteFieldButton"));
    connect(create, &QPushButton::clicked, this, &ExtensionFieldsView::createField);
    connect(m_edit, &QPushButton::clicked, this, &ExtensionFieldsView::editField);
    connect(m_delete, &QPushButton::clicked, this, &ExtensionFieldsView::deleteField);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &ExtensionFieldsView::editField);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] {
        m_edit->setEnabled(!selectedField().isEmpty());
        m_delete->setEnabled(!selectedField().isEmpty());
    });
    auto *hint = new QLabel(tr("Extension fields hold what the basic fields do not (M-01). An application writes into "
                               "the ones chosen as its sync target fields (Applications › Advanced)."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    m_edit->setEnabled(false);
    m_delete->setEnabled(false);
}

QString ExtensionFieldsView::messageText() const
{
    return m_message->text();
}

void ExtensionFieldsView::refresh()
{
    onResult(m_store.run([](Database &db) { return ExtensionFieldStore(db).list(); }), this,
             [this](const Result<QList<ExtensionField>> &fields) {
                 if (!fields)
                     return m_message->showMessage(fields.error().message);
                 m_fields = fields.value();
                 m_table->setRowCount(int(m_fields.size()));
                 const auto typeText = [](FieldType type) {
                     switch (type) {
                     case FieldType::Number:
                         return tr("Number");
                     case FieldType::Boolean:
                         return tr("Yes/No");
                     case FieldType::String:
                         break;
                     }
                     return tr("Text");
                 };
                 for (int row = 0; row < m_fields.size(); ++row) {
                     const ExtensionField &field = m_fields.at(row);
                     m_table->setItem(row, 0, new QTableWidgetItem(icon(QStringLiteral("field")), field.name));
                     m_table->setItem(row, 1, new QTableWidgetItem(field.displayName));
                     m_table->setItem(row, 2, new QTableWidgetItem(typeText(field.type)));
                 }
                 emit refreshed();
             });
}

QString ExtensionFieldsView::selectedField() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_fields.size() ? m_fields.at(row).name : QString();
}

void ExtensionFieldsView::createField()
{
    ExtensionFieldDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    const QString display = dialog.displayName();
    const FieldType type = dialog.type();
    applyChange(
        m_store, this, m_message,
        [name, type, display](Database &db) { return ExtensionFieldStore(db).create(name, type, display); },
        [this] { refresh(); }, QStringLiteral("M-04"));
}

void ExtensionFieldsView::editField()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_fields.size())
        return;
    ExtensionFieldDialog dialog(this);
    dialog.setField(m_fields.at(row));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    const QString display = dialog.displayName();
    applyChange(
        m_store, this, m_message,
        [name, display](Database &db) { return ExtensionFieldStore(db).setDisplayName(name, display); },
        [this] { refresh(); });
}

void ExtensionFieldsView::deleteField()
{
    const QString name = selectedField();
    if (name.isEmpty())
        return;
    // What a deletion erases is counted first, so that the question can say it.
    onResult(m_store.run([name](Database &db) { return ExtensionFieldStore(db).valueCount(name); }), this,
             [this, name](const Result<qint64> &values) {
                 const QString text =
                     values && values.value() > 0
                         ? tr("Delete the extension field “%1” and the values %Ln account(s) hold in it?", nullptr,
                              int(values.value()))
                               .arg(name)
                         : tr("Delete the extension field “%1”?").arg(name);
                 if (MessageBox::question(this, tr("Delete Extension Field"), text,
                                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"))
                     != QMessageBox::Yes)
                     return;
                 applyChange(
                     m_store, this, m_message, [name](Database &db) { return ExtensionFieldStore(db).remove(name); },
                     [this] { refresh(); }, QStringLiteral("M-03"));
             });
}

} // namespace ScimConsole::Gui
