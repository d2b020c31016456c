// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/MappingEditor.h"

#include "core/domain/FieldMapping.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
enum Preset {
    NoPreset,
    Okta,
    Entra,
    Other,
};
}

MappingEditor::MappingEditor(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox(this))
    , m_extensionName(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_fields(new QListWidget(this))
    , m_save(new QPushButton(tr("Save Mapping"), this))
    , m_message(new InlineMessage(this))
{
    m_preset->setObjectName(QStringLiteral("namespacePresetComboBox"));
    m_preset->setAccessibleName(tr("Namespace preset"));
    m_preset->addItem(tr("No custom fields"), NoPreset);
    m_preset->addItem(tr("Okta"), Okta);
    m_preset->addItem(tr("Microsoft Entra ID"), Entra);
    m_preset->addItem(tr("Other (type the URN)"), Other);
    m_extensionName->setObjectName(QStringLiteral("extensionNameLineEdit"));
    m_extensionName->setAccessibleName(tr("Entra ID custom extension name"));
    m_extensionName->setPlaceholderText(tr("CustomExtensionName"));
    m_namespace->setObjectName(QStringLiteral("namespaceLineEdit"));
    m_namespace->setAccessibleName(tr("Custom field namespace"));
    m_namespace->setPlaceholderText(QStringLiteral("urn:ietf:params:scim:schemas:extension:…:2.0:User"));
    m_fields->setObjectName(QStringLiteral("targetFieldList"));
    m_fields->setAccessibleName(tr("Sync target fields"));
    m_save->setObjectName(QStringLiteral("saveMappingButton"));

    auto *intro = new QLabel(tr("Basic fields always sync. To sync more, name the schema namespace your identity "
                                "provider sends custom attributes under (M-02) and choose the extension fields they "
                                "are written into (M-03)."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Identity provider:"), m_preset, this), m_preset);
    form->addRow(buddyLabel(tr("&Extension name:"), m_extensionName, this), m_extensionName);
    form->addRow(buddyLabel(tr("Custom field &namespace:"), m_namespace, this), m_namespace);
    form->addRow(buddyLabel(tr("Sync target &fields:"), m_fields, this), m_fields);
    auto *manage = new QPushButton(tr("Extension Fields…"), this);
    manage->setObjectName(QStringLiteral("manageFieldsButton"));
    connect(manage, &QPushButton::clicked, this, &MappingEditor::manageFieldsRequested);
    auto *preview = new QPushButton(tr("Pre&view a Payload…"), this);
    preview->setObjectName(QStringLiteral("previewPayloadButton"));
    preview->setToolTip(tr("What a User or Group from the identity provider would become under this mapping, or the "
                           "error it would get; nothing is written."));
    connect(preview, &QPushButton::clicked, this, &MappingEditor::previewRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(manage);
    buttons->addWidget(preview);
    buttons->addStretch();
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_preset, &QComboBox::activated, this, &MappingEditor::applyPreset);
    connect(m_extensionName, &QLineEdit::textEdited, this, &MappingEditor::applyPreset);
    connect(m_save, &QPushButton::clicked, this, &MappingEditor::save);
    connect(m_namespace, &QLineEdit::returnPressed, this, &MappingEditor::save);
}

void MappingEditor::setMapping(const QString &namespaceUrn, const QStringList &mappedFields,
                               const QList<ExtensionField> &fields)
{
    m_defined = fields;
    m_message->hide();
    m_namespace->setText(namespaceUrn);
    const QString entraPrefix = QStringLiteral("urn:ietf:params:scim:schemas:extension:");
    Preset preset = Other;
    if (namespaceUrn.isEmpty())
        preset = NoPreset;
    else if (namespaceUrn == FieldMapping::oktaNamespace())
        preset = Okta;
    else if (namespaceUrn.startsWith(entraPrefix) && namespaceUrn.endsWith(QStringLiteral(":2.0:User"))) {
        preset = Entra;
        m_extensionName->setText(namespaceUrn.mid(entraPrefix.size()).chopped(QStringLiteral(":2.0:User").size()));
    }
    m_preset->setCurrentIndex(m_preset->findData(preset));
    m_fields->clear();
    for (const ExtensionField &field : fields) {
        auto *item = new QListWidgetItem(
            tr("%1 (%2, %3)").arg(field.displayName, field.name, ExtensionField::typeName(field.type)), m_fields);
        item->setData(Qt::UserRole, field.name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(mappedFields.contains(field.name) ? Qt::Checked : Qt::Unchecked);
    }
    if (fields.isEmpty()) {
        auto *item =
            new QListWidgetItem(tr("No extension fields yet: define them first with Extension Fields…"), m_fields);
        item->setFlags(Qt::NoItemFlags);
    }
    updateControls();
}

void MappingEditor::updateControls()
{
    // The extension name only makes Entra ID's URN; the URN is typed only for another provider.
    const auto preset = Preset(m_preset->currentData().toInt());
    m_extensionName->setEnabled(preset == Entra);
    m_namespace->setReadOnly(preset != Other);
    m_fields->setEnabled(preset != NoPreset);
}

QString MappingEditor::namespaceUrn() const
{
    return m_namespace->text().trimmed();
}

QStringList MappingEditor::selectedFields() const
{
    QStringList names;
    for (int row = 0; row < m_fields->count(); ++row) {
        const QListWidgetItem *item = m_fields->item(row);
        if (item->checkState() == Qt::Checked)
            names << item->data(Qt::UserRole).toString();
    }
    return names;
}

void MappingEditor::showError(const QString &message)
{
    m_message->showMessage(message);
}

void MappingEditor::applyPreset()
{
    const auto preset = Preset(m_preset->currentData().toInt());
    updateControls();
    m_message->hide();
    switch (preset) {
    case NoPreset:
        m_namespace->clear();
        break;
    case Okta:
        m_namespace->setText(FieldMapping::oktaNamespace());
        break;
    case Entra: {
        if (m_extensionName->text().isEmpty()) {
            m_namespace->clear();
            break;
        }
        const Result<QString> urn = FieldMapping::entraNamespace(m_extensionName->text().trimmed());
        m_namespace->setText(urn ? urn.value() : QString());
        if (!urn)
            m_message->showMessage(tr("%1 (rule M-02)").arg(urn.error().message));
        break;
    }
    case Other:
        m_namespace->setFocus();
        break;
    }
}

void MappingEditor::save()
{
    const QString urn = namespaceUrn();
    const QStringList fields = urn.isEmpty() ? QStringList() : selectedFields();
    if (!urn.isEmpty()) {
        const Result<FieldMapping> mapping = FieldMapping::make(urn, fields, m_defined);
        if (!mapping) {
            m_message->showMessage(tr("%1 (rule M-02)").arg(mapping.error().message));
            return;
        }
    } else if (Preset(m_preset->currentData().toInt()) == Entra) {
        m_message->showMessage(tr("Type the custom extension name you chose in Entra ID (rule M-02)."));
        m_extensionName->setFocus();
        return;
    }
    m_message->hide();
    emit saveRequested(urn, fields);
}

} // namespace ScimConsole::Gui
