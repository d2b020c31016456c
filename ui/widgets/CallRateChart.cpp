// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/widgets/CallRateChart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPalette>
#include <QPen>
#include <QValueAxis>

namespace ScimConsole::Gui {

using namespace Core;

CallRateChart::CallRateChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("callRateChart"));
    setAccessibleName(tr("Calls and failures over time"));
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
}

QMap<QString, CallRateChart::Series> CallRateChart::toSeries(const QList<CallBucket> &buckets, const QDateTime &from,
                                                             int bucketSeconds, int count,
                                                             const QHash<QString, QString> &names)
{
    QMap<QString, Series> series;
    for (const CallBucket &bucket : buckets) {
        const qint64 index = from.secsTo(bucket.start) / bucketSeconds;
        if (index < 0 || index >= count)
            continue;
        const QString name =
            bucket.direction == SyncDirection::Outbound
                ? tr("RAM: %1").arg(bucket.source)
                : names.value(bucket.source, bucket.source.isEmpty() ? tr("(no application)") : bucket.source);
        Series &line = series[name];
        if (line.isEmpty())
            line.resize(count);
        line[index].calls += bucket.calls;
        line[index].failures += bucket.failures;
    }
    return series;
}

void CallRateChart::setRates(const QList<CallBucket> &buckets, const QDateTime &from, int bucketSeconds, int count,
                             const QHash<QString, QString> &names)
{
    m_series = toSeries(buckets, from, bucketSeconds, count, names);
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);

    auto *time = new QDateTimeAxis(c);
    time->setFormat(bucketSeconds < 3600 && count * bucketSeconds <= 3600 ? QStringLiteral("HH:mm")
                                                                          : QStringLiteral("dd HH:mm"));
    time->setRange(from.toLocalTime(), from.addSecs(qint64(count) * bucketSeconds).toLocalTime());
    time->setTickCount(7);
    auto *calls = new QValueAxis(c);
    calls->setLabelFormat(QStringLiteral("%d"));
    calls->setTitleText(bucketSeconds == 60 ? tr("calls per minute")
                                            : tr("calls per %n minute(s)", nullptr, bucketSeconds / 60));
    c->addAxis(time, Qt::AlignBottom);
    c->addAxis(calls, Qt::AlignLeft);

    qint64 highest = 0;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        auto *line = new QLineSeries(c);
        line->setName(it.key());
        auto *failed = new QLineSeries(c);
        failed->setName(tr("%1 — failures").arg(it.key()));
        bool anyFailure = false;
        for (int i = 0; i < count; ++i) {
            const qreal x = qreal(from.addSecs(qint64(i) * bucketSeconds).toMSecsSinceEpoch());
            line->append(x, qreal(it->at(i).calls));
            failed->append(x, qreal(it->at(i).failures));
            anyFailure = anyFailure || it->at(i).failures > 0;
            highest = std::max(highest, it->at(i).calls);
        }
        c->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(calls);
        if (anyFailure) {
            QPen pen = line->pen();
            pen.setStyle(Qt::DashLine);
            failed->setPen(pen);
            c->addSeries(failed);
            failed->attachAxis(time);
            failed->attachAxis(calls);
        } else {
            delete failed;
        }
    }
    calls->setRange(0, std::max<qint64>(4, highest + highest / 10 + 1));
    calls->applyNiceNumbers();
    c->setTitle(m_series.isEmpty() ? tr("No calls in this period") : QString());
}

} // namespace ScimConsole::Gui
