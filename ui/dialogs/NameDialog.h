// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLineEdit;

namespace ScimConsole::Gui {

class InlineMessage;

/// Asks for a name (an application, an organization, a group), optionally with a choice from a list (the kind of
/// application, the parent organization). Validates with the core rule in accept(); the caller applies the result.
class NameDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NameDialog)

public:
    using Validator = std::function<Core::Result<QString>(const QString &)>;

    NameDialog(const QString &title, const QString &label, Validator validator, QWidget *parent = nullptr);

    void setName(const QString &name);
    QString name() const;
    /// Adds a choice below the name: (text, value) pairs, the first selected unless `current` names another.
    void setChoices(const QString &label, const QList<std::pair<QString, QString>> &choices,
                    const QString &current = {});
    QString choice() const;

    void accept() override;

private:
    Validator m_validator;
    QLineEdit *m_name;
    QComboBox *m_choice = nullptr;
    InlineMessage *m_message;
    QString m_validName;
};

} // namespace ScimConsole::Gui
