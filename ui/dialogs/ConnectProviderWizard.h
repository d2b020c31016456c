// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ConnectionStep.h"
#include "core/domain/IdentityProvider.h"
#include "core/log/SyncEvent.h"
#include "ui/pages/ApplicationDetails.h"

#include <QUrl>
#include <QWizard>

#include <functional>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;

namespace ScimConsole::Core {
class AsyncStore;
class Database;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

class ConnectionStepsView;
class CopyField;
class InlineMessage;
class ServerController;

/// Issue 14: connects one application to Microsoft Entra ID, Okta or another SCIM client in six steps — the
/// provider and the settings it needs (each explained, each changeable), the sync scope and target, a credential
/// revealed once, exactly what to paste where in the provider's own words, the provider's own connection test made
/// against this console's endpoint, and the wait for the provider's first call, followed in the live sync log.
/// Every change runs the same core code as the application page and `scim-console app connect`, on the store's
/// thread; the credential's secret lives only as long as the wizard.
class ConnectProviderWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectProviderWizard)

public:
    enum PageId {
        ProviderPage,
        ScopePage,
        CredentialsPage,
        PastePage,
        SelfTestPage,
        FirstCallPage,
    };

    ConnectProviderWizard(Core::AsyncStore &store, ServerController &server, const QString &appId,
                          QWidget *parent = nullptr);
    ~ConnectProviderWizard() override;

    Core::IdentityProvider provider() const;
    Core::ProviderProfile::Authentication authentication() const;
    /// The application's SCIM base URL at the address the provider reaches (step 4).
    QUrl baseUrl() const;
    /// The self-test's steps, empty while it runs or before.
    QList<Core::ConnectionStep> selfTestSteps() const { return m_selfTestSteps; }
    bool selfTestRunning() const { return m_selfTestRunning; }
    /// The provider's first request seen in the sync log (step 6); invalid `at` while waiting.
    Core::SyncEvent firstCall() const { return m_firstCall; }

    /// The token (or client secret) made in step 3, else the one the administrator typed in; kept in memory only.
    QString secret() const;
    /// Step 3 without asking for the validity: creates the credential.
    void issueCredential(int validityDays);
    /// Runs the self-test again (step 5).
    void runSelfTest();

signals:
    /// The application's details were (re)loaded.
    void detailsLoaded();
    void selfTestFinished();
    void firstCallArrived();

private:
    QWizardPage *createProviderPage();
    QWizardPage *createScopePage();
    QWizardPage *createCredentialsPage();
    QWizardPage *createPastePage();
    QWizardPage *createSelfTestPage();
    QWizardPage *createFirstCallPage();

    void reloadDetails();
    void applyPreset();
    void showAuthenticationWhy();
    bool applySettings();
    void showScope();
    void editScope();
    void changeScope(std::function<Core::Status(Core::Database &)> job, const QString &rules);
    void createCredential();
    void showFields();
    void watchForFirstCall(const QList<Core::SyncEvent> &events);
    void showFirstCall();

    Core::AsyncStore &m_store;
    ServerController &m_server;
    QString m_appId;
    ApplicationDetails m_details;
    QNetworkAccessManager *m_network;

    // 1. Provider and settings
    QButtonGroup *m_providers;
    QComboBox *m_onDuplicate;
    QLabel *m_onDuplicateWhy;
    QComboBox *m_unsupportedTypes;
    QLabel *m_unsupportedTypesWhy;
    QLineEdit *m_entraExtension;
    QLabel *m_entraExtensionLabel;
    QLineEdit *m_namespace;
    QLabel *m_namespaceWhy;
    QComboBox *m_authentication;
    QLabel *m_authenticationWhy;
    InlineMessage *m_providerMessage;
    bool m_settingsApplied = false;

    // 2. Scope and target
    QLabel *m_scopeSummary;
    QComboBox *m_target;
    QLabel *m_coverage;
    InlineMessage *m_scopeMessage;
    int m_coverageGeneration = 0;

    // 3. Credentials
    QPushButton *m_createCredential;
    CopyField *m_clientId;
    QLabel *m_clientIdLabel;
    CopyField *m_secret;
    QLabel *m_secretLabel;
    QLineEdit *m_existingSecret;
    QLabel *m_existingSecretLabel;
    InlineMessage *m_credentialsMessage;
    QString m_createdSecret; // shown while the wizard is open, never stored
    Core::ProviderProfile::Authentication m_createdFor = Core::ProviderProfile::Authentication::BearerToken;

    // 4. What to paste where
    QLineEdit *m_address;
    QFormLayout *m_fields;
    InlineMessage *m_addressWarning;

    // 5. Self-test
    ConnectionStepsView *m_steps;
    QLabel *m_selfTestResult;
    QPushButton *m_runAgain;
    QList<Core::ConnectionStep> m_selfTestSteps;
    bool m_selfTestRunning = false;
    int m_selfTestGeneration = 0;

    // 6. The first call
    QProgressBar *m_waiting;
    QLabel *m_firstCallResult;
    QFormLayout *m_firstCallForm;
    QLabel *m_firstCallRequest;
    QLabel *m_firstCallAnswer;
    QLabel *m_firstCallFrom;
    Core::SyncEvent m_firstCall;
};

} // namespace ScimConsole::Gui
