// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/scim/ScimError.h"

#include <QJsonObject>
#include <QStringList>

namespace ScimConsole::Core {

/// RFC 7644 §3.5.2 PATCH on a resource's full JSON representation. The caller renders the resource, applies the
/// operations here, and validates the result as it would a PUT — so a PATCH is atomic (any failing operation leaves
/// the resource untouched) and obeys exactly the rules of a replace.
///
/// Accepted dialects, each noted in `rewrites` for the sync log: Entra ID's capitalised ops ("Replace"), string
/// booleans ("True"), remove of members with a value array, path-less values with dotted keys ("name.givenName")
/// or URN keys, a value-path add that creates the element it names; Okta's path-less
/// {"op":"replace","value":{"active":false}} and its group rename, whose value repeats the group's own id.
///
/// Order of checks (docs/conformance.md), the first failure is the answer:
/// 1. the request: schemas lists PatchOp, Operations is a non-empty array (invalidValue);
/// 2. each operation in turn: op is add/replace/remove (invalidValue); path parses (invalidPath); a value is there
///    when the op needs one (invalidValue); a read-only attribute (id, meta) is given a different value or removed
///    (mutability); a replace through a value filter that selects nothing, or a remove without a path (noTarget);
/// 3. the result, validated as a PUT by the caller: the DOMAIN rules (invalidValue), uniqueness (409).
/// So a noTarget in any operation is reported before a rule that only the whole result can break (a second work
/// email, an unsupported type).
class PatchEngine
{
public:
    struct Outcome
    {
        QJsonObject resource;
        QStringList rewrites;
    };

    /// Bounds on one request, so that its work stays linear and small: more is 400 invalidValue.
    static constexpr int MaxOperations = 1000;
    static constexpr int MaxValuesPerOperation = 10'000;

    /// `extensionSchemas`: the schema URNs whose attributes live in a sub-object of the resource.
    static Result<Outcome, ScimError> apply(const QJsonObject &resource, const QJsonObject &request,
                                            const QStringList &extensionSchemas);
};

} // namespace ScimConsole::Core
