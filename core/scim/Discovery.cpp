// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/Discovery.h"

#include "core/scim/ScimSchemas.h"

namespace ScimConsole::Core {

namespace {

struct Attr
{
    const char *name;
    const char *type = "string";
    bool multiValued = false;
    bool required = false;
    bool caseExact = false;
    const char *mutability = "readWrite";
    const char *returned = "default";
    const char *uniqueness = "none";
    QJsonArray subAttributes = {};
    const char *description = "";
};

QJsonObject attribute(const Attr &a)
{
    QJsonObject json{{QStringLiteral("name"), QLatin1StringView(a.name)},
                     {QStringLiteral("type"), QLatin1StringView(a.type)},
                     {QStringLiteral("multiValued"), a.multiValued},
                     {QStringLiteral("description"), QLatin1StringView(a.description)},
                     {QStringLiteral("required"), a.required},
                     {QStringLiteral("caseExact"), a.caseExact},
                     {QStringLiteral("mutability"), QLatin1StringView(a.mutability)},
                     {QStringLiteral("returned"), QLatin1StringView(a.returned)},
                     {QStringLiteral("uniqueness"), QLatin1StringView(a.uniqueness)}};
    if (!a.subAttributes.isEmpty())
        json.insert(QStringLiteral("subAttributes"), a.subAttributes);
    return json;
}

QJsonObject schema(const QString &id, const QString &name, const QString &description, const QJsonArray &attributes,
                   const QString &baseUrl)
{
    return {{QStringLiteral("schemas"), QJsonArray{QString(ScimSchemas::Schema)}},
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Schema")},
                         {QStringLiteral("location"), baseUrl + QStringLiteral("/Schemas/") + id}}}};
}

QJsonArray typedValue(const char *valueDescription)
{
    return {attribute({.name = "value", .description = valueDescription}),
            attribute({.name = "type", .description = "Only \"work\" is kept."}),
            attribute({.name = "primary", .type = "boolean"})};
}

} // namespace

QJsonObject Discovery::serviceProviderConfig(const ScimContext &context)
{
    const auto supported = [](bool yes) { return QJsonObject{{QStringLiteral("supported"), yes}}; };
    return {
        {QStringLiteral("schemas"), QJsonArray{QString(ScimSchemas::ServiceProviderConfig)}},
        {QStringLiteral("documentationUri"), QStringLiteral("https://datatracker.ietf.org/doc/html/rfc7644")},
        {QStringLiteral("patch"), supported(true)},
        {QStringLiteral("bulk"), QJsonObject{{QStringLiteral("supported"), false},
                                             {QStringLiteral("maxOperations"), 0},
                                             {QStringLiteral("maxPayloadSize"), 0}}},
        {QStringLiteral("filter"),
         QJsonObject{{QStringLiteral("supported"), true}, {QStringLiteral("maxResults"), MaxResults}}},
        {QStringLiteral("changePassword"), supported(false)},
        {QStringLiteral("sort"), supported(true)},
        {QStringLiteral("etag"), supported(true)},
        {QStringLiteral("authenticationSchemes"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("oauthbearertoken")},
                                {QStringLiteral("name"), QStringLiteral("OAuth Bearer Token")},
                                {QStringLiteral("description"),
                                 QStringLiteral("Authentication with a bearer token of this application.")},
                                {QStringLiteral("primary"), true}},
                    // C-11: access tokens from the client credentials grant (RFC 6749 §4.4), used as bearer
                    // tokens once obtained.
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("oauth2")},
                                {QStringLiteral("name"), QStringLiteral("OAuth 2.0 client credentials")},
                                {QStringLiteral("description"),
                                 QStringLiteral("An access token from %1/oauth2/token (grant_type="
                                                "client_credentials), when the application allows it.")
                                     .arg(context.baseUrl)},
                                {QStringLiteral("specUri"), QStringLiteral("https://www.rfc-editor.org/rfc/rfc6749")},
                                {QStringLiteral("primary"), false}}}},
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("ServiceProviderConfig")},
                     {QStringLiteral("location"), context.baseUrl + QStringLiteral("/ServiceProviderConfig")}}}};
}

QJsonArray Discovery::resourceTypes(const ScimContext &context)
{
    QJsonArray extensions{QJsonObject{{QStringLiteral("schema"), QString(ScimSchemas::EnterpriseUser)},
                                      {QStringLiteral("required"), false}}};
    if (!context.app.namespaceUrn.isEmpty())
        extensions.append(
            QJsonObject{{QStringLiteral("schema"), context.app.namespaceUrn}, {QStringLiteral("required"), false}});
    const auto type = [&](const QString &name, const QString &endpoint, const QString &schemaUrn) {
        return QJsonObject{
            {QStringLiteral("schemas"), QJsonArray{QString(ScimSchemas::ResourceType)}},
            {QStringLiteral("id"), name},
            {QStringLiteral("name"), name},
            {QStringLiteral("endpoint"), endpoint},
            {QStringLiteral("schema"), schemaUrn},
            {QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("ResourceType")},
                         {QStringLiteral("location"), context.baseUrl + QStringLiteral("/ResourceTypes/") + name}}}};
    };
    QJsonObject user = type(QStringLiteral("User"), QStringLiteral("/Users"), QString(ScimSchemas::User));
    user.insert(QStringLiteral("description"), QStringLiteral("Directory accounts"));
    user.insert(QStringLiteral("schemaExtensions"), extensions);
    QJsonObject group = type(QStringLiteral("Group"), QStringLiteral("/Groups"), QString(ScimSchemas::Group));
    group.insert(QStringLiteral("description"), QStringLiteral("Directory groups"));
    return {user, group};
}

QJsonArray Discovery::schemas(const ScimContext &context)
{
    const QJsonArray nameSubs{attribute({.name = "givenName"}), attribute({.name = "familyName"}),
                              attribute({.name = "formatted"})};
    const QJsonArray user{
        attribute(
            {.name = "id", .caseExact = true, .mutability = "readOnly", .returned = "always", .uniqueness = "server"}),
        attribute({.name = "externalId", .caseExact = true}),
        attribute(
            {.name = "userName", .required = true, .uniqueness = "server", .description = "Unique, ignoring case."}),
        attribute({.name = "displayName"}),
        attribute({.name = "name", .type = "complex", .subAttributes = nameSubs}),
        attribute({.name = "active", .type = "boolean"}),
        attribute({.name = "password", .mutability = "writeOnly", .returned = "never"}),
        attribute(
            {.name = "emails", .type = "complex", .multiValued = true, .subAttributes = typedValue("A work email.")}),
        attribute({.name = "phoneNumbers",
                   .type = "complex",
                   .multiValued = true,
                   .subAttributes = typedValue("A work number; with a country code it starts with +.")}),
        attribute({.name = "phoneRegion", .description = "Country calling code of the phone number, such as 86."}),
    };
    const QJsonArray enterprise{attribute(
        {.name = "organizationId", .caseExact = true, .description = "The directory organization of the account."})};
    const QJsonArray memberSubs{attribute({.name = "value", .caseExact = true, .mutability = "immutable"}),
                                attribute({.name = "$ref", .type = "reference", .mutability = "immutable"}),
                                attribute({.name = "type", .mutability = "immutable", .description = "User only."})};
    const QJsonArray group{
        attribute(
            {.name = "id", .caseExact = true, .mutability = "readOnly", .returned = "always", .uniqueness = "server"}),
        attribute({.name = "externalId", .caseExact = true}),
        attribute({.name = "displayName", .required = true}),
        attribute({.name = "members", .type = "complex", .multiValued = true, .subAttributes = memberSubs}),
    };
    QJsonArray result{
        schema(QString(ScimSchemas::User), QStringLiteral("User"), QStringLiteral("User Account"), user,
               context.baseUrl),
        schema(QString(ScimSchemas::EnterpriseUser), QStringLiteral("EnterpriseUser"),
               QStringLiteral("Enterprise extension: the account's organization"), enterprise, context.baseUrl),
        schema(QString(ScimSchemas::Group), QStringLiteral("Group"), QStringLiteral("Group"), group, context.baseUrl)};
    if (!context.app.namespaceUrn.isEmpty()) {
        QJsonArray custom;
        for (const ExtensionField &field : context.mappedFields) {
            const char *type = field.type == FieldType::Number    ? "decimal"
                               : field.type == FieldType::Boolean ? "boolean"
                                                                  : "string";
            QJsonObject a = attribute({.name = "", .type = type});
            a.insert(QStringLiteral("name"), field.name);
            a.insert(QStringLiteral("description"), field.displayName);
            custom.append(a);
        }
        result.append(schema(context.app.namespaceUrn, QStringLiteral("CustomFields"),
                             QStringLiteral("Custom fields mapped into directory extension fields"), custom,
                             context.baseUrl));
    }
    return result;
}

} // namespace ScimConsole::Core
