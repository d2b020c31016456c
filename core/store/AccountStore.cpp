#include "core/store/AccountStore.h"

#include "core/domain/Identifier.h"
#include "core/domain/UserFields.h"
#include "core/store/Database.h"
#include "core/store/ExtensionFieldStore.h"

#include <QHash>
#include <QSet>

namespace ScimConsole::Core {

namespace {
const QLatin1StringView Columns("id, user_name, external_id, display_name, given_name, family_name, formatted_name, "
                                "email, phone_number, phone_digits, phone_region, active, password_hash, org_id, "
                                "created, modified, version, email_primary, phone_primary, phone_region_given");

std::optional<bool> optionalBool(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt() != 0;
}

QVariant fromOptionalBool(std::optional<bool> value)
{
    return value ? QVariant(int(*value)) : QVariant(QMetaType::fromType<int>());
}

Account fromRow(const QSqlQuery &query)
{
    Account account;
    account.id = query.value(0).toString();
    account.userName = query.value(1).toString();
    account.externalId = query.value(2).toString();
    account.displayName = query.value(3).toString();
    account.givenName = query.value(4).toString();
    account.familyName = query.value(5).toString();
    account.formattedName = query.value(6).toString();
    account.email = query.value(7).toString();
    account.phoneNumber = query.value(8).toString();
    account.phoneDigits = query.value(9).toString();
    account.phoneRegion = query.value(10).toString();
    account.active = query.value(11).toBool();
    account.passwordHash = query.value(12).toString();
    account.orgId = query.value(13).toString();
    account.created = Database::fromMsecs(query.value(14));
    account.modified = Database::fromMsecs(query.value(15));
    account.version = query.value(16).toLongLong();
    account.emailPrimary = optionalBool(query.value(17));
    account.phonePrimary = optionalBool(query.value(18));
    account.phoneRegionGiven = query.value(19).toInt() != 0;
    return account;
}

QVariantList rowValues(const Account &account)
{
    return {account.userName,
            UserFields::userNameKey(account.userName),
            Database::nullIfEmpty(account.externalId),
            Database::nullIfEmpty(account.displayName),
            Database::nullIfEmpty(account.givenName),
            Database::nullIfEmpty(account.familyName),
            Database::nullIfEmpty(account.formattedName),
            Database::nullIfEmpty(account.email),
            Database::nullIfEmpty(account.phoneNumber),
            Database::nullIfEmpty(account.phoneDigits),
            Database::nullIfEmpty(account.phoneRegion),
            int(account.active),
            Database::nullIfEmpty(account.passwordHash),
            Database::nullIfEmpty(account.orgId),
            Database::toMsecs(account.modified),
            account.version,
            fromOptionalBool(account.email.isEmpty() ? std::nullopt : account.emailPrimary),
            fromOptionalBool(account.phoneNumber.isEmpty() ? std::nullopt : account.phonePrimary),
            int(account.phoneRegionGiven && !account.phoneRegion.isEmpty())};
}

// Extension values are kept as plain text, so that filters compare them in SQL: strings as they are, numbers in
// their shortest exact form, booleans as "true"/"false".
QString encodeValue(const QJsonValue &value, FieldType type)
{
    switch (type) {
    case FieldType::Number:
        return QString::number(value.toDouble(), 'g', 17);
    case FieldType::Boolean:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case FieldType::String:
        break;
    }
    return value.toString();
}

QJsonValue decodeValue(const QString &text, FieldType type)
{
    switch (type) {
    case FieldType::Number:
        return text.toDouble();
    case FieldType::Boolean:
        return text == u"true";
    case FieldType::String:
        break;
    }
    return text;
}
} // namespace

Status AccountStore::validate(const Account &account) const
{
    if (const Result<QString> userName = UserFields::validateUserName(account.userName); !userName)
        return userName.error();
    if (!account.orgId.isEmpty()) {
        const Result<QVariant> org =
            m_db.scalar(QStringLiteral("SELECT id FROM organizations WHERE id = ?"), {account.orgId});
        if (!org)
            return org.error();
        if (org->isNull())
            return makeError(ErrorCode::NotFound, tr("There is no organization with id %1.").arg(account.orgId));
    }
    return ok();
}

Result<Account> AccountStore::create(Account account)
{
    account.id = newIdentifier();
    account.created = account.modified = QDateTime::currentDateTimeUtc();
    account.version = 1;

    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status valid = validate(account); !valid)
        return valid.error();
    QVariantList values = rowValues(account);
    values << account.id << Database::toMsecs(account.created);
    const auto inserted = m_db.exec(
        QStringLiteral(
            "INSERT INTO accounts (user_name, user_name_key, external_id, display_name, given_name, "
            "family_name, formatted_name, email, phone_number, phone_digits, phone_region, active, "
            "password_hash, org_id, modified, version, email_primary, phone_primary, phone_region_given, id, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        values);
    if (!inserted) {
        if (inserted.error().code == ErrorCode::Conflict) {
            return makeError(ErrorCode::Conflict, tr("The userName \"%1\" is already taken.").arg(account.userName),
                             inserted.error().detail);
        }
        return inserted.error();
    }
    if (const Status written = writeExtensionValues(account); !written)
        return written.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return account;
}

Result<Account> AccountStore::update(Account account)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    const Result<Account> current = get(account.id);
    if (!current)
        return current.error();
    if (const Status valid = validate(account); !valid)
        return valid.error();
    account.created = current->created;
    account.modified = QDateTime::currentDateTimeUtc();
    account.version = current->version + 1;
    QVariantList values = rowValues(account);
    values << account.id;
    const auto updated = m_db.exec(
        QStringLiteral("UPDATE accounts SET user_name = ?, user_name_key = ?, external_id = ?, display_name = ?, "
                       "given_name = ?, family_name = ?, formatted_name = ?, email = ?, phone_number = ?, "
                       "phone_digits = ?, phone_region = ?, active = ?, password_hash = ?, org_id = ?, modified = ?, "
                       "version = ?, email_primary = ?, phone_primary = ?, phone_region_given = ? WHERE id = ?"),
        values);
    if (!updated) {
        if (updated.error().code == ErrorCode::Conflict) {
            return makeError(ErrorCode::Conflict, tr("The userName \"%1\" is already taken.").arg(account.userName),
                             updated.error().detail);
        }
        return updated.error();
    }
    if (const Status written = writeExtensionValues(account); !written)
        return written.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return account;
}

Result<Account> AccountStore::get(const QString &id) const
{
    Result<QList<Account>> found = query(QStringLiteral("id = ?"), {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no account with id %1.").arg(id));
    return found->constFirst();
}

Result<Account> AccountStore::findByUserName(const QString &userName) const
{
    Result<QList<Account>> found = query(QStringLiteral("user_name_key = ?"), {UserFields::userNameKey(userName)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no account with the userName \"%1\".").arg(userName));
    return found->constFirst();
}

Result<QList<Account>> AccountStore::findByExternalId(const QString &externalId) const
{
    return query(QStringLiteral("external_id = ? ORDER BY created, id"), {externalId});
}

Status AccountStore::remove(const QString &id)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    for (const char *table : {"account_extension_values", "group_members"}) {
        if (const auto deleted =
                m_db.exec(QStringLiteral("DELETE FROM %1 WHERE account_id = ?").arg(QLatin1StringView(table)), {id});
            !deleted) {
            return deleted.error();
        }
    }
    const auto deleted = m_db.exec(QStringLiteral("DELETE FROM accounts WHERE id = ?"), {id});
    if (!deleted)
        return deleted.error();
    if (deleted->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, tr("There is no account with id %1.").arg(id));
    return tx.commit();
}

Result<QList<Account>> AccountStore::list(int offset, int limit) const
{
    return query(QStringLiteral("1 = 1 ORDER BY created, id LIMIT ? OFFSET ?"), {limit, offset});
}

Result<qint64> AccountStore::count() const
{
    const Result<QVariant> count = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts"));
    if (!count)
        return count.error();
    return count->toLongLong();
}

Result<QStringList> AccountStore::groupIds(const QString &id) const
{
    Result<QSqlQuery> rows =
        m_db.exec(QStringLiteral("SELECT group_id FROM group_members WHERE account_id = ? ORDER BY group_id"), {id});
    if (!rows)
        return rows.error();
    QStringList ids;
    while (rows->next())
        ids.append(rows->value(0).toString());
    return ids;
}

Status AccountStore::writeExtensionValues(const Account &account)
{
    if (const auto cleared =
            m_db.exec(QStringLiteral("DELETE FROM account_extension_values WHERE account_id = ?"), {account.id});
        !cleared) {
        return cleared.error();
    }
    if (account.extensionValues.isEmpty())
        return ok();
    const ExtensionFieldStore fields(m_db);
    for (auto it = account.extensionValues.constBegin(); it != account.extensionValues.constEnd(); ++it) {
        const Result<ExtensionField> field = fields.get(it.key());
        if (!field)
            return field.error();
        const Result<QJsonValue> value = field->coerce(it.value());
        if (!value)
            return value.error();
        if (const auto inserted = m_db.exec(QStringLiteral("INSERT INTO account_extension_values (account_id, "
                                                           "field_name, value) VALUES (?, ?, ?)"),
                                            {account.id, it.key(), encodeValue(value.value(), field->type)});
            !inserted) {
            return inserted.error();
        }
    }
    return ok();
}

Status AccountStore::loadExtensionValues(QList<Account> &accounts) const
{
    if (accounts.isEmpty())
        return ok();
    QHash<QString, Account *> byId;
    QVariantList ids;
    for (Account &account : accounts) {
        byId.insert(account.id, &account);
        ids << account.id;
    }
    const QString placeholders = QStringList(ids.size(), QStringLiteral("?")).join(u',');
    Result<QSqlQuery> rows =
        m_db.exec(QStringLiteral("SELECT v.account_id, v.field_name, v.value, f.type FROM account_extension_values v"
                                 " JOIN extension_fields f ON f.name = v.field_name WHERE v.account_id IN (%1)")
                      .arg(placeholders),
                  ids);
    if (!rows)
        return rows.error();
    while (rows->next()) {
        Account *account = byId.value(rows->value(0).toString());
        const FieldType type = ExtensionField::typeFromName(rows->value(3).toString()).value();
        if (account)
            account->extensionValues.insert(rows->value(1).toString(), decodeValue(rows->value(2).toString(), type));
    }
    rows->finish();
    return ok();
}

Result<QList<Account>> AccountStore::search(const SqlWhere &where, const QString &orderBy, int offset, int limit) const
{
    QVariantList values = where.params;
    values << limit << offset;
    return query(QStringLiteral("%1 ORDER BY %2 LIMIT ? OFFSET ?").arg(where.sql, orderBy), values);
}

Result<qint64> AccountStore::count(const SqlWhere &where) const
{
    const Result<QVariant> count = m_db.scalarWhileUnchanged(
        QStringLiteral("SELECT COUNT(*) FROM accounts a WHERE %1").arg(where.sql), where.params);
    if (!count)
        return count.error();
    return count->toLongLong();
}

SqlWhere AccountStore::filterWhere(const AccountFilter &filter)
{
    SqlWhere where{QStringLiteral("1 = 1"), {}};
    if (!filter.orgIds.isEmpty()) {
        where = where
                && SqlWhere{QStringLiteral("a.org_id IN (%1)")
                                .arg(QStringList(filter.orgIds.size(), QStringLiteral("?")).join(u',')),
                            QVariantList(filter.orgIds.cbegin(), filter.orgIds.cend())};
    }
    if (const QString text = filter.text.trimmed(); !text.isEmpty()) {
        // LIKE wildcards in the text are literal characters here.
        const QString pattern = u'%' + escapeLike(text.toLower()) + u'%';
        where = where
                && SqlWhere{QStringLiteral("(a.user_name_key LIKE ? ESCAPE '\\' OR scim_lower(a.display_name)"
                                           " LIKE ? ESCAPE '\\' OR scim_lower(a.email) LIKE ? ESCAPE '\\')"),
                            {pattern, pattern, pattern}};
    }
    if (filter.active)
        where = where && SqlWhere{QStringLiteral("a.active = ?"), {*filter.active ? 1 : 0}};
    if (!filter.condition.sql.isEmpty())
        where = where && filter.condition;
    return where;
}

Result<QList<Account>> AccountStore::browse(const AccountFilter &filter, int offset, int limit) const
{
    return search(filterWhere(filter), QStringLiteral("a.user_name_key"), offset, limit);
}

Result<qint64> AccountStore::count(const AccountFilter &filter) const
{
    return count(filterWhere(filter));
}

Result<Account> AccountStore::setActive(const QString &id, bool active)
{
    Transaction tx(m_db);
    if (!tx)
        return tx.error();
    if (const Status locked = tx.lockRow(QStringLiteral("accounts"), id); !locked)
        return locked.error();
    Result<Account> account = get(id);
    if (!account)
        return account.error();
    account->active = active;
    Result<Account> updated = update(account.value());
    if (!updated)
        return updated.error();
    if (const Status committed = tx.commit(); !committed)
        return committed.error();
    return updated;
}

SqlWhere AccountStore::scopeWhere(const SyncScope &scope, const OrganizationTree &tree)
{
    const QSet<QString> orgs = scope.coveredOrganizations(tree);
    QStringList parts;
    QVariantList params;
    if (!orgs.isEmpty()) {
        parts << QStringLiteral("a.org_id IN (%1)").arg(QStringList(orgs.size(), QStringLiteral("?")).join(u','));
        for (const QString &org : orgs)
            params << org;
    }
    if (!scope.groupIds.isEmpty()) {
        parts << QStringLiteral(
                     "EXISTS (SELECT 1 FROM group_members sg WHERE sg.account_id = a.id AND sg.group_id IN (%1))")
                     .arg(QStringList(scope.groupIds.size(), QStringLiteral("?")).join(u','));
        for (const QString &group : scope.groupIds)
            params << group;
    }
    if (parts.isEmpty())
        return {QStringLiteral("(1 = 0)"), {}};
    return {u'(' + parts.join(QStringLiteral(" OR ")) + u')', params};
}

Result<QList<Account>> AccountStore::query(const QString &where, const QVariantList &values) const
{
    Result<QSqlQuery> rows =
        m_db.exec(QStringLiteral("SELECT %1 FROM accounts a WHERE %2").arg(Columns, where), values);
    if (!rows)
        return rows.error();
    QList<Account> accounts;
    while (rows->next())
        accounts.append(fromRow(rows.value()));
    rows.value().finish();
    if (const Status loaded = loadExtensionValues(accounts); !loaded)
        return loaded.error();
    return accounts;
}

} // namespace ScimConsole::Core
