// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The User and Group mappings (U-*, G-*, M-*): any JSON body becomes an account or a group, or a SCIM error.
#include "core/scim/GroupResource.h"
#include "core/scim/UserResource.h"
#include "tests/fuzz/FuzzContext.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ScimConsole::Core;
    const QJsonDocument body = QJsonDocument::fromJson(ScimConsole::Fuzz::bytes(data, size));
    if (!body.isObject())
        return 0;
    const ScimContext &context = ScimConsole::Fuzz::context();
    if (const auto user = UserResource::fromJson(body.object(), context, nullptr); user)
        (void)UserResource::toJson(user->account, context);
    if (const auto group = GroupResource::fromJson(body.object(), nullptr); group)
        (void)GroupResource::toJson(group->group, context);
    return 0;
}
