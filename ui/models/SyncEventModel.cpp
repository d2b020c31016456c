// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/models/SyncEventModel.h"

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace ScimConsole::Gui {

using Core::SyncDirection;
using Core::SyncEvent;

SyncEventModel::SyncEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SyncEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int SyncEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant SyncEventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_events.size()))
        return {};
    const SyncEvent &event = m_events.at(index.row());
    if (role == Qt::ForegroundRole && event.status >= 400) {
        // A red that reads on the palette's base: darker on a light theme, lighter on a dark one.
        const bool darkBase = QPalette().color(QPalette::Base).lightnessF() < 0.5;
        return QBrush(darkBase ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x20, 0x20));
    }
    if (role == Qt::ToolTipRole)
        return Column(index.column()) == Column::Path ? QVariant(event.path)
               : event.detail.isEmpty()               ? QVariant()
                                                      : QVariant(event.detail);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Column::Time:
        return event.at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Column::Direction:
        return event.direction == SyncDirection::Inbound    ? tr("in")
               : event.direction == SyncDirection::Outbound ? tr("out")
                                                            : tr("job");
    case Column::Source:
        return sourceName(event);
    case Column::Method:
        return event.method;
    case Column::Path: {
        // The application is in its own column: the path reads from the application's base on.
        const QString base = QStringLiteral("/scim/v2/apps/") + event.appId;
        return !event.appId.isEmpty() && event.path.startsWith(base) ? event.path.mid(base.size()) : event.path;
    }
    case Column::Status:
        return event.status == 0 ? QVariant(tr("no answer")) : QVariant(event.status);
    case Column::Latency:
        return tr("%1 ms").arg(event.latencyUs / 1000.0, 0, 'f', 1);
    case Column::Detail:
        return event.scimType.isEmpty() ? event.detail : event.scimType + QStringLiteral(": ") + event.detail;
    case Column::Count:
        break;
    }
    return {};
}

QVariant SyncEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Time:
        return tr("Time");
    case Column::Direction:
        return tr("Direction");
    case Column::Source:
        return tr("Application / profile");
    case Column::Method:
        return tr("Method");
    case Column::Path:
        return tr("Path");
    case Column::Status:
        return tr("Status");
    case Column::Latency:
        return tr("Latency");
    case Column::Detail:
        return tr("Detail");
    case Column::Count:
        break;
    }
    return {};
}

void SyncEventModel::setApplicationNames(const QHash<QString, QString> &namesById)
{
    m_appNames = namesById;
    if (!m_events.empty())
        emit dataChanged(index(0, int(Column::Source)), index(rowCount() - 1, int(Column::Source)));
}

QString SyncEventModel::sourceName(const SyncEvent &event) const
{
    if (event.direction == SyncDirection::Outbound)
        return event.profile;
    return m_appNames.value(event.appId, event.appId);
}

qint64 SyncEventModel::oldestId() const
{
    const auto stored = std::find_if(m_events.cbegin(), m_events.cend(), [](const SyncEvent &e) { return e.id > 0; });
    return stored == m_events.cend() ? 0 : stored->id;
}

void SyncEventModel::reset(const QList<SyncEvent> &events, bool hasOlder)
{
    beginResetModel();
    const auto kept = events.size() > MaxEvents ? events.mid(events.size() - MaxEvents) : events;
    m_events.assign(kept.cbegin(), kept.cend());
    m_atNewest = true;
    m_hasOlder = hasOlder || events.size() > MaxEvents;
    endResetModel();
}

void SyncEventModel::append(const QList<SyncEvent> &events)
{
    if (events.isEmpty() || !m_atNewest)
        return;
    // Bounded: drop the oldest rows as real removals first.
    const int overflow = int(m_events.size() + events.size()) - MaxEvents;
    if (overflow > 0) {
        const int removed = std::min(overflow, int(m_events.size()));
        if (removed > 0) {
            beginRemoveRows({}, 0, removed - 1);
            m_events.erase(m_events.begin(), m_events.begin() + removed);
            endRemoveRows();
            m_hasOlder = true;
        }
    }
    const auto incoming = events.size() > MaxEvents ? events.mid(events.size() - MaxEvents) : events;
    beginInsertRows({}, int(m_events.size()), int(m_events.size() + incoming.size()) - 1);
    m_events.insert(m_events.end(), incoming.cbegin(), incoming.cend());
    endInsertRows();
}

void SyncEventModel::prependOlder(const QList<SyncEvent> &events, bool hasOlder)
{
    m_hasOlder = hasOlder;
    if (events.isEmpty())
        return;
    const auto incoming = events.size() > MaxEvents ? events.mid(events.size() - MaxEvents) : events;
    // Bounded: the newest rows go, and with them the window's hold on the present.
    const int overflow = int(m_events.size() + incoming.size()) - MaxEvents;
    if (overflow > 0) {
        const int removed = std::min(overflow, int(m_events.size()));
        beginRemoveRows({}, int(m_events.size()) - removed, int(m_events.size()) - 1);
        m_events.erase(m_events.end() - removed, m_events.end());
        endRemoveRows();
        m_atNewest = false;
    }
    beginInsertRows({}, 0, int(incoming.size()) - 1);
    m_events.insert(m_events.begin(), incoming.cbegin(), incoming.cend());
    endInsertRows();
}

} // namespace ScimConsole::Gui
