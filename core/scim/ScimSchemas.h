// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QLatin1StringView>

namespace ScimConsole::Core::ScimSchemas {

inline constexpr QLatin1StringView User{"urn:ietf:params:scim:schemas:core:2.0:User"};
inline constexpr QLatin1StringView Group{"urn:ietf:params:scim:schemas:core:2.0:Group"};
inline constexpr QLatin1StringView EnterpriseUser{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"};
inline constexpr QLatin1StringView ListResponse{"urn:ietf:params:scim:api:messages:2.0:ListResponse"};
inline constexpr QLatin1StringView PatchOp{"urn:ietf:params:scim:api:messages:2.0:PatchOp"};
inline constexpr QLatin1StringView Error{"urn:ietf:params:scim:api:messages:2.0:Error"};
inline constexpr QLatin1StringView ServiceProviderConfig{"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"};
inline constexpr QLatin1StringView ResourceType{"urn:ietf:params:scim:schemas:core:2.0:ResourceType"};
inline constexpr QLatin1StringView Schema{"urn:ietf:params:scim:schemas:core:2.0:Schema"};

} // namespace ScimConsole::Core::ScimSchemas
