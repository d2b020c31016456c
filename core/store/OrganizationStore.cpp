// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/OrganizationStore.h"

#include "core/domain/Identifier.h"
#include "core/store/Database.h"

namespace ScimConsole::Core {

namespace {
const QLatin1StringView Columns("id, parent_id, name, created");

Organization fromRow(const QSqlQuery &query)
{
    Organization org;
    org.id = query.value(0).toString();
    org.parentId = query.value(1).toString();
    org.name = query.value(2).toString();
    org.created = Database::fromMsecs(query.value(3));
    return org;
}
} // namespace

Result<Organization> OrganizationStore::create(const QString &name, const QString &parentId)
{
    const Result<QString> validName = Organization::validateName(name);
    if (!validName)
        return validName.error();

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    Organization org;
    org.id = newIdentifier();
    org.name = validName.value();
    org.created = QDateTime::currentDateTimeUtc();
    if (parentId.isEmpty()) {
        const Result<QString> root = rootId();
        if (!root)
            return root.error();
        org.parentId = root.value();
    } else {
        const Result<Organization> parent = get(parentId);
        if (!parent)
            return parent.error();
        org.parentId = parentId;
    }

    const auto inserted =
        m_db.exec(QStringLiteral("INSERT INTO organizations (id, parent_id, name, name_key, created)"
                                 " VALUES (?, ?, ?, ?, ?)"),
                  {org.id, org.parentId, org.name, org.name.toCaseFolded(), Database::toMsecs(org.created)});
    if (!inserted)
        return nameTaken(inserted.error(), org.name);
    // The tree is configuration: a new node under a scope organization enters that scope (S-06).
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return org;
}

Result<Organization> OrganizationStore::get(const QString &id) const
{
    Result<QSqlQuery> query = m_db.exec(QStringLiteral("SELECT %1 FROM organizations WHERE id = ?").arg(Columns), {id});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, tr("There is no organization with id %1.").arg(id));
    return fromRow(query.value());
}

Result<Organization> OrganizationStore::rename(const QString &id, const QString &name)
{
    const Result<QString> validName = Organization::validateName(name);
    if (!validName)
        return validName.error();
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("organizations"), id); !locked)
        return locked.error();
    Result<Organization> org = get(id);
    if (!org)
        return org.error();
    const auto updated = m_db.exec(QStringLiteral("UPDATE organizations SET name = ?, name_key = ? WHERE id = ?"),
                                   {validName.value(), validName->toCaseFolded(), id});
    if (!updated)
        return nameTaken(updated.error(), validName.value());
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    org->name = validName.value();
    return org;
}

Result<Organization> OrganizationStore::move(const QString &id, const QString &parentId)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("organizations"), id); !locked)
        return locked.error();
    const Result<OrganizationTree> all = tree();
    if (!all)
        return all.error();
    const Organization *org = all->find(id);
    if (!org)
        return makeError(ErrorCode::NotFound, tr("There is no organization with id %1.").arg(id));
    if (org->isRoot())
        return makeError(ErrorCode::InvalidInput, tr("The root organization cannot be moved."));
    if (!all->contains(parentId))
        return makeError(ErrorCode::NotFound, tr("There is no organization with id %1.").arg(parentId));
    if (all->isWithin(parentId, id)) {
        return makeError(ErrorCode::InvalidInput, tr("\"%1\" cannot move into itself or below itself.").arg(org->name));
    }
    const auto updated =
        m_db.exec(QStringLiteral("UPDATE organizations SET parent_id = ? WHERE id = ?"), {parentId, id});
    if (!updated)
        return nameTaken(updated.error(), org->name);
    // The tree is configuration: a node moving under or out of a scope organization changes that scope (S-06).
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    Organization moved = *org;
    moved.parentId = parentId;
    return moved;
}

Status OrganizationStore::remove(const QString &id)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("organizations"), id); !locked)
        return locked.error();
    const Result<Organization> org = get(id);
    if (!org)
        return org.error();
    if (org->isRoot())
        return makeError(ErrorCode::InvalidInput, tr("The root organization cannot be deleted."));
    const auto count = [this, &id](const QString &sql) { return m_db.scalar(sql, {id}); };
    const Result<QVariant> children = count(QStringLiteral("SELECT COUNT(*) FROM organizations WHERE parent_id = ?"));
    if (!children)
        return children.error();
    if (children->toLongLong() > 0) {
        return makeError(ErrorCode::Conflict, tr("\"%1\" has %n organization(s) below it: move or delete them first.",
                                                 nullptr, children->toInt())
                                                  .arg(org->name));
    }
    const Result<QVariant> accounts = count(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE org_id = ?"));
    if (!accounts)
        return accounts.error();
    if (accounts->toLongLong() > 0) {
        return makeError(
            ErrorCode::Conflict,
            tr("\"%1\" holds %n account(s): move or delete them first.", nullptr, accounts->toInt()).arg(org->name));
    }
    const Result<QVariant> app = m_db.scalar(
        QStringLiteral("SELECT MIN(a.name) FROM applications a WHERE a.sync_target_org = ? OR EXISTS (SELECT 1"
                       " FROM app_scope s WHERE s.app_id = a.id AND s.kind = 'org' AND s.ref_id = ?)"),
        {id, id});
    if (!app)
        return app.error();
    if (!app->isNull()) {
        return makeError(ErrorCode::Conflict,
                         tr("The application \"%1\" has \"%2\" in its sync scope or as its sync target (S-04): "
                            "change that first.")
                             .arg(app->toString(), org->name));
    }
    if (const auto removed = m_db.exec(QStringLiteral("DELETE FROM organizations WHERE id = ?"), {id}); !removed)
        return removed.error();
    if (const Status bumped = m_db.bumpConfigVersion(); !bumped)
        return bumped.error();
    return tx.commit();
}

Result<QList<Organization>> OrganizationStore::list() const
{
    Result<QSqlQuery> query = m_db.exec(
        QStringLiteral("SELECT %1 FROM organizations ORDER BY (parent_id IS NOT NULL), name_key, id").arg(Columns));
    if (!query)
        return query.error();
    QList<Organization> result;
    while (query->next())
        result.append(fromRow(query.value()));
    return result;
}

Result<OrganizationTree> OrganizationStore::tree() const
{
    const Result<QList<Organization>> all = list();
    if (!all)
        return all.error();
    return OrganizationTree(all.value());
}

Result<QString> OrganizationStore::rootId() const
{
    const Result<QVariant> id = m_db.scalar(QStringLiteral("SELECT id FROM organizations WHERE parent_id IS NULL"));
    if (!id)
        return id.error();
    if (id->isNull())
        return makeError(ErrorCode::Database, tr("The directory has no root organization."));
    return id->toString();
}

Error OrganizationStore::nameTaken(const Error &error, const QString &name)
{
    if (error.code != ErrorCode::Conflict)
        return error;
    return makeError(ErrorCode::Conflict, tr("An organization named \"%1\" already exists there.").arg(name),
                     error.detail);
}

} // namespace ScimConsole::Core
