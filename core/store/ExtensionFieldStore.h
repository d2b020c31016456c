// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/ExtensionField.h"

#include <QCoreApplication>
#include <QList>

namespace ScimConsole::Core {

class Database;

/// M-04: the directory's extension fields.
class ExtensionFieldStore
{
    Q_DECLARE_TR_FUNCTIONS(ExtensionFieldStore)

public:
    explicit ExtensionFieldStore(Database &db)
        : m_db(db)
    {}

    /// Validates name and display name (an empty display name becomes the name); a name is defined once.
    Result<ExtensionField> create(const QString &name, FieldType type, const QString &displayName = {});
    Result<ExtensionField> get(const QString &name) const;
    Result<QList<ExtensionField>> list() const;
    /// The display name is the only editable part: the name is the key clients map to and the type types every
    /// stored value.
    Result<ExtensionField> setDisplayName(const QString &name, const QString &displayName);
    /// Refused while an application maps it (M-03); otherwise the field and every stored value of it go.
    Status remove(const QString &name);
    /// How many accounts hold a value of the field: what a deletion would erase.
    Result<qint64> valueCount(const QString &name) const;

private:
    Database &m_db;
};

} // namespace ScimConsole::Core
