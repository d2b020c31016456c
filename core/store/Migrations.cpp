// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/Migrations.h"

#include "core/domain/Identifier.h"
#include "core/store/Database.h"

#include <QStringList>

namespace ScimConsole::Core {

namespace {

struct Migration
{
    int version;
    // Statements run in order. Dialect placeholders: %AUTO_ID% (an auto-increment 64-bit primary key),
    // %NEW_ID% (a fresh identifier).
    QStringList statements;
};

/// The sync log's table as migration 1 made it, after "CREATE TABLE": on SQLite its own file starts with the same
/// (prepareSyncLog).
QString syncLogTable()
{
    return QStringLiteral("sync_log ("
                          " id %AUTO_ID%,"
                          " at BIGINT NOT NULL,"
                          " direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound', 'job')),"
                          " app_id TEXT,"
                          " profile TEXT,"
                          " request_id TEXT,"
                          " token_prefix TEXT,"
                          " client_address TEXT,"
                          " user_agent TEXT,"
                          " method TEXT,"
                          " path TEXT,"
                          " status INTEGER NOT NULL,"
                          " scim_type TEXT,"
                          " detail TEXT,"
                          " latency_us BIGINT NOT NULL,"
                          " bytes_in BIGINT NOT NULL,"
                          " bytes_out BIGINT NOT NULL,"
                          " resource_id TEXT)");
}

// Times are milliseconds since the epoch (UTC) in BIGINT columns, booleans are 0/1 INTEGERs: one schema text
// serves SQLite and PostgreSQL alike.
const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1,
         {
             QStringLiteral(
                 "CREATE TABLE config_state (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)"),
             QStringLiteral("INSERT INTO config_state (id, version) VALUES (1, 1)"),
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),

             QStringLiteral("CREATE TABLE organizations ("
                            " id TEXT PRIMARY KEY,"
                            " parent_id TEXT REFERENCES organizations(id),"
                            " name TEXT NOT NULL,"
                            " name_key TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),
             QStringLiteral("CREATE UNIQUE INDEX organizations_sibling_name"
                            " ON organizations (COALESCE(parent_id, ''), name_key)"),
             QStringLiteral("CREATE UNIQUE INDEX organizations_single_root"
                            " ON organizations ((parent_id IS NULL)) WHERE parent_id IS NULL"),
             QStringLiteral("INSERT INTO organizations (id, parent_id, name, name_key, created)"
                            " VALUES ('%NEW_ID%', NULL, 'Directory', 'directory', 0)"),

             QStringLiteral("CREATE TABLE extension_fields ("
                            " name TEXT PRIMARY KEY,"
                            " type TEXT NOT NULL CHECK (type IN ('string', 'number', 'boolean')),"
                            " display_name TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),

             QStringLiteral("CREATE TABLE applications ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " kind TEXT NOT NULL CHECK (kind IN ('standard', 'custom')),"
                            " perm_users_read INTEGER NOT NULL DEFAULT 0,"
                            " perm_users_write INTEGER NOT NULL DEFAULT 0,"
                            " perm_groups_read INTEGER NOT NULL DEFAULT 0,"
                            " perm_groups_write INTEGER NOT NULL DEFAULT 0,"
                            " on_duplicate TEXT NOT NULL CHECK (on_duplicate IN ('update', 'reject')),"
                            " unsupported_types TEXT NOT NULL CHECK (unsupported_types IN ('reject', 'ignore')),"
                            " sync_target_org TEXT REFERENCES organizations(id),"
                            " namespace_urn TEXT NOT NULL DEFAULT '',"
                            " created BIGINT NOT NULL,"
                            " modified BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE app_scope ("
                            " app_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
                            " kind TEXT NOT NULL CHECK (kind IN ('org', 'group')),"
                            " ref_id TEXT NOT NULL,"
                            " PRIMARY KEY (app_id, kind, ref_id))"),
             QStringLiteral("CREATE TABLE app_mapped_fields ("
                            " app_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
                            " field_name TEXT NOT NULL REFERENCES extension_fields(name),"
                            " position INTEGER NOT NULL,"
                            " PRIMARY KEY (app_id, field_name))"),
             QStringLiteral("CREATE TABLE bearer_tokens ("
                            " id TEXT PRIMARY KEY,"
                            " app_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
                            " prefix TEXT NOT NULL,"
                            " hash TEXT NOT NULL UNIQUE,"
                            " created BIGINT NOT NULL,"
                            " expires BIGINT NOT NULL,"
                            " enabled INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX bearer_tokens_prefix ON bearer_tokens (prefix)"),
             QStringLiteral("CREATE INDEX bearer_tokens_app ON bearer_tokens (app_id)"),

             QStringLiteral("CREATE TABLE accounts ("
                            " id TEXT PRIMARY KEY,"
                            " user_name TEXT NOT NULL,"
                            " user_name_key TEXT NOT NULL UNIQUE,"
                            " external_id TEXT,"
                            " display_name TEXT,"
                            " given_name TEXT,"
                            " family_name TEXT,"
                            " formatted_name TEXT,"
                            " email TEXT,"
                            " phone_number TEXT,"
                            " phone_digits TEXT,"
                            " phone_region TEXT,"
                            " active INTEGER NOT NULL,"
                            " password_hash TEXT,"
                            " org_id TEXT REFERENCES organizations(id),"
                            " created BIGINT NOT NULL,"
                            " modified BIGINT NOT NULL,"
                            " version BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX accounts_external_id ON accounts (external_id)"),
             QStringLiteral("CREATE INDEX accounts_org ON accounts (org_id)"),
             QStringLiteral("CREATE TABLE account_extension_values ("
                            " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                            " field_name TEXT NOT NULL REFERENCES extension_fields(name) ON DELETE CASCADE,"
                            " value TEXT NOT NULL,"
                            " PRIMARY KEY (account_id, field_name))"),

             QStringLiteral("CREATE TABLE directory_groups ("
                            " id TEXT PRIMARY KEY,"
                            " display_name TEXT NOT NULL,"
                            " display_name_key TEXT NOT NULL,"
                            " external_id TEXT,"
                            " created BIGINT NOT NULL,"
                            " modified BIGINT NOT NULL,"
                            " version BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX directory_groups_display_name ON directory_groups (display_name_key)"),
             QStringLiteral("CREATE INDEX directory_groups_external_id ON directory_groups (external_id)"),
             QStringLiteral("CREATE TABLE group_members ("
                            " group_id TEXT NOT NULL REFERENCES directory_groups(id) ON DELETE CASCADE,"
                            " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                            " PRIMARY KEY (group_id, account_id))"),
             QStringLiteral("CREATE INDEX group_members_account ON group_members (account_id)"),

             QStringLiteral("CREATE TABLE ") + syncLogTable(),
             QStringLiteral("CREATE INDEX sync_log_at ON sync_log (at)"),
             QStringLiteral("CREATE INDEX sync_log_app_at ON sync_log (app_id, at)"),
         }},
        {2,
         {
             // RAM push profiles (R-01…R-13). The app secret is never here: only where to find it.
             QStringLiteral("CREATE TABLE ram_profiles ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL UNIQUE,"
                            " site TEXT NOT NULL CHECK (site IN ('cn', 'intl', 'custom')),"
                            " token_url TEXT NOT NULL,"
                            " scim_url TEXT NOT NULL,"
                            " client_id TEXT NOT NULL,"
                            " secret_source TEXT NOT NULL,"
                            " source_app_id TEXT REFERENCES applications(id) ON DELETE SET NULL,"
                            " source_orgs TEXT NOT NULL DEFAULT '',"
                            " source_groups TEXT NOT NULL DEFAULT '',"
                            " user_name_rule TEXT NOT NULL,"
                            " disabled_action TEXT NOT NULL CHECK (disabled_action IN ('delete', 'keep')),"
                            " concurrency INTEGER NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " modified BIGINT NOT NULL)"),
             // Which directory account a profile pushed as which RAM user: lets a later push delete what it made
             // when the account leaves the source.
             QStringLiteral("CREATE TABLE ram_links ("
                            " profile_id TEXT NOT NULL REFERENCES ram_profiles(id) ON DELETE CASCADE,"
                            " account_id TEXT NOT NULL,"
                            " ram_id TEXT NOT NULL,"
                            " pushed_at BIGINT NOT NULL,"
                            " PRIMARY KEY (profile_id, account_id))"),
         }},
        {3,
         {
             // Lists page through an application's accounts in creation order: within one organization the index
             // gives that order, so a page is an index walk instead of a sort of every account in scope.
             QStringLiteral("CREATE INDEX accounts_org_created ON accounts (org_id, created, id)"),
             QStringLiteral("CREATE INDEX accounts_created ON accounts (created, id)"),
             QStringLiteral("CREATE INDEX directory_groups_created ON directory_groups (created, id)"),
         }},
        {4,
         {
             // What a client sent beside the one value kept of emails and phoneNumbers, read back unchanged: primary
             // (NULL when not sent); and whether phoneRegion was sent (U-05: only a sent region can conflict with
             // a later number). Rows written before count as derived, the lenient reading.
             QStringLiteral("ALTER TABLE accounts ADD COLUMN email_primary INTEGER"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN phone_primary INTEGER"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN phone_region_given INTEGER NOT NULL DEFAULT 0"),
             // Filters that ignore case lower both sides with scim_lower(): Unicode lower case whatever the
             // database's locale (ICU where the server has it). SQLite gets it from Database::open().
             QStringLiteral("%POSTGRES%DO $$ BEGIN"
                            " IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN"
                            "  CREATE OR REPLACE FUNCTION scim_lower(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
                            "   PARALLEL SAFE AS 'SELECT lower($1 COLLATE \"und-x-icu\")';"
                            " ELSE"
                            "  CREATE OR REPLACE FUNCTION scim_lower(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
                            "   PARALLEL SAFE AS 'SELECT lower($1)';"
                            " END IF; END $$"),
         }},
        {5,
         {
             // OAuth 2.0 client credentials (docs/oauth-rules.md C-01…C-09): an application's client id and whether
             // the method is on; its client secrets, under the bearer-token rules; the access tokens they minted,
             // as hashes, each tied to its secret so that disabling the secret revokes them at once.
             QStringLiteral("CREATE TABLE client_credentials ("
                            " app_id TEXT PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,"
                            " client_id TEXT NOT NULL UNIQUE,"
                            " enabled INTEGER NOT NULL,"
                            " token_lifetime INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE client_secrets ("
                            " id TEXT PRIMARY KEY,"
                            " app_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
                            " prefix TEXT NOT NULL,"
                            " hash TEXT NOT NULL UNIQUE,"
                            " created BIGINT NOT NULL,"
                            " expires BIGINT NOT NULL,"
                            " enabled INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX client_secrets_app ON client_secrets (app_id)"),
             QStringLiteral("CREATE TABLE access_tokens ("
                            " hash TEXT PRIMARY KEY,"
                            " app_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
                            " secret_id TEXT NOT NULL REFERENCES client_secrets(id) ON DELETE CASCADE,"
                            " expires BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX access_tokens_expires ON access_tokens (expires)"),
         }},
        {6,
         {
             // The emergency stop (issue 11 item 10): when set, the moment the application was suspended; every
             // call of it is then refused with 403, whatever its tokens and permission.
             QStringLiteral("ALTER TABLE applications ADD COLUMN suspended_at BIGINT"),
         }},
        {7,
         {
             // A list page in creation order whose scope holds groups as well as organizations cannot walk
             // accounts_org_created: it walks accounts in creation order and tests the organization of each row it
             // skips. With org_id in the index that test needs no table row (issue 12: 2.1 ms → 0.9 ms a page at
             // 10,000 accounts).
             QStringLiteral("DROP INDEX accounts_created"),
             QStringLiteral("CREATE INDEX accounts_created ON accounts (created, id, org_id)"),
         }},
        {8,
         {
             // accounts_org_created (org_id, created, id) answers whatever this index did, an organization's
             // accounts and the foreign key's check when one is deleted; each create and move paid for both (issue 12).
             QStringLiteral("DROP INDEX accounts_org"),
         }},
        {9,
         {
             // SQLite keeps the sync log in a file of its own (Database::attachSyncLog); prepareSyncLog() copied
             // this table's rows there first. Named with its schema: "sync_log" alone would name the other one too.
             QStringLiteral("%SQLITE%DROP TABLE main.sync_log"),
         }},
    };
    return all;
}

/// The statement as `backend` runs it; empty when it is for the other backend only ("%POSTGRES%…", "%SQLITE%…").
QString forBackend(QString statement, Backend backend)
{
    for (const auto &[only, of] : {std::pair(QLatin1StringView("%POSTGRES%"), Backend::Postgres),
                                   std::pair(QLatin1StringView("%SQLITE%"), Backend::Sqlite)}) {
        if (!statement.startsWith(only))
            continue;
        if (backend != of)
            return {};
        statement.remove(0, only.size());
    }
    statement.replace(QLatin1StringView("%AUTO_ID%"), backend == Backend::Sqlite
                                                          ? QLatin1StringView("INTEGER PRIMARY KEY AUTOINCREMENT")
                                                          : QLatin1StringView("BIGSERIAL PRIMARY KEY"));
    while (statement.contains(QLatin1StringView("%NEW_ID%")))
        statement.replace(statement.indexOf(QLatin1StringView("%NEW_ID%")), 8, newIdentifier());
    return statement;
}

const QLatin1StringView SyncLogColumns("id, at, direction, app_id, profile, request_id, token_prefix, client_address,"
                                       " user_agent, method, path, status, scim_type, detail, latency_us, bytes_in,"
                                       " bytes_out, resource_id");

/// SQLite: the sync log's own file (attached as "synclog") gets its table, and the rows of a store from before
/// migration 9, which kept them in the store's file, are copied there — again, harmlessly, if the process stopped
/// before migration 9 dropped the old table.
Status prepareSyncLog(Database &db)
{
    const QStringList schema{
        forBackend(QStringLiteral("CREATE TABLE IF NOT EXISTS synclog.") + syncLogTable(), Backend::Sqlite),
        QStringLiteral("CREATE INDEX IF NOT EXISTS synclog.sync_log_at ON sync_log (at)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS synclog.sync_log_app_at ON sync_log (app_id, at)"),
    };
    for (const QString &statement : schema) {
        if (const auto result = db.exec(statement); !result)
            return result.error();
    }
    const auto oldTableFound = [&db]() -> Result<bool> {
        const Result<QVariant> count = db.scalar(
            QStringLiteral("SELECT COUNT(*) FROM main.sqlite_master WHERE type = 'table' AND name = 'sync_log'"));
        if (!count)
            return count.error();
        return count->toInt() > 0;
    };
    if (const Result<bool> found = oldTableFound(); !found || !found.value())
        return found ? ok() : Status(found.error());
    Transaction tx(db);
    if (!tx)
        return tx.error();
    // Again under the write lock: another process may have copied it and dropped it meanwhile.
    if (const Result<bool> found = oldTableFound(); !found || !found.value())
        return found ? ok() : Status(found.error());
    if (const auto copied =
            db.exec(QStringLiteral("INSERT OR IGNORE INTO synclog.sync_log (%1) SELECT %1 FROM main.sync_log")
                        .arg(SyncLogColumns));
        !copied) {
        return copied.error();
    }
    return tx.commit();
}

} // namespace

int Migrations::latestVersion()
{
    return migrations().constLast().version;
}

Status Migrations::run(Database &db)
{
    // Serialise concurrent starts against one PostgreSQL database; on SQLite each migration checks again under the
    // write lock of its BEGIN IMMEDIATE.
    constexpr qint64 MigrationLockKey = 0x5c1a0001;
    const bool postgres = db.backend() == Backend::Postgres;
    if (postgres) {
        if (const auto locked = db.exec(QStringLiteral("SELECT pg_advisory_lock(?)"), {MigrationLockKey}); !locked)
            return locked.error();
    }
    const auto unlock = qScopeGuard([&] {
        if (postgres)
            (void)db.exec(QStringLiteral("SELECT pg_advisory_unlock(?)"), {MigrationLockKey});
    });

    if (const auto created = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                                    " version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"));
        !created) {
        return created.error();
    }
    const int current = db.schemaVersion();
    if (current > latestVersion()) {
        return makeError(ErrorCode::Database,
                         Database::tr("The database was written by a newer version of SCIM Console (schema %1; "
                                      "this version knows up to %2).")
                             .arg(current)
                             .arg(latestVersion()));
    }
    if (!postgres) {
        if (const Status prepared = prepareSyncLog(db); !prepared)
            return prepared;
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        Transaction tx(db);
        if (!tx)
            return tx.error();
        // Another connection may have applied it since `current` was read (two processes, or a server's threads,
        // opening a new file at once): the write lock is held now, so this answer holds.
        if (db.schemaVersion() >= migration.version)
            continue;
        for (const QString &statement : migration.statements) {
            const QString sql = forBackend(statement, db.backend());
            if (sql.isEmpty())
                continue;
            if (const auto result = db.exec(sql); !result)
                return result.error();
        }
        if (const auto recorded = db.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at)"
                                                         " VALUES (?, ?)"),
                                          {migration.version, QDateTime::currentMSecsSinceEpoch()});
            !recorded) {
            return recorded.error();
        }
        if (const Status committed = tx.commit(); !committed)
            return committed;
    }
    return ok();
}

} // namespace ScimConsole::Core
