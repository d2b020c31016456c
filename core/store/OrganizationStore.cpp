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
    if (!inserted) {
        if (inserted.error().code == ErrorCode::Conflict) {
            return makeError(ErrorCode::Conflict,
                             tr("An organization named \"%1\" already exists there.").arg(org.name),
                             inserted.error().detail);
        }
        return inserted.error();
    }
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

} // namespace ScimConsole::Core
