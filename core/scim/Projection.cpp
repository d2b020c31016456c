// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/Projection.h"

#include "core/scim/JsonAccess.h"
#include "core/scim/ScimSchemas.h"

#include <QJsonArray>

namespace ScimConsole::Core {

namespace {

Result<QList<AttributePath>, ScimError> parseList(const QString &text)
{
    QList<AttributePath> paths;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        QString trimmed = item.trimmed();
        // "emails[type eq \"work\"]" (sent by some clients) projects the whole attribute.
        if (const qsizetype open = trimmed.indexOf(u'['); open > 0 && trimmed.endsWith(u']'))
            trimmed = trimmed.left(open);
        AttributePath path;
        // A bare core schema URN prefix is allowed: "urn:…:core:2.0:User:userName".
        Result<AttributePath, ScimError> parsed = AttributePath::parse(trimmed);
        if (!parsed)
            return parsed.error();
        path = parsed.value();
        if (path.inSchema(ScimSchemas::User) || path.inSchema(ScimSchemas::Group))
            path.schema.clear();
        paths.append(path);
    }
    return paths;
}

/// The container a path names inside `resource`: the resource, or an extension object.
QJsonObject containerOf(const QJsonObject &resource, const AttributePath &path)
{
    return path.schema.isEmpty() ? resource : JsonAccess::value(resource, path.schema).toObject();
}

} // namespace

Result<Projection, ScimError> Projection::parse(const QString &attributes, const QString &excludedAttributes)
{
    Projection projection;
    Result<QList<AttributePath>, ScimError> included = parseList(attributes);
    if (!included)
        return included.error();
    Result<QList<AttributePath>, ScimError> excluded = parseList(excludedAttributes);
    if (!excluded)
        return excluded.error();
    projection.m_included = included.value();
    projection.m_excluded = excluded.value();
    return projection;
}

bool Projection::wants(QStringView attribute) const
{
    for (const AttributePath &path : m_excluded) {
        if (path.schema.isEmpty() && path.subAttribute.isEmpty()
            && path.attribute.compare(attribute, Qt::CaseInsensitive) == 0)
            return false;
    }
    if (m_included.isEmpty())
        return true;
    return std::any_of(m_included.cbegin(), m_included.cend(), [&](const AttributePath &path) {
        return path.schema.isEmpty() && path.attribute.compare(attribute, Qt::CaseInsensitive) == 0;
    });
}

QJsonObject Projection::apply(const QJsonObject &resource) const
{
    if (isIdentity())
        return resource;
    QJsonObject result;
    if (m_included.isEmpty()) {
        result = resource;
    } else {
        for (const AttributePath &path : m_included) {
            // An extension URN whose last segment was read as the attribute ("urn:…:2.0:User") names the whole
            // extension.
            const QString wholeExtension = path.schema + u':' + path.attribute;
            if (!path.schema.isEmpty() && !JsonAccess::findKey(resource, wholeExtension).isEmpty()) {
                JsonAccess::set(result, wholeExtension, JsonAccess::value(resource, wholeExtension));
                continue;
            }
            const QJsonObject source = containerOf(resource, path);
            const QJsonValue value = JsonAccess::value(source, path.attribute);
            if (value.isUndefined())
                continue;
            QJsonObject target = path.schema.isEmpty() ? result : JsonAccess::value(result, path.schema).toObject();
            if (path.subAttribute.isEmpty()) {
                JsonAccess::set(target, path.attribute, value);
            } else if (value.isObject()) {
                QJsonObject complex = JsonAccess::value(target, path.attribute).toObject();
                const QJsonValue sub = JsonAccess::value(value.toObject(), path.subAttribute);
                if (!sub.isUndefined())
                    JsonAccess::set(complex, path.subAttribute, sub);
                JsonAccess::set(target, path.attribute, complex);
            } else if (value.isArray()) {
                QJsonArray elements;
                for (const QJsonValue &element : value.toArray()) {
                    const QJsonValue sub = JsonAccess::value(element.toObject(), path.subAttribute);
                    if (!sub.isUndefined())
                        elements.append(QJsonObject{{path.subAttribute, sub}});
                }
                JsonAccess::set(target, path.attribute, elements);
            }
            if (path.schema.isEmpty())
                result = target;
            else
                JsonAccess::set(result, path.schema, target);
        }
        result.insert(QStringLiteral("schemas"), resource.value(QStringLiteral("schemas")));
    }
    for (const AttributePath &path : m_excluded) {
        if (path.is(u"id") || path.is(u"schemas"))
            continue;
        QJsonObject container = path.schema.isEmpty() ? result : JsonAccess::value(result, path.schema).toObject();
        if (path.subAttribute.isEmpty()) {
            JsonAccess::remove(container, path.attribute);
        } else {
            QJsonObject complex = JsonAccess::value(container, path.attribute).toObject();
            JsonAccess::remove(complex, path.subAttribute);
            JsonAccess::set(container, path.attribute, complex);
        }
        if (path.schema.isEmpty())
            result = container;
        else
            JsonAccess::set(result, path.schema, container);
    }
    result.insert(QStringLiteral("id"), resource.value(QStringLiteral("id")));
    return result;
}

} // namespace ScimConsole::Core
