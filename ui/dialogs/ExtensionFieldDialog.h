// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/ExtensionField.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace ScimConsole::Gui {

class InlineMessage;

/// Defines an extension field (M-04): a name of lowercase letters and "_", a display name and a type. Editing an
/// existing field changes only its display name.
class ExtensionFieldDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtensionFieldDialog)

public:
    explicit ExtensionFieldDialog(QWidget *parent = nullptr);

    /// Edit mode: name and type are shown but fixed.
    void setField(const Core::ExtensionField &field);
    QString name() const;
    QString displayName() const;
    Core::FieldType type() const;

    void accept() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QComboBox *m_type;
    InlineMessage *m_message;
};

} // namespace ScimConsole::Gui
