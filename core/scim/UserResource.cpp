// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/UserResource.h"

#include "core/domain/PhoneNumber.h"
#include "core/domain/UserFields.h"
#include "core/scim/AttributePath.h"
#include "core/scim/Filter.h"
#include "core/scim/JsonAccess.h"
#include "core/scim/ResourceMeta.h"
#include "core/scim/ScimSchemas.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ScimConsole::Core {

namespace {

const QLatin1StringView TypeWork("work");
bool truthy(const QJsonValue &value)
{
    return value.isBool() ? value.toBool()
                          : value.isString() && value.toString().compare(u"true", Qt::CaseInsensitive) == 0;
}

/// Reads a multi-valued attribute (emails, phoneNumbers) into typed values.
Result<QList<TypedValue>, ScimError> typedValues(const QJsonValue &json, const QString &attribute)
{
    QList<TypedValue> values;
    if (json.isUndefined() || json.isNull())
        return values;
    if (!json.isArray())
        return ScimError::invalidValue(QStringLiteral("%1 must be an array.").arg(attribute));
    for (const QJsonValue &element : json.toArray()) {
        if (!element.isObject())
            return ScimError::invalidValue(QStringLiteral("Each element of %1 must be an object.").arg(attribute));
        const QJsonObject object = element.toObject();
        const QJsonValue value = JsonAccess::value(object, u"value");
        if (!value.isString())
            return ScimError::invalidValue(QStringLiteral("%1.value must be a string.").arg(attribute));
        const QJsonValue primary = JsonAccess::value(object, u"primary");
        values.append({JsonAccess::value(object, u"type").toString(), value.toString(),
                       primary.isUndefined() || primary.isNull() ? std::nullopt : std::optional(truthy(primary))});
    }
    return values;
}

Result<QString, ScimError> optionalString(const QJsonObject &object, QStringView name)
{
    const QJsonValue value = JsonAccess::value(object, name);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return ScimError::invalidValue(QStringLiteral("%1 must be a string.").arg(name));
    return value.toString();
}

QStringList knownCoreAttributes()
{
    return {QStringLiteral("schemas"),     QStringLiteral("id"),          QStringLiteral("externalId"),
            QStringLiteral("userName"),    QStringLiteral("displayName"), QStringLiteral("name"),
            QStringLiteral("active"),      QStringLiteral("emails"),      QStringLiteral("phoneNumbers"),
            QStringLiteral("phoneRegion"), QStringLiteral("password"),    QStringLiteral("meta"),
            QStringLiteral("groups")};
}

} // namespace

QString UserResource::location(const ScimContext &context, const QString &id)
{
    return context.baseUrl + QStringLiteral("/Users/") + id;
}

bool UserResource::showsExtensionValues(const ScimContext &context)
{
    return !context.app.namespaceUrn.isEmpty() && !context.mappedFields.isEmpty();
}

void UserResource::write(const Account &account, const ScimContext &context, JsonWriter &json)
{
    // The organization only where the application may see it: an account in scope through a group (S-06) may sit
    // in an organization outside the scope, whose id is not the application's to learn.
    const bool orgVisible = context.app.id.isEmpty() || context.scope.coversOrganization(account.orgId, context.tree);
    const bool withOrganization = !account.orgId.isEmpty() && orgVisible;
    QList<const ExtensionField *> extension;
    if (showsExtensionValues(context)) {
        for (const ExtensionField &field : context.mappedFields) {
            if (account.extensionValues.contains(field.name))
                extension.append(&field);
        }
    }

    json.beginObject().key(u"schemas").beginArray().value(ScimSchemas::User);
    if (withOrganization)
        json.value(ScimSchemas::EnterpriseUser);
    if (!extension.isEmpty())
        json.value(context.app.namespaceUrn);
    json.endArray().field(u"id", account.id);
    if (!account.externalId.isEmpty())
        json.field(u"externalId", account.externalId);
    json.field(u"userName", account.userName);
    if (!account.givenName.isEmpty() || !account.familyName.isEmpty() || !account.formattedName.isEmpty()) {
        json.key(u"name").beginObject();
        if (!account.givenName.isEmpty())
            json.field(u"givenName", account.givenName);
        if (!account.familyName.isEmpty())
            json.field(u"familyName", account.familyName);
        if (!account.formattedName.isEmpty())
            json.field(u"formatted", account.formattedName);
        json.endObject();
    }
    if (!account.displayName.isEmpty())
        json.field(u"displayName", account.displayName);
    json.field(u"active", account.active);

    // The one work value of each, with "primary" exactly as the client sent it (or not at all).
    const auto workValue = [&json](QAnyStringView name, const QString &value, std::optional<bool> primary) {
        if (value.isEmpty())
            return;
        json.key(name).beginArray().beginObject().field(u"value", value).field(u"type", TypeWork);
        if (primary)
            json.field(u"primary", *primary);
        json.endObject().endArray();
    };
    workValue(u"emails", account.email, account.emailPrimary);
    workValue(u"phoneNumbers", account.phoneNumber, account.phonePrimary);
    if (!account.phoneRegion.isEmpty())
        json.field(u"phoneRegion", account.phoneRegion);

    if (withOrganization)
        json.key(ScimSchemas::EnterpriseUser).beginObject().field(u"organizationId", account.orgId).endObject();
    if (!extension.isEmpty()) {
        json.key(context.app.namespaceUrn).beginObject();
        for (const ExtensionField *field : std::as_const(extension))
            json.key(field->name).any(account.extensionValues.value(field->name));
        json.endObject();
    }
    json.key(u"meta");
    ResourceMeta::write(json, u"User", account.created, account.modified, location(context, account.id),
                        account.version);
    json.endObject();
}

QJsonObject UserResource::toJson(const Account &account, const ScimContext &context)
{
    QByteArray bytes;
    JsonWriter json(bytes);
    write(account, context, json);
    return QJsonDocument::fromJson(bytes).object();
}

UserResource::PasswordHashes UserResource::PasswordHashes::forBody(const QJsonObject &body, bool patch,
                                                                   const PasswordPolicy &policy,
                                                                   const std::function<void()> &beforeHashing)
{
    // The password a body sets is the last one it names: each PATCH operation overwrites what the ones before it set
    // (and a removal names an empty one). So one hash at most, whatever the body carries.
    QString password;
    if (!patch) {
        password = JsonAccess::value(body, u"password").toString();
    } else {
        for (const QJsonValue &operation : JsonAccess::value(body, u"Operations").toArray()) {
            const QJsonObject op = operation.toObject();
            const QString path = JsonAccess::value(op, u"path").toString();
            const QJsonValue value = JsonAccess::value(op, u"value");
            if (path.isEmpty()) {
                if (const QJsonValue named = JsonAccess::value(value.toObject(), u"password"); !named.isUndefined())
                    password = named.toString();
            } else if (const auto parsed = AttributePath::parse(path);
                       parsed && parsed->is(u"password")
                       && (parsed->schema.isEmpty() || parsed->inSchema(ScimSchemas::User))) {
                password = value.toString();
            }
        }
    }
    PasswordHashes hashes;
    if (password.isEmpty() || !policy.check(password)) // refused: the request fails without hashing
        return hashes;
    if (beforeHashing)
        beforeHashing();
    hashes.m_password = password;
    hashes.m_hash = PasswordHash::create(password);
    return hashes;
}

Result<UserResource::Parsed, ScimError> UserResource::fromJson(const QJsonObject &body, const ScimContext &context,
                                                               const Account *existing, const PasswordHashes &hashes)
{
    Parsed parsed;
    Account &a = parsed.account;
    if (existing)
        a = *existing;

    const QJsonArray schemas = JsonAccess::value(body, u"schemas").toArray();
    const bool declaresUser = std::any_of(schemas.begin(), schemas.end(), [](const QJsonValue &v) {
        return v.toString().compare(ScimSchemas::User, Qt::CaseInsensitive) == 0;
    });
    if (!declaresUser)
        return ScimError::invalidValue(QStringLiteral("schemas must list %1.").arg(ScimSchemas::User));

    // U-02, U-13
    const QJsonValue userName = JsonAccess::value(body, u"userName");
    if (!userName.isString())
        return ScimError::invalidValue(QStringLiteral("userName is required and must be a string."));
    if (const Result<QString> valid = UserFields::validateUserName(userName.toString()); !valid)
        return ScimError::invalidValue(valid.error().message);
    a.userName = userName.toString();

    // U-03, U-07, U-12
    const auto readString = [&](QStringView name, QString &target,
                                const QJsonObject &from) -> std::optional<ScimError> {
        Result<QString, ScimError> value = optionalString(from, name);
        if (!value)
            return value.error();
        if (value->size() > UserFields::MaxTextLength)
            return ScimError::invalidValue(QStringLiteral("%1 has %2 characters; at most %3 are kept.")
                                               .arg(name.toString())
                                               .arg(value->size())
                                               .arg(UserFields::MaxTextLength));
        target = value.value();
        return std::nullopt;
    };
    if (auto e = readString(u"externalId", a.externalId, body))
        return *e;
    if (auto e = readString(u"displayName", a.displayName, body))
        return *e;
    const QJsonValue name = JsonAccess::value(body, u"name");
    a.givenName.clear();
    a.familyName.clear();
    a.formattedName.clear();
    if (name.isObject()) {
        const QJsonObject n = name.toObject();
        if (auto e = readString(u"givenName", a.givenName, n))
            return *e;
        if (auto e = readString(u"familyName", a.familyName, n))
            return *e;
        if (auto e = readString(u"formatted", a.formattedName, n))
            return *e;
        for (auto it = n.constBegin(); it != n.constEnd(); ++it) {
            const QString key = it.key();
            if (key.compare(u"givenName", Qt::CaseInsensitive) != 0
                && key.compare(u"familyName", Qt::CaseInsensitive) != 0
                && key.compare(u"formatted", Qt::CaseInsensitive) != 0)
                parsed.warnings.append(QStringLiteral("ignored name.%1 (not synced)").arg(key));
        }
    } else if (!name.isUndefined() && !name.isNull()) {
        return ScimError::invalidValue(QStringLiteral("name must be an object."));
    }

    // U-08
    const QJsonValue active = JsonAccess::value(body, u"active");
    if (active.isUndefined() || active.isNull()) {
        a.active = true;
    } else {
        const Result<bool> status = UserFields::statusFromActive(active);
        if (!status)
            return ScimError::invalidValue(status.error().message);
        a.active = status.value();
    }

    // U-06, U-11
    Result<QList<TypedValue>, ScimError> emails =
        typedValues(JsonAccess::value(body, u"emails"), QStringLiteral("emails"));
    if (!emails)
        return emails.error();
    const Result<WorkValueSelection> email =
        UserFields::selectWorkValue(QStringLiteral("emails"), emails.value(), context.app.unsupportedTypes);
    if (!email)
        return ScimError::invalidValue(email.error().message);
    parsed.warnings << email->warnings;
    a.email.clear();
    a.emailPrimary = email->primary;
    if (!email->value.isEmpty()) {
        const Result<QString> valid = UserFields::validateEmail(email->value);
        if (!valid)
            return ScimError::invalidValue(valid.error().message);
        a.email = valid.value();
    }

    // U-04, U-05, U-11, U-14
    QString phoneRegion;
    if (auto e = readString(u"phoneRegion", phoneRegion, body))
        return *e;
    Result<QList<TypedValue>, ScimError> phones =
        typedValues(JsonAccess::value(body, u"phoneNumbers"), QStringLiteral("phoneNumbers"));
    if (!phones)
        return phones.error();
    const Result<WorkValueSelection> phone =
        UserFields::selectWorkValue(QStringLiteral("phoneNumbers"), phones.value(), context.app.unsupportedTypes);
    if (!phone)
        return ScimError::invalidValue(phone.error().message);
    parsed.warnings << phone->warnings;
    // U-05: only a region the client sent can disagree with the number. The representation shows the derived region
    // too, so a region equal to the one derived before is that echo (a PATCH works on the whole representation,
    // and clients send back what they read), not a statement: it follows the number.
    if (existing && !existing->phoneRegionGiven && !phoneRegion.isEmpty()
        && PhoneNumber::normalizeRegion(phoneRegion).value_or(QString()) == existing->phoneRegion) {
        phoneRegion.clear();
    }
    a.phoneNumber.clear();
    a.phonePrimary = phone->primary;
    a.phoneDigits.clear();
    a.phoneRegion.clear();
    a.phoneRegionGiven = !phoneRegion.isEmpty();
    if (!phone->value.isEmpty()) {
        const Result<PhoneNumber> number = PhoneNumber::fromScim(phone->value, phoneRegion);
        if (!number)
            return ScimError::invalidValue(number.error().message);
        a.phoneNumber = number->value;
        a.phoneDigits = number->digits;
        a.phoneRegion = number->region;
    } else if (!phoneRegion.isEmpty()) {
        const Result<QString> region = PhoneNumber::normalizeRegion(phoneRegion);
        if (!region)
            return ScimError::invalidValue(region.error().message);
        a.phoneRegion = region.value();
    }

    // U-09: plaintext on the wire, a salted hash at rest, never echoed.
    const QJsonValue password = JsonAccess::value(body, u"password");
    if (password.isString()) {
        if (const Status allowed = context.passwordPolicy.check(password.toString()); !allowed)
            return ScimError::invalidValue(allowed.error().message);
        a.passwordHash = hashes.hashOf(password.toString());
        if (a.passwordHash.isEmpty())
            a.passwordHash = PasswordHash::create(password.toString());
    } else if (!password.isUndefined() && !password.isNull()) {
        return ScimError::invalidValue(QStringLiteral("password must be a string."));
    }

    // U-10, S-02, S-03
    const QJsonValue enterprise = JsonAccess::value(body, QString(ScimSchemas::EnterpriseUser));
    QString orgId;
    if (enterprise.isObject()) {
        const QJsonObject e = enterprise.toObject();
        if (auto error = readString(u"organizationId", orgId, e))
            return *error;
        for (auto it = e.constBegin(); it != e.constEnd(); ++it) {
            if (it.key().compare(u"organizationId", Qt::CaseInsensitive) != 0)
                parsed.warnings.append(
                    QStringLiteral("ignored %1:%2 (not synced)").arg(ScimSchemas::EnterpriseUser, it.key()));
        }
    } else if (!enterprise.isUndefined() && !enterprise.isNull()) {
        return ScimError::invalidValue(QStringLiteral("%1 must be an object.").arg(ScimSchemas::EnterpriseUser));
    }
    // A write validates what it changes: an account kept in its organization is no move, even when that
    // organization is outside the scope (the account is in scope through a group, S-06).
    if (!orgId.isEmpty() && existing && orgId == existing->orgId) {
        a.orgId = orgId;
    } else if (!orgId.isEmpty()) {
        // Outside the scope reads exactly like absent: an application learns nothing of the rest of the tree.
        if (!context.tree.contains(orgId) || !context.scope.coversOrganization(orgId, context.tree))
            return ScimError::invalidValue(
                QStringLiteral("There is no organization with id %1 in this application's sync scope.").arg(orgId));
        a.orgId = orgId;
    } else if (a.orgId.isEmpty()) {
        if (context.app.syncTargetOrgId.isEmpty())
            return ScimError::invalidValue(QStringLiteral("The account has no organizationId and this application "
                                                          "has no sync target: set one in the console."));
        a.orgId = context.app.syncTargetOrgId;
    }

    // M-02, M-03: attributes under the application's namespace go into the chosen extension fields.
    for (const ExtensionField &field : context.mappedFields)
        a.extensionValues.remove(field.name);
    if (!context.app.namespaceUrn.isEmpty()) {
        const QJsonValue extension = JsonAccess::value(body, context.app.namespaceUrn);
        if (extension.isObject()) {
            const QJsonObject values = extension.toObject();
            for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
                const ExtensionField *field = context.mappedField(it.key());
                if (!field) {
                    parsed.warnings.append(
                        QStringLiteral("ignored %1:%2 (not a mapped field)").arg(context.app.namespaceUrn, it.key()));
                    continue;
                }
                if (it.value().isNull())
                    continue;
                const Result<QJsonValue> coerced = field->coerce(it.value());
                if (!coerced)
                    return ScimError::invalidValue(coerced.error().message);
                a.extensionValues.insert(field->name, coerced.value());
            }
        } else if (!extension.isUndefined() && !extension.isNull()) {
            return ScimError::invalidValue(QStringLiteral("%1 must be an object.").arg(context.app.namespaceUrn));
        }
    }

    // U-15: anything else is accepted and ignored.
    const QStringList known = knownCoreAttributes();
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString key = it.key();
        const bool isKnown =
            std::any_of(known.cbegin(), known.cend(),
                        [&](const QString &k) { return k.compare(key, Qt::CaseInsensitive) == 0; })
            || key.compare(ScimSchemas::EnterpriseUser, Qt::CaseInsensitive) == 0
            || (!context.app.namespaceUrn.isEmpty() && key.compare(context.app.namespaceUrn, Qt::CaseInsensitive) == 0);
        if (!isKnown)
            parsed.warnings.append(QStringLiteral("ignored %1 (not synced)").arg(key));
    }
    return parsed;
}

std::optional<StoredAttribute> UserResource::attribute(const AttributePath &path, const ScimContext &context)
{
    using Field = StoredAttribute::Field;
    const auto stored = [](Field field, bool element = false) { return StoredAttribute{field, element, {}, {}}; };
    if (path.inSchema(ScimSchemas::EnterpriseUser)) {
        if (path.is(u"organizationId"))
            return stored(Field::OrganizationId);
        return std::nullopt;
    }
    if (!context.app.namespaceUrn.isEmpty() && path.inSchema(context.app.namespaceUrn)) {
        const ExtensionField *field = path.subAttribute.isEmpty() ? context.mappedField(path.attribute) : nullptr;
        if (!field)
            return std::nullopt;
        return StoredAttribute{Field::Extension, false, field->name, field->type};
    }
    if (!path.schema.isEmpty() && !path.inSchema(ScimSchemas::User))
        return std::nullopt;

    if (path.is(u"id"))
        return stored(Field::Id);
    if (path.is(u"externalId"))
        return stored(Field::ExternalId);
    if (path.is(u"userName"))
        return stored(Field::UserName);
    if (path.is(u"displayName"))
        return stored(Field::DisplayName);
    if (path.is(u"name", u"givenName"))
        return stored(Field::GivenName);
    if (path.is(u"name", u"familyName"))
        return stored(Field::FamilyName);
    if (path.is(u"name", u"formatted"))
        return stored(Field::FormattedName);
    if (path.is(u"active"))
        return stored(Field::Active);
    if (path.is(u"phoneRegion"))
        return stored(Field::PhoneRegion);
    if (path.is(u"emails") || path.is(u"emails", u"value"))
        return stored(Field::Email, path.subAttribute.isEmpty());
    if (path.is(u"emails", u"type") || path.is(u"phoneNumbers", u"type"))
        return stored(Field::WorkType);
    if (path.is(u"emails", u"primary"))
        return stored(Field::EmailPrimary);
    if (path.is(u"phoneNumbers") || path.is(u"phoneNumbers", u"value"))
        return stored(Field::PhoneNumber, path.subAttribute.isEmpty());
    if (path.is(u"phoneNumbers", u"primary"))
        return stored(Field::PhonePrimary);
    if (path.is(u"groups") || path.is(u"groups", u"value")) {
        // An application sees only the groups in its scope; the console's own view (no application) every group.
        return StoredAttribute{Field::Groups, path.subAttribute.isEmpty(), context.app.id, {}};
    }
    if (path.attribute.compare(u"meta", Qt::CaseInsensitive) == 0)
        return ResourceMeta::attribute(path, QStringLiteral("User"), location(context, {}));
    return std::nullopt;
}

Result<ResourceFilter, ScimError> UserResource::directoryFilter(const QString &filter)
{
    Result<FilterPtr, ScimError> parsed = Filter::parse(filter);
    if (!parsed)
        return parsed.error();
    // No application: the basic fields only.
    return ResourceFilter{parsed.value(), [](const AttributePath &path) { return attribute(path, ScimContext()); }};
}

} // namespace ScimConsole::Core
