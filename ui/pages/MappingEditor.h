// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/ExtensionField.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ScimConsole::Gui {

class InlineMessage;

/// The Advanced settings of an application: the custom field namespace with the Okta and Entra ID presets (M-02)
/// and the sync target fields, extension fields only (M-03). Validates with FieldMapping; emits saveRequested.
class MappingEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingEditor)

public:
    explicit MappingEditor(QWidget *parent = nullptr);

    void setMapping(const QString &namespaceUrn, const QStringList &mappedFields,
                    const QList<Core::ExtensionField> &fields);
    QString namespaceUrn() const;
    QStringList selectedFields() const;
    void showError(const QString &message);

signals:
    /// The mapping passed validation; the page stores it.
    void saveRequested(const QString &namespaceUrn, const QStringList &fields);
    void manageFieldsRequested();
    /// Issue 14: the administrator wants to see what a payload would become.
    void previewRequested();

private:
    void applyPreset();
    void updateControls();
    void save();

    QComboBox *m_preset;
    QLineEdit *m_extensionName;
    QLineEdit *m_namespace;
    QListWidget *m_fields;
    QPushButton *m_save;
    InlineMessage *m_message;
    QList<Core::ExtensionField> m_defined;
};

} // namespace ScimConsole::Gui
