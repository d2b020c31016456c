// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/GroupResource.h"

#include <QSet>

#include "core/scim/JsonAccess.h"
#include "core/scim/ResourceMeta.h"
#include "core/scim/ScimSchemas.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ScimConsole::Core {

QString GroupResource::location(const ScimContext &context, const QString &id)
{
    return context.baseUrl + QStringLiteral("/Groups/") + id;
}

void GroupResource::write(const Group &group, const ScimContext &context, JsonWriter &json, bool withMembers)
{
    json.beginObject().key(u"schemas").beginArray().value(ScimSchemas::Group).endArray().field(u"id", group.id);
    if (!group.externalId.isEmpty())
        json.field(u"externalId", group.externalId);
    json.field(u"displayName", group.displayName);
    if (withMembers) {
        const QString users = context.baseUrl + QStringLiteral("/Users/");
        json.key(u"members").beginArray();
        for (const QString &id : group.memberIds)
            json.beginObject().field(u"value", id).field(u"$ref", users + id).field(u"type", u"User").endObject();
        json.endArray();
    }
    json.key(u"meta");
    ResourceMeta::write(json, u"Group", group.created, group.modified, location(context, group.id), group.version);
    json.endObject();
}

QJsonObject GroupResource::toJson(const Group &group, const ScimContext &context, bool withMembers)
{
    QByteArray bytes;
    JsonWriter json(bytes);
    write(group, context, json, withMembers);
    return QJsonDocument::fromJson(bytes).object();
}

Result<GroupResource::Parsed, ScimError> GroupResource::fromJson(const QJsonObject &body, const Group *existing)
{
    Parsed parsed;
    Group &g = parsed.group;
    if (existing)
        g = *existing;

    const QJsonArray schemas = JsonAccess::value(body, u"schemas").toArray();
    const bool declaresGroup = std::any_of(schemas.begin(), schemas.end(), [](const QJsonValue &v) {
        return v.toString().compare(ScimSchemas::Group, Qt::CaseInsensitive) == 0;
    });
    if (!declaresGroup)
        return ScimError::invalidValue(QStringLiteral("schemas must list %1.").arg(ScimSchemas::Group));

    const QJsonValue displayName = JsonAccess::value(body, u"displayName");
    if (!displayName.isString())
        return ScimError::invalidValue(QStringLiteral("displayName is required and must be a string."));
    if (const Result<QString> valid = Group::validateDisplayName(displayName.toString()); !valid)
        return ScimError::invalidValue(valid.error().message);
    g.displayName = displayName.toString();

    const QJsonValue externalId = JsonAccess::value(body, u"externalId");
    if (!externalId.isUndefined() && !externalId.isNull() && !externalId.isString())
        return ScimError::invalidValue(QStringLiteral("externalId must be a string."));
    g.externalId = externalId.toString();

    g.memberIds.clear();
    const QJsonValue members = JsonAccess::value(body, u"members");
    if (!members.isUndefined() && !members.isNull()) {
        if (!members.isArray())
            return ScimError::invalidValue(QStringLiteral("members must be an array."));
        QSet<QString> seen;
        for (const QJsonValue &member : members.toArray()) {
            if (member.isString()) {
                if (!seen.contains(member.toString())) {
                    seen.insert(member.toString());
                    g.memberIds.append(member.toString());
                }
                continue;
            }
            const QJsonObject object = member.toObject();
            const QJsonValue value = JsonAccess::value(object, u"value");
            if (!member.isObject() || !value.isString())
                return ScimError::invalidValue(QStringLiteral("Each member needs a \"value\": the id of a user."));
            const QString type = JsonAccess::value(object, u"type").toString();
            if (!type.isEmpty() && type.compare(u"User", Qt::CaseInsensitive) != 0)
                return ScimError::invalidValue(
                    QStringLiteral("Group members are users only; \"%1\" is of type %2.").arg(value.toString(), type));
            if (!seen.contains(value.toString())) {
                seen.insert(value.toString());
                g.memberIds.append(value.toString());
            }
        }
    }

    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        static const QStringList known{QStringLiteral("schemas"),     QStringLiteral("id"),
                                       QStringLiteral("displayName"), QStringLiteral("externalId"),
                                       QStringLiteral("members"),     QStringLiteral("meta")};
        if (!known.contains(it.key(), Qt::CaseInsensitive))
            parsed.warnings.append(QStringLiteral("ignored %1 (not synced)").arg(it.key()));
    }
    return parsed;
}

std::optional<ScimError> GroupResource::checkMemberCount(const QJsonObject &body)
{
    if (JsonAccess::value(body, u"members").toArray().size() <= MaxMembersPerRequest)
        return std::nullopt;
    return ScimError::invalidValue(
        QStringLiteral("A request may list at most %1 members; add the rest with PATCH.").arg(MaxMembersPerRequest));
}

std::optional<StoredAttribute> GroupResource::attribute(const AttributePath &path, const ScimContext &context)
{
    using Field = StoredAttribute::Field;
    const auto stored = [](Field field, bool element = false, QString argument = {}) {
        return StoredAttribute{field, element, std::move(argument), {}};
    };
    if (!path.schema.isEmpty() && !path.inSchema(ScimSchemas::Group))
        return std::nullopt;
    if (path.is(u"id"))
        return stored(Field::Id);
    if (path.is(u"externalId"))
        return stored(Field::ExternalId);
    if (path.is(u"displayName"))
        return stored(Field::DisplayName);
    if (path.is(u"members") || path.is(u"members", u"value"))
        return stored(Field::Member, path.subAttribute.isEmpty());
    if (path.is(u"members", u"type"))
        return stored(Field::MemberType, false, QStringLiteral("User"));
    if (path.is(u"members", u"$ref"))
        return stored(Field::MemberRef, false, context.baseUrl + QStringLiteral("/Users/"));
    if (path.attribute.compare(u"meta", Qt::CaseInsensitive) == 0)
        return ResourceMeta::attribute(path, QStringLiteral("Group"), location(context, {}));
    return std::nullopt;
}

} // namespace ScimConsole::Core
