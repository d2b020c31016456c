// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "ui/pages/ApplicationDetails.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace ScimConsole::Core {
class AsyncStore;
class Database;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

class CopyField;
class InlineMessage;
class MappingEditor;
class ServerController;
class ClientCredentialsBox;
class ConnectProviderWizard;
class TokenModel;

/// One application's page, following the seed's tabs: Account sync (scope, target, bearer tokens, SCIM base URL,
/// SCIM API permission), Advanced (namespace and target fields) and General (name, policies, delete). Every change
/// runs the same core code as the CLI on the store's thread; a refusal shows inline with the rule that refused it.
class ApplicationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationPanel)

public:
    ApplicationPanel(Core::AsyncStore &store, ServerController &server, QWidget *parent = nullptr);

    void showApplication(const QString &appId);
    QString appId() const { return m_appId; }
    const ApplicationDetails &details() const { return m_details; }
    TokenModel *tokenModel() const { return m_tokens; }
    ClientCredentialsBox *clientCredentials() const { return m_clientCredentials; }
    QString baseUrl() const;
    /// The application's SCIM base URL as clients reach the server at `server`; empty when it is not serving.
    static QString baseUrl(QUrl server, const QString &appId);
    /// The sync scope in words: the organizations by path, then the groups.
    static QString scopeSummary(const ApplicationDetails &details);
    /// S-04: "none", then the organizations the scope covers, by path; the application's target chosen.
    static void fillSyncTargets(QComboBox *combo, const ApplicationDetails &details);
    /// I-01 and U-11: the policies' choices, each item's data the policy's value.
    static QComboBox *duplicatePolicyComboBox(QWidget *parent);
    static QComboBox *unsupportedTypesComboBox(QWidget *parent);
    /// The job saving the sync target (S-04).
    static std::function<Core::Status(Core::Database &)> saveSyncTarget(const QString &appId, const QString &orgId);
    /// The job saving a scope chosen in SyncScopeDialog, clearing the target when it falls outside (S-01, S-04).
    static std::function<Core::Status(Core::Database &)> saveScope(const QString &appId, const Core::SyncScope &scope,
                                                                   bool clearTarget);
    /// The message the page shows inline, empty when none (for tests).
    QString messageText() const;
    /// Opens the guided connection of an identity provider (window-modal, deleted when closed).
    ConnectProviderWizard *connectProvider();

signals:
    /// The details shown were (re)loaded.
    void loaded();
    void deleted(const QString &appId);
    void manageFieldsRequested();

private:
    QWidget *createAccountSyncTab();
    QWidget *createGeneralTab();
    void reload();
    void showDetails(const ApplicationDetails &details);
    void updateTokenButtons();
    void updateBaseUrl();
    /// Runs `job` on the store; on success reloads, on failure shows the message with `rule`.
    void change(std::function<Core::Status(Core::Database &)> job, const QString &rule);
    void editScope();
    void addToken();
    void setTokenEnabled(bool enabled);
    void deleteToken();
    void rotateTokens();
    void savePermission();
    void toggleSuspended();
    void rename();
    void deleteApplication();

    Core::AsyncStore &m_store;
    ServerController &m_server;
    QString m_appId;
    ApplicationDetails m_details;
    bool m_filling = false;

    QLabel *m_title;
    QPushButton *m_suspend = nullptr;
    InlineMessage *m_suspendedBanner = nullptr;
    InlineMessage *m_message;
    QTabWidget *m_tabs;
    QLabel *m_scopeSummary;
    QComboBox *m_target;
    TokenModel *m_tokens;
    ClientCredentialsBox *m_clientCredentials;
    QTableView *m_tokenView;
    QPushButton *m_addToken;
    QPushButton *m_enableToken;
    QPushButton *m_disableToken;
    QPushButton *m_deleteToken;
    QPushButton *m_rotateToken;
    CopyField *m_baseUrl;
    QLabel *m_baseUrlHint;
    QCheckBox *m_allScenarios;
    QCheckBox *m_usersRead;
    QCheckBox *m_usersWrite;
    QCheckBox *m_groupsRead;
    QCheckBox *m_groupsWrite;
    MappingEditor *m_mapping;
    QLineEdit *m_name;
    QLabel *m_kind;
    QComboBox *m_onDuplicate;
    QComboBox *m_unsupportedTypes;
};

} // namespace ScimConsole::Gui
