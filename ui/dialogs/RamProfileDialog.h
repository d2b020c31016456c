// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/AppRegistration.h"
#include "core/domain/Group.h"
#include "core/domain/OrganizationTree.h"
#include "core/ram/RamProfile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class InlineMessage;

/// What the profile dialog offers as sources, and which names are taken.
struct RamProfileChoices
{
    QList<Core::AppRegistration> applications;
    Core::OrganizationTree tree;
    QList<Core::Group> groups;
    QStringList profileNames;
};

/// A RAM push/pull profile (seed 004, R-01…R-13): site or custom https endpoints, client id, the app secret (written
/// to the OS keychain by the caller; an existing one is never shown, only *Replace*d), the source (an application's
/// scope, or organizations and groups), the userName rule, what a disabled account does, and the concurrency.
class RamProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamProfileDialog)

public:
    /// `profile` without an id is a new one.
    RamProfileDialog(Core::AsyncStore &store, const RamProfileChoices &choices, const Core::RamProfile &profile,
                     QWidget *parent = nullptr);

    /// The profile as entered (the secret source is the keychain when a secret was typed).
    Core::RamProfile profile() const;
    /// The secret typed into the dialog; empty when the stored one stays.
    QString secret() const;

    void accept() override;

private:
    void siteChanged();
    void sourceChanged();
    void chooseOrganizations();
    void updateSourceSummary();

    Core::AsyncStore &m_store;
    RamProfileChoices m_choices;
    Core::RamProfile m_profile;
    QLineEdit *m_name;
    QComboBox *m_site;
    QLineEdit *m_tokenUrl;
    QLineEdit *m_scimUrl;
    QLineEdit *m_clientId;
    QStackedWidget *m_secretStack;
    QLabel *m_secretStored;
    QPushButton *m_replaceSecret;
    QLineEdit *m_secret;
    QRadioButton *m_fromApplication;
    QComboBox *m_application;
    QRadioButton *m_fromOrganizations;
    QLabel *m_organizationsSummary;
    QPushButton *m_chooseOrganizations;
    QComboBox *m_userNameRule;
    QComboBox *m_disabledAction;
    QSpinBox *m_concurrency;
    InlineMessage *m_message;
    QStringList m_organizationIds;
    QStringList m_groupIds;
};

} // namespace ScimConsole::Gui
