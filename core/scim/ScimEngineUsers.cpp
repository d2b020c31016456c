// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// ScimEngine: the /Users endpoints.
#include "core/scim/ScimEngine.h"

#include "core/scim/PatchEngine.h"
#include "core/scim/Projection.h"
#include "core/scim/ScimEngineSupport.h"
#include "core/scim/UserResource.h"
#include "core/store/AccountStore.h"
#include "core/store/Database.h"

#include <QJsonArray>

namespace ScimConsole::Core {

using namespace EngineSupport;

namespace {

AttributeResolver userAttributes(const ScimContext &context)
{
    return [&context](const AttributePath &path) { return UserResource::attribute(path, context); };
}

/// S-02: the account `id` if the application sees it; NotFound otherwise, never revealing accounts out of scope.
/// What a read that only answers with resources needs of the store (whole accounts when they are written back).
AccountStore::Reads answerReads(const ScimContext &context)
{
    return UserResource::showsExtensionValues(context) ? AccountStore::Reads::Whole
                                                       : AccountStore::Reads::WithoutExtensionValues;
}

Result<Account, ScimError> findUser(Database &db, const ScimContext &context, const QString &id,
                                    AccountStore::Reads reads = AccountStore::Reads::Whole)
{
    const Result<Account> found = AccountStore(db, reads).getInScope(id, context.scope, context.tree);
    if (!found && found.error().code == ErrorCode::NotFound)
        return ScimError::notFound(QStringLiteral("User %1 not found.").arg(id));
    if (!found)
        return storeFailure(found.error());
    return found.value();
}

Result<bool, ScimError> userInScope(Database &db, const ScimContext &context, const QString &id)
{
    const Result<QSet<QString>> covered = AccountStore(db).inScope({id}, context.scope, context.tree);
    if (!covered)
        return storeFailure(covered.error());
    return !covered->isEmpty();
}

/// The resource as the application sees it, projected: written straight unless attributes are chosen.
void writeUser(const Account &account, const ScimContext &context, const Projection &projection, JsonWriter &json)
{
    if (projection.isIdentity())
        UserResource::write(account, context, json);
    else
        json.any(projection.apply(UserResource::toJson(account, context)));
}

QByteArray userJson(const Account &account, const ScimContext &context, const Projection &projection)
{
    QByteArray body;
    JsonWriter json(body);
    writeUser(account, context, projection, json);
    return body;
}

ScimResponse userResponse(int status, const Account &account, const ScimContext &context, const QStringList &notes)
{
    ScimResponse response = withResource(json(status, userJson(account, context, Projection())),
                                         UserResource::location(context, account.id), account.version, account.id);
    response.notes = notes;
    return response;
}

/// Stores an update, answering 409 uniqueness when the new userName is taken.
ScimResponse saveUser(Database &db, const ScimContext &context, const Account &account, const QStringList &notes)
{
    const Result<Account> updated = AccountStore(db).update(account);
    if (!updated) {
        if (updated.error().code == ErrorCode::Conflict)
            return failure(ScimError::uniqueness(updated.error().message));
        return failure(storeFailure(updated.error()));
    }
    return userResponse(200, updated.value(), context, notes);
}

} // namespace

ScimResponse ScimEngine::listUsers(const ScimRequest &request, const ScimContext &context)
{
    const Result<ListRequest, ScimError> list =
        parseListQuery(request.query, userAttributes(context),
                       [](const StoredAttribute &attribute) { return AccountStore::sortable(attribute); });
    if (!list)
        return failure(list.error());
    const Result<ListPage<Account>> page =
        AccountStore(m_db, answerReads(context)).page(list->query, context.scope, context.tree);
    if (!page)
        return failure(storeFailure(page.error()));
    return listResponse(page->total, list->startIndex, page->items, [&](const Account &account, JsonWriter &json) {
        writeUser(account, context, list->projection, json);
    });
}

ScimResponse ScimEngine::getUser(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    const Result<Account, ScimError> account = findUser(m_db, context, id, answerReads(context));
    if (!account)
        return failure(account.error());
    if (!request.ifNoneMatch.isEmpty() && ifMatchAllows(request.ifNoneMatch, account->version)) {
        ScimResponse notModified;
        notModified.status = 304;
        notModified.setHeader(QByteArrayLiteral("ETag"), etagOf(account->version));
        return notModified;
    }
    const Result<Projection, ScimError> projection =
        Projection::parse(queryValue(request.query, "attributes"), queryValue(request.query, "excludedAttributes"));
    if (!projection)
        return failure(projection.error());
    return withResource(json(200, userJson(account.value(), context, projection.value())),
                        UserResource::location(context, id), account->version, id);
}

ScimResponse ScimEngine::createUser(const ScimRequest &request, const ScimContext &context)
{
    const Result<QJsonObject, ScimError> body = parseBody(request);
    if (!body)
        return failure(body.error());
    const auto hashes =
        UserResource::PasswordHashes::forBody(body.value(), false, context.passwordPolicy, m_beforeLongWork);
    Result<UserResource::Parsed, ScimError> parsed = UserResource::fromJson(body.value(), context, nullptr, hashes);
    if (!parsed)
        return failure(parsed.error());

    Transaction tx(m_db);
    if (!tx)
        return failure(storeFailure(tx.error()));
    AccountStore accounts(m_db);

    // I-01: a userName that exists is an update (policy "update") or 409 (policy "reject"); outside the scope, 409.
    const Result<Account> existing = accounts.findByUserName(parsed->account.userName);
    if (existing) {
        const Result<bool, ScimError> visible = userInScope(m_db, context, existing->id);
        if (!visible)
            return failure(visible.error());
        if (!visible.value() || context.app.onDuplicate == DuplicatePolicy::Reject)
            return failure(ScimError::uniqueness(
                QStringLiteral("The userName \"%1\" is already taken.").arg(parsed->account.userName)));
        Result<UserResource::Parsed, ScimError> merged =
            UserResource::fromJson(body.value(), context, &existing.value(), hashes);
        if (!merged)
            return failure(merged.error());
        return commitIfSucceeded(
            tx, saveUser(m_db, context, merged->account,
                         merged->warnings
                             + QStringList{QStringLiteral("create matched an existing userName: updated (I-01)")}));
    } else if (existing.error().code != ErrorCode::NotFound) {
        return failure(storeFailure(existing.error()));
    }

    const Result<Account> created = accounts.create(parsed->account);
    if (!created) {
        if (created.error().code == ErrorCode::Conflict)
            return failure(ScimError::uniqueness(created.error().message));
        if (created.error().code == ErrorCode::InvalidInput || created.error().code == ErrorCode::NotFound)
            return failure(ScimError::invalidValue(created.error().message));
        return failure(storeFailure(created.error()));
    }
    if (const Status committed = tx.commit(); !committed)
        return failure(storeFailure(committed.error()));
    return userResponse(201, created.value(), context, parsed->warnings); // written once the write lock is free
}

ScimResponse ScimEngine::replaceUser(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    UserResource::PasswordHashes hashes;
    const auto replace = [&](const QJsonObject &body, const Account &current) {
        Result<UserResource::Parsed, ScimError> parsed = UserResource::fromJson(body, context, &current, hashes);
        if (!parsed)
            return failure(parsed.error());
        return saveUser(m_db, context, parsed->account, parsed->warnings);
    };
    return modifyResource<Account>(
        m_db, request, "user", {QString(AccountStore::Table), id}, [&] { return findUser(m_db, context, id); }, replace,
        [&](const QJsonObject &body) {
            hashes = UserResource::PasswordHashes::forBody(body, false, context.passwordPolicy, m_beforeLongWork);
        });
}

ScimResponse ScimEngine::patchUser(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    UserResource::PasswordHashes hashes;
    const auto patch = [&](const QJsonObject &body, const Account &current) {
        QStringList extensions;
        if (!context.app.namespaceUrn.isEmpty())
            extensions << context.app.namespaceUrn;
        const Result<PatchEngine::Outcome, ScimError> patched =
            PatchEngine::apply(UserResource::toJson(current, context), body, extensions);
        if (!patched)
            return failure(patched.error());
        Result<UserResource::Parsed, ScimError> parsed =
            UserResource::fromJson(patched->resource, context, &current, hashes);
        if (!parsed)
            return failure(parsed.error());
        return saveUser(m_db, context, parsed->account, patched->rewrites + parsed->warnings);
    };
    ScimResponse response = modifyResource<Account>(
        m_db, request, "user", {QString(AccountStore::Table), id}, [&] { return findUser(m_db, context, id); }, patch,
        [&](const QJsonObject &body) {
            hashes = UserResource::PasswordHashes::forBody(body, true, context.passwordPolicy, m_beforeLongWork);
        });
    if (response.status != 200)
        return response;
    // RFC 7644 §3.5.2: 204 without a body, unless the client asked which attributes to return.
    const QString attributes = queryValue(request.query, "attributes");
    const QString excluded = queryValue(request.query, "excludedAttributes");
    if (attributes.isEmpty() && excluded.isEmpty()) {
        response.status = 204;
        response.body.clear();
        response.headers.removeIf(
            [](const auto &header) { return header.first == "Content-Type" || header.first == "Location"; });
    } else if (const Result<Projection, ScimError> projection = Projection::parse(attributes, excluded); projection) {
        response.body = QJsonDocument(projection->apply(QJsonDocument::fromJson(response.body).object()))
                            .toJson(QJsonDocument::Compact);
    }
    return response;
}

ScimResponse ScimEngine::deleteUser(const ScimRequest &request, const ScimContext &context, const QString &id)
{
    Transaction tx(m_db);
    if (!tx)
        return failure(storeFailure(tx.error()));
    if (const Status locked = tx.lockRow(QString(AccountStore::Table), id); !locked)
        return failure(storeFailure(locked.error()));
    const Result<Account, ScimError> current = findUser(m_db, context, id);
    if (!current)
        return failure(current.error());
    if (auto error = checkIfMatch(request, current->version, "user"))
        return failure(*error);
    if (const Status removed = AccountStore(m_db).remove(id); !removed)
        return failure(storeFailure(removed.error()));
    ScimResponse response;
    response.status = 204;
    response.resourceId = id;
    return commitIfSucceeded(tx, response);
}

} // namespace ScimConsole::Core
