// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/log/SyncEvent.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>

namespace ScimConsole::Gui {

/// A window onto the sync log, oldest at the top: at most MaxEvents rows of the stored history and the live calls
/// after it. Scrolling back prepends older rows (prependOlder) and, past the bound, drops the newest ones: the
/// window then no longer reaches the present (atNewest() is false) and live calls are not added until it is reset.
class SyncEventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEventModel)

public:
    enum class Column {
        Time,
        Direction,
        Source, // application or RAM profile
        Method,
        Path,
        Status,
        Latency,
        Detail,
        Count
    };
    static constexpr int MaxEvents = 5000;

    explicit SyncEventModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces the window (a new filter, or back to the present): `events` oldest first, the newest ones.
    void reset(const QList<Core::SyncEvent> &events, bool hasOlder);
    /// Live calls, after the newest row; dropped while the window does not reach the present.
    void append(const QList<Core::SyncEvent> &events);
    /// Older history above the oldest row; `hasOlder` says whether the store holds still older ones.
    void prependOlder(const QList<Core::SyncEvent> &events, bool hasOlder);
    bool atNewest() const { return m_atNewest; }
    bool hasOlder() const { return m_hasOlder; }
    /// The store id of the oldest stored row (live RAM calls are stored when their push ends and have none yet);
    /// 0 when there is none.
    qint64 oldestId() const;
    const Core::SyncEvent &eventAt(int row) const { return m_events.at(row); }
    /// Applications by id, so that the Source column names them; an unknown id shows as itself.
    void setApplicationNames(const QHash<QString, QString> &namesById);
    QString sourceName(const Core::SyncEvent &event) const;

private:
    std::deque<Core::SyncEvent> m_events;
    bool m_atNewest = true;
    bool m_hasOlder = false;
    QHash<QString, QString> m_appNames;
};

} // namespace ScimConsole::Gui
