#pragma once

#include "core/Result.h"
#include "core/domain/Account.h"
#include "core/domain/OrganizationTree.h"
#include "core/domain/SyncScope.h"
#include "core/store/SqlWhere.h"

#include <QCoreApplication>

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
    SqlWhere condition;         // one more condition on the table aliased "a" (a translated SCIM filter)
};

class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    /// The table a write locks (Transaction::lockRow) before it reads the row it changes.
    static constexpr QLatin1StringView Table{"accounts"};

    explicit AccountStore(Database &db)
        : m_db(db)
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
    /// Accounts of the table aliased "a" that satisfy `where`, in `orderBy` order (an SQL expression list).
    Result<QList<Account>> search(const SqlWhere &where, const QString &orderBy, int offset, int limit) const;
    Result<qint64> count(const SqlWhere &where) const;
    /// The console's account table: `filter`ed accounts ordered by userName, a page at a time.
    Result<QList<Account>> browse(const AccountFilter &filter, int offset, int limit) const;
    Result<qint64> count(const AccountFilter &filter) const;
    /// Enables or disables an account (U-08) and bumps its version.
    Result<Account> setActive(const QString &id, bool active);
    /// S-02, S-06: the accounts an application with `scope` sees — in a covered organization, or a member of a
    /// group in scope.
    static SqlWhere scopeWhere(const SyncScope &scope, const OrganizationTree &tree);
    /// The groups `id` is a member of.
    Result<QStringList> groupIds(const QString &id) const;

private:
    static SqlWhere filterWhere(const AccountFilter &filter);
    Status validate(const Account &account) const;
    Status writeExtensionValues(const Account &account);
    Status loadExtensionValues(QList<Account> &accounts) const;
    Result<QList<Account>> query(const QString &where, const QVariantList &values) const;

    Database &m_db;
};

} // namespace ScimConsole::Core
