#pragma once

#include "core/log/SyncEvent.h"
#include "ui/pages/Page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace ScimConsole::Core {
class AsyncStore;
class SyncLog;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

class SyncEventFilterModel;
class SyncEventModel;

/// Every inbound SCIM call and outbound RAM call as it happens, after the newest stored ones: filtered by application,
/// direction, status class and text; Follow keeps the newest in sight, Pause holds new rows back; a details pane shows
/// every field of the selected (redacted) event, with Copy.
class SyncLogPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogPage)

public:
    SyncLogPage(Core::SyncLog &log, Core::AsyncStore &store, QWidget *parent = nullptr);

    /// Shows the newest stored events before the live ones.
    void showHistory();
    void refresh() override;
    bool focusSearch() override;

    SyncEventModel *model() const { return m_model; }
    SyncEventFilterModel *filterModel() const { return m_filter; }
    /// The details pane's text (for tests and Copy).
    QString detailsText() const;
    bool isPaused() const;

signals:
    void applicationNamesLoaded();

private:
    void append(const QList<Core::SyncEvent> &events);
    void applyFilters();
    void showDetails();
    void setPaused(bool paused);

    Core::AsyncStore &m_store;
    SyncEventModel *m_model;
    SyncEventFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_application;
    QComboBox *m_direction;
    QComboBox *m_status;
    QLineEdit *m_search;
    QCheckBox *m_follow;
    QPushButton *m_pause;
    QLabel *m_pendingLabel;
    QTextBrowser *m_details;
    QPushButton *m_copy;
    QList<Core::SyncEvent> m_pending; // arrived while paused
    QString m_detailsText;
};

} // namespace ScimConsole::Gui
