// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The PATCH engine (RFC 7644 §3.5.2) on a user as the server represents it, with any request body.
#include "core/scim/PatchEngine.h"
#include "core/scim/UserResource.h"
#include "tests/fuzz/FuzzContext.h"

#include <QJsonArray>
#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ScimConsole::Core;
    const QJsonDocument request = QJsonDocument::fromJson(ScimConsole::Fuzz::bytes(data, size));
    if (!request.isObject())
        return 0;
    static const QJsonObject user = [] {
        Account account;
        account.id = QStringLiteral("u-1");
        account.userName = QStringLiteral("bjensen@example.com");
        account.displayName = QStringLiteral("Barbara Jensen");
        account.email = QStringLiteral("bjensen@example.com");
        account.orgId = QStringLiteral("org-root");
        account.extensionValues = {{QStringLiteral("badge"), 7}};
        return UserResource::toJson(account, ScimConsole::Fuzz::context());
    }();
    const auto patched = PatchEngine::apply(user, request.object(), {ScimConsole::Fuzz::context().app.namespaceUrn});
    if (patched) // what the engine made is parsed back, as a real PATCH does
        (void)UserResource::fromJson(patched->resource, ScimConsole::Fuzz::context(), nullptr);
    return 0;
}
