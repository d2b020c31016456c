// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/log/SyncEvent.h"
#include "core/log/SyncLogExport.h"
#include "core/store/SyncLogStore.h"
#include "ui/pages/Page.h"

#include <QHash>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace ScimConsole::Core {
class AsyncStore;
class SyncLog;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

class CallRateChart;
class SyncEventModel;

/// Every inbound SCIM call and outbound RAM call (I-02, I-03): a window onto the stored history — the newest calls
/// first, older ones loaded as the administrator scrolls back — with the live calls after it. One filter
/// (application or profile, direction, method, status class, time range, request id, text) applies to history, in
/// the store, and to live calls alike. Follow keeps the newest in sight, Pause holds new rows back; a details pane
/// shows every field of the selected (redacted) event, with Copy; Export writes the filtered calls to CSV or JSON
/// on a thread of its own; the Rates tab charts calls and failures per application.
class SyncLogPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogPage)

public:
    static constexpr int PageRows = 500; // read from the store at a time

    SyncLogPage(Core::SyncLog &log, Core::AsyncStore &store, QWidget *parent = nullptr);

    /// Loads the names and the newest stored calls.
    void showHistory();
    void refresh() override;
    bool focusSearch() override;

    /// The filter the widgets describe now.
    Core::SyncLogFilter filter() const;
    /// Reads the page of history above the oldest row.
    void loadOlder();
    /// Writes the filtered calls to `path`; exportFinished() tells how it ended.
    void exportTo(const QString &path, Core::SyncLogExport::Format format);
    void showRates(bool lastDay);

    SyncEventModel *model() const { return m_model; }
    CallRateChart *chart() const { return m_chart; }
    /// The details pane's text (for tests and Copy).
    QString detailsText() const;
    bool isPaused() const;

signals:
    void applicationNamesLoaded();
    /// A reload or a page of older history is in the model.
    void historyLoaded();
    void ratesLoaded();
    /// `message` is empty on success.
    void exportFinished(qint64 written, const QString &message);

private:
    void reload();
    void append(const QList<Core::SyncEvent> &events);
    void showDetails();
    void setPaused(bool paused);
    void updateWindowNote();
    void chooseExport(Core::SyncLogExport::Format format);

    Core::AsyncStore &m_store;
    SyncEventModel *m_model;
    QTableView *m_view;
    QComboBox *m_source;
    QComboBox *m_direction;
    QComboBox *m_method;
    QComboBox *m_status;
    QComboBox *m_period;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_requestId;
    QLineEdit *m_search;
    QCheckBox *m_follow;
    QPushButton *m_pause;
    QLabel *m_pendingLabel;
    QPushButton *m_export;
    QLabel *m_windowNote;
    QPushButton *m_newest;
    QTextBrowser *m_details;
    QPushButton *m_copy;
    QTabWidget *m_tabs;
    CallRateChart *m_chart;
    QComboBox *m_ratePeriod;
    QTimer m_reloadTimer;
    QTimer m_rateTimer;
    QHash<QString, QString> m_appNames;
    QList<Core::SyncEvent> m_pending; // arrived while paused
    QString m_detailsText;
    Core::SyncLogFilter m_filter; // what the model holds
    int m_generation = 0;         // of reloads: a late answer to an older filter is dropped
    bool m_loadingOlder = false;
};

} // namespace ScimConsole::Gui
