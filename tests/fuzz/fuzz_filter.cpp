// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The SCIM filter parser (RFC 7644 §3.4.2.2) and its translation to SQL: any input either parses or is a 400,
// never a crash, a hang or a leak.
#include "core/scim/Filter.h"
#include "core/scim/UserResource.h"
#include "core/store/AccountStore.h"
#include "core/store/FilterSql.h"
#include "tests/fuzz/FuzzContext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ScimConsole::Core;
    const QString text = QString::fromUtf8(ScimConsole::Fuzz::bytes(data, size));
    const Result<FilterPtr, ScimError> parsed = Filter::parse(text);
    if (!parsed)
        return 0;
    const ScimContext &context = ScimConsole::Fuzz::context();
    const ResourceFilter filter{
        parsed.value(), [&context](const AttributePath &path) { return UserResource::attribute(path, context); }};
    (void)FilterSql::translate(filter, AccountStore::column);
    return 0;
}
