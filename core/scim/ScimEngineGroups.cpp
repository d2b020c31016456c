// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// ScimEngine: the /Groups endpoints and discovery.
#include "core/scim/ScimEngine.h"

#include "core/scim/Discovery.h"
#include "core/scim/GroupResource.h"
#include "core/scim/JsonAccess.h"
#include "core/scim/PatchEngine.h"
#include "core/scim/Projection.h"
#include "core/scim/ScimEngineSupport.h"
#include "core/scim/ScimSchemas.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/Database.h"
#include "core/store/GroupStore.h"

#include <QJsonArray>
#include <QSet>

namespace ScimConsole::Core {

/// One PATCH operation that only adds members to or removes members from a group, by value.
struct MemberChange
{
    bool add = true;
    QStringList ids;
};

using namespace EngineSupport;

namespace {

AttributeResolver groupAttributes(const ScimContext &context)
{
    return [&context](const AttributePath &path) { return GroupResource::attribute(path, context); };
}

Result<Group, ScimError> findGroup(Database &db, const ScimContext &context, const QString &id, bool withMembers = true)
{
    if (!context.scope.coversGroup(id))
        return ScimError::notFound(QStringLiteral("Group %1 not found.").arg(id));
    const Result<Group> found = GroupStore(db).get(id, withMembers);
    if (!found && found.error().code == ErrorCode::NotFound)
        return ScimError::notFound(QStringLiteral("Group %1 not found.").arg(id));
    if (!found)
        return storeFailure(found.error());
    return found.value();
}

/// G-02 and S-02: every member is a user this application sees.
std::optional<ScimError> checkMembers(Database &db, const ScimContext &context, const QStringList &memberIds)
{
    if (memberIds.isEmpty())
        return std::nullopt;
    const Result<QSet<QString>> inScope = AccountStore(db).inScope(memberIds, context.scope, context.tree);
    if (!inScope)
        return storeFailure(inScope.error());
    // A member outside the scope reads exactly like one that does not exist (or is no user at all).
    for (const QString &id : memberIds) {
        if (!inScope->contains(id))
            return ScimError::invalidValue(
                QStringLiteral("There is no user with id %1 in this application's sync scope: group members must be "
                               "users the application sees.")
                    .arg(id));
    }
    return std::nullopt;
}

/// The ids a write adds to the group: a write validates what it changes, and members it keeps are in scope through
/// the group itself (S-06), so checking them again would only cost a query per member.
QStringList addedMembers(const Group &current, const QStringList &memberIds)
{
    const QSet<QString> kept(current.memberIds.cbegin(), current.memberIds.cend());
    QStringList added;
    for (const QString &member : memberIds) {
        if (!kept.contains(member))
            added.append(member);
    }
    return added;
}

/// The resource as the application sees it, projected: written straight unless attributes are chosen.
void writeGroup(const Group &group, const ScimContext &context, const Projection &projection, bool withMembers,
                JsonWriter &json)
{
    if (projection.isIdentity())
        GroupResource::write(group, context, json, withMembers);
    else
        json.any(projection.apply(GroupResource::toJson(group, context, withMembers)));
}

QByteArray groupJson(const Group &group, const ScimContext &context, const Projection &projection, bool withMembers)
{
    QByteArray body;
    JsonWriter json(body);
    writeGroup(group, context, projection, withMembers, json);
    return body;
}

ScimResponse groupResponse(int status, const Group &group, const ScimContext &context, const QStringList &notes)
{
    ScimResponse response = withResource(json(status, groupJson(group, context, Projection(), true)),
                                         GroupResource::location(context, group.id), group.version, group.id);
    response.notes = notes;
    return response;
}

/// The operations of a group PATCH when every one is `add` or `remove` on the path `members` with a list of
/// {"value": id} (what Entra ID and Okta send to change membership), within the PATCH limits; otherwise nothing, and
/// the PATCH takes the general path. These are applied to the store directly, without reading the members.
std::optional<QList<MemberChange>> memberChanges(const QJsonObject &body)
{
    const QJsonArray operations = JsonAccess::value(body, u"Operations").toArray();
    if (operations.isEmpty() || operations.size() > PatchEngine::MaxOperations)
        return std::nullopt;
    QList<MemberChange> changes;
    for (const QJsonValue &operation : operations) {
        const QJsonObject op = operation.toObject();
        const QString kind = JsonAccess::value(op, u"op").toString();
        const QJsonArray values = JsonAccess::value(op, u"value").toArray();
        const bool add = kind.compare(u"add", Qt::CaseInsensitive) == 0;
        if ((!add && kind.compare(u"remove", Qt::CaseInsensitive) != 0) || op.size() != 3
            || JsonAccess::value(op, u"path").toString().compare(u"members", Qt::CaseInsensitive) != 0
            || values.isEmpty() || values.size() > PatchEngine::MaxValuesPerOperation)
            return std::nullopt;
        MemberChange change{add, {}};
        for (const QJsonValue &value : values) {
            const QString id = JsonAccess::value(value.toObject(), u"value").toString();
            if (id.isEmpty())
                return std::nullopt;
            change.ids.append(id);
        }
        changes.append(change);
    }
    return changes;
}

} // namespace

ScimResponse ScimEngine::listGroups(const ScimRequest &request, const ScimContext &context)
{
    const Result<ListRequest, ScimError> list =
        parseListQuery(request.query, groupAttributes(context),
                       [](const StoredAttribute &attribute) { return GroupStore::sortable(attribute); });
    if (!list)
        return failure(list.error());
    // excludedAttributes=members is honoured before members are read.
    const bool withMembers = list->projection.wants(u"members");
    const Result<ListPage<Group>> page = GroupStore(m_db).page(list->query, context.scope.groupIds, withMembers);
    if (!page)
        return failure(storeFailure(page.error()));
    return listResponse(page->total, list->startIndex, page->items, [&](const Group &group, JsonWriter &json) {
        writeGroup(group, context, list->projection, withMembers, json);
    });
}

ScimResponse ScimEngine::getGroup(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    const Result<Projection, ScimError> projection =
        Projection::parse(queryValue(request.query, "attributes"), queryValue(request.query, "excludedAttributes"));
    if (!projection)
        return failure(projection.error());
    const bool withMembers = projection->wants(u"members");
    const Result<Group, ScimError> group = findGroup(m_db, context, id, withMembers);
    if (!group)
        return failure(group.error());
    if (!request.ifNoneMatch.isEmpty() && ifMatchAllows(request.ifNoneMatch, group->version)) {
        ScimResponse notModified;
        notModified.status = 304;
        notModified.setHeader(QByteArrayLiteral("ETag"), etagOf(group->version));
        return notModified;
    }
    return withResource(json(200, groupJson(group.value(), context, projection.value(), withMembers)),
                        GroupResource::location(context, id), group->version, id);
}

ScimResponse ScimEngine::createGroup(const ScimRequest &request, const ScimContext &context)
{
    const Result<QJsonObject, ScimError> body = parseBody(request);
    if (!body)
        return failure(body.error());
    if (auto tooMany = GroupResource::checkMemberCount(body.value()))
        return failure(*tooMany);
    Result<GroupResource::Parsed, ScimError> parsed = GroupResource::fromJson(body.value(), nullptr);
    if (!parsed)
        return failure(parsed.error());
    Transaction tx(m_db);
    if (!tx)
        return failure(storeFailure(tx.error()));
    if (auto error = checkMembers(m_db, context, parsed->group.memberIds))
        return failure(*error);
    const Result<Group> created = GroupStore(m_db).create(parsed->group);
    if (!created)
        return failure(storeFailure(created.error()));
    // A group an application creates is in its scope (S-02): it sees what it wrote.
    if (const Status scoped = ApplicationStore(m_db).addGroupToScope(context.app.id, created->id); !scoped)
        return failure(storeFailure(scoped.error()));
    return commitIfSucceeded(tx, groupResponse(201, created.value(), context, parsed->warnings));
}

ScimResponse ScimEngine::replaceGroup(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    const auto replace = [&](const QJsonObject &body, const Group &current) {
        if (auto tooMany = GroupResource::checkMemberCount(body))
            return failure(*tooMany);
        Result<GroupResource::Parsed, ScimError> parsed = GroupResource::fromJson(body, &current);
        if (!parsed)
            return failure(parsed.error());
        if (auto error = checkMembers(m_db, context, addedMembers(current, parsed->group.memberIds)))
            return failure(*error);
        const Result<Group> updated = GroupStore(m_db).update(parsed->group);
        if (!updated)
            return failure(storeFailure(updated.error()));
        return groupResponse(200, updated.value(), context, parsed->warnings);
    };
    return modifyResource<Group>(
        m_db, request, "group", {QString(GroupStore::Table), id}, [&] { return findGroup(m_db, context, id); },
        replace);
}

ScimResponse ScimEngine::writeMemberChanges(const ScimContext &context, const Group &current,
                                            const QList<MemberChange> &changes)
{
    GroupStore groups(m_db);
    for (const MemberChange &change : changes) {
        QStringList added;
        if (change.add) {
            const Result<QStringList> fresh = groups.newMembers(current.id, change.ids);
            if (!fresh)
                return failure(storeFailure(fresh.error()));
            if (auto error = checkMembers(m_db, context, fresh.value()))
                return failure(*error);
            added = fresh.value();
        }
        if (const Status changed = groups.changeMembers(current.id, added, change.add ? QStringList() : change.ids);
            !changed)
            return failure(storeFailure(changed.error()));
    }
    if (const Status bumped = groups.bumpVersion(current.id); !bumped)
        return failure(storeFailure(bumped.error()));
    ScimResponse response;
    response.status = 204;
    response.resourceId = current.id;
    response.setHeader(QByteArrayLiteral("ETag"), etagOf(current.version + 1));
    return response;
}

ScimResponse ScimEngine::patchGroup(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    std::optional<QList<MemberChange>> memberOnly; // set before the transaction: then the members are not read
    const auto patch = [&](const QJsonObject &body, const Group &current) {
        const Result<PatchEngine::Outcome, ScimError> patched =
            PatchEngine::apply(GroupResource::toJson(current, context), body, {});
        if (!patched)
            return failure(patched.error());
        Result<GroupResource::Parsed, ScimError> parsed = GroupResource::fromJson(patched->resource, &current);
        if (!parsed)
            return failure(parsed.error());
        if (auto error = checkMembers(m_db, context, addedMembers(current, parsed->group.memberIds)))
            return failure(*error);
        const Result<Group> updated = GroupStore(m_db).update(parsed->group);
        if (!updated)
            return failure(storeFailure(updated.error()));
        ScimResponse response;
        response.status = 204;
        response.resourceId = id;
        response.setHeader(QByteArrayLiteral("ETag"), etagOf(updated->version));
        response.notes = patched->rewrites + parsed->warnings;
        return response;
    };
    return modifyResource<Group>(
        m_db, request, "group", {QString(GroupStore::Table), id},
        [&] { return findGroup(m_db, context, id, !memberOnly); },
        [&](const QJsonObject &body, const Group &current) {
            return memberOnly ? writeMemberChanges(context, current, *memberOnly) : patch(body, current);
        },
        [&](const QJsonObject &body) { memberOnly = memberChanges(body); });
}

ScimResponse ScimEngine::deleteGroup(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    Transaction tx(m_db);
    if (!tx)
        return failure(storeFailure(tx.error()));
    if (const Status locked = tx.lockRow(QString(GroupStore::Table), id); !locked)
        return failure(storeFailure(locked.error()));
    const Result<Group, ScimError> current = findGroup(m_db, context, id, false);
    if (!current)
        return failure(current.error());
    if (auto error = checkIfMatch(request, current->version, "group"))
        return failure(*error);
    if (const Status removed = GroupStore(m_db).remove(id); !removed)
        return failure(storeFailure(removed.error()));
    ScimResponse response;
    response.status = 204;
    response.resourceId = id;
    return commitIfSucceeded(tx, response);
}

ScimResponse ScimEngine::discovery(const ScimRequest &, const ScimContext &context, const QStringList &segments)
{
    const QString collection = segments.value(0);
    const QString name = segments.mid(1).join(u'/');
    if (collection.startsWith(u"ServiceProviderConfig", Qt::CaseInsensitive)
        || collection.compare(u"serviceConfiguration", Qt::CaseInsensitive) == 0) {
        if (!name.isEmpty())
            return failure(ScimError::notFound(QStringLiteral("No such document.")));
        return json(200, Discovery::serviceProviderConfig(context));
    }
    const QJsonArray all = collection.compare(u"Schemas", Qt::CaseInsensitive) == 0 ? Discovery::schemas(context)
                                                                                    : Discovery::resourceTypes(context);
    if (name.isEmpty())
        return listResponse(all.size(), 1, all,
                            [](const QJsonValue &document, JsonWriter &json) { json.any(document); });
    for (const QJsonValue &document : all) {
        if (document.toObject().value(u"id").toString().compare(name, Qt::CaseInsensitive) == 0)
            return json(200, document.toObject());
    }
    return failure(ScimError::notFound(QStringLiteral("There is no %1 \"%2\".").arg(collection, name)));
}

} // namespace ScimConsole::Core
