// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/ram/RamProfile.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace ScimConsole::Core {

class Database;

/// RAM profiles and the links between directory accounts and the RAM users a profile made of them.
class RamProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(RamProfileStore)

public:
    explicit RamProfileStore(Database &db)
        : m_db(db)
    {}

    /// Validates, then updates the profile with the same id — or, for a profile without an id, the one with the same
    /// name (its id stays) — or creates it. Renaming onto another profile's name is a Conflict.
    Result<RamProfile> save(RamProfile profile);
    Result<RamProfile> get(const QString &id) const;
    Result<RamProfile> byName(const QString &name) const;
    Result<QList<RamProfile>> list() const;
    Status remove(const QString &id);

    /// account id → RAM user id, for the accounts this profile pushed.
    Result<QHash<QString, QString>> links(const QString &profileId) const;
    Status setLink(const QString &profileId, const QString &accountId, const QString &ramId);
    Status removeLink(const QString &profileId, const QString &accountId);

private:
    Result<QList<RamProfile>> query(const QString &where, const QVariantList &values) const;

    Database &m_db;
};

} // namespace ScimConsole::Core
