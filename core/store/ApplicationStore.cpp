// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ApplicationStore.h"

#include "core/domain/FieldMapping.h"
#include "core/domain/Identifier.h"
#include "core/store/Database.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/SyncLogStore.h"

#include <QSet>

namespace ScimConsole::Core {

namespace {
const QLatin1StringView Columns("id, name, kind, perm_users_read, perm_users_write, perm_groups_read, "
                                "perm_groups_write, on_duplicate, unsupported_types, sync_target_org, "
                                "namespace_urn, created, modified, suspended_at");

AppRegistration fromRow(const QSqlQuery &query)
{
    AppRegistration app;
    app.id = query.value(0).toString();
    app.name = query.value(1).toString();
    app.kind = AppRegistration::kindFromName(query.value(2).toString()).value();
    app.permission = {query.value(3).toBool(), query.value(4).toBool(), query.value(5).toBool(),
                      query.value(6).toBool()};
    app.onDuplicate = AppRegistration::duplicatePolicyFromName(query.value(7).toString()).value();
    app.unsupportedTypes = AppRegistration::unsupportedTypePolicyFromName(query.value(8).toString()).value();
    app.syncTargetOrgId = query.value(9).toString();
    app.namespaceUrn = query.value(10).toString();
    app.created = Database::fromMsecs(query.value(11));
    app.modified = Database::fromMsecs(query.value(12));
    if (!query.value(13).isNull())
        app.suspendedAt = Database::fromMsecs(query.value(13));
    return app;
}
} // namespace

Result<AppRegistration> ApplicationStore::create(const QString &name, AppKind kind)
{
    const Result<QString> validName = AppRegistration::validateName(name);
    if (!validName)
        return validName.error();

    AppRegistration app;
    app.id = newIdentifier();
    app.name = validName.value();
    app.kind = kind;
    app.created = app.modified = QDateTime::currentDateTimeUtc();

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO applications (id, name, kind, on_duplicate, unsupported_types, created, modified)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {app.id, app.name, AppRegistration::kindName(kind), AppRegistration::duplicatePolicyName(app.onDuplicate),
         AppRegistration::unsupportedTypePolicyName(app.unsupportedTypes), Database::toMsecs(app.created),
         Database::toMsecs(app.modified)});
    if (!inserted)
        return inserted.error();
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return app;
}

Result<AppRegistration> ApplicationStore::get(const QString &id) const
{
    Result<QSqlQuery> query = m_db.exec(QStringLiteral("SELECT %1 FROM applications WHERE id = ?").arg(Columns), {id});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, tr("There is no application with id %1.").arg(id));
    AppRegistration app = fromRow(query.value());
    query.value().finish();
    const Result<QStringList> fields = mappedFields(id);
    if (!fields)
        return fields.error();
    app.mappedFields = fields.value();
    return app;
}

Result<QList<AppRegistration>> ApplicationStore::list() const
{
    Result<QSqlQuery> query =
        m_db.exec(QStringLiteral("SELECT %1 FROM applications ORDER BY created, id").arg(Columns));
    if (!query)
        return query.error();
    QList<AppRegistration> apps;
    while (query->next())
        apps.append(fromRow(query.value()));
    for (AppRegistration &app : apps) {
        const Result<QStringList> fields = mappedFields(app.id);
        if (!fields)
            return fields.error();
        app.mappedFields = fields.value();
    }
    return apps;
}

Status ApplicationStore::remove(const QString &id)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    // Children first: SQLite enforces ON DELETE CASCADE only with foreign keys on, and explicit deletes keep both
    // backends identical.
    for (const char *table : {"bearer_tokens", "app_scope", "app_mapped_fields"}) {
        if (const auto deleted =
                m_db.exec(QStringLiteral("DELETE FROM %1 WHERE app_id = ?").arg(QLatin1StringView(table)), {id});
            !deleted) {
            return deleted.error();
        }
    }
    const auto deleted = m_db.exec(QStringLiteral("DELETE FROM applications WHERE id = ?"), {id});
    if (!deleted)
        return deleted.error();
    if (deleted->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, tr("There is no application with id %1.").arg(id));
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped;
    return tx.commit();
}

Result<AppRegistration> ApplicationStore::rename(const QString &id, const QString &name)
{
    const Result<QString> validName = AppRegistration::validateName(name);
    if (!validName)
        return validName.error();
    return update(id, QStringLiteral("name = ?"), {validName.value()});
}

Result<AppRegistration> ApplicationStore::setPermission(const QString &id, const ScimPermission &permission)
{
    return update(id,
                  QStringLiteral("perm_users_read = ?, perm_users_write = ?, perm_groups_read = ?, "
                                 "perm_groups_write = ?"),
                  {int(permission.usersRead), int(permission.usersWrite), int(permission.groupsRead),
                   int(permission.groupsWrite)});
}

Result<AppRegistration> ApplicationStore::setSuspended(const QString &id, bool suspended, const QString &origin)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const Result<AppRegistration> updated =
        update(id, QStringLiteral("suspended_at = ?"),
               {suspended ? QVariant(QDateTime::currentMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong))});
    if (!updated)
        return updated.error();
    // Logged with the calls it stops, so that an incident's timeline is in one place.
    SyncEvent event;
    event.at = QDateTime::currentDateTimeUtc();
    event.direction = SyncDirection::Job;
    event.appId = id;
    event.method = suspended ? QStringLiteral("SUSPEND") : QStringLiteral("RESUME");
    event.detail = suspended ? tr("Application suspended from %1: every SCIM call is refused with 403.").arg(origin)
                             : tr("Application resumed from %1: SCIM calls are served again.").arg(origin);
    if (const Status logged = SyncLogStore(m_db).append(QList<SyncEvent>{event}); !logged)
        return logged.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return updated;
}

Result<AppRegistration> ApplicationStore::setPolicies(const QString &id, std::optional<DuplicatePolicy> onDuplicate,
                                                      std::optional<UnsupportedTypePolicy> unsupportedTypes)
{
    const Result<AppRegistration> current = get(id);
    if (!current)
        return current.error();
    return update(id, QStringLiteral("on_duplicate = ?, unsupported_types = ?"),
                  {AppRegistration::duplicatePolicyName(onDuplicate.value_or(current->onDuplicate)),
                   AppRegistration::unsupportedTypePolicyName(unsupportedTypes.value_or(current->unsupportedTypes))});
}

Result<SyncScope> ApplicationStore::scope(const QString &id) const
{
    Result<QSqlQuery> query =
        m_db.exec(QStringLiteral("SELECT kind, ref_id FROM app_scope WHERE app_id = ? ORDER BY kind, ref_id"), {id});
    if (!query)
        return query.error();
    SyncScope scope;
    while (query->next()) {
        if (query->value(0).toString() == u"org")
            scope.organizationIds.append(query->value(1).toString());
        else
            scope.groupIds.append(query->value(1).toString());
    }
    return scope;
}

Status ApplicationStore::setScope(const QString &id, const SyncScope &scope)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), id); !locked)
        return locked;
    const Result<AppRegistration> app = get(id);
    if (!app)
        return app.error();
    const Result<OrganizationTree> tree = OrganizationStore(m_db).tree();
    if (!tree)
        return tree.error();

    QSet<QString> existingGroups;
    for (const QString &groupId : scope.groupIds) {
        const Result<QVariant> found =
            m_db.scalar(QStringLiteral("SELECT id FROM directory_groups WHERE id = ?"), {groupId});
        if (!found)
            return found.error();
        if (!found->isNull())
            existingGroups.insert(groupId);
    }
    if (const Status valid = scope.validate(tree.value(), existingGroups); !valid)
        return valid;
    if (!app->syncTargetOrgId.isEmpty() && !scope.coversOrganization(app->syncTargetOrgId, tree.value())) {
        return makeError(ErrorCode::Conflict,
                         tr("The new scope leaves out the sync target \"%1\". Choose another sync target first, "
                            "or keep it in the scope.")
                             .arg(tree->path(app->syncTargetOrgId)));
    }

    if (const auto cleared = m_db.exec(QStringLiteral("DELETE FROM app_scope WHERE app_id = ?"), {id}); !cleared)
        return cleared.error();
    const auto insert = [&](const QString &kind, const QStringList &ids) -> Status {
        for (const QString &refId : QSet<QString>(ids.cbegin(), ids.cend())) {
            if (const auto inserted = m_db.exec(
                    QStringLiteral("INSERT INTO app_scope (app_id, kind, ref_id) VALUES (?, ?, ?)"), {id, kind, refId});
                !inserted) {
                return inserted.error();
            }
        }
        return ok();
    };
    if (const Status inserted = insert(QStringLiteral("org"), scope.organizationIds); !inserted)
        return inserted;
    if (const Status inserted = insert(QStringLiteral("group"), scope.groupIds); !inserted)
        return inserted;
    if (const Result<AppRegistration> touched = update(id, {}, {}); !touched)
        return touched.error();
    return tx.commit();
}

Status ApplicationStore::addGroupToScope(const QString &id, const QString &groupId)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO app_scope (app_id, kind, ref_id) VALUES (?, 'group', ?)"), {id, groupId});
        !inserted) {
        return inserted.error();
    }
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped;
    return tx.commit();
}

Result<AppRegistration> ApplicationStore::setSyncTarget(const QString &id, const QString &orgId)
{
    if (orgId.isEmpty())
        return update(id, QStringLiteral("sync_target_org = ?"), {Database::nullIfEmpty({})});

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), id); !locked)
        return locked.error();
    if (const Result<AppRegistration> app = get(id); !app)
        return app.error();
    const Result<SyncScope> currentScope = scope(id);
    if (!currentScope)
        return currentScope.error();
    const Result<OrganizationTree> tree = OrganizationStore(m_db).tree();
    if (!tree)
        return tree.error();
    if (const Status valid = currentScope->validateSyncTarget(orgId, tree.value()); !valid)
        return valid.error();
    const Result<AppRegistration> updated = update(id, QStringLiteral("sync_target_org = ?"), {orgId});
    if (!updated)
        return updated.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return updated;
}

Result<AppRegistration> ApplicationStore::setMapping(const QString &id, const QString &namespaceUrn,
                                                     const QStringList &fields)
{
    FieldMapping mapping;
    if (namespaceUrn.isEmpty()) {
        if (!fields.isEmpty()) {
            return makeError(ErrorCode::InvalidInput,
                             tr("Fields can only be mapped under a namespace: set the namespace too."));
        }
    } else {
        const Result<QList<ExtensionField>> defined = ExtensionFieldStore(m_db).list();
        if (!defined)
            return defined.error();
        Result<FieldMapping> made = FieldMapping::make(namespaceUrn, fields, defined.value());
        if (!made)
            return made.error();
        mapping = made.value();
    }

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("applications"), id); !locked)
        return locked.error();
    if (const Result<AppRegistration> app = get(id); !app)
        return app.error();
    if (const auto cleared = m_db.exec(QStringLiteral("DELETE FROM app_mapped_fields WHERE app_id = ?"), {id});
        !cleared) {
        return cleared.error();
    }
    for (qsizetype i = 0; i < mapping.fields.size(); ++i) {
        if (const auto inserted =
                m_db.exec(QStringLiteral("INSERT INTO app_mapped_fields (app_id, field_name, position)"
                                         " VALUES (?, ?, ?)"),
                          {id, mapping.fields.at(i), int(i)});
            !inserted) {
            return inserted.error();
        }
    }
    const Result<AppRegistration> updated =
        update(id, QStringLiteral("namespace_urn = ?"), {Database::notNull(mapping.namespaceUrn)});
    if (!updated)
        return updated.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return updated;
}

Result<AppRegistration> ApplicationStore::update(const QString &id, const QString &assignments, QVariantList values)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const QString sql = assignments.isEmpty()
                            ? QStringLiteral("UPDATE applications SET modified = ? WHERE id = ?")
                            : QStringLiteral("UPDATE applications SET %1, modified = ? WHERE id = ?").arg(assignments);
    values << QDateTime::currentMSecsSinceEpoch() << id;
    const auto updated = m_db.exec(sql, values);
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, tr("There is no application with id %1.").arg(id));
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return get(id);
}

Result<QStringList> ApplicationStore::mappedFields(const QString &id) const
{
    Result<QSqlQuery> query =
        m_db.exec(QStringLiteral("SELECT field_name FROM app_mapped_fields WHERE app_id = ? ORDER BY position"), {id});
    if (!query)
        return query.error();
    QStringList fields;
    while (query->next())
        fields.append(query->value(0).toString());
    return fields;
}

} // namespace ScimConsole::Core
