// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/ExtensionFieldDialog.h"

#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

ExtensionFieldDialog::ExtensionFieldDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_message(new InlineMessage(this))
{
    setWindowTitle(tr("New Extension Field"));
    m_name->setObjectName(QStringLiteral("fieldNameLineEdit"));
    m_name->setAccessibleName(tr("Field name"));
    m_name->setPlaceholderText(tr("cost_center"));
    m_displayName->setObjectName(QStringLiteral("displayNameLineEdit"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_type->setObjectName(QStringLiteral("fieldTypeComboBox"));
    m_type->setAccessibleName(tr("Field type"));
    m_type->addItem(tr("Text"), int(FieldType::String));
    m_type->addItem(tr("Number"), int(FieldType::Number));
    m_type->addItem(tr("Yes/No"), int(FieldType::Boolean));
    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Name:"), m_name, this), m_name);
    form->addRow(buddyLabel(tr("&Display name:"), m_displayName, this), m_displayName);
    form->addRow(buddyLabel(tr("&Type:"), m_type, this), m_type);
    auto *hint = new QLabel(tr("Names use lowercase letters and “_”, at most 40, not starting with “_” (M-04). The "
                               "name and type cannot change later."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExtensionFieldDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExtensionFieldDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void ExtensionFieldDialog::setField(const ExtensionField &field)
{
    setWindowTitle(tr("Edit Extension Field"));
    m_name->setText(field.name);
    m_name->setReadOnly(true);
    m_displayName->setText(field.displayName);
    m_type->setCurrentIndex(m_type->findData(int(field.type)));
    m_type->setEnabled(false);
    m_displayName->setFocus();
}

QString ExtensionFieldDialog::name() const
{
    return m_name->text().trimmed();
}

QString ExtensionFieldDialog::displayName() const
{
    return m_displayName->text().trimmed();
}

FieldType ExtensionFieldDialog::type() const
{
    return FieldType(m_type->currentData().toInt());
}

void ExtensionFieldDialog::accept()
{
    if (const Status valid = ExtensionField::validateName(name()); !valid)
        return m_message->showMessage(tr("%1 (rule M-04)").arg(valid.error().message));
    if (const Result<QString> display = ExtensionField::validateDisplayName(displayName()); !display)
        return m_message->showMessage(tr("%1 (rule M-04)").arg(display.error().message));
    QDialog::accept();
}

} // namespace ScimConsole::Gui
