// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/store/DatabaseLocation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

#include <QMutex>

#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace ScimConsole::Core {

/// A row of Database::readRows(): its columns by position, valid during the call it is given to.
class SqlRow
{
public:
    explicit SqlRow(const QSqlQuery *query)
        : m_query(query)
    {}
    explicit SqlRow(sqlite3_stmt *statement)
        : m_statement(statement)
    {}
    /// As QSqlQuery::value() gives it on SQLite: an integer as qlonglong, text as QString, NULL as a null QVariant.
    QVariant value(int column) const;

private:
    const QSqlQuery *m_query = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

/// One connection to the store, for the thread that opened it (Qt Sql connections are per thread). Repositories
/// take a Database& and run their SQL through exec(), which binds every value as a parameter.
///
/// SQLite runs in WAL mode with a busy timeout, so that a GUI thread reads while a server thread writes; the same
/// repositories run on PostgreSQL. Migrations run in open().
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    /// Opens (creating a SQLite file and its folder if needed) and migrates. `connectionName` must be unique among
    /// the connections of the process; an empty one picks a fresh name.
    static Result<std::unique_ptr<Database>> open(const DatabaseLocation &location, const QString &connectionName = {});

    Backend backend() const { return m_location.backend; }
    const DatabaseLocation &location() const { return m_location; }
    QSqlDatabase connection() const;

    /// Prepares `sql` (with "?" placeholders), binds `values` in order and runs it. Without values the statement
    /// runs unprepared, which is what DDL and transaction control need.
    ///
    /// With enableStatementCache(), prepared statements are kept by their SQL and reused (issue 12: preparing was a
    /// quarter of a GET's time, and on PostgreSQL each was a PREPARE and a DEALLOCATE): a statement is reused once the
    /// query that last ran it is no longer active — finish() it (scalar() does) when its rows have been read.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {}) const;
    /// Keeps prepared statements for reuse. Whoever enables it calls finishStatements() at the end of each unit of
    /// work (a request): a kept statement that is still active holds SQLite's read snapshot open. A transaction
    /// finishes them as it begins, so no rows may be read across the start of one.
    void enableStatementCache() { m_cacheStatements = true; }
    void finishStatements() const;
    /// SQLite: this connection's commits never checkpoint the write-ahead log; another connection of the process
    /// that writes regularly does it for all (the server's workers leave it to ServerHousekeeper, whose log batches
    /// commit every fraction of a second while requests arrive, so that no request waits for a checkpoint).
    void leaveCheckpoints() { m_checkpoints = false; }
    /// SQLite: group commit, for a server worker (issue 12). The first transaction that begins while none is open
    /// takes the write lock and opens a group; it and every later one run in a savepoint of the group (a
    /// transaction that fails rolls back alone) until commitGroup() commits them all at once. Whoever enables it
    /// holds back what it tells of those transactions (a SCIM answer) until commitGroup() has said whether they
    /// are stored, and calls it soon: the process's other writers wait meanwhile. A no-op on PostgreSQL.
    void enableGroupCommit() { m_groupCommit = m_location.backend == Backend::Sqlite; }
    bool groupOpen() const { return m_groupOpen; }
    bool inTransaction() const { return m_transactionDepth > 0; }
    /// Commits the open group, if any, and releases the write lock. On failure none of the group's transactions
    /// is stored, committed as each may have been.
    Status commitGroup();
    /// Runs the INSERT `sql` ("… VALUES (…)") once for each of `rows` (its values in order) and gives the id each
    /// row was given (the table's "id" column, from a sequence). On SQLite the rows are bound and stepped without
    /// Qt Sql, on a statement kept while the connection lives: the sync log writes a row for every SCIM call, and
    /// Qt's binding of seventeen values was a quarter of that. On PostgreSQL a statement inserts up to a hundred.
    Result<QList<qint64>> insertRows(const QString &sql, const QList<QVariantList> &rows) const;
    /// Runs the read `sql` with `values` bound and hands each row to `onRow`, which runs no statement itself. On
    /// SQLite the statement is bound, stepped and read without Qt Sql, kept as exec() keeps its own: Qt's SQLite
    /// driver builds a QSqlRecord of every column at each run (issue 12: a tenth of a GET's CPU).
    Status readRows(const QString &sql, const QVariantList &values,
                    const std::function<void(const SqlRow &)> &onRow) const;
    /// exec() for a statement that yields one value in one row; an empty QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;
    /// scalar(), answered from memory while the database has not changed since it last ran — in this process or
    /// another (issue 12: the totalResults of list pages). Only server connections (enableStatementCache) keep the
    /// answers; elsewhere it is scalar().
    Result<QVariant> scalarWhileUnchanged(const QString &sql, const QVariantList &values = {}) const;
    /// What the store holds, as far as one cheap read tells: while the version is equal, so is everything a query
    /// can see. SQLite: the file's change counter (PRAGMA data_version, moved by other connections' commits) and
    /// this connection's own changes. PostgreSQL: the current snapshot (pg_current_snapshot(): xmin, xmax and the
    /// transactions in progress), which moves when any transaction commits or starts writing.
    struct StoreVersion
    {
        qint64 dataVersion = 0;
        qint64 ownChanges = 0;
        QString snapshot;
        friend bool operator==(const StoreVersion &, const StoreVersion &) = default;
    };
    using Version = std::optional<StoreVersion>;
    /// Where values derived from the data may be kept (server connections, outside a transaction on PostgreSQL,
    /// whose snapshot does not show the transaction's own writes): the store's version now, to read before deriving
    /// a value and keep it under. A value derived later than its version may be newer than the version says, never
    /// older, and the version moves past it before anyone else reads it. Empty elsewhere: nothing is kept.
    Version keepingVersion() const;
    /// The value kept under `key` at `version`, or an invalid QVariant.
    QVariant kept(const QString &key, const Version &version) const;
    void keep(const QString &key, const Version &version, const QVariant &value) const;
    /// A key for kept(): the statement and its values.
    static QString keyOf(const QString &sql, const QVariantList &values);

    /// The configuration version: every write to applications, tokens, scope or mapping bumps it, so that a
    /// running server (in this or another process) notices on its next request. On a server connection the read
    /// stays open until finishStatements(): the request that asked reads in that one snapshot.
    Result<qint64> configVersion() const;
    Status bumpConfigVersion() const;

    int schemaVersion() const;

    /// A null QVariant of type QString for an empty string, so that optional text columns hold NULL.
    static QVariant nullIfEmpty(const QString &value);
    /// The string for a NOT NULL text column: Qt binds a null QString as NULL, so an empty one becomes "".
    static QVariant notNull(const QString &value);
    static qint64 toMsecs(const QDateTime &time) { return time.isValid() ? time.toMSecsSinceEpoch() : 0; }
    static QDateTime fromMsecs(const QVariant &value);
    /// Turns a driver error into an Error: a unique violation becomes ErrorCode::Conflict.
    static Error toError(const QSqlError &error, const QString &sql);

    /// SQLite: the file of the sync log (the table sync_log, schema "synclog"), beside the store's own file and
    /// named after it. Every connection attaches it.
    static QString syncLogPath(const QString &storePath);

private:
    friend class Transaction;
    struct SqliteFile;
    static std::shared_ptr<SqliteFile> sqliteFileOf(const QString &path);
    Database(const DatabaseLocation &location, const QString &connectionName);
    Status configure();
    /// SQLite: turns the schema's file to write-ahead logging.
    Status useWal(const QString &schema);
    Status attachSyncLog();
    Error failed(const QSqlError &error, const QString &sql) const;
    /// `sql` prepared: the cached statement when it is free, else a new one, cached.
    Result<QSqlQuery> statement(const QString &sql) const;
    /// SQLite: whether the prepared statement may change the database.
    static bool writes(const QSqlQuery &query);
    Version storeVersion() const;
    static Error sqliteFailure(sqlite3 *handle, const QString &sql);
    /// `sql` prepared with SQLite's own API: the kept statement, else a new one (kept with enableStatementCache()).
    Status prepareSqlite(sqlite3 *handle, const QString &sql, sqlite3_stmt *&statement) const;
    /// SQLite: checkpoints the write-ahead logs (the store's and the sync log's) once a commit of any connection of
    /// the process left one past SQLite's usual 1,000 pages. Called after a transaction released the writers' lock:
    /// inside the commit that crossed the mark (SQLite's own automatic checkpoint) it kept every other writer of the
    /// process waiting.
    void checkpointIfDue() const;
    /// Group commit: SQLite rolled the open group back (it does on some I/O and memory errors), so that nothing
    /// of it can be committed any more.
    bool groupLost() const;
    Status migrate();

    DatabaseLocation m_location;
    QString m_connectionName;
    std::shared_ptr<SqliteFile> m_sqliteFile; // SQLite: one per file in this process
    std::shared_ptr<QMutex> m_writers;        // SQLite: m_sqliteFile's writers' mutex
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
    mutable bool m_aborted = false; // PostgreSQL: the open transaction failed and was already rolled back
    bool m_cacheStatements = false;
    bool m_checkpoints = true;
    bool m_groupCommit = false;
    bool m_groupOpen = false;
    mutable QHash<QString, QSqlQuery> m_statements;            // prepared, by their SQL
    mutable QHash<QString, sqlite3_stmt *> m_sqliteStatements; // readRows() and insertRows() on SQLite, by their SQL
    mutable sqlite3_stmt *m_openRead = nullptr;                // configVersion()'s, on its row until finishStatements()
    struct KeptValue
    {
        StoreVersion version;
        QVariant value;
    };
    mutable QHash<QString, KeptValue> m_kept; // keep()
};

/// One transaction, rolled back unless committed. Nested transactions join the outermost one; an inner one that
/// ends without commit makes the whole transaction fail. On SQLite the transaction takes the write lock at once
/// (BEGIN IMMEDIATE), so a read-check-write sequence cannot interleave with another writer; on PostgreSQL callers
/// lock the rows they check (lockRow).
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    explicit operator bool() const { return !m_beginError.has_value(); }
    const Error &error() const { return *m_beginError; }

    /// On PostgreSQL, SELECT … FOR UPDATE of one row, so that concurrent instances serialise on it.
    Status lockRow(const QString &table, const QString &id);
    Status commit();

private:
    void releaseWriters();
    /// Group commit: undoes this transaction's savepoint, and notices when SQLite rolled back the whole group.
    void rollBackSavepoint();

    Database &m_db;
    std::optional<Error> m_beginError;
    bool m_outermost = false;
    bool m_holdsWriters = false;
    bool m_savepoint = false; // group commit: this transaction is a savepoint of the open group
    bool m_done = false;
};

} // namespace ScimConsole::Core
