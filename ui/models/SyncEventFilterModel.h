#pragma once

#include "core/log/SyncEvent.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace ScimConsole::Gui {

/// The sync log's filters: application, direction, status class (2xx, 4xx, 5xx, no answer) and a free text found
/// in the path, the detail, the request id or the scimType. Over a SyncEventModel.
class SyncEventFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEventFilterModel)

public:
    explicit SyncEventFilterModel(QObject *parent = nullptr);

    void setApplication(const QString &appId);
    void setDirection(std::optional<Core::SyncDirection> direction);
    /// 2, 4 or 5 for 2xx, 4xx, 5xx; 0 for calls without an answer; none for every status.
    void setStatusClass(std::optional<int> hundreds);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_appId;
    std::optional<Core::SyncDirection> m_direction;
    std::optional<int> m_statusClass;
    QString m_text;
};

} // namespace ScimConsole::Gui
