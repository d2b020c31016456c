// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/store/SyncLogStore.h"

#include <QChartView>
#include <QHash>
#include <QMap>

namespace ScimConsole::Gui {

/// Calls and failures per time bucket, one line per application or RAM profile (dashed: its failures), over a fixed
/// range: the last hour by the minute, or the last day by 15 minutes (I-02, I-03: watch rates and failures).
class CallRateChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallRateChart)

public:
    /// Calls and failures of one source, one entry per bucket from the start of the range, zeros included.
    using Series = QList<Core::CallCounts>;

    explicit CallRateChart(QWidget *parent = nullptr);

    /// Shows `buckets` (from SyncLogStore::callRates) between `from` and `from + count × bucketSeconds`; `names`
    /// turns application ids into names.
    void setRates(const QList<Core::CallBucket> &buckets, const QDateTime &from, int bucketSeconds, int count,
                  const QHash<QString, QString> &names);
    /// The lines drawn last, by source name.
    const QMap<QString, Series> &series() const { return m_series; }

    static QMap<QString, Series> toSeries(const QList<Core::CallBucket> &buckets, const QDateTime &from,
                                          int bucketSeconds, int count, const QHash<QString, QString> &names);

private:
    QMap<QString, Series> m_series;
};

} // namespace ScimConsole::Gui
