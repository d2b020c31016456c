// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QString>
#include <QVariantList>

namespace ScimConsole::Core {

/// `value` for a LIKE pattern with ESCAPE '\': its own \, % and _ match only themselves.
inline QString escapeLike(QString value)
{
    return value.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
}

/// A WHERE clause with "?" placeholders and the values to bind, in order. Values never enter the SQL text.
struct SqlWhere
{
    QString sql;
    QVariantList params;

    /// Both clauses, joined with AND.
    SqlWhere operator&&(const SqlWhere &other) const
    {
        return {QStringLiteral("(%1 AND %2)").arg(sql, other.sql), params + other.params};
    }
};

} // namespace ScimConsole::Core
