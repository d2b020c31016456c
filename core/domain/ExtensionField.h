// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace ScimConsole::Core {

enum class FieldType {
    String,
    Number,
    Boolean,
};

/// M-04: an extension field of the directory, defined before any mapping can write into it.
struct ExtensionField
{
    Q_DECLARE_TR_FUNCTIONS(ExtensionField)

public:
    static constexpr int MaxNameLength = 40;
    static constexpr int MaxDisplayNameLength = 128;

    QString name;
    FieldType type = FieldType::String;
    QString displayName;
    QDateTime created;

    /// Lowercase letters and "_", 1 to 40 characters, not starting with "_".
    static Status validateName(const QString &name);
    static Result<QString> validateDisplayName(const QString &displayName);
    static QString typeName(FieldType type);
    static Result<FieldType> typeFromName(const QString &name);

    /// Checks `value` against this field's type and returns it in canonical form. Accepts the string forms
    /// identity providers send ("42", "True"), since Entra ID serialises every extension value as a string.
    Result<QJsonValue> coerce(const QJsonValue &value) const;
};

} // namespace ScimConsole::Core
