// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/IdentityProvider.h"

#include "core/domain/FieldMapping.h"

#include <QFile>
#include <QHostAddress>

namespace ScimConsole::Core {

namespace {

/// RFC 1918 and unique local IPv6 (QHostAddress::isPrivateUse arrived in Qt 6.6).
bool isPrivateUse(const QHostAddress &address)
{
    return address.isInSubnet(QHostAddress(QStringLiteral("10.0.0.0")), 8)
           || address.isInSubnet(QHostAddress(QStringLiteral("172.16.0.0")), 12)
           || address.isInSubnet(QHostAddress(QStringLiteral("192.168.0.0")), 16) || address.isUniqueLocalUnicast();
}

} // namespace

QString ProviderProfile::name(IdentityProvider provider)
{
    switch (provider) {
    case IdentityProvider::Entra:
        return QStringLiteral("entra");
    case IdentityProvider::Okta:
        return QStringLiteral("okta");
    case IdentityProvider::Generic:
        break;
    }
    return QStringLiteral("generic");
}

Result<IdentityProvider> ProviderProfile::fromName(const QString &name)
{
    for (const IdentityProvider provider :
         {IdentityProvider::Entra, IdentityProvider::Okta, IdentityProvider::Generic}) {
        if (name.compare(ProviderProfile::name(provider), Qt::CaseInsensitive) == 0)
            return provider;
    }
    return makeError(ErrorCode::InvalidInput,
                     tr("Unknown identity provider \"%1\": entra, okta or generic.").arg(name));
}

QString ProviderProfile::displayName(IdentityProvider provider)
{
    switch (provider) {
    case IdentityProvider::Entra:
        return tr("Microsoft Entra ID");
    case IdentityProvider::Okta:
        return tr("Okta");
    case IdentityProvider::Generic:
        break;
    }
    return tr("Another SCIM client");
}

bool ProviderProfile::supports(IdentityProvider provider, Authentication authentication)
{
    // Okta's SCIM apps send a fixed header; Entra ID can also obtain tokens with client credentials.
    return authentication == Authentication::BearerToken || provider != IdentityProvider::Okta;
}

Result<ProviderProfile::Preset> ProviderProfile::preset(IdentityProvider provider, const QString &entraExtensionName)
{
    Preset preset;
    switch (provider) {
    case IdentityProvider::Entra: {
        preset.onDuplicate = DuplicatePolicy::Reject;
        preset.unsupportedTypes = UnsupportedTypePolicy::Ignore;
        preset.settings = {
            {tr("On duplicate"), AppRegistration::duplicatePolicyName(preset.onDuplicate),
             tr("Entra ID looks a user up by userName before creating it; a create that still collides is answered "
                "409, as Microsoft's SCIM validator expects, instead of taking over the account.")},
            {tr("Unsupported types"), AppRegistration::unsupportedTypePolicyName(preset.unsupportedTypes),
             tr("Entra ID's default mapping also sends mobile numbers and other e-mail types: ignoring them keeps the "
                "work values and logs a warning, where rejecting would fail every such user.")}};
        if (entraExtensionName.isEmpty()) {
            preset.settings.append({tr("Custom attributes"), tr("unchanged"),
                                    tr("Entra ID sends custom attributes under "
                                       "urn:ietf:params:scim:schemas:extension:<name>:2.0:User; give the name you "
                                       "use in Entra's attribute mapping to map them.")});
        } else {
            const Result<QString> urn = FieldMapping::entraNamespace(entraExtensionName);
            if (!urn)
                return urn.error();
            preset.namespaceUrn = urn.value();
            preset.settings.append({tr("Custom attributes"), preset.namespaceUrn,
                                    tr("The namespace of the custom attributes you add in Entra's attribute "
                                       "mapping (M-02).")});
        }
        break;
    }
    case IdentityProvider::Okta:
        preset.onDuplicate = DuplicatePolicy::Reject;
        preset.unsupportedTypes = UnsupportedTypePolicy::Ignore;
        preset.namespaceUrn = FieldMapping::oktaNamespace();
        preset.settings = {
            {tr("On duplicate"), AppRegistration::duplicatePolicyName(preset.onDuplicate),
             tr("Okta expects 409 when it creates a user that exists (its SCIM test \"recreating user with same "
                "values\"); it then links the existing user itself.")},
            {tr("Unsupported types"), AppRegistration::unsupportedTypePolicyName(preset.unsupportedTypes),
             tr("Okta's profile can carry a mobile phone and a second e-mail: ignoring them keeps the work values and "
                "logs a warning, where rejecting would fail every such user.")},
            {tr("Custom attributes"), preset.namespaceUrn,
             tr("Okta sends the custom attributes of its profile editor under this namespace (M-02).")}};
        break;
    case IdentityProvider::Generic:
        preset.settings = {
            {tr("On duplicate"), AppRegistration::duplicatePolicyName(preset.onDuplicate),
             tr("A create for a userName that exists updates that account: a client that retries does not fail "
                "(I-01).")},
            {tr("Unsupported types"), AppRegistration::unsupportedTypePolicyName(preset.unsupportedTypes),
             tr("An e-mail or phone number of another type than work is refused with a clear error (U-11).")},
            {tr("Custom attributes"), tr("unchanged"), tr("Set the namespace your client sends, if any.")}};
        break;
    }
    return preset;
}

QUrl ProviderProfile::applicationBaseUrl(const QString &serverAddress, const QString &appId)
{
    const QUrl server(serverAddress.trimmed(), QUrl::StrictMode);
    if (!server.isValid() || (server.scheme() != u"https" && server.scheme() != u"http") || server.host().isEmpty())
        return {};
    QUrl base = server;
    QString path = server.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + QStringLiteral("/scim/v2/apps/") + appId);
    return base;
}

QList<ProviderProfile::Field> ProviderProfile::fieldsToPaste(IdentityProvider provider, Authentication authentication,
                                                             const QUrl &baseUrl, const Credentials &credentials)
{
    const QString url = baseUrl.toString(QUrl::FullyEncoded);
    const auto orPlaceholder = [](const QString &value, const QString &placeholder) {
        return value.isEmpty() ? placeholder : value;
    };
    const QString token = orPlaceholder(credentials.token, tr("<a bearer token of the application>"));
    const auto secretNote = [](const QString &value) {
        return value.isEmpty() ? tr("Shown once, when it is created (the application's Tokens).")
                               : tr("Copy it now: it is shown only this once.");
    };
    switch (provider) {
    case IdentityProvider::Entra:
        if (authentication == Authentication::ClientCredentials) {
            return {
                {tr("Tenant URL"), url, tr("Provisioning › Admin Credentials."), false},
                {tr("Token endpoint"), url + QStringLiteral("/oauth2/token"), {}, false},
                {tr("Client identifier"),
                 orPlaceholder(credentials.clientId, tr("<the application's client ID>")),
                 {},
                 false},
                {tr("Client secret"),
                 orPlaceholder(credentials.clientSecret, tr("<a client secret of the application>")),
                 secretNote(credentials.clientSecret), true},
            };
        }
        return {
            {tr("Tenant URL"), url, tr("Provisioning › Admin Credentials."), false},
            {tr("Secret Token"), token, secretNote(credentials.token), true},
        };
    case IdentityProvider::Okta:
        return {
            {tr("SCIM connector base URL"), url, tr("Provisioning › Integration › SCIM Connection."), false},
            {tr("Unique identifier field for users"), QStringLiteral("userName"), {}, false},
            {tr("Supported provisioning actions"), tr("Push New Users, Push Profile Updates, Push Groups"), {}, false},
            {tr("Authentication Mode"), tr("HTTP Header"), {}, false},
            {tr("Authorization (Bearer)"), token, secretNote(credentials.token), true},
        };
    case IdentityProvider::Generic:
        break;
    }
    return {
        {tr("SCIM base URL"), url, {}, false},
        {tr("Authorization header"), tr("Bearer %1").arg(token), secretNote(credentials.token), true},
    };
}

QByteArray ProviderProfile::samplePayload(IdentityProvider provider, bool group)
{
    if (provider == IdentityProvider::Generic)
        return {};
    QFile file(QStringLiteral(":/samples/%1-%2.json").arg(name(provider), group ? u"group" : u"user"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList ProviderProfile::urlWarnings(const QUrl &baseUrl)
{
    QStringList warnings;
    const QString host = baseUrl.host();
    const QHostAddress address(host);
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0 || address.isLoopback())
        warnings << tr("%1 is this machine's own address: a provider in the cloud cannot reach it. Let the server "
                       "listen on an address the provider reaches (and give that address here).")
                        .arg(host);
    else if (!address.isNull() && (isPrivateUse(address) || address.isLinkLocal()))
        warnings << tr("%1 is a private address: a provider in the cloud reaches it only through a gateway or proxy "
                       "that forwards to it.")
                        .arg(host);
    if (baseUrl.scheme() != u"https")
        warnings << tr("The URL is not HTTPS: Entra ID and Okta call only HTTPS endpoints with a certificate they "
                       "trust (a certificate from a public CA, or a TLS proxy in front).");
    return warnings;
}

} // namespace ScimConsole::Core
