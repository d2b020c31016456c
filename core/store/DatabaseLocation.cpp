// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/DatabaseLocation.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace ScimConsole::Core {

Result<DatabaseLocation> DatabaseLocation::parse(const QString &spec)
{
    DatabaseLocation location;
    if (spec.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The database location is empty."));

    if (!spec.startsWith(u"postgresql://") && !spec.startsWith(u"postgres://")) {
        if (spec.contains(u"://"))
            return makeError(ErrorCode::InvalidInput,
                             tr("Unsupported database URL: use a SQLite file path or postgresql://…"));
        location.backend = Backend::Sqlite;
        location.path = QDir::cleanPath(QDir::current().absoluteFilePath(spec));
        return location;
    }

    const QUrl url(spec, QUrl::StrictMode);
    const QString database = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || database.isEmpty() || database.contains(u'/')) {
        return makeError(ErrorCode::InvalidInput,
                         tr("Invalid PostgreSQL URL: expected postgresql://user:password@host:port/database."));
    }
    location.backend = Backend::Postgres;
    location.host = url.host();
    location.port = url.port(5432);
    location.user = url.userName(QUrl::FullyDecoded);
    location.password = url.password(QUrl::FullyDecoded);
    location.database = database;
    return location;
}

QString DatabaseLocation::commandLinePasswordWarning()
{
    return tr("The password in --db is visible to every user of this machine in the process list. Leave it out of "
              "the URL and give it in PGPASSWORD or ~/.pgpass instead, or pass the URL in SCIM_CONSOLE_DB.");
}

DatabaseLocation DatabaseLocation::defaultLocation()
{
    DatabaseLocation location;
    location.path =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/scim-console.sqlite");
    return location;
}

QString DatabaseLocation::displayName() const
{
    if (backend == Backend::Sqlite)
        return path;
    const QString who = user.isEmpty() ? QString() : user + u'@';
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(who, host).arg(port).arg(database);
}

} // namespace ScimConsole::Core
