// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/scim/ScimContext.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ScimConsole::Core {

/// RFC 7643 §5-7 discovery documents, describing exactly what this server supports for one application: filter,
/// sort, PATCH and ETags yes, bulk and password change no; the User schema with the enterprise extension's
/// organizationId and the application's custom namespace with its mapped fields.
class Discovery
{
public:
    static QJsonObject serviceProviderConfig(const ScimContext &context);
    static QJsonArray resourceTypes(const ScimContext &context);
    static QJsonArray schemas(const ScimContext &context);

    static constexpr int MaxResults = 1000;
};

} // namespace ScimConsole::Core
