#pragma once

#include "core/Result.h"
#include "core/domain/OrganizationTree.h"

#include <QCoreApplication>

namespace ScimConsole::Core {

class Database;

/// The directory's organization tree. The root exists from the first migration on.
class OrganizationStore
{
    Q_DECLARE_TR_FUNCTIONS(OrganizationStore)

public:
    explicit OrganizationStore(Database &db)
        : m_db(db)
    {}

    /// A new organization under `parentId` (the root when empty). Names are unique among siblings, ignoring case.
    Result<Organization> create(const QString &name, const QString &parentId = {});
    Result<Organization> get(const QString &id) const;
    /// Every organization, the root first, then by name.
    Result<QList<Organization>> list() const;
    Result<OrganizationTree> tree() const;
    Result<QString> rootId() const;

private:
    Database &m_db;
};

} // namespace ScimConsole::Core
