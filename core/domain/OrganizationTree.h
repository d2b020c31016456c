// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/Organization.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace ScimConsole::Core {

/// The directory's organization tree, built from its flat list of nodes. Read-only; cheap to copy.
class OrganizationTree
{
public:
    OrganizationTree() = default;
    explicit OrganizationTree(const QList<Organization> &organizations);

    bool contains(const QString &id) const { return m_byId.contains(id); }
    const Organization *find(const QString &id) const;
    QString rootId() const { return m_rootId; }
    QList<Organization> children(const QString &id) const;

    /// True when `id` is `ancestorId` or lies below it.
    bool isWithin(const QString &id, const QString &ancestorId) const;
    /// `id` and every node below it; empty when `id` is unknown.
    QSet<QString> subtree(const QString &id) const;
    /// Names from the root down to `id`, joined with " / ".
    QString path(const QString &id) const;

private:
    QHash<QString, Organization> m_byId;
    QHash<QString, QStringList> m_childIds;
    QString m_rootId;
};

} // namespace ScimConsole::Core
