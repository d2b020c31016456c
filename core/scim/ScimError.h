// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QString>

namespace ScimConsole::Core {

/// An RFC 7644 §3.12 error: the HTTP status, the scimType where the RFC defines one, and a detail for the client.
struct ScimError
{
    int status = 400;
    QString scimType;
    QString detail;

    QJsonObject toJson() const;

    static ScimError invalidFilter(const QString &detail) { return {400, QStringLiteral("invalidFilter"), detail}; }
    static ScimError invalidSyntax(const QString &detail) { return {400, QStringLiteral("invalidSyntax"), detail}; }
    static ScimError invalidPath(const QString &detail) { return {400, QStringLiteral("invalidPath"), detail}; }
    static ScimError invalidValue(const QString &detail) { return {400, QStringLiteral("invalidValue"), detail}; }
    static ScimError noTarget(const QString &detail) { return {400, QStringLiteral("noTarget"), detail}; }
    static ScimError mutability(const QString &detail) { return {400, QStringLiteral("mutability"), detail}; }
    static ScimError uniqueness(const QString &detail) { return {409, QStringLiteral("uniqueness"), detail}; }
    static ScimError notFound(const QString &detail) { return {404, {}, detail}; }
    static ScimError unauthorized(const QString &detail) { return {401, {}, detail}; }
    static ScimError forbidden(const QString &detail) { return {403, {}, detail}; }
    /// Maps a core Error: NotFound 404, Conflict 409 uniqueness, InvalidInput 400 invalidValue, others 500.
    static ScimError fromError(const Error &error);
};

} // namespace ScimConsole::Core
