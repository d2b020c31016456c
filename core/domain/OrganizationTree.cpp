// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/OrganizationTree.h"

namespace ScimConsole::Core {

OrganizationTree::OrganizationTree(const QList<Organization> &organizations)
{
    for (const Organization &org : organizations) {
        m_byId.insert(org.id, org);
        if (org.isRoot())
            m_rootId = org.id;
        else
            m_childIds[org.parentId].append(org.id);
    }
}

const Organization *OrganizationTree::find(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &it.value();
}

QList<Organization> OrganizationTree::children(const QString &id) const
{
    QList<Organization> result;
    for (const QString &childId : m_childIds.value(id))
        result.append(m_byId.value(childId));
    return result;
}

bool OrganizationTree::isWithin(const QString &id, const QString &ancestorId) const
{
    // Bounded by the node count, so a corrupt cycle in the stored data cannot hang the caller.
    QString current = id;
    for (qsizetype steps = 0; steps <= m_byId.size() && !current.isEmpty(); ++steps) {
        if (current == ancestorId)
            return true;
        const auto it = m_byId.constFind(current);
        if (it == m_byId.constEnd())
            return false;
        current = it->parentId;
    }
    return false;
}

QSet<QString> OrganizationTree::subtree(const QString &id) const
{
    QSet<QString> result;
    if (!m_byId.contains(id))
        return result;
    QStringList pending{id};
    while (!pending.isEmpty()) {
        const QString current = pending.takeLast();
        if (result.contains(current))
            continue;
        result.insert(current);
        pending.append(m_childIds.value(current));
    }
    return result;
}

QString OrganizationTree::path(const QString &id) const
{
    QStringList names;
    QString current = id;
    for (qsizetype steps = 0; steps <= m_byId.size() && m_byId.contains(current); ++steps) {
        const Organization &org = m_byId[current];
        names.prepend(org.name);
        current = org.parentId;
    }
    return names.join(QStringLiteral(" / "));
}

} // namespace ScimConsole::Core
