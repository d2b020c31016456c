// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ConnectionStep.h"
#include "core/domain/AppRegistration.h"
#include "core/domain/IdentityProvider.h"
#include "core/domain/SyncScope.h"

#include <QCoreApplication>
#include <QList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace ScimConsole::Core {

/// Issue 14: the identity provider's "Test Connection", made by the console against its own endpoint. First what
/// the application's configuration lets through, then the provider's own first requests — Entra ID: a filter on a
/// random userName that must answer an empty list; Okta: the first page of users, then the lookup it makes before a
/// create — over the URL, token and TLS the provider will use, so that a certificate the provider would not trust
/// fails here too. Each failed step says why and what to do.
class ProviderSelfTest
{
    Q_DECLARE_TR_FUNCTIONS(ProviderSelfTest)

public:
    /// What the stored configuration lets the provider do: not suspended, users readable and writable, a scope.
    static ConnectionStep configurationStep(const AppRegistration &app, const SyncScope &scope);

    /// The provider's requests to `baseUrl` (…/scim/v2/apps/<appId>) with `token`, one after the other; `done` is
    /// called once, on `network`'s thread, with a step for each (those after a failure not tried).
    static void run(IdentityProvider provider, const QUrl &baseUrl, const QString &token,
                    QNetworkAccessManager &network, std::function<void(const QList<ConnectionStep> &)> done);

    /// The same with OAuth 2.0 client credentials: first the provider's token request to …/oauth2/token (client ID
    /// and secret by HTTP Basic, as Entra ID sends them), then the requests above with the access token it answers.
    static void runWithClientCredentials(IdentityProvider provider, const QUrl &baseUrl, const QString &clientId,
                                         const QString &clientSecret, QNetworkAccessManager &network,
                                         std::function<void(const QList<ConnectionStep> &)> done);

    static constexpr int TimeoutMs = 15000;
    /// The self-test's requests say who they are: the sync log shows them as such, and a page waiting for the
    /// provider's first call passes over them.
    static constexpr const char *UserAgent = "SCIM-Console-Self-Test";
};

} // namespace ScimConsole::Core
