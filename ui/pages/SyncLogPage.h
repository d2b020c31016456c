#pragma once

#include "ui/pages/Page.h"

class QTableView;

namespace ScimConsole::Core {
class AsyncStore;
class SyncLog;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

class SyncEventModel;

/// Every inbound SCIM call and outbound RAM call as it happens. Filters, history, details and the chart come with
/// the live-log issue; this page is their place.
class SyncLogPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogPage)

public:
    SyncLogPage(Core::SyncLog &log, QWidget *parent = nullptr);

    /// Shows the newest stored events before the live ones (the whole history, paged, comes with the live-log work).
    void showHistory(Core::AsyncStore &store);

    SyncEventModel *model() const { return m_model; }

private:
    SyncEventModel *m_model;
    QTableView *m_view;
};

} // namespace ScimConsole::Gui
