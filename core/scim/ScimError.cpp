// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/ScimError.h"

#include "core/scim/ScimSchemas.h"

#include <QJsonArray>

namespace ScimConsole::Core {

QJsonObject ScimError::toJson() const
{
    QJsonObject body{{QStringLiteral("schemas"), QJsonArray{QString(ScimSchemas::Error)}},
                     {QStringLiteral("status"), QString::number(status)},
                     {QStringLiteral("detail"), detail}};
    if (!scimType.isEmpty())
        body.insert(QStringLiteral("scimType"), scimType);
    return body;
}

ScimError ScimError::fromError(const Error &error)
{
    switch (error.code) {
    case ErrorCode::NotFound:
        return notFound(error.message);
    case ErrorCode::Conflict:
        return uniqueness(error.message);
    case ErrorCode::InvalidInput:
        return invalidValue(error.message);
    case ErrorCode::InvalidFilter:
        return invalidFilter(error.message);
    case ErrorCode::Unauthorized:
        return unauthorized(error.message);
    default:
        // The store's own words (a driver message, a statement) stay in the server's log: a client learns only
        // that the server failed.
        return {500, {}, QStringLiteral("The server could not complete the request; its log has the details.")};
    }
}

} // namespace ScimConsole::Core
