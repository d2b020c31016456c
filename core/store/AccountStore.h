// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/Account.h"
#include "core/domain/OrganizationTree.h"
#include "core/domain/SyncScope.h"
#include "core/store/FilterSql.h"
#include "core/store/ListQuery.h"
#include "core/store/SqlWhere.h"

#include <QCoreApplication>
#include <QSet>

#include <optional>
#include <QList>

namespace ScimConsole::Core {

class Database;

/// Directory accounts with their extension values. userName is unique ignoring case (U-13), enforced by the
/// database; externalId is indexed, not unique (I-01).
/// What the console's account table shows: accounts in some organizations, matching a text, of a status.
struct AccountFilter
{
    QStringList orgIds;         // empty: every organization (and accounts without one)
    QString text;               // part of userName, displayName or email, ignoring case
    std::optional<bool> active; // none: both
    ResourceFilter condition;   // a SCIM filter besides (UserResource::directoryFilter)
};

class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    /// The table a write locks (Transaction::lockRow) before it reads the row it changes.
    static constexpr QLatin1StringView Table{"accounts"};

    /// What reads fill in. Extension values take a second statement, which a reader that shows none skips.
    enum class Reads { Whole, WithoutExtensionValues };

    explicit AccountStore(Database &db, Reads reads = Reads::Whole)
        : m_db(db)
        , m_reads(reads)
    {}

    /// Assigns id, times and version 1. The organization, when given, must exist; extension values must name
    /// defined fields. A taken userName is ErrorCode::Conflict.
    Result<Account> create(Account account);
    /// Replaces every stored field of `account.id` and bumps its version.
    Result<Account> update(Account account);
    Result<Account> get(const QString &id) const;
    Result<Account> findByUserName(const QString &userName) const;
    Result<QList<Account>> findByExternalId(const QString &externalId) const;
    /// Hard delete, with its extension values and group memberships.
    Status remove(const QString &id);
    /// Accounts ordered by creation, `offset` rows skipped.
    Result<QList<Account>> list(int offset, int limit) const;
    Result<qint64> count() const;
    /// S-02, S-06: a page of the accounts an application with `scope` sees — in a covered organization, or a
    /// member of a group in scope — that match the query's filter. A filter the store cannot apply is
    /// ErrorCode::InvalidFilter.
    Result<ListPage<Account>> page(const ListQuery &query, const SyncScope &scope, const OrganizationTree &tree) const;
    /// Account `id` if `scope` covers it; ErrorCode::NotFound otherwise, whether it exists or not.
    Result<Account> getInScope(const QString &id, const SyncScope &scope, const OrganizationTree &tree) const;
    /// The ids among `ids` that `scope` covers (and that exist).
    Result<QSet<QString>> inScope(const QStringList &ids, const SyncScope &scope, const OrganizationTree &tree) const;
    Result<qint64> countInScope(const SyncScope &scope, const OrganizationTree &tree) const;
    /// How accounts keep a stored attribute (FilterSql), as columns of the table aliased "a".
    static std::optional<SqlColumn> column(const StoredAttribute &attribute);
    /// Whether a list of accounts can be sorted by `attribute` (one value per row, in the row itself).
    static bool sortable(const StoredAttribute &attribute) { return FilterSql::sortable(column(attribute)); }
    /// The console's account table: `filter`ed accounts ordered by userName, a page at a time.
    Result<QList<Account>> browse(const AccountFilter &filter, int offset, int limit) const;
    Result<qint64> count(const AccountFilter &filter) const;
    /// Enables or disables an account (U-08) and bumps its version.
    Result<Account> setActive(const QString &id, bool active);
    /// The groups `id` is a member of.
    Result<QStringList> groupIds(const QString &id) const;

private:
    static SqlWhere scopeWhere(const SyncScope &scope, const OrganizationTree &tree);
    static Result<SqlWhere> filterWhere(const AccountFilter &filter);
    /// Accounts of the table aliased "a" that satisfy `where`, in `orderBy` order (an SQL expression list).
    Result<QList<Account>> search(const SqlWhere &where, const QString &orderBy, int offset, int limit) const;
    Result<qint64> count(const SqlWhere &where) const;
    /// search() in creation order. Deep pages (issue 12): OFFSET steps over every row it skips, so on server
    /// connections over SQLite the keys of every thousandth row are kept while the store does not change
    /// (Database::keep) and a page seeks to the nearest one, then skips fewer than a thousand.
    Result<QList<Account>> searchInCreationOrder(const SqlWhere &where, bool descending, int offset, int limit) const;
    Status validate(const Account &account) const;
    /// The account's extension values; `replacing` clears the stored ones first (a new account has none).
    Status writeExtensionValues(const Account &account, bool replacing);
    Status loadExtensionValues(QList<Account> &accounts) const;
    Result<QList<Account>> query(const QString &where, const QVariantList &values) const;

    Database &m_db;
    Reads m_reads;
};

} // namespace ScimConsole::Core
