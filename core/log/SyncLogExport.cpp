// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/log/SyncLogExport.h"

#include "core/log/Csv.h"
#include "core/store/SyncLogStore.h"

#include <QIODevice>
#include <QJsonDocument>

namespace ScimConsole::Core {

namespace {
constexpr int BatchSize = 5000;

QString sourceOf(const SyncEvent &e, const QHash<QString, QString> &names)
{
    return e.direction == SyncDirection::Outbound ? e.profile : names.value(e.appId, e.appId);
}
} // namespace

QJsonObject SyncLogExport::toJson(const SyncEvent &e, const QString &source)
{
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"),
             e.at.isValid() ? QJsonValue(e.at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("direction"), SyncEvent::directionName(e.direction)},
            {QStringLiteral("app"), orNull(e.appId)},
            {QStringLiteral("source"), orNull(source)},
            {QStringLiteral("requestId"), orNull(e.requestId)},
            {QStringLiteral("tokenPrefix"), orNull(e.tokenPrefix)},
            {QStringLiteral("clientAddress"), orNull(e.clientAddress)},
            {QStringLiteral("userAgent"), orNull(e.userAgent)},
            {QStringLiteral("method"), orNull(e.method)},
            {QStringLiteral("path"), orNull(e.path)},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("scimType"), orNull(e.scimType)},
            {QStringLiteral("detail"), orNull(e.detail)},
            {QStringLiteral("latencyMs"), e.latencyUs / 1000.0},
            {QStringLiteral("bytesIn"), e.bytesIn},
            {QStringLiteral("bytesOut"), e.bytesOut},
            {QStringLiteral("resourceId"), orNull(e.resourceId)}};
}

Result<qint64> SyncLogExport::write(Database &db, const SyncLogFilter &filter, Format format,
                                    const QHash<QString, QString> &names, QIODevice &out, const Progress &progress)
{
    SyncLogStore store(db);
    const Result<qint64> total = store.count(filter);
    if (!total)
        return total.error();
    const auto written = [&out](const QByteArray &bytes) {
        return out.write(bytes) == bytes.size()
                   ? ok()
                   : Status(makeError(ErrorCode::Io, tr("Cannot write the export: %1").arg(out.errorString())));
    };
    Status status = written(
        format == Format::Csv ? Csv::line(
            {QStringLiteral("id"), QStringLiteral("time"), QStringLiteral("direction"), QStringLiteral("source"),
             QStringLiteral("request id"), QStringLiteral("token prefix"), QStringLiteral("client address"),
             QStringLiteral("user agent"), QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("status"),
             QStringLiteral("scimType"), QStringLiteral("detail"), QStringLiteral("latency ms"),
             QStringLiteral("bytes in"), QStringLiteral("bytes out"), QStringLiteral("resource id")})
                              : QByteArray("["));
    qint64 done = 0;
    qint64 lastId = 0;
    while (status) {
        if (progress && !progress(done, total.value()))
            return makeError(ErrorCode::Cancelled, tr("The export was cancelled."));
        const Result<QList<SyncEvent>> batch = store.after(lastId, filter, BatchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        QByteArray bytes;
        for (const SyncEvent &e : batch.value()) {
            if (format == Format::Csv) {
                bytes +=
                    Csv::line({QString::number(e.id), e.at.toUTC().toString(Qt::ISODateWithMs),
                               SyncEvent::directionName(e.direction), sourceOf(e, names), e.requestId, e.tokenPrefix,
                               e.clientAddress, e.userAgent, e.method, e.path, QString::number(e.status), e.scimType,
                               e.detail, QString::number(e.latencyUs / 1000.0, 'f', 3), QString::number(e.bytesIn),
                               QString::number(e.bytesOut), e.resourceId});
            } else {
                bytes += (done == 0 ? "\n" : ",\n")
                         + QJsonDocument(toJson(e, sourceOf(e, names))).toJson(QJsonDocument::Compact);
            }
            ++done;
        }
        lastId = batch->last().id;
        status = written(bytes);
    }
    if (status && format == Format::Json)
        status = written(done == 0 ? QByteArray("]\n") : QByteArray("\n]\n"));
    if (!status)
        return status.error();
    if (progress)
        progress(done, total.value());
    return done;
}

} // namespace ScimConsole::Core
