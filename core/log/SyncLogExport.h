// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/log/SyncEvent.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <functional>

class QIODevice;

namespace ScimConsole::Core {

class Database;
struct SyncLogFilter;

/// Writes stored sync-log events out, oldest first, read in batches so that a million events never sit in memory:
/// CSV (a header, one record per event) or JSON (one array of the objects toJson() makes).
class SyncLogExport
{
    Q_DECLARE_TR_FUNCTIONS(SyncLogExport)

public:
    enum class Format {
        Csv,
        Json,
    };

    /// Told how many of how many were written; returns false to stop (the export then ends with ErrorCode::Cancelled).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// `names` turns application ids into names for the source column; an unknown id stays itself.
    static Result<qint64> write(Database &db, const SyncLogFilter &filter, Format format,
                                const QHash<QString, QString> &names, QIODevice &out, const Progress &progress = {});

    /// An event as JSON (the CLI's `log --json` shape); `source` names the application or profile.
    static QJsonObject toJson(const SyncEvent &event, const QString &source);
};

} // namespace ScimConsole::Core
