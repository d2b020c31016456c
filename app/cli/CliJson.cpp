// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/CliJson.h"

#include <QJsonArray>

namespace ScimConsole::Cli {

namespace {
QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
} // namespace

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const Core::Organization &org, const Core::OrganizationTree &tree)
{
    return {{QStringLiteral("id"), org.id},
            {QStringLiteral("parentId"), textOrNull(org.parentId)},
            {QStringLiteral("name"), org.name},
            {QStringLiteral("path"), tree.path(org.id)},
            {QStringLiteral("created"), timeJson(org.created)}};
}

QJsonObject toJson(const Core::AppRegistration &app, const Core::SyncScope &scope)
{
    const QJsonObject permission{{QStringLiteral("usersRead"), app.permission.usersRead},
                                 {QStringLiteral("usersWrite"), app.permission.usersWrite},
                                 {QStringLiteral("groupsRead"), app.permission.groupsRead},
                                 {QStringLiteral("groupsWrite"), app.permission.groupsWrite}};
    return {
        {QStringLiteral("id"), app.id},
        {QStringLiteral("name"), app.name},
        {QStringLiteral("kind"), Core::AppRegistration::kindName(app.kind)},
        // one SCIM base URL per application, relative to the server's address.
        {QStringLiteral("scimBasePath"), QStringLiteral("/scim/v2/apps/%1").arg(app.id)},
        {QStringLiteral("scimPermission"), permission},
        {QStringLiteral("suspended"), app.isSuspended()},
        {QStringLiteral("suspendedAt"),
         app.isSuspended() ? QJsonValue(app.suspendedAt.toString(Qt::ISODateWithMs)) : QJsonValue()},
        {QStringLiteral("onDuplicate"), Core::AppRegistration::duplicatePolicyName(app.onDuplicate)},
        {QStringLiteral("unsupportedTypes"), Core::AppRegistration::unsupportedTypePolicyName(app.unsupportedTypes)},
        {QStringLiteral("scope"),
         QJsonObject{{QStringLiteral("organizations"), QJsonArray::fromStringList(scope.organizationIds)},
                     {QStringLiteral("groups"), QJsonArray::fromStringList(scope.groupIds)}}},
        {QStringLiteral("syncTarget"), textOrNull(app.syncTargetOrgId)},
        {QStringLiteral("mapping"),
         QJsonObject{{QStringLiteral("namespace"), textOrNull(app.namespaceUrn)},
                     {QStringLiteral("fields"), QJsonArray::fromStringList(app.mappedFields)}}},
        {QStringLiteral("created"), timeJson(app.created)},
        {QStringLiteral("modified"), timeJson(app.modified)}};
}

QJsonObject toJson(const Core::ExtensionField &field)
{
    return {{QStringLiteral("name"), field.name},
            {QStringLiteral("type"), Core::ExtensionField::typeName(field.type)},
            {QStringLiteral("displayName"), field.displayName},
            {QStringLiteral("created"), timeJson(field.created)}};
}

QJsonObject toJson(const Core::BearerToken &token)
{
    return {{QStringLiteral("id"), token.id},
            {QStringLiteral("appId"), token.appId},
            {QStringLiteral("prefix"), token.prefix},
            {QStringLiteral("enabled"), token.enabled},
            {QStringLiteral("expired"), token.isExpired(QDateTime::currentDateTimeUtc())},
            {QStringLiteral("created"), timeJson(token.created)},
            {QStringLiteral("expires"), timeJson(token.expires)}};
}

} // namespace ScimConsole::Cli
