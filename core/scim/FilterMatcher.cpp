// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/FilterMatcher.h"

#include "core/scim/JsonAccess.h"

namespace ScimConsole::Core {

namespace {

bool compareStrings(const QString &actual, CompareOp op, const QString &expected)
{
    const int order = actual.compare(expected, Qt::CaseInsensitive);
    switch (op) {
    case CompareOp::Eq:
        return order == 0;
    case CompareOp::Ne:
        return order != 0;
    case CompareOp::Co:
        return actual.contains(expected, Qt::CaseInsensitive);
    case CompareOp::Sw:
        return actual.startsWith(expected, Qt::CaseInsensitive);
    case CompareOp::Ew:
        return actual.endsWith(expected, Qt::CaseInsensitive);
    case CompareOp::Gt:
        return order > 0;
    case CompareOp::Ge:
        return order >= 0;
    case CompareOp::Lt:
        return order < 0;
    case CompareOp::Le:
        return order <= 0;
    }
    return false;
}

QString asText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

} // namespace

bool FilterMatcher::matches(const Filter &filter, const QJsonObject &element)
{
    switch (filter.type) {
    case Filter::Type::And:
        return matches(*filter.left, element) && matches(*filter.right, element);
    case Filter::Type::Or:
        return matches(*filter.left, element) || matches(*filter.right, element);
    case Filter::Type::Not:
        return !matches(*filter.left, element);
    case Filter::Type::ValuePath:
        return false; // value filters do not nest
    case Filter::Type::Present: {
        const QJsonValue value = JsonAccess::value(element, filter.path.attribute);
        return !value.isUndefined() && !value.isNull() && !(value.isString() && value.toString().isEmpty());
    }
    case Filter::Type::Compare:
        break;
    }
    const QJsonValue actual = JsonAccess::value(element, filter.path.attribute);
    if (actual.isUndefined() || actual.isNull())
        return filter.op == CompareOp::Ne ? !filter.value.isNull()
                                          : filter.value.isNull() && filter.op == CompareOp::Eq;
    if (actual.isDouble() && filter.value.isDouble()) {
        const double a = actual.toDouble();
        const double b = filter.value.toDouble();
        switch (filter.op) {
        case CompareOp::Eq:
            return a == b;
        case CompareOp::Ne:
            return a != b;
        case CompareOp::Gt:
            return a > b;
        case CompareOp::Ge:
            return a >= b;
        case CompareOp::Lt:
            return a < b;
        case CompareOp::Le:
            return a <= b;
        default:
            break;
        }
    }
    return compareStrings(asText(actual), filter.op, asText(filter.value));
}

} // namespace ScimConsole::Core
