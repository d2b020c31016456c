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

std::optional<SqlColumn> ResourceMeta::column(const AttributePath &path, const QString &resourceType,
                                              const QString &alias, const QString &locationPrefix)
{
    using Kind = SqlColumn::Kind;
    if (path.is(u"meta", u"created"))
        return SqlColumn(alias + QStringLiteral(".created"), Kind::DateTime);
    if (path.is(u"meta", u"lastModified"))
        return SqlColumn(alias + QStringLiteral(".modified"), Kind::DateTime);
    if (path.is(u"meta", u"resourceType")) {
        // A constant of the endpoint; the name is no user input, but bind it all the same.
        return SqlColumn(QStringLiteral("CAST(? AS TEXT)"), Kind::TextIgnoreCase, {}, {}, {resourceType});
    }
    if (path.is(u"meta", u"location")) {
        return SqlColumn(QStringLiteral("(CAST(? AS TEXT) || %1.id)").arg(alias), Kind::Text, {}, {}, {locationPrefix});
    }
    if (path.is(u"meta", u"version")) {
        return SqlColumn(QStringLiteral("('W/\"' || CAST(%1.version AS TEXT) || '\"')").arg(alias),
                         Kind::TextIgnoreCase);
    }
    return std::nullopt;
}

} // namespace ScimConsole::Core
