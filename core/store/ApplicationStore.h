// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/AppRegistration.h"
#include "core/domain/SyncScope.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace ScimConsole::Core {

class Database;

/// Applications and their configuration: permission, policies, sync scope and target, field mapping. Every write
/// is one transaction that also bumps the configuration version.
class ApplicationStore
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationStore)

public:
    explicit ApplicationStore(Database &db)
        : m_db(db)
    {}

    /// The SCIM permission starts off and both policies at their defaults.
    Result<AppRegistration> create(const QString &name, AppKind kind);
    Result<AppRegistration> get(const QString &id) const;
    Result<QList<AppRegistration>> list() const;
    Status remove(const QString &id);

    Result<AppRegistration> rename(const QString &id, const QString &name);
    ///
    Result<AppRegistration> setPermission(const QString &id, const ScimPermission &permission);
    /// I-01 and U-11; a policy left empty keeps its current value.
    /// The emergency stop: suspended, every SCIM call of the application is refused with 403 until it is resumed.
    /// Recorded in the sync log, naming `origin` (the console, the command line).
    Result<AppRegistration> setSuspended(const QString &id, bool suspended, const QString &origin);
    Result<AppRegistration> setPolicies(const QString &id, std::optional<DuplicatePolicy> onDuplicate,
                                        std::optional<UnsupportedTypePolicy> unsupportedTypes);

    Result<SyncScope> scope(const QString &id) const;
    /// S-01. Refused when the current sync target would fall outside the new scope (S-04).
    Status setScope(const QString &id, const SyncScope &scope);
    /// Adds one group to the scope: a group an application creates over SCIM belongs to its scope (S-02).
    Status addGroupToScope(const QString &id, const QString &groupId);
    /// S-03, S-04: the target must be inside the scope. An empty id clears the target.
    Result<AppRegistration> setSyncTarget(const QString &id, const QString &orgId);
    /// M-02, M-03. An empty namespace clears the mapping (and then no fields may be given).
    Result<AppRegistration> setMapping(const QString &id, const QString &namespaceUrn, const QStringList &fields);

private:
    /// Runs "UPDATE applications SET <assignments>" for one application in its own transaction.
    Result<AppRegistration> update(const QString &id, const QString &assignments, QVariantList values);
    Result<QStringList> mappedFields(const QString &id) const;

    Database &m_db;
};

} // namespace ScimConsole::Core
