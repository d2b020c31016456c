// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ram/RamProfile.h"
#include "core/ram/RamTask.h"
#include "ui/dialogs/RamProfileDialog.h"
#include "ui/pages/Page.h"

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace ScimConsole::Core {
class AsyncStore;
class SecretStore;
class SyncLog;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

class ConnectionStepsView;
class InlineMessage;
class KindFilterModel;
class PullReportModel;
class PushPlanModel;

/// Alibaba Cloud RAM (seed 004): the profiles, and for the chosen one *Test connection* (a verdict per step),
/// *Preview* (the push plan, filterable and exportable), *Push* (progress, rate, ETA, Cancel, then every failure
/// with its reason) and *Pull* (linked / only in RAM / only in the directory, and *Import* of RAM-only users).
/// The work runs in a RamTask, on a thread of its own; its calls stream into the sync log.
class RamPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamPage)

public:
    RamPage(Core::AsyncStore &store, Core::SyncLog &log, Core::SecretStore &secrets, QWidget *parent = nullptr);
    ~RamPage() override;

    void refresh() override;
    bool focusSearch() override;
    /// True while a push or pull talks to RAM.
    bool isBusy() const;
    void cancelTask();

    void addProfile();
    void editProfile();
    void deleteProfile();
    void selectProfile(const QString &name);
    void testConnection();
    void preview();
    void push();
    void pull();
    void importSelected();
    /// The profile dialog for the chosen profile, or for a new one; the caller owns it.
    RamProfileDialog *createProfileDialog(bool forNew) const;
    /// Writes the preview's rows as they are filtered to `path` as CSV.
    Core::Status exportPlan(const QString &path) const;

    // For tests and the screenshot tour.
    PushPlanModel *planModel() const { return m_planModel; }
    PullReportModel *pullModel() const { return m_pullModel; }
    KindFilterModel *planFilter() const { return m_planFilter; }
    QTableView *pullView() const { return m_pullView; }
    QString messageText() const;

signals:
    void profilesLoaded();
    /// A test connection, preview, push or pull ended (its results are shown).
    void taskFinished();
    /// Something the administrator should hear about even when the window is not in front.
    void notify(const QString &title, const QString &text);

private:
    void openProfileDialog(const Core::RamProfile &profile);
    void saveProfile(const Core::RamProfile &profile, const QString &secret);
    void runTask(Core::RamTask::Kind kind);
    void taskProgress(const QString &stage, int done, int total, double rate, int eta);
    void finishTask();
    void showProfile();
    void showConnection(const QList<Core::ConnectionStep> &steps);
    void showPlan(const Core::PushPlan &plan);
    void showSummary(const Core::PushSummary &summary, const Core::PushPlan &plan);
    void showPull(const Core::PullReport &report);
    void updateActions();
    /// Refills an "All / each kind (count)" combo box, keeping the choice, and applies it to `filter`.
    void fillCountFilter(QComboBox *combo, KindFilterModel *filter, const QList<std::pair<QString, int>> &kinds,
                         int total);
    static void applyKind(QComboBox *combo, KindFilterModel *filter);
    std::optional<Core::RamProfile> currentProfile() const;

    Core::AsyncStore &m_store;
    Core::SyncLog &m_log;
    Core::SecretStore &m_secrets;
    QList<Core::RamProfile> m_profiles;
    RamProfileChoices m_choices;
    std::unique_ptr<Core::RamTask> m_task;
    QString m_planProfileId; // whose plan the preview shows
    bool m_readingSecret = false;
    bool m_loaded = false;

    QListWidget *m_profileList;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QLabel *m_title;
    QLabel *m_summary;
    QPushButton *m_test;
    QPushButton *m_preview;
    QPushButton *m_push;
    QPushButton *m_pull;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPushButton *m_cancel;
    InlineMessage *m_message;
    QTabWidget *m_tabs;
    ConnectionStepsView *m_steps;
    PushPlanModel *m_planModel;
    KindFilterModel *m_planFilter;
    QComboBox *m_planKind;
    QLineEdit *m_planSearch;
    QLabel *m_planCounts;
    QPushButton *m_export;
    QTableView *m_planView;
    QLabel *m_pushSummary;
    QTableWidget *m_failures;
    PullReportModel *m_pullModel;
    KindFilterModel *m_pullFilter;
    QComboBox *m_pullKind;
    QLineEdit *m_pullSearch;
    QTableView *m_pullView;
    QComboBox *m_importOrg;
    QPushButton *m_import;
    QStackedWidget *m_stack; // the chosen profile, or what to do without one
    QWidget *m_details;
    QLabel *m_empty;
};

} // namespace ScimConsole::Gui
