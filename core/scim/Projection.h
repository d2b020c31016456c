// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/scim/AttributePath.h"

#include <QJsonObject>
#include <QList>

namespace ScimConsole::Core {

/// RFC 7644 §3.4.2.5 attributes / excludedAttributes, applied to a rendered resource. id and schemas are always
/// returned; password never is (it is never rendered).
class Projection
{
public:
    static Result<Projection, ScimError> parse(const QString &attributes, const QString &excludedAttributes);

    bool isIdentity() const { return m_included.isEmpty() && m_excluded.isEmpty(); }
    /// False when `attribute` (a top-level name) is excluded, so that the caller need not read it at all.
    bool wants(QStringView attribute) const;
    QJsonObject apply(const QJsonObject &resource) const;

private:
    QList<AttributePath> m_included;
    QList<AttributePath> m_excluded;
};

} // namespace ScimConsole::Core
