// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ScimConsole::Core {

/// Which Alibaba Cloud endpoints a profile talks to (R-10, R-13).
enum class RamSite {
    China,         // https://oauth.aliyun.com/v1/token, https://scim.aliyun.com
    International, // https://oauth.alibabacloud.com/v1/token, https://scim.alibabacloud.com
    Custom,        // a test double or a private endpoint
};

/// R-09: what a disabled directory account becomes in RAM.
enum class DisabledAction {
    Delete, // the seed's behaviour: RAM has no soft delete
    Keep,   // leave the RAM user as it is
};

/// A push/pull profile for Alibaba Cloud RAM. The app secret is not here: it lives in the OS keychain under
/// secretKey(), or — on a headless server without a Secret Service — in the environment variable or 0600 file that
/// secretSource names (R-01).
struct RamProfile
{
    Q_DECLARE_TR_FUNCTIONS(RamProfile)

public:
    static constexpr int MaxNameLength = 64;
    /// Pushing 10,000 accounts to a RAM that answers after 20 ms takes 23 s at ten (58 s at four, 29 s at eight;
    /// tests/bench/run.sh). A RAM that throttles answers 429, which is retried after its Retry-After: it slows a push
    /// down rather than failing it.
    static constexpr int DefaultConcurrency = 10;
    static constexpr int MaxConcurrency = 32;

    QString id;
    QString name;
    RamSite site = RamSite::China;
    QString tokenUrl;
    QString scimUrl;
    QString clientId;
    QString secretSource = QStringLiteral("keychain");   // "keychain", "env:NAME" or "file:/path"
    QString sourceAppId;                                 // the accounts of one application's scope…
    QStringList sourceOrganizationIds;                   // …or of chosen organizations (with subtrees)
    QStringList sourceGroupIds;                          // …and groups
    QString userNameRule = QStringLiteral("local-part"); // R-11: "local-part" (before "@", lower-cased) or "as-is"
    DisabledAction disabledAction = DisabledAction::Delete;
    int concurrency = DefaultConcurrency;
    QDateTime created;
    QDateTime modified;

    /// The keychain key of this profile's app secret.
    QString secretKey() const { return QStringLiteral("ram/%1/client-secret").arg(id); }

    static QString siteName(RamSite site);
    static Result<RamSite> siteFromName(const QString &name);
    /// The documented endpoints of a site (empty for Custom).
    static std::pair<QString, QString> endpoints(RamSite site);
    static QString disabledActionName(DisabledAction action);
    static Result<DisabledAction> disabledActionFromName(const QString &name);

    /// Name, endpoints (http or https URLs), client id, secret source, rule and concurrency make sense together.
    /// Plain http is accepted only for this machine (a test double or a local proxy): everything else is https.
    static bool acceptableEndpoint(const QString &url);
    Status validate() const;
};

} // namespace ScimConsole::Core
