#pragma once

#include "core/Result.h"
#include "core/domain/Account.h"

#include <QCoreApplication>
#include <QList>

namespace ScimConsole::Core {

class Database;

/// Directory accounts with their extension values. userName is unique ignoring case (U-13), enforced by the
/// database; externalId is indexed, not unique (I-01).
class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    explicit AccountStore(Database &db)
        : m_db(db)
    {
    }

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
    /// The groups `id` is a member of.
    Result<QStringList> groupIds(const QString &id) const;

private:
    Status validate(const Account &account) const;
    Status writeExtensionValues(const Account &account);
    Status loadExtensionValues(Account &account) const;
    Result<QList<Account>> query(const QString &where, const QVariantList &values) const;

    Database &m_db;
};

} // namespace ScimConsole::Core
