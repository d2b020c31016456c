// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/TerminationSignals.h"
#include "core/log/SyncLogExport.h"
#include "core/store/ApplicationStore.h"
#include "core/store/Database.h"
#include "core/store/SettingsStore.h"
#include "core/store/SyncLogStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

constexpr int DefaultLines = 50;
constexpr int MaxLines = 100000;
constexpr int FollowIntervalMs = 1000;

QString eventLine(const SyncEvent &e, const QString &source)
{
    return QStringLiteral("%1  %2  %3  %4 %5  %6  %7 ms%8")
        .arg(e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
             e.direction == SyncDirection::Inbound ? QStringLiteral("in ") : QStringLiteral("out"), source, e.method,
             e.path, e.status == 0 ? QStringLiteral("---") : QString::number(e.status))
        .arg(e.latencyUs / 1000.0, 0, 'f', 1)
        .arg(e.scimType.isEmpty() && e.detail.isEmpty() ? QString()
                                                        : QStringLiteral("  ")
                                                              + QStringList{e.scimType, e.detail}
                                                                    .filter(QRegularExpression(QStringLiteral(".")))
                                                                    .join(QStringLiteral(": ")));
}

/// "2026-12-01T08:00:00Z", "2026-12-01", or an age: "90s", "30m", "2h", "7d".
std::optional<QDateTime> parseSince(const QString &text)
{
    static const QRegularExpression age(QStringLiteral("^(\\d+)([smhd])$"));
    if (const QRegularExpressionMatch match = age.match(text); match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const qint64 seconds =
            amount
            * QHash<QChar, qint64>{{u's', 1}, {u'm', 60}, {u'h', 3600}, {u'd', 86400}}.value(match.captured(2).at(0));
        return QDateTime::currentDateTimeUtc().addSecs(-seconds);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0));
    return time.isValid() ? std::optional<QDateTime>(time.toUTC()) : std::nullopt;
}

/// `log [--app ID] [--profile NAME] [--direction in|out] [--method M] [--status 4xx] [--since …] [--until …]
/// [--request-id ID] [--find TEXT] [--lines N] [--follow]`: the sync log as an administrator reads it, with the
/// console's filter.
int showLog(CliContext &ctx)
{
    SyncLogFilter filter;
    filter.appId = ctx.parser.value(QStringLiteral("app"));
    filter.profile = ctx.parser.value(QStringLiteral("profile"));
    filter.method = ctx.parser.value(QStringLiteral("method")).toUpper();
    filter.requestId = ctx.parser.value(QStringLiteral("request-id"));
    filter.text = ctx.parser.value(QStringLiteral("find"));
    if (ctx.parser.isSet(QStringLiteral("direction"))) {
        const QString direction = ctx.parser.value(QStringLiteral("direction")).toLower();
        if (direction != u"in" && direction != u"out")
            return ctx.usage(Cli::tr("--direction takes in or out"));
        filter.direction = direction == u"in" ? SyncDirection::Inbound : SyncDirection::Outbound;
    }
    if (ctx.parser.isSet(QStringLiteral("status"))) {
        static const QRegularExpression statusClass(QStringLiteral("^([245])xx$"));
        const QRegularExpressionMatch match = statusClass.match(ctx.parser.value(QStringLiteral("status")).toLower());
        if (!match.hasMatch())
            return ctx.usage(Cli::tr("--status takes 2xx, 4xx or 5xx"));
        filter.statusClass = match.captured(1).toInt();
    }
    if (ctx.parser.isSet(QStringLiteral("since"))) {
        const std::optional<QDateTime> since = parseSince(ctx.parser.value(QStringLiteral("since")));
        if (!since)
            return ctx.usage(
                Cli::tr("--since takes a time (2026-12-01T08:00:00Z, 2026-12-01) or an age (30m, 2h, 7d)"));
        filter.since = *since;
    }
    if (ctx.parser.isSet(QStringLiteral("until"))) {
        const std::optional<QDateTime> until = parseSince(ctx.parser.value(QStringLiteral("until")));
        if (!until)
            return ctx.usage(
                Cli::tr("--until takes a time (2026-12-01T08:00:00Z, 2026-12-01) or an age (30m, 2h, 7d)"));
        filter.until = *until;
    }
    const std::optional<qint64> lineCount = ctx.wholeNumber(QStringLiteral("lines"), DefaultLines, 1, MaxLines);
    if (!lineCount)
        return UsageError;
    const int lines = int(*lineCount);

    const Result<QList<AppRegistration>> apps = ApplicationStore(ctx.db).list();
    if (!apps)
        return ctx.fail(apps.error());
    QHash<QString, QString> names;
    for (const AppRegistration &app : apps.value())
        names.insert(app.id, app.name);
    if (!filter.appId.isEmpty() && !names.contains(filter.appId))
        return ctx.fail(
            makeError(ErrorCode::NotFound, Cli::tr("There is no application with id %1.").arg(filter.appId)));
    const auto source = [&names](const SyncEvent &e) {
        return e.direction == SyncDirection::Outbound ? e.profile : names.value(e.appId, e.appId);
    };

    SyncLogStore log(ctx.db);
    const Result<QList<SyncEvent>> newest = log.newest(filter, lines);
    if (!newest)
        return ctx.fail(newest.error());
    const bool follow = ctx.parser.isSet(QStringLiteral("follow"));
    if (!follow) {
        QJsonArray array;
        QString text;
        for (const SyncEvent &e : newest.value()) {
            array.append(SyncLogExport::toJson(e, source(e)));
            text += eventLine(e, source(e)) + u'\n';
        }
        if (newest->isEmpty())
            text = Cli::tr("No calls in the sync log match.");
        return ctx.print(array, text);
    }

    // --follow: one line (or one JSON object) per event, until SIGINT or SIGTERM.
    QTextStream out(stdout);
    const auto emitEvents = [&](const QList<SyncEvent> &events) {
        for (const SyncEvent &e : events) {
            out << (ctx.json() ? QString::fromUtf8(
                        QJsonDocument(SyncLogExport::toJson(e, source(e))).toJson(QJsonDocument::Compact))
                               : eventLine(e, source(e)))
                << '\n';
        }
        out.flush();
    };
    emitEvents(newest.value());
    qint64 lastId = newest->isEmpty() ? log.lastId().value_or(0) : newest->last().id;
    int result = Success;
    QTimer poll;
    poll.setInterval(FollowIntervalMs);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        const Result<QList<SyncEvent>> more = log.after(lastId, filter, MaxLines);
        if (!more) {
            result = ctx.fail(more.error());
            QCoreApplication::exit(result);
            return;
        }
        if (!more->isEmpty()) {
            lastId = more->last().id;
            emitEvents(more.value());
        }
    });
    poll.start();
    watchTerminationSignals(&poll, [] { QCoreApplication::exit(Success); });
    const int loop = QCoreApplication::exec();
    return result != Success ? result : loop;
}

/// `log retention [--days N] [--max-events N]`: shows, or changes, how long the sync log keeps events.
int logRetention(CliContext &ctx)
{
    SettingsStore settings(ctx.db);
    Result<LogRetention> retention = settings.logRetention();
    if (!retention)
        return ctx.fail(retention.error());
    const std::optional<qint64> days = ctx.wholeNumber(QStringLiteral("days"), retention->days);
    if (!days)
        return UsageError;
    const std::optional<qint64> maxEvents = ctx.wholeNumber(QStringLiteral("max-events"), retention->maxEvents);
    if (!maxEvents)
        return UsageError;
    retention->days = int(*days);
    retention->maxEvents = *maxEvents;
    if (ctx.parser.isSet(QStringLiteral("days")) || ctx.parser.isSet(QStringLiteral("max-events"))) {
        if (const Status saved = settings.setLogRetention(retention.value()); !saved)
            return ctx.fail(saved.error());
    }
    return ctx.print(
        QJsonObject{{QStringLiteral("days"), retention->days}, {QStringLiteral("maxEvents"), retention->maxEvents}},
        Cli::tr("The sync log keeps %1 days, at most %2 events; the serving instance prunes it hourly.")
            .arg(retention->days)
            .arg(retention->maxEvents));
}

} // namespace

QList<Command> Cli::logCommands()
{
    // `log retention` before the bare `log`, which would otherwise take "retention" as an argument.
    return {
        {QStringLiteral("log"),
         QStringLiteral("retention"),
         tr("Show or set how long the sync log keeps events."),
         {{QStringLiteral("days"), tr("Keep this many days (1 to 3650, default %1).").arg(LogRetention::DefaultDays),
           tr("days")},
          {QStringLiteral("max-events"),
           tr("Keep at most this many events (default %1).").arg(LogRetention::DefaultMaxEvents), tr("count")}},
         logRetention},
        {QStringLiteral("log"),
         QString(),
         tr("Show the sync log: the newest calls, or --follow them as they come."),
         {{QStringLiteral("app"), tr("Only this application's calls."), tr("id")},
          {QStringLiteral("profile"), tr("Only this RAM profile's calls."), tr("name")},
          {QStringLiteral("direction"), tr("Only inbound (in) or outbound (out) calls."), tr("in|out")},
          {QStringLiteral("method"), tr("Only calls with this HTTP method."), tr("method")},
          {QStringLiteral("status"), tr("Only 2xx, 4xx or 5xx answers."), tr("class")},
          {QStringLiteral("since"), tr("Only calls since a time (ISO 8601) or an age (30m, 2h, 7d)."), tr("when")},
          {QStringLiteral("until"), tr("Only calls before a time (ISO 8601) or an age (30m, 2h, 7d)."), tr("when")},
          {QStringLiteral("request-id"), tr("Only the call with this request id."), tr("id")},
          {QStringLiteral("find"), tr("Only calls whose path, detail, scimType or profile contains this text."),
           tr("text")},
          {QStringLiteral("lines"), tr("How many of the newest calls (default %1).").arg(DefaultLines), tr("count")},
          {QStringLiteral("follow"), tr("Keep printing new calls until Ctrl-C.")}},
         showLog},
    };
}

} // namespace ScimConsole::Cli
