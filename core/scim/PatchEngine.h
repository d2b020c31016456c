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
/// or URN keys, a value-path add/replace that creates the element it names; Okta's path-less
/// {"op":"replace","value":{"active":false}}.
class PatchEngine
{
public:
    struct Outcome
    {
        QJsonObject resource;
        QStringList rewrites;
    };

    /// `extensionSchemas`: the schema URNs whose attributes live in a sub-object of the resource.
    static Result<Outcome, ScimError> apply(const QJsonObject &resource, const QJsonObject &request,
                                            const QStringList &extensionSchemas);
};

} // namespace ScimConsole::Core
