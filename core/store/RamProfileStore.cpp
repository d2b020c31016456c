// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/RamProfileStore.h"

#include "core/domain/Identifier.h"
#include "core/store/Database.h"

namespace ScimConsole::Core {

namespace {
const QLatin1StringView Columns("id, name, site, token_url, scim_url, client_id, secret_source, source_app_id, "
                                "source_orgs, source_groups, user_name_rule, disabled_action, concurrency, created, "
                                "modified");

QStringList splitIds(const QString &text)
{
    return text.split(u',', Qt::SkipEmptyParts);
}
} // namespace

Result<RamProfile> RamProfileStore::save(RamProfile profile)
{
    profile.name = profile.name.trimmed();
    if (const Status valid = profile.validate(); !valid)
        return valid.error();
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    // By id when the profile has one (the console renames), else by name (the command line's `profile set`).
    const Result<RamProfile> existing = profile.id.isEmpty() ? byName(profile.name) : get(profile.id);
    if (!profile.id.isEmpty()) {
        if (!existing)
            return existing.error();
        if (const Result<RamProfile> named = byName(profile.name); named && named->id != profile.id)
            return makeError(ErrorCode::Conflict, tr("A RAM profile named \"%1\" exists already.").arg(profile.name));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    profile.modified = now;
    const QVariantList values{profile.name,
                              RamProfile::siteName(profile.site),
                              profile.tokenUrl,
                              profile.scimUrl,
                              profile.clientId,
                              profile.secretSource,
                              Database::nullIfEmpty(profile.sourceAppId),
                              Database::notNull(profile.sourceOrganizationIds.join(u',')),
                              Database::notNull(profile.sourceGroupIds.join(u',')),
                              profile.userNameRule,
                              RamProfile::disabledActionName(profile.disabledAction),
                              profile.concurrency,
                              Database::toMsecs(now)};
    if (existing) {
        profile.id = existing->id;
        profile.created = existing->created;
        QVariantList update = values;
        update << profile.id;
        const auto updated =
            m_db.exec(QStringLiteral("UPDATE ram_profiles SET name = ?, site = ?, token_url = ?, "
                                     "scim_url = ?, client_id = ?, secret_source = ?, source_app_id = ?, "
                                     "source_orgs = ?, source_groups = ?, user_name_rule = ?, "
                                     "disabled_action = ?, concurrency = ?, modified = ? WHERE id = ?"),
                      update);
        if (!updated)
            return updated.error();
    } else if (existing.error().code == ErrorCode::NotFound) {
        profile.id = newIdentifier();
        profile.created = now;
        QVariantList insert = values;
        insert << profile.id << Database::toMsecs(now);
        const auto inserted =
            m_db.exec(QStringLiteral("INSERT INTO ram_profiles (name, site, token_url, scim_url, "
                                     "client_id, secret_source, source_app_id, source_orgs, "
                                     "source_groups, user_name_rule, disabled_action, concurrency, "
                                     "modified, id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      insert);
        if (!inserted)
            return inserted.error();
    } else {
        return existing.error();
    }
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return profile;
}

Result<RamProfile> RamProfileStore::get(const QString &id) const
{
    const Result<QList<RamProfile>> found = query(QStringLiteral("id = ?"), {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no RAM profile with id %1.").arg(id));
    return found->constFirst();
}

Result<RamProfile> RamProfileStore::byName(const QString &name) const
{
    const Result<QList<RamProfile>> found = query(QStringLiteral("name = ?"), {name});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no RAM profile named \"%1\".").arg(name));
    return found->constFirst();
}

Result<QList<RamProfile>> RamProfileStore::list() const
{
    return query(QStringLiteral("1 = 1 ORDER BY name"), {});
}

Status RamProfileStore::remove(const QString &id)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const auto cleared = m_db.exec(QStringLiteral("DELETE FROM ram_links WHERE profile_id = ?"), {id}); !cleared)
        return cleared.error();
    const auto deleted = m_db.exec(QStringLiteral("DELETE FROM ram_profiles WHERE id = ?"), {id});
    if (!deleted)
        return deleted.error();
    if (deleted->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, tr("There is no RAM profile with id %1.").arg(id));
    return tx.commit();
}

Result<QHash<QString, QString>> RamProfileStore::links(const QString &profileId) const
{
    Result<QSqlQuery> rows =
        m_db.exec(QStringLiteral("SELECT account_id, ram_id FROM ram_links WHERE profile_id = ?"), {profileId});
    if (!rows)
        return rows.error();
    QHash<QString, QString> links;
    while (rows->next())
        links.insert(rows->value(0).toString(), rows->value(1).toString());
    return links;
}

Status RamProfileStore::setLink(const QString &profileId, const QString &accountId, const QString &ramId)
{
    const auto upserted =
        m_db.exec(QStringLiteral("INSERT INTO ram_links (profile_id, account_id, ram_id, pushed_at) "
                                 "VALUES (?, ?, ?, ?) ON CONFLICT (profile_id, account_id) "
                                 "DO UPDATE SET ram_id = excluded.ram_id, pushed_at = excluded.pushed_at"),
                  {profileId, accountId, ramId, QDateTime::currentMSecsSinceEpoch()});
    if (!upserted)
        return upserted.error();
    return ok();
}

Status RamProfileStore::removeLink(const QString &profileId, const QString &accountId)
{
    const auto deleted = m_db.exec(QStringLiteral("DELETE FROM ram_links WHERE profile_id = ? AND account_id = ?"),
                                   {profileId, accountId});
    if (!deleted)
        return deleted.error();
    return ok();
}

Result<QList<RamProfile>> RamProfileStore::query(const QString &where, const QVariantList &values) const
{
    Result<QSqlQuery> rows =
        m_db.exec(QStringLiteral("SELECT %1 FROM ram_profiles WHERE %2").arg(Columns, where), values);
    if (!rows)
        return rows.error();
    QList<RamProfile> profiles;
    while (rows->next()) {
        const QSqlQuery &q = rows.value();
        RamProfile p;
        p.id = q.value(0).toString();
        p.name = q.value(1).toString();
        p.site = RamProfile::siteFromName(q.value(2).toString()).value();
        p.tokenUrl = q.value(3).toString();
        p.scimUrl = q.value(4).toString();
        p.clientId = q.value(5).toString();
        p.secretSource = q.value(6).toString();
        p.sourceAppId = q.value(7).toString();
        p.sourceOrganizationIds = splitIds(q.value(8).toString());
        p.sourceGroupIds = splitIds(q.value(9).toString());
        p.userNameRule = q.value(10).toString();
        p.disabledAction = RamProfile::disabledActionFromName(q.value(11).toString()).value();
        p.concurrency = q.value(12).toInt();
        p.created = Database::fromMsecs(q.value(13));
        p.modified = Database::fromMsecs(q.value(14));
        profiles.append(p);
    }
    return profiles;
}

} // namespace ScimConsole::Core
