#pragma once

#include "core/server/ScimServer.h"
#include "core/store/DatabaseLocation.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTableView;

namespace ScimConsole::Core {
class SyncLog;
}

namespace ScimConsole::Gui {

class SyncEventModel;

/// The console's main window: it starts the embedded SCIM server (on its own thread) and shows every inbound and
/// outbound SCIM call as it happens. The administration views come with the GUI issue; until then the CLI is the
/// way to configure applications.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(const Core::DatabaseLocation &location, const Core::ServerOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    SyncEventModel *eventModel() const { return m_model; }
    QString serverStatus() const;

private:
    std::unique_ptr<Core::SyncLog> m_log;
    std::unique_ptr<Core::ScimServer> m_server;
    SyncEventModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
};

} // namespace ScimConsole::Gui
