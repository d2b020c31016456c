// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
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

/// Accounts (as "a") that belong to one of `groupIds` at least.
SqlWhere memberOfGroupsWhere(const QStringList &groupIds)
{
    return {QStringLiteral("EXISTS (SELECT 1 FROM group_members sg WHERE sg.account_id = a.id AND sg.group_id IN (%1))")
                .arg(QStringList(groupIds.size(), QStringLiteral("?")).join(u',')),
            QVariantList(groupIds.cbegin(), groupIds.cend())};
}

Account fromRow(const SqlRow &query)
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
    if (const Status written = writeExtensionValues(account, false); !written)
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
    // Only what the update keeps of the stored row (the whole account was read by the caller, if it needed it).
    Result<QSqlQuery> current =
        m_db.exec(QStringLiteral("SELECT created, version FROM accounts WHERE id = ?"), {account.id});
    if (!current)
        return current.error();
    if (!current->next()) {
        current->finish();
        return makeError(ErrorCode::NotFound, tr("There is no account with id %1.").arg(account.id));
    }
    account.created = Database::fromMsecs(current->value(0));
    account.version = current->value(1).toLongLong() + 1;
    current->finish();
    if (const Status valid = validate(account); !valid)
        return valid.error();
    account.modified = QDateTime::currentDateTimeUtc();
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
    if (const Status written = writeExtensionValues(account, true); !written)
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

Status AccountStore::writeExtensionValues(const Account &account, bool replacing)
{
    if (replacing) {
        if (const auto cleared =
                m_db.exec(QStringLiteral("DELETE FROM account_extension_values WHERE account_id = ?"), {account.id});
            !cleared) {
            return cleared.error();
        }
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

Result<SqlWhere> AccountStore::filterWhere(const AccountFilter &filter)
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
    if (filter.condition.tree) {
        const Result<SqlWhere> condition = FilterSql::translate(filter.condition, column);
        if (!condition)
            return condition.error();
        where = where && condition.value();
    }
    return where;
}

Result<QList<Account>> AccountStore::browse(const AccountFilter &filter, int offset, int limit) const
{
    const Result<SqlWhere> where = filterWhere(filter);
    if (!where)
        return where.error();
    return search(where.value(), QStringLiteral("a.user_name_key"), offset, limit);
}

Result<qint64> AccountStore::count(const AccountFilter &filter) const
{
    const Result<SqlWhere> where = filterWhere(filter);
    if (!where)
        return where.error();
    return count(where.value());
}

Result<ListPage<Account>> AccountStore::page(const ListQuery &query, const SyncScope &scope,
                                             const OrganizationTree &tree) const
{
    const Result<SqlWhere> filter = FilterSql::translate(query.filter, column);
    if (!filter)
        return filter.error();
    const Result<QString> order = FilterSql::orderBy(query, column, QStringLiteral("a"));
    if (!order)
        return order.error();
    const SqlWhere where = scopeWhere(scope, tree) && filter.value();
    return readPage<Account>(
        query, [&] { return count(where); },
        [&] {
            return query.sortBy ? search(where, order.value(), query.offset, query.limit)
                                : searchInCreationOrder(where, query.descending, query.offset, query.limit);
        });
}

Result<QList<Account>> AccountStore::searchInCreationOrder(const SqlWhere &where, bool descending, int offset,
                                                           int limit) const
{
    // The keys of rows AnchorStep - 1, 2 * AnchorStep - 1 … of this order: a page starts after the nearest one.
    constexpr int AnchorStep = 1000;
    const QString order =
        descending ? QStringLiteral("a.created DESC, a.id DESC") : QStringLiteral("a.created ASC, a.id ASC");
    const QString after =
        descending ? QStringLiteral("(a.created, a.id) < (?, ?)") : QStringLiteral("(a.created, a.id) > (?, ?)");
    const int wanted = offset / AnchorStep;
    if (wanted == 0)
        return search(where, order, offset, limit);
    const Database::Version version = m_db.keepingVersion();
    if (!version)
        return search(where, order, offset, limit);
    const QString key = Database::keyOf(QStringLiteral("anchors ") + order + u' ' + where.sql, where.params);
    QVariantList anchors = m_db.kept(key, version).toList();
    const auto from = [&](const QVariantList &anchor) {
        return where && SqlWhere{after, {anchor.at(0), anchor.at(1)}};
    };
    while (anchors.size() < wanted) {
        const SqlWhere rest = anchors.isEmpty() ? where : from(anchors.constLast().toList());
        Result<QSqlQuery> row =
            m_db.exec(QStringLiteral("SELECT a.created, a.id FROM accounts a WHERE %1 ORDER BY %2 LIMIT 1 OFFSET ?")
                          .arg(rest.sql, order),
                      rest.params + QVariantList{AnchorStep - 1});
        if (!row)
            return row.error();
        if (!row->next()) {
            row->finish();
            m_db.keep(key, version, anchors);
            return QList<Account>(); // the page lies beyond the last row
        }
        anchors.append(QVariant(QVariantList{row->value(0), row->value(1)}));
        row->finish();
    }
    m_db.keep(key, version, anchors);
    return search(from(anchors.at(wanted - 1).toList()), order, offset - wanted * AnchorStep, limit);
}

Result<Account> AccountStore::getInScope(const QString &id, const SyncScope &scope, const OrganizationTree &tree) const
{
    // By its key, then the scope checked here: what scopeWhere() would add to the SQL, without writing out (and
    // binding) every organization the scope covers for each GET (issue 12).
    const Result<QList<Account>> found = query(QStringLiteral("a.id = ?"), {id});
    if (!found)
        return found.error();
    const auto notFound = [&] { return makeError(ErrorCode::NotFound, tr("There is no account with id %1.").arg(id)); };
    if (found->isEmpty())
        return notFound();
    const Account &account = found->constFirst();
    if (!account.orgId.isEmpty() && scope.coversOrganization(account.orgId, tree))
        return account;
    if (scope.groupIds.isEmpty())
        return notFound();
    const SqlWhere member = SqlWhere{QStringLiteral("a.id = ?"), {id}} && memberOfGroupsWhere(scope.groupIds);
    const Result<QVariant> count =
        m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts a WHERE %1").arg(member.sql), member.params);
    if (!count)
        return count.error();
    if (count->toInt() == 0)
        return notFound();
    return account;
}

Result<QSet<QString>> AccountStore::inScope(const QStringList &ids, const SyncScope &scope,
                                            const OrganizationTree &tree) const
{
    QSet<QString> covered;
    if (ids.isEmpty())
        return covered;
    const SqlWhere where =
        scopeWhere(scope, tree)
        && SqlWhere{QStringLiteral("a.id IN (%1)").arg(QStringList(ids.size(), QStringLiteral("?")).join(u',')),
                    QVariantList(ids.cbegin(), ids.cend())};
    Result<QSqlQuery> rows =
        m_db.exec(QStringLiteral("SELECT a.id FROM accounts a WHERE %1").arg(where.sql), where.params);
    if (!rows)
        return rows.error();
    while (rows->next())
        covered.insert(rows->value(0).toString());
    rows->finish();
    return covered;
}

Result<qint64> AccountStore::countInScope(const SyncScope &scope, const OrganizationTree &tree) const
{
    return count(scopeWhere(scope, tree));
}

std::optional<SqlColumn> AccountStore::column(const StoredAttribute &attribute)
{
    using Field = StoredAttribute::Field;
    using Kind = SqlColumn::Kind;
    switch (attribute.field) {
    case Field::UserName:
        return SqlColumn(QStringLiteral("a.user_name_key"), Kind::FoldedKey);
    case Field::DisplayName:
        return SqlColumn(QStringLiteral("a.display_name"), Kind::TextIgnoreCase);
    case Field::GivenName:
        return SqlColumn(QStringLiteral("a.given_name"), Kind::TextIgnoreCase);
    case Field::FamilyName:
        return SqlColumn(QStringLiteral("a.family_name"), Kind::TextIgnoreCase);
    case Field::FormattedName:
        return SqlColumn(QStringLiteral("a.formatted_name"), Kind::TextIgnoreCase);
    case Field::Active:
        return SqlColumn(QStringLiteral("a.active"), Kind::Boolean);
    case Field::PhoneRegion:
        return SqlColumn(QStringLiteral("a.phone_region"), Kind::Text);
    // The directory keeps one email and one phone number: the element exists when the value does (FilterSql).
    case Field::Email:
        return SqlColumn(QStringLiteral("a.email"), Kind::TextIgnoreCase, {}, {}, {}, attribute.element);
    case Field::EmailPrimary:
        return SqlColumn(QStringLiteral("a.email_primary"), Kind::Boolean);
    case Field::PhoneNumber:
        return SqlColumn(QStringLiteral("a.phone_number"), Kind::Text, {}, {}, {}, attribute.element);
    case Field::PhonePrimary:
        return SqlColumn(QStringLiteral("a.phone_primary"), Kind::Boolean);
    case Field::WorkType:
        return SqlColumn(QStringLiteral("'work'"), Kind::TextIgnoreCase);
    case Field::OrganizationId:
        return SqlColumn(QStringLiteral("a.org_id"), Kind::Text);
    case Field::Extension: {
        const Kind kind = attribute.type == FieldType::Number    ? Kind::Number
                          : attribute.type == FieldType::Boolean ? Kind::BooleanText
                                                                 : Kind::TextIgnoreCase;
        return SqlColumn(QStringLiteral("x.value"), kind,
                         QStringLiteral("EXISTS (SELECT 1 FROM account_extension_values x WHERE x.account_id = a.id "
                                        "AND x.field_name = ? AND %1)"),
                         {attribute.argument});
    }
    case Field::Groups:
        if (attribute.argument.isEmpty()) { // the console's own view: every group
            return SqlColumn(
                QStringLiteral("gm.group_id"), Kind::Text,
                QStringLiteral("EXISTS (SELECT 1 FROM group_members gm WHERE gm.account_id = a.id AND %1)"), {}, {},
                attribute.element);
        }
        // An application's filter sees only the groups in its scope: naming another group finds nobody, exactly as
        // naming a group that does not exist.
        return SqlColumn(QStringLiteral("gm.group_id"), Kind::Text,
                         QStringLiteral("EXISTS (SELECT 1 FROM group_members gm WHERE gm.account_id = a.id AND "
                                        "gm.group_id IN (SELECT s.ref_id FROM app_scope s WHERE s.app_id = ? AND "
                                        "s.kind = 'group') AND %1)"),
                         {attribute.argument}, {}, attribute.element);
    case Field::Member:
    case Field::MemberType:
    case Field::MemberRef:
        return std::nullopt;
    default:
        return FilterSql::commonColumn(attribute, QStringLiteral("a"));
    }
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
        const SqlWhere member = memberOfGroupsWhere(scope.groupIds);
        parts << member.sql;
        params << member.params;
    }
    if (parts.isEmpty())
        return {QStringLiteral("(1 = 0)"), {}};
    return {u'(' + parts.join(QStringLiteral(" OR ")) + u')', params};
}

Result<QList<Account>> AccountStore::query(const QString &where, const QVariantList &values) const
{
    QList<Account> accounts;
    if (const Status read = m_db.readRows(QStringLiteral("SELECT %1 FROM accounts a WHERE %2").arg(Columns, where),
                                          values, [&accounts](const SqlRow &row) { accounts.append(fromRow(row)); });
        !read) {
        return read.error();
    }
    if (m_reads == Reads::Whole) {
        if (const Status loaded = loadExtensionValues(accounts); !loaded)
            return loaded.error();
    }
    return accounts;
}

} // namespace ScimConsole::Core
