#pragma once

#include "core/log/SyncEvent.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>

namespace ScimConsole::Gui {

/// The live sync log as a table: the newest events at the bottom, at most MaxEvents of them.
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

    void append(const QList<Core::SyncEvent> &events);
    const Core::SyncEvent &eventAt(int row) const { return m_events.at(row); }
    /// Applications by id, so that the Source column names them; an unknown id shows as itself.
    void setApplicationNames(const QHash<QString, QString> &namesById);
    QString sourceName(const Core::SyncEvent &event) const;

private:
    std::deque<Core::SyncEvent> m_events;
    QHash<QString, QString> m_appNames;
};

} // namespace ScimConsole::Gui
