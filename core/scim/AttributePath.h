// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/scim/ScimError.h"

#include <QString>

namespace ScimConsole::Core {

/// An attribute path of RFC 7644 §3.10: [schema URN ":"] attribute ["." subAttribute]. Names compare ignoring case.
struct AttributePath
{
    QString schema; // empty when the path named none
    QString attribute;
    QString subAttribute;

    /// "name.givenName", "urn:…:enterprise:2.0:User:organizationId", "meta.lastModified".
    static Result<AttributePath, ScimError> parse(const QString &text);

    bool is(QStringView name) const
    {
        return attribute.compare(name, Qt::CaseInsensitive) == 0 && subAttribute.isEmpty();
    }
    bool is(QStringView name, QStringView sub) const
    {
        return attribute.compare(name, Qt::CaseInsensitive) == 0 && subAttribute.compare(sub, Qt::CaseInsensitive) == 0;
    }
    bool inSchema(QStringView urn) const { return schema.compare(urn, Qt::CaseInsensitive) == 0; }
    bool inSchema(QLatin1StringView urn) const { return schema.compare(urn, Qt::CaseInsensitive) == 0; }
    QString toString() const;
};

} // namespace ScimConsole::Core
