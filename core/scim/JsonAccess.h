// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QJsonObject>
#include <QString>

namespace ScimConsole::Core::JsonAccess {

/// SCIM attribute names are case-insensitive (RFC 7643 §2.1): the key of `object` that matches `name`, or an
/// empty string. An empty name matches nothing: no SCIM attribute has one, and Qt 6.8.2 crashes looking up a null
/// name in an object that has a key outside Latin-1.
inline QString findKey(const QJsonObject &object, QStringView name)
{
    if (name.isEmpty())
        return {};
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
    if (!key.isEmpty())
        object.insert(key, value);
    else // never a null key (see findKey)
        object.insert(name.isNull() ? QStringLiteral("") : name.toString(), value);
}

inline void remove(QJsonObject &object, QStringView name)
{
    const QString key = findKey(object, name);
    if (!key.isEmpty())
        object.remove(key);
}

} // namespace ScimConsole::Core::JsonAccess
