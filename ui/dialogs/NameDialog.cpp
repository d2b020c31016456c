// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/NameDialog.h"

#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

NameDialog::NameDialog(const QString &title, const QString &label, Validator validator, QWidget *parent)
    : QDialog(parent)
    , m_validator(std::move(validator))
    , m_name(new QLineEdit(this))
    , m_message(new InlineMessage(this))
{
    setWindowTitle(title);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_name->setAccessibleName(label);
    auto *form = new QFormLayout;
    form->addRow(buddyLabel(label, m_name, this), m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NameDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NameDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void NameDialog::setName(const QString &name)
{
    m_name->setText(name);
    m_name->selectAll();
}

QString NameDialog::name() const
{
    return m_validName;
}

void NameDialog::setChoices(const QString &label, const QList<std::pair<QString, QString>> &choices,
                            const QString &current)
{
    if (!m_choice) {
        m_choice = new QComboBox(this);
        m_choice->setObjectName(QStringLiteral("choiceComboBox"));
        auto *form = static_cast<QFormLayout *>(static_cast<QVBoxLayout *>(layout())->itemAt(0)->layout());
        form->addRow(buddyLabel(label, m_choice, this), m_choice);
    }
    m_choice->setAccessibleName(label);
    m_choice->clear();
    for (const auto &[text, value] : choices)
        m_choice->addItem(text, value);
    if (const int index = m_choice->findData(current); index >= 0)
        m_choice->setCurrentIndex(index);
}

QString NameDialog::choice() const
{
    return m_choice ? m_choice->currentData().toString() : QString();
}

void NameDialog::accept()
{
    const Core::Result<QString> valid = m_validator(m_name->text());
    if (!valid) {
        m_message->showMessage(valid.error().message);
        m_name->setFocus();
        return;
    }
    m_validName = valid.value();
    QDialog::accept();
}

} // namespace ScimConsole::Gui
