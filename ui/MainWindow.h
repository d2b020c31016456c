// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/server/ScimServer.h"
#include "core/store/DatabaseLocation.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace ScimConsole::Core {
class AsyncStore;
class SecretStore;
class SyncLog;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

class ApplicationsPage;
class DirectoryPage;
class Page;
class RamPage;
class ServerController;
class ServerPage;
class SyncEventModel;
class SyncLogPage;

/// The administration console: navigation between Applications, Directory, Sync log, Alibaba Cloud RAM and Server;
/// menus, toolbar and shortcuts; a status bar with the server's state and last minute's traffic. The store is reached
/// through an AsyncStore, so the window never waits on SQL; the SCIM server runs on a thread of its own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class PageId {
        Applications,
        Directory,
        SyncLog,
        Ram,
        Server,
    };

    /// `startServer`: start (or follow another instance's) server at once with `options`.
    MainWindow(const Core::DatabaseLocation &location, const Core::ServerOptions &options, bool startServer = true,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(PageId page);
    PageId currentPage() const;
    /// Brings the window to the front (a second launch asks for it).
    void activate();

    SyncEventModel *eventModel() const;
    ApplicationsPage *applicationsPage() const { return m_applications; }
    DirectoryPage *directoryPage() const { return m_directory; }
    RamPage *ramPage() const { return m_ram; }
    ServerPage *serverPage() const { return m_serverPage; }
    ServerController *server() const { return m_server; }
    Core::AsyncStore *store() const { return m_store.get(); }
    QString serverStatus() const;
    QString activityText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createTray();
    void updateServerStatus();
    void updateActivity();
    void showAbout();
    Page *page(PageId id) const;

    std::unique_ptr<Core::AsyncStore> m_store;
    std::unique_ptr<Core::SyncLog> m_log;
    ServerController *m_server;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    ApplicationsPage *m_applications;
    DirectoryPage *m_directory;
    SyncLogPage *m_syncLog;
    std::unique_ptr<Core::SecretStore> m_secrets;
    RamPage *m_ram;
    ServerPage *m_serverPage;
    QLabel *m_serverLabel;
    QLabel *m_activityLabel;
    QAction *m_startStop = nullptr;
    QAction *m_keepServing = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_quitting = false;
};

} // namespace ScimConsole::Gui
