// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamProfile.h"

#include <QHostAddress>

#include <QUrl>

namespace ScimConsole::Core {

QString RamProfile::siteName(RamSite site)
{
    switch (site) {
    case RamSite::International:
        return QStringLiteral("intl");
    case RamSite::Custom:
        return QStringLiteral("custom");
    case RamSite::China:
        break;
    }
    return QStringLiteral("cn");
}

Result<RamSite> RamProfile::siteFromName(const QString &name)
{
    if (name == u"cn")
        return RamSite::China;
    if (name == u"intl")
        return RamSite::International;
    if (name == u"custom")
        return RamSite::Custom;
    return makeError(ErrorCode::InvalidInput, tr("Unknown site \"%1\": use cn, intl or custom.").arg(name));
}

std::pair<QString, QString> RamProfile::endpoints(RamSite site)
{
    switch (site) {
    case RamSite::China:
        return {QStringLiteral("https://oauth.aliyun.com/v1/token"), QStringLiteral("https://scim.aliyun.com")};
    case RamSite::International:
        return {QStringLiteral("https://oauth.alibabacloud.com/v1/token"),
                QStringLiteral("https://scim.alibabacloud.com")};
    case RamSite::Custom:
        break;
    }
    return {};
}

QString RamProfile::disabledActionName(DisabledAction action)
{
    return action == DisabledAction::Keep ? QStringLiteral("keep") : QStringLiteral("delete");
}

Result<DisabledAction> RamProfile::disabledActionFromName(const QString &name)
{
    if (name == u"delete")
        return DisabledAction::Delete;
    if (name == u"keep")
        return DisabledAction::Keep;
    return makeError(ErrorCode::InvalidInput,
                     tr("Unknown action \"%1\" for disabled accounts: use delete or keep.").arg(name));
}

bool RamProfile::acceptableEndpoint(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return false;
    if (parsed.scheme() == u"https")
        return true;
    return parsed.scheme() == u"http" && (parsed.host() == u"localhost" || QHostAddress(parsed.host()).isLoopback());
}

Status RamProfile::validate() const
{
    if (name.trimmed().isEmpty() || name.size() > MaxNameLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("A profile needs a name of 1 to %1 characters.").arg(MaxNameLength));
    for (const QString &url : {tokenUrl, scimUrl}) {
        if (!acceptableEndpoint(url))
            return makeError(ErrorCode::InvalidInput,
                             tr("\"%1\" is not an https URL. (Plain http is accepted only for this machine, such as "
                                "a test double: the client secret and the access token would cross the network in "
                                "clear.)")
                                 .arg(url));
    }
    if (clientId.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("A profile needs the client_id of the OAuth application."));
    if (secretSource != u"keychain" && !(secretSource.startsWith(u"env:") && secretSource.size() > 4)
        && !(secretSource.startsWith(u"file:/") && secretSource.size() > 6))
        return makeError(ErrorCode::InvalidInput,
                         tr("The secret comes from the keychain, env:VARIABLE or file:/absolute/path, not \"%1\".")
                             .arg(secretSource));
    if (userNameRule != u"local-part" && userNameRule != u"as-is")
        return makeError(ErrorCode::InvalidInput,
                         tr("Unknown userName rule \"%1\": use local-part or as-is.").arg(userNameRule));
    if (concurrency < 1 || concurrency > MaxConcurrency)
        return makeError(ErrorCode::InvalidInput, tr("Between 1 and %1 requests can run at once.").arg(MaxConcurrency));
    if (!sourceAppId.isEmpty() && (!sourceOrganizationIds.isEmpty() || !sourceGroupIds.isEmpty()))
        return makeError(
            ErrorCode::InvalidInput,
            tr("The source is either one application's scope or chosen organizations and groups, not both."));
    return ok();
}

} // namespace ScimConsole::Core
