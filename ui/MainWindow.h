#pragma once

#include "core/store/DatabaseLocation.h"

#include <QMainWindow>

namespace ScimConsole::Gui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const Core::DatabaseLocation &location, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    Core::DatabaseLocation m_location;
};

} // namespace ScimConsole::Gui
