// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/Database.h"

#include "core/log/Logging.h"
#include "core/store/Migrations.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlResult>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace ScimConsole::Core {

namespace {

/// scim_lower(text): Unicode lower case, as QString::toLower gives it. SQLite's own LOWER() folds ASCII only, so a
/// filter ignoring case would miss "Ärger" for "ärger"; PostgreSQL gets the same function from migration 4.
void sqliteScimLower(sqlite3_context *context, int, sqlite3_value **arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = static_cast<const QChar *>(sqlite3_value_text16(arguments[0]));
    const QString lower = QString(text, sqlite3_value_bytes16(arguments[0]) / 2).toLower();
    sqlite3_result_text16(context, lower.utf16(), int(lower.size() * 2), SQLITE_TRANSIENT);
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    return qstrcmp(handle.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
}

Status registerSqliteFunctions(const QSqlDatabase &db)
{
    sqlite3 *connection = sqliteHandle(db);
    if (!connection
        || sqlite3_create_function_v2(connection, "scim_lower", 1, SQLITE_UTF16 | SQLITE_DETERMINISTIC, nullptr,
                                      sqliteScimLower, nullptr, nullptr, nullptr)
               != SQLITE_OK) {
        return makeError(ErrorCode::Database, Database::tr("Cannot prepare the SQLite database connection."),
                         QStringLiteral("sqlite3_create_function_v2(scim_lower) failed"));
    }
    return ok();
}

/// Binds `value` to the statement's parameter `index` (from 1) as Qt Sql would. Text is bound in place: `value`
/// must outlive the statement's steps.
void bindSqlite(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull()) {
        sqlite3_bind_null(statement, index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        sqlite3_bind_int64(statement, index, value.toLongLong());
        break;
    case QMetaType::Double:
        sqlite3_bind_double(statement, index, value.toDouble());
        break;
    case QMetaType::QString: {
        // A null QString is NULL, as Qt Sql binds it.
        const QString &text = *static_cast<const QString *>(value.constData());
        if (text.isNull())
            sqlite3_bind_null(statement, index);
        else
            sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_STATIC);
        break;
    }
    default: {
        const QString text = value.toString();
        sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
        break;
    }
    }
}

} // namespace

QVariant SqlRow::value(int column) const
{
    if (m_query)
        return m_query->value(column);
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return qlonglong(sqlite3_column_int64(m_statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_statement, column);
    case SQLITE_TEXT: {
        const auto *text = static_cast<const QChar *>(sqlite3_column_text16(m_statement, column));
        return QString(text, sqlite3_column_bytes16(m_statement, column) / qsizetype(sizeof(QChar)));
    }
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QByteArray(bytes, sqlite3_column_bytes(m_statement, column));
    }
    default:
        return {};
    }
}

namespace {
constexpr int SqliteBusyTimeoutMs = 5000;
constexpr qsizetype MaxPreparedStatements = 200;
const QLatin1StringView SqliteUniqueViolation("2067");
const QLatin1StringView SqlitePrimaryKeyViolation("1555");
const QLatin1StringView PostgresUniqueViolation("23505");

/// Group commit: SQLite rolled the open group back, so that none of its transactions will be stored.
Error groupLostError()
{
    return makeError(ErrorCode::Database, Database::tr("The store could not keep the changes; try again."),
                     QStringLiteral("SQLite rolled back the open group of transactions"));
}

/// PostgreSQL text cannot hold U+0000, and QPSQL cuts a statement's values at one (a syntax error): refused alike
/// on both backends, as the bad input it is.
Status refuseNul(const QVariantList &values)
{
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString && value.toString().contains(QChar(0)))
            return makeError(ErrorCode::InvalidInput, Database::tr("Text may not contain the NUL character (U+0000)."));
    }
    return ok();
}

Error writersBusyError()
{
    return makeError(ErrorCode::Database, Database::tr("The store is busy; try again."),
                     QStringLiteral("another connection of this process held the write lock"));
}
} // namespace

/// What the connections of this process to one SQLite store share.
struct Database::SqliteFile
{
    /// Taken before BEGIN IMMEDIATE, so that the process's writers queue here and are woken in turn instead of
    /// polling in SQLite's busy handler (which sleeps up to 100 ms per try).
    QMutex writers;
    /// The write-ahead logs' lengths after the last commit of any connection: the store's (main) and the sync
    /// log's. The connection that checkpoints (the server's housekeeper) commits to the sync log's file only, so it
    /// learns the store's from the workers' commits.
    std::atomic<int> walPages[2] = {0, 0};
};

std::shared_ptr<Database::SqliteFile> Database::sqliteFileOf(const QString &path)
{
    static QMutex registryMutex;
    static QHash<QString, std::weak_ptr<Database::SqliteFile>> registry;
    const QMutexLocker lock(&registryMutex);
    const QString key = QFileInfo(path).absoluteFilePath();
    std::shared_ptr<Database::SqliteFile> file = registry.value(key).lock();
    if (!file) {
        file = std::make_shared<Database::SqliteFile>();
        registry.insert(key, file);
    }
    return file;
}

namespace {
/// A new file readable and writable by its owner alone (0600); an existing one keeps the mode its owner gave it.
Status createPrivateFile(const QString &path)
{
    if (QFileInfo::exists(path))
        return ok();
    QFile created(path);
    if (!created.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)
        && !created.exists()) {
        return makeError(ErrorCode::Io,
                         Database::tr("Cannot create the database %1: %2").arg(path, created.errorString()));
    }
    return ok();
}
} // namespace

Database::Database(const DatabaseLocation &location, const QString &connectionName)
    : m_location(location)
    , m_connectionName(connectionName)
    , m_sqliteFile(location.backend == Backend::Sqlite ? sqliteFileOf(location.path) : nullptr)
    , m_writers(m_sqliteFile, m_sqliteFile ? &m_sqliteFile->writers : nullptr)
{}

QString Database::syncLogPath(const QString &storePath)
{
    return storePath + QStringLiteral("-synclog");
}

Database::~Database()
{
    m_statements.clear(); // before the connection they belong to closes
    for (sqlite3_stmt *statement : std::as_const(m_sqliteStatements))
        sqlite3_finalize(statement);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseLocation &location, const QString &connectionName)
{
    const QString name = connectionName.isEmpty()
                             ? QStringLiteral("scim-console-") + QUuid::createUuid().toString(QUuid::WithoutBraces)
                             : connectionName;
    if (QSqlDatabase::contains(name))
        return makeError(ErrorCode::Database,
                         tr("Internal error: the database connection %1 is open twice.").arg(name));

    std::unique_ptr<Database> database(new Database(location, name));
    if (const Status configured = database->configure(); !configured)
        return configured.error();
    if (const Status migrated = database->migrate(); !migrated)
        return migrated.error();
    qCInfo(lcStorage) << "opened" << location.displayName() << "schema version" << database->schemaVersion();
    return database;
}

Status Database::configure()
{
    if (m_location.backend == Backend::Sqlite) {
        // Before SQLite's first connection (afterwards sqlite3_config is refused, harmlessly): every connection here
        // is used by one thread only, so SQLite need not lock each one; and without memory statistics every
        // allocation no longer takes one global mutex, which with several server workers was a fifth of their time.
        static std::once_flag sqliteConfigured;
        std::call_once(sqliteConfigured, [] {
            sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
            sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        });
        const QFileInfo file(m_location.path);
        // The store holds token hashes and the directory: a folder this console creates is the owner's alone
        // (0700), and so is a new database file (0600; SQLite gives its -wal and -shm files the same mode).
        const QString folder = file.absolutePath();
        if (!QFileInfo::exists(folder)) {
            if (!QDir().mkpath(QFileInfo(folder).absolutePath())
                || !QDir().mkdir(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
                return makeError(ErrorCode::Io, tr("Cannot create the folder %1 for the database.").arg(folder));
            }
        }
        if (const Status created = createPrivateFile(m_location.path); !created)
            return created;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_location.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(SqliteBusyTimeoutMs));
        if (!db.open()) {
            return makeError(ErrorCode::Database,
                             tr("Cannot open the database %1: %2").arg(m_location.path, db.lastError().text()));
        }
        if (const Status registered = registerSqliteFunctions(db); !registered)
            return registered;
        // Replaces SQLite's automatic checkpoint: checkpointIfDue() runs it outside the writers' lock.
        sqlite3_wal_hook(
            sqliteHandle(db),
            [](void *file, sqlite3 *, const char *schema, int pages) {
                static_cast<SqliteFile *>(file)->walPages[qstrcmp(schema, "main") == 0 ? 0 : 1] = pages;
                return SQLITE_OK;
            },
            m_sqliteFile.get());
        if (const Status wal = useWal(QStringLiteral("main")); !wal)
            return wal;
        // case_sensitive_like: LIKE is exact, as on PostgreSQL; filters lower both sides where SCIM ignores case.
        // A 32 MB page cache: lists and counts walk indexes of the whole directory. It is dropped whenever another
        // connection commits to the store (not to the sync log: attachSyncLog); 64 MB made no list or GET faster at
        // 100,000 users and only raised the memory bound (issue 12, measured before the sync log had its own file). No
        // memory-mapped reads: every commit of another connection (another worker, the sync log) makes SQLite drop its
        // view of the file, and unmapping it cost writes a third of their rate (issue 12: PATCH 1,550 → 2,480
        // requests/s without).
        for (const char *pragma :
             {"PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA case_sensitive_like = ON",
              "PRAGMA cache_size = -32768", "PRAGMA mmap_size = 0"}) {
            if (const auto result = exec(QString::fromLatin1(pragma)); !result)
                return result.error();
        }
        return attachSyncLog();
    }

    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return makeError(ErrorCode::Database,
                         tr("The PostgreSQL driver for Qt is not installed (Debian package libqt6sql6-psql)."));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(m_location.host);
    db.setPort(m_location.port);
    db.setDatabaseName(m_location.database);
    db.setUserName(m_location.user);
    db.setPassword(m_location.password);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        // The driver's text names host and database, never the password.
        return makeError(ErrorCode::Database,
                         tr("Cannot connect to %1: %2").arg(m_location.displayName(), db.lastError().text().trimmed()));
    }
    if (const auto result = exec(QStringLiteral("SET client_min_messages TO warning")); !result)
        return result.error();
    return ok();
}

Status Database::useWal(const QString &schema)
{
    // A new file turns to WAL under an exclusive lock that SQLite does not wait for: connections opening the
    // same new file at once (another process; the server's housekeeper beside its first worker) try again.
    const QString wal = QStringLiteral("PRAGMA %1.journal_mode = WAL").arg(schema);
    for (QDeadlineTimer deadline(SqliteBusyTimeoutMs);;) {
        QSqlQuery query(connection());
        if (query.exec(wal))
            return ok();
        if (query.lastError().nativeErrorCode() != QString::number(SQLITE_BUSY) || deadline.hasExpired())
            return failed(query.lastError(), wal);
        QThread::msleep(10);
    }
}

Status Database::attachSyncLog()
{
    // The sync log has a file of its own (schema "synclog"; its table keeps its name, which no other schema
    // holds): SQLite drops a connection's page cache of a file whenever another connection commits to it, and the
    // server's housekeeper commits the log several times a second. Each worker then read the pages of every GET
    // again from the kernel (nearly a pread() a request; issue 12: a tenth of a GET's CPU).
    const QString path = syncLogPath(m_location.path);
    if (const Status created = createPrivateFile(path); !created)
        return created;
    if (const auto attached = exec(QStringLiteral("ATTACH DATABASE ? AS synclog"), {path}); !attached)
        return attached.error();
    if (const Status wal = useWal(QStringLiteral("synclog")); !wal)
        return wal;
    if (const auto result = exec(QStringLiteral("PRAGMA synclog.synchronous = NORMAL")); !result)
        return result.error();
    return ok();
}

Status Database::migrate()
{
    return Migrations::run(*this);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values) const
{
    if (m_aborted) {
        return makeError(ErrorCode::Database, tr("The change was rolled back because part of it failed."),
                         QStringLiteral("statement after a failure in the same transaction: %1").arg(sql));
    }
    if (values.isEmpty() && m_location.backend == Backend::Postgres) {
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        // Run directly: QPSQL prepares through PREPARE … AS, which takes no DDL, SET or transaction control.
        if (!query.exec(sql))
            return failed(query.lastError(), sql);
        return query;
    }
    if (const Status accepted = refuseNul(values); !accepted)
        return accepted.error();
    Result<QSqlQuery> prepared = statement(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery query = std::move(prepared).value();
    const bool autocommitWrite = m_transactionDepth == 0 && writes(query);
    // A write outside a transaction must not start inside the read snapshot of a kept statement left active: once
    // another connection has committed, SQLite refuses it (SQLITE_BUSY_SNAPSHOT) and no busy timeout waits that out.
    if (m_cacheStatements && autocommitWrite)
        finishStatements();
    // It also queues for the process's write lock as a transaction does. Left to SQLite's busy handler, which sleeps
    // and tries again, it found the lock free only by chance while the server's workers passed it from one to the
    // other: the housekeeper's presence heartbeat waited seconds, and the sync-log events piled up meanwhile.
    const bool queued = autocommitWrite && m_writers && !m_groupOpen;
    if (queued && !m_writers->tryLock(SqliteBusyTimeoutMs))
        return writersBusyError();
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    const bool executed = query.exec();
    if (queued)
        m_writers->unlock();
    if (!executed)
        return failed(query.lastError(), sql);
    if (queued)
        checkpointIfDue();
    return query;
}

// Sharing a prepared statement between the cache and its user is what QSqlQuery's copies do (one result, counted
// references); Qt 6 deprecates them in favour of moves, and keeps them.
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
Result<QSqlQuery> Database::statement(const QString &sql) const
{
    if (m_cacheStatements) {
        if (const auto cached = m_statements.constFind(sql); cached != m_statements.cend() && !cached->isActive())
            return QSqlQuery(cached.value());
    }
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return failed(query.lastError(), sql);
    if (m_cacheStatements) {
        if (m_statements.size() >= MaxPreparedStatements) // statements built for one request (lists of ids) pile up
            m_statements.clear();
        m_statements.insert(sql, query); // replaces one still in use: its holder keeps it
    }
    return query;
}
QT_WARNING_POP

bool Database::writes(const QSqlQuery &query)
{
    const QVariant handle = query.result()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3_stmt*") != 0)
        return false; // PostgreSQL: every statement outside a transaction sees the latest commits
    return !sqlite3_stmt_readonly(*static_cast<sqlite3_stmt *const *>(handle.constData()));
}

Database::Version Database::storeVersion() const
{
    if (m_location.backend == Backend::Postgres) {
        // Inside a transaction the snapshot does not show the transaction's own writes.
        if (m_transactionDepth > 0)
            return std::nullopt;
        const Result<QVariant> snapshot = scalar(QStringLiteral("SELECT pg_current_snapshot()::text"));
        if (!snapshot)
            return std::nullopt;
        return StoreVersion{0, 0, snapshot->toString()};
    }
    sqlite3 *handle = sqliteHandle(connection());
    // PRAGMA data_version moves when another connection commits, total_changes when this one writes.
    Result<QSqlQuery> pragma = statement(QStringLiteral("PRAGMA data_version"));
    if (!handle || !pragma || !pragma->exec() || !pragma->next())
        return std::nullopt;
    const qint64 dataVersion = pragma->value(0).toLongLong();
    pragma->finish();
    return StoreVersion{dataVersion, sqlite3_total_changes64(handle), {}};
}

void Database::checkpointIfDue() const
{
    constexpr int CheckpointPages = 1000; // SQLite's SQLITE_DEFAULT_WAL_AUTOCHECKPOINT
    if (!m_checkpoints || !m_sqliteFile
        || std::max(m_sqliteFile->walPages[0].load(), m_sqliteFile->walPages[1].load()) < CheckpointPages) {
        return;
    }
    m_sqliteFile->walPages[0] = 0;
    m_sqliteFile->walPages[1] = 0;
    sqlite3 *handle = sqliteHandle(connection());
    if (!handle)
        return;
    // Passive: copies what no reader still needs, waits for nobody; a busy checkpoint is tried again later.
    sqlite3_wal_checkpoint_v2(handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (!m_writers)
        return;
    // The log starts over only at a write that finds all of it copied and no reader left in it. A checkpoint from
    // another thread than the writers' (ServerHousekeeper) rarely finds that moment, and the log grew without end:
    // so, while the process's writers wait, what they added meanwhile is copied and the readers still in the log
    // are waited for (they are a request each), and the next write starts the log over.
    // A reader that stays (a long read of another connection) is not waited out: the writers would wait with it.
    constexpr int CheckpointWaitMs = 25;
    QMutexLocker writers(m_writers.get());
    sqlite3_busy_timeout(handle, CheckpointWaitMs);
    sqlite3_wal_checkpoint_v2(handle, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    sqlite3_busy_timeout(handle, SqliteBusyTimeoutMs);
}

bool Database::groupLost() const
{
    sqlite3 *handle = m_groupOpen ? sqliteHandle(connection()) : nullptr;
    return handle && sqlite3_get_autocommit(handle);
}

Status Database::commitGroup()
{
    if (!m_groupOpen)
        return ok();
    Q_ASSERT(m_transactionDepth == 0);
    finishStatements();
    Status result = ok();
    if (groupLost()) {
        result = groupLostError();
    } else if (const Result<QSqlQuery> committed = exec(QStringLiteral("COMMIT")); !committed) {
        (void)exec(QStringLiteral("ROLLBACK"));
        result = committed.error();
    }
    m_groupOpen = false;
    if (!result)
        m_kept.clear();
    if (m_writers)
        m_writers->unlock();
    if (result)
        checkpointIfDue();
    return result;
}

Result<QVariant> Database::scalarWhileUnchanged(const QString &sql, const QVariantList &values) const
{
    const Version version = keepingVersion();
    const QString key = keyOf(sql, values);
    if (QVariant found = kept(key, version); found.isValid())
        return found;
    const Result<QVariant> value = scalar(sql, values);
    if (value)
        keep(key, version, value.value());
    return value;
}

Database::Version Database::keepingVersion() const
{
    return m_cacheStatements ? storeVersion() : std::nullopt;
}

QVariant Database::kept(const QString &key, const Version &version) const
{
    if (!version)
        return {};
    const auto found = m_kept.constFind(key);
    return found != m_kept.cend() && found->version == *version ? found->value : QVariant();
}

void Database::keep(const QString &key, const Version &version, const QVariant &value) const
{
    if (!version)
        return;
    if (m_kept.size() >= MaxPreparedStatements && !m_kept.contains(key))
        m_kept.clear();
    m_kept.insert(key, {*version, value});
}

QString Database::keyOf(const QString &sql, const QVariantList &values)
{
    QString key = sql;
    for (const QVariant &value : values)
        key += QChar(0) + value.toString();
    return key;
}

void Database::finishStatements() const
{
    if (m_openRead) {
        sqlite3_reset(m_openRead);
        m_openRead = nullptr;
    }
    for (QSqlQuery &query : m_statements) {
        if (query.isActive())
            query.finish();
    }
}

Error Database::sqliteFailure(sqlite3 *handle, const QString &sql)
{
    return toError(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)), QSqlError::StatementError,
                             QString::number(sqlite3_extended_errcode(handle))),
                   sql);
}

Status Database::prepareSqlite(sqlite3 *handle, const QString &sql, sqlite3_stmt *&statement) const
{
    statement = m_sqliteStatements.value(sql);
    if (statement)
        return ok();
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(handle, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK) {
        return sqliteFailure(handle, sql);
    }
    if (m_cacheStatements) {
        if (m_sqliteStatements.size() >= MaxPreparedStatements) { // statements built for one request pile up
            for (sqlite3_stmt *kept : std::as_const(m_sqliteStatements))
                sqlite3_finalize(kept);
            m_sqliteStatements.clear();
            m_openRead = nullptr; // finalized with the others, which ended its read
        }
        m_sqliteStatements.insert(sql, statement);
    }
    return ok();
}

Status Database::readRows(const QString &sql, const QVariantList &values,
                          const std::function<void(const SqlRow &)> &onRow) const
{
    sqlite3 *handle = m_location.backend == Backend::Sqlite ? sqliteHandle(connection()) : nullptr;
    if (!handle) {
        Result<QSqlQuery> query = exec(sql, values);
        if (!query)
            return query.error();
        while (query->next())
            onRow(SqlRow(&query.value()));
        query->finish();
        return ok();
    }
    if (const Status accepted = refuseNul(values); !accepted)
        return accepted;
    sqlite3_stmt *statement = nullptr;
    if (const Status prepared = prepareSqlite(handle, sql, statement); !prepared)
        return prepared;
    const auto release = qScopeGuard([&] {
        sqlite3_reset(statement); // ends its part of the read: a kept statement holds no snapshot
        sqlite3_clear_bindings(statement);
        if (!m_cacheStatements)
            sqlite3_finalize(statement);
    });
    for (int i = 0; i < int(values.size()); ++i)
        bindSqlite(statement, i + 1, values.at(i));
    const SqlRow row(statement);
    for (;;) {
        const int stepped = sqlite3_step(statement);
        if (stepped == SQLITE_DONE)
            return ok();
        if (stepped != SQLITE_ROW)
            return sqliteFailure(handle, sql);
        onRow(row);
    }
}

Result<QList<qint64>> Database::insertRows(const QString &sql, const QList<QVariantList> &rows) const
{
    QList<qint64> ids;
    ids.reserve(rows.size());
    sqlite3 *handle = m_location.backend == Backend::Sqlite ? sqliteHandle(connection()) : nullptr;
    if (!handle) {
        // PostgreSQL: many rows to a statement. Each statement is a round trip to the server (three when it is not
        // kept: PREPARE, EXECUTE, DEALLOCATE); one a row, the housekeeper stored fewer sync-log events a second than
        // GETs made, and the workers waited for room in the backlog (issue 12: a GET p99 of 1.2 s).
        constexpr qsizetype RowsPerStatement = 100;
        const qsizetype valuesAt = sql.lastIndexOf(QLatin1String(" VALUES "));
        Q_ASSERT(valuesAt > 0 && sql.endsWith(u')'));
        const QString head = sql.left(valuesAt + 8);
        const QString tuple = sql.mid(valuesAt + 8);
        for (qsizetype first = 0; first < rows.size(); first += RowsPerStatement) {
            const qsizetype count = std::min(RowsPerStatement, rows.size() - first);
            QVariantList values;
            for (qsizetype i = first; i < first + count; ++i)
                values += rows.at(i);
            Result<QSqlQuery> inserted =
                exec(head + QStringList(count, tuple).join(u',') + QStringLiteral(" RETURNING id"), values);
            if (!inserted)
                return inserted.error();
            // Ids come from the table's sequence, taken row by row in the order of VALUES; RETURNING is not
            // promised to keep that order, so they are put back in it.
            QList<qint64> given;
            while (inserted->next())
                given.append(inserted->value(0).toLongLong());
            inserted->finish();
            if (given.size() != count) {
                return makeError(ErrorCode::Database, tr("The store could not keep the changes; try again."),
                                 QStringLiteral("%1 ids for %2 rows: %3").arg(given.size()).arg(count).arg(sql));
            }
            std::sort(given.begin(), given.end());
            ids += given;
        }
        return ids;
    }

    sqlite3_stmt *insert = nullptr;
    if (const Status prepared = prepareSqlite(handle, sql, insert); !prepared)
        return prepared.error();
    const auto release = qScopeGuard([&] {
        if (!m_cacheStatements)
            sqlite3_finalize(insert);
    });
    for (const QVariantList &row : rows) {
        for (int i = 0; i < int(row.size()); ++i)
            bindSqlite(insert, i + 1, row.at(i)); // `row` outlives the step
        const int stepped = sqlite3_step(insert);
        sqlite3_reset(insert);
        if (stepped != SQLITE_DONE)
            return sqliteFailure(handle, sql);
        ids.append(sqlite3_last_insert_rowid(handle));
    }
    return ids;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values) const
{
    Result<QSqlQuery> query = exec(sql, values);
    if (!query)
        return query.error();
    const QVariant value = query->next() ? query->value(0) : QVariant();
    query.value().finish();
    return value;
}

Result<qint64> Database::configVersion() const
{
    if (sqlite3 *handle = m_location.backend == Backend::Sqlite ? sqliteHandle(connection()) : nullptr) {
        const QString sql = QStringLiteral("SELECT version FROM config_state WHERE id = 1");
        sqlite3_stmt *statement = nullptr;
        if (const Status prepared = prepareSqlite(handle, sql, statement); !prepared)
            return prepared.error();
        if (statement == m_openRead)
            m_openRead = nullptr;
        sqlite3_reset(statement);
        const int stepped = sqlite3_step(statement);
        const qint64 version = stepped == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
        const bool failedStep = stepped != SQLITE_ROW && stepped != SQLITE_DONE;
        const Error failure = failedStep ? sqliteFailure(handle, sql) : Error{};
        // On a server connection it stays on its row until the request ends (finishStatements), so that the
        // request's reads share the read transaction it began instead of beginning and ending one each.
        if (m_cacheStatements && !failedStep) {
            m_openRead = statement;
        } else {
            sqlite3_reset(statement);
            if (!m_cacheStatements)
                sqlite3_finalize(statement);
        }
        if (failedStep)
            return failure;
        return version;
    }
    // With a parameter, so that the statement is prepared once: it runs before every SCIM request.
    Result<QSqlQuery> query = exec(QStringLiteral("SELECT version FROM config_state WHERE id = ?"), {1});
    if (!query)
        return query.error();
    const qint64 version = query->next() ? query->value(0).toLongLong() : 0;
    // On a server connection the statement stays on its row until the request ends (finishStatements), so that
    // the request's reads share the read transaction it began instead of beginning and ending one each.
    if (!m_cacheStatements)
        query->finish();
    return version;
}

Status Database::bumpConfigVersion() const
{
    const auto result = exec(QStringLiteral("UPDATE config_state SET version = version + 1 WHERE id = 1"));
    if (!result)
        return result.error();
    return ok();
}

int Database::schemaVersion() const
{
    const Result<QVariant> version = scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    return version ? version->toInt() : 0;
}

QVariant Database::nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

Error Database::failed(const QSqlError &error, const QString &sql) const
{
    // PostgreSQL refuses every statement, even the DEALLOCATE of the failed one, until the transaction ends:
    // end it now, while the failed statement is still alive, and refuse the rest of the transaction ourselves.
    if (m_location.backend == Backend::Postgres && m_transactionDepth > 0 && !m_aborted) {
        QSqlQuery rollback(connection());
        rollback.exec(QStringLiteral("ROLLBACK"));
        m_aborted = true;
    }
    return toError(error, sql);
}

QVariant Database::notNull(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QDateTime Database::fromMsecs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::utc());
}

Error Database::toError(const QSqlError &error, const QString &sql)
{
    const QString code = error.nativeErrorCode();
    const QString detail = QStringLiteral("%1 [%2] in: %3").arg(error.text(), code, sql.simplified());
    if (code == SqliteUniqueViolation || code == SqlitePrimaryKeyViolation || code == PostgresUniqueViolation)
        return makeError(ErrorCode::Conflict, tr("The value is already taken."), detail);
    qCWarning(lcStorage) << "SQL error:" << detail;
    return makeError(ErrorCode::Database, tr("The database reported an error: %1").arg(error.text()), detail);
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (m_db.m_transactionDepth++ > 0)
        return; // joins the outer transaction
    m_outermost = true;
    m_db.m_rollbackOnly = false;
    m_db.m_aborted = false;
    const auto fail = [this](const Error &error) {
        m_beginError = error;
        m_done = true;
        --m_db.m_transactionDepth;
        m_outermost = false;
        releaseWriters();
    };
    if (m_db.m_groupOpen) {
        if (m_db.groupLost()) {
            fail(groupLostError());
            return;
        }
    } else {
        // A read snapshot left open would make BEGIN IMMEDIATE fail once another writer committed.
        m_db.finishStatements();
        if (m_db.m_writers) {
            if (!m_db.m_writers->tryLock(SqliteBusyTimeoutMs)) {
                fail(writersBusyError());
                return;
            }
            m_holdsWriters = true;
        }
        const Result<QSqlQuery> begun =
            m_db.exec(m_db.backend() == Backend::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
        if (!begun) {
            fail(begun.error());
            return;
        }
        if (!m_db.m_groupCommit)
            return;
        m_db.m_groupOpen = true; // the group holds the write lock from here on, until commitGroup()
        m_holdsWriters = false;
    }
    if (const Result<QSqlQuery> saved = m_db.exec(QStringLiteral("SAVEPOINT request")); !saved) {
        fail(saved.error());
        return;
    }
    m_savepoint = true;
}

void Transaction::releaseWriters()
{
    if (std::exchange(m_holdsWriters, false))
        m_db.m_writers->unlock();
}

void Transaction::rollBackSavepoint()
{
    m_db.m_kept.clear(); // values kept since may have been read from what is undone
    if (m_db.groupLost())
        return; // SQLite ended the whole group: no savepoint is left to go back to
    for (const char *sql : {"ROLLBACK TO request", "RELEASE request"}) {
        if (const auto undone = m_db.exec(QString::fromLatin1(sql)); !undone)
            qCWarning(lcStorage) << "rollback of a transaction in a group failed:" << undone.error().detail;
    }
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    if (m_savepoint) {
        rollBackSavepoint();
        m_db.m_rollbackOnly = false;
    } else if (m_outermost) {
        if (!m_db.m_aborted) {
            if (const auto rolledBack = m_db.exec(QStringLiteral("ROLLBACK")); !rolledBack)
                qCWarning(lcStorage) << "rollback failed:" << rolledBack.error().detail;
        }
        m_db.m_kept.clear();
        m_db.m_rollbackOnly = false;
        m_db.m_aborted = false;
        releaseWriters();
    } else {
        m_db.m_rollbackOnly = true;
    }
    --m_db.m_transactionDepth;
}

Status Transaction::lockRow(const QString &table, const QString &id)
{
    if (m_db.backend() != Backend::Postgres)
        return ok(); // BEGIN IMMEDIATE already holds SQLite's write lock
    const auto locked = m_db.exec(QStringLiteral("SELECT id FROM %1 WHERE id = ? FOR UPDATE").arg(table), {id});
    if (!locked)
        return locked.error();
    return ok();
}

Status Transaction::commit()
{
    Q_ASSERT(!m_done);
    m_done = true;
    --m_db.m_transactionDepth;
    if (!m_outermost)
        return ok();
    const auto partFailed = [] {
        return makeError(ErrorCode::Database, Database::tr("The change was rolled back because part of it failed."));
    };
    if (m_savepoint) { // stored when the group is: commitGroup()
        if (std::exchange(m_db.m_rollbackOnly, false)) {
            rollBackSavepoint();
            return partFailed();
        }
        if (const Result<QSqlQuery> released = m_db.exec(QStringLiteral("RELEASE request")); !released) {
            rollBackSavepoint();
            return released.error();
        }
        return ok();
    }
    if (m_db.m_rollbackOnly || m_db.m_aborted) {
        if (!m_db.m_aborted)
            (void)m_db.exec(QStringLiteral("ROLLBACK"));
        m_db.m_kept.clear();
        m_db.m_rollbackOnly = false;
        m_db.m_aborted = false;
        releaseWriters();
        return partFailed();
    }
    const Result<QSqlQuery> committed = m_db.exec(QStringLiteral("COMMIT"));
    if (!committed) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        m_db.m_kept.clear();
    }
    releaseWriters();
    if (!committed)
        return committed.error();
    m_db.checkpointIfDue();
    return ok();
}

} // namespace ScimConsole::Core
