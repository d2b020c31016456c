// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/AppRegistration.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace ScimConsole::Core {

/// Issue 14: the identity providers the console connects with a guided setup.
enum class IdentityProvider {
    Entra,   // Microsoft Entra ID
    Okta,    // Okta
    Generic, // any other SCIM client
};

/// What connecting an identity provider takes: the application settings it needs, each explained, and exactly the
/// fields its admin page asks for, in its own words.
class ProviderProfile
{
    Q_DECLARE_TR_FUNCTIONS(ProviderProfile)

public:
    enum class Authentication {
        BearerToken,
        ClientCredentials, // OAuth 2.0 client credentials against the application's token endpoint (C-06)
    };

    /// One setting the provider needs, with the value it takes and why.
    struct Setting
    {
        QString name;
        QString value;
        QString why;
    };
    struct Preset
    {
        DuplicatePolicy onDuplicate = DuplicatePolicy::Update;
        UnsupportedTypePolicy unsupportedTypes = UnsupportedTypePolicy::Reject;
        QString namespaceUrn; // empty: the application's namespace stays as it is
        QList<Setting> settings;
    };

    /// One field of the provider's admin page and what goes into it.
    struct Field
    {
        QString label; // in the provider's words
        QString value;
        QString note;
        bool secret = false; // shown once, never logged
    };
    struct Credentials
    {
        QString token;        // a bearer token of the application
        QString clientId;     // client credentials (C-06)
        QString clientSecret; // empty: not shown (only at creation)
    };

    static QString name(IdentityProvider provider); // entra, okta, generic
    static Result<IdentityProvider> fromName(const QString &name);
    static QString displayName(IdentityProvider provider);
    static bool supports(IdentityProvider provider, Authentication authentication);

    /// The settings `provider` needs. Entra's custom attributes live under a namespace named by the administrator:
    /// with `entraExtensionName` empty the namespace is left as it is.
    static Result<Preset> preset(IdentityProvider provider, const QString &entraExtensionName = {});

    /// The fields to paste into the provider's admin page for the application at `baseUrl`
    /// (…/scim/v2/apps/<appId>). A credential not given shows as a placeholder.
    static QList<Field> fieldsToPaste(IdentityProvider provider, Authentication authentication, const QUrl &baseUrl,
                                      const Credentials &credentials);

    /// The application's SCIM base URL (…/scim/v2/apps/<appId>) under the server's address as the provider reaches
    /// it ("https://scim.example.com:8443", a path prefix allowed); invalid unless that is an http(s) URL with a host.
    static QUrl applicationBaseUrl(const QString &serverAddress, const QString &appId);

    /// What keeps a provider in the cloud from calling `baseUrl`: an address only this machine reaches, no TLS.
    static QStringList urlWarnings(const QUrl &baseUrl);

    /// A User (or Group) payload as `provider` sends it on a create, for the mapping preview; empty for Generic.
    static QByteArray samplePayload(IdentityProvider provider, bool group = false);
};

} // namespace ScimConsole::Core
