// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/AppRegistration.h"

namespace ScimConsole::Core {

Result<QString> AppRegistration::validateName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("An application needs a name."));
    if (trimmed.size() > MaxNameLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("An application name has at most %1 characters.").arg(MaxNameLength));
    return trimmed;
}

QString AppRegistration::kindName(AppKind kind)
{
    return kind == AppKind::Custom ? QStringLiteral("custom") : QStringLiteral("standard");
}

Result<AppKind> AppRegistration::kindFromName(const QString &name)
{
    if (name == u"standard")
        return AppKind::Standard;
    if (name == u"custom")
        return AppKind::Custom;
    return makeError(ErrorCode::InvalidInput, tr("Unknown application kind \"%1\": use standard or custom.").arg(name));
}

QString AppRegistration::duplicatePolicyName(DuplicatePolicy policy)
{
    return policy == DuplicatePolicy::Reject ? QStringLiteral("reject") : QStringLiteral("update");
}

Result<DuplicatePolicy> AppRegistration::duplicatePolicyFromName(const QString &name)
{
    if (name == u"update")
        return DuplicatePolicy::Update;
    if (name == u"reject")
        return DuplicatePolicy::Reject;
    return makeError(ErrorCode::InvalidInput,
                     tr("Unknown on-duplicate policy \"%1\": use update or reject.").arg(name));
}

QString AppRegistration::unsupportedTypePolicyName(UnsupportedTypePolicy policy)
{
    return policy == UnsupportedTypePolicy::Ignore ? QStringLiteral("ignore") : QStringLiteral("reject");
}

Result<UnsupportedTypePolicy> AppRegistration::unsupportedTypePolicyFromName(const QString &name)
{
    if (name == u"reject")
        return UnsupportedTypePolicy::Reject;
    if (name == u"ignore")
        return UnsupportedTypePolicy::Ignore;
    return makeError(ErrorCode::InvalidInput,
                     tr("Unknown unsupported-type policy \"%1\": use reject or ignore.").arg(name));
}

} // namespace ScimConsole::Core
