// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QJsonObject>
#include <QString>

namespace ScimConsole::Core::JsonAccess {

/// SCIM attribute names are case-insensitive (RFC 7643 §2.1): the key of `object` that matches `name`, or an
/// empty string.
inline QString findKey(const QJsonObject &object, QStringView name)
{
    if (object.contains(name))
        return name.toString();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    return {};
}

inline QJsonValue value(const QJsonObject &object, QStringView name)
{
    const QString key = findKey(object, name);
    return key.isEmpty() ? QJsonValue(QJsonValue::Undefined) : object.value(key);
}

/// Sets `name` in `object`, reusing the spelling of an existing key.
inline void set(QJsonObject &object, QStringView name, const QJsonValue &value)
{
    const QString key = findKey(object, name);
    object.insert(key.isEmpty() ? name.toString() : key, value);
}

inline void remove(QJsonObject &object, QStringView name)
{
    const QString key = findKey(object, name);
    if (!key.isEmpty())
        object.remove(key);
}

} // namespace ScimConsole::Core::JsonAccess
