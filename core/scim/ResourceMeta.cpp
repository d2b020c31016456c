#include "core/scim/ResourceMeta.h"

namespace ScimConsole::Core {

QJsonObject ResourceMeta::toJson(const QString &resourceType, const QDateTime &created, const QDateTime &modified,
                                 const QString &location, qint64 version)
{
    return {{QStringLiteral("resourceType"), resourceType},
            {QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("lastModified"), modified.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("location"), location},
            {QStringLiteral("version"), QStringLiteral("W/\"%1\"").arg(version)}};
}

std::optional<StoredAttribute> ResourceMeta::attribute(const AttributePath &path, const QString &resourceType,
                                                       const QString &locationPrefix)
{
    using Field = StoredAttribute::Field;
    if (path.is(u"meta", u"created"))
        return StoredAttribute{Field::Created, false, {}, {}};
    if (path.is(u"meta", u"lastModified"))
        return StoredAttribute{Field::Modified, false, {}, {}};
    if (path.is(u"meta", u"resourceType"))
        return StoredAttribute{Field::ResourceType, false, resourceType, {}};
    if (path.is(u"meta", u"location"))
        return StoredAttribute{Field::Location, false, locationPrefix, {}};
    if (path.is(u"meta", u"version"))
        return StoredAttribute{Field::Version, false, {}, {}};
    return std::nullopt;
}

} // namespace ScimConsole::Core
