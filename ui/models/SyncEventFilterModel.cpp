#include "ui/models/SyncEventFilterModel.h"

#include "ui/models/SyncEventModel.h"

namespace ScimConsole::Gui {

using namespace Core;

SyncEventFilterModel::SyncEventFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void SyncEventFilterModel::setApplication(const QString &appId)
{
    m_appId = appId;
    invalidateRowsFilter();
}

void SyncEventFilterModel::setDirection(std::optional<SyncDirection> direction)
{
    m_direction = direction;
    invalidateRowsFilter();
}

void SyncEventFilterModel::setStatusClass(std::optional<int> hundreds)
{
    m_statusClass = hundreds;
    invalidateRowsFilter();
}

void SyncEventFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool SyncEventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    const auto *events = qobject_cast<const SyncEventModel *>(sourceModel());
    if (!events || sourceRow >= events->rowCount())
        return false;
    const SyncEvent &event = events->eventAt(sourceRow);
    if (!m_appId.isEmpty() && event.appId != m_appId)
        return false;
    if (m_direction && event.direction != *m_direction)
        return false;
    if (m_statusClass && event.status / 100 != *m_statusClass)
        return false;
    if (!m_text.isEmpty()) {
        const bool found = event.path.contains(m_text, Qt::CaseInsensitive)
                           || event.detail.contains(m_text, Qt::CaseInsensitive)
                           || event.requestId.contains(m_text, Qt::CaseInsensitive)
                           || event.scimType.contains(m_text, Qt::CaseInsensitive)
                           || events->sourceName(event).contains(m_text, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

} // namespace ScimConsole::Gui
