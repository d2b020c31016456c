// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/ExtensionField.h"

#include <cmath>

namespace ScimConsole::Core {

Status ExtensionField::validateName(const QString &name)
{
    const auto invalid = [&] {
        return makeError(ErrorCode::InvalidInput,
                         tr("\"%1\" is not a valid field name: use 1 to %2 lowercase letters and \"_\", not "
                            "starting with \"_\".")
                             .arg(name)
                             .arg(MaxNameLength));
    };
    if (name.isEmpty() || name.size() > MaxNameLength || name.startsWith(u'_'))
        return invalid();
    for (const QChar c : name) {
        if (!(c == u'_' || (c >= u'a' && c <= u'z')))
            return invalid();
    }
    return ok();
}

Result<QString> ExtensionField::validateDisplayName(const QString &displayName)
{
    const QString trimmed = displayName.trimmed();
    if (trimmed.size() > MaxDisplayNameLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("A display name has at most %1 characters.").arg(MaxDisplayNameLength));
    return trimmed;
}

QString ExtensionField::typeName(FieldType type)
{
    switch (type) {
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    case FieldType::String:
        break;
    }
    return QStringLiteral("string");
}

Result<FieldType> ExtensionField::typeFromName(const QString &name)
{
    if (name == u"string")
        return FieldType::String;
    if (name == u"number")
        return FieldType::Number;
    if (name == u"boolean")
        return FieldType::Boolean;
    return makeError(ErrorCode::InvalidInput,
                     tr("Unknown field type \"%1\": use string, number or boolean.").arg(name));
}

Result<QJsonValue> ExtensionField::coerce(const QJsonValue &value) const
{
    const auto mismatch = [&] {
        return makeError(ErrorCode::InvalidInput,
                         tr("The value for extension field \"%1\" must be a %2.").arg(name, typeName(type)));
    };
    switch (type) {
    case FieldType::String:
        if (value.isString())
            return value;
        if (value.isDouble())
            return QJsonValue(QString::number(value.toDouble(), 'g', 17));
        if (value.isBool())
            return QJsonValue(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        return mismatch();
    case FieldType::Number:
        if (value.isDouble() && std::isfinite(value.toDouble()))
            return value;
        if (value.isString()) {
            bool parsed = false;
            const double number = value.toString().trimmed().toDouble(&parsed);
            if (parsed && std::isfinite(number))
                return QJsonValue(number);
        }
        return mismatch();
    case FieldType::Boolean:
        if (value.isBool())
            return value;
        if (value.isString()) {
            const QString text = value.toString().trimmed();
            if (text.compare(u"true", Qt::CaseInsensitive) == 0)
                return QJsonValue(true);
            if (text.compare(u"false", Qt::CaseInsensitive) == 0)
                return QJsonValue(false);
        }
        return mismatch();
    }
    return mismatch();
}

} // namespace ScimConsole::Core
