#include "ui/MainWindow.h"

#include <QLabel>
#include <QStatusBar>

namespace ScimConsole::Gui {

MainWindow::MainWindow(const Core::DatabaseLocation &location, QWidget *parent)
    : QMainWindow(parent)
    , m_location(location)
{
    setWindowTitle(tr("SCIM Console"));
    statusBar()->showMessage(tr("Store: %1").arg(location.displayName()));
    resize(1000, 680);
}

MainWindow::~MainWindow() = default;

} // namespace ScimConsole::Gui
