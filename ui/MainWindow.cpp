// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/MainWindow.h"

#include "core/log/SyncLog.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/store/AsyncStore.h"
#include "ui/Icons.h"
#include "ui/MessageBox.h"
#include "ui/ServerController.h"
#include "ui/Settings.h"
#include "ui/pages/ApplicationsPage.h"
#include "ui/pages/DirectoryPage.h"
#include "ui/pages/RamPage.h"
#include "ui/pages/ServerPage.h"
#include "ui/pages/SyncLogPage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolBar>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
const QString GeometryKey = QStringLiteral("ui/MainWindow/geometry");
const QString StateKey = QStringLiteral("ui/MainWindow/state");
const QString PageKey = QStringLiteral("ui/MainWindow/page");
} // namespace

MainWindow::MainWindow(const DatabaseLocation &location, const ServerOptions &options, bool startServer,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_store(std::make_unique<AsyncStore>(location))
    , m_log(std::make_unique<SyncLog>())
    , m_server(new ServerController(*m_store, *m_log, this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_applications(new ApplicationsPage(*m_store, *m_server, this))
    , m_directory(new DirectoryPage(*m_store, this))
    , m_syncLog(new SyncLogPage(*m_log, *m_store, this))
    , m_secrets(std::make_unique<KeychainSecretStore>())
    , m_ram(new RamPage(*m_store, *m_log, *m_secrets, this))
    , m_serverPage(new ServerPage(*m_server, this))
    , m_serverLabel(new QLabel(this))
    , m_activityLabel(new QLabel(this))
{
    setWindowTitle(tr("SCIM Console — %1").arg(location.displayName()));
    setWindowIcon(icon(QStringLiteral("scim-console")));
    setObjectName(QStringLiteral("mainWindow"));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    const QList<std::tuple<QString, QString, Page *>> pages{
        {QStringLiteral("applications"), tr("Applications"), m_applications},
        {QStringLiteral("directory"), tr("Directory"), m_directory},
        {QStringLiteral("synclog"), tr("Sync Log"), m_syncLog},
        {QStringLiteral("ram"), tr("Alibaba Cloud RAM"), m_ram},
        {QStringLiteral("server"), tr("Server"), m_serverPage},
    };
    for (const auto &[iconName, title, widget] : pages) {
        new QListWidgetItem(icon(iconName), title, m_navigation);
        m_pages->addWidget(widget);
    }
    m_navigation->setFixedWidth(std::max(170, m_navigation->sizeHintForColumn(0) + 24));
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_ram, &RamPage::notify, this, [this](const QString &title, const QString &text) {
        if (isActiveWindow() && !isMinimized())
            return;
        if (m_tray && m_tray->isVisible())
            m_tray->showMessage(title, text);
        QApplication::alert(this);
    });
    connect(m_applications, &ApplicationsPage::manageFieldsRequested, this, [this] {
        showPage(PageId::Directory);
        m_directory->showExtensionFields();
    });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_serverLabel->setObjectName(QStringLiteral("serverStatusLabel"));
    m_activityLabel->setObjectName(QStringLiteral("activityLabel"));
    statusBar()->addWidget(m_serverLabel, 1);
    statusBar()->addPermanentWidget(m_activityLabel);
    statusBar()->addPermanentWidget(new QLabel(tr("Store: %1").arg(location.displayName()), this));
    connect(m_server, &ServerController::stateChanged, this, &MainWindow::updateServerStatus);
    connect(m_server, &ServerController::activityChanged, this, &MainWindow::updateActivity);

    createActions();
    createTray();

    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(StateKey).toByteArray());
    m_navigation->setCurrentRow(std::clamp(settings.value(PageKey, 0).toInt(), 0, int(pages.size()) - 1));

    m_server->setOptions(options);
    m_serverPage->showOptions(options);
    m_syncLog->showHistory();
    updateServerStatus();
    updateActivity();
    m_applications->refresh();
    m_directory->refresh();
    if (startServer)
        m_server->startOrAttach();
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(PageKey, m_navigation->currentRow());
    // The server stops (and flushes its log) before the store it logs to goes.
    m_server->stop();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newApp = file->addAction(icon(QStringLiteral("add")), tr("&New Application…"), this, [this] {
        showPage(PageId::Applications);
        m_applications->addApplication();
    });
    newApp->setShortcut(QKeySequence::New);
    newApp->setObjectName(QStringLiteral("newApplicationAction"));
    file->addSeparator();
    QAction *preferences = file->addAction(icon(QStringLiteral("settings")), tr("&Preferences…"), this,
                                           [this] { showPage(PageId::Server); });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(icon(QStringLiteral("find")), tr("&Find"), this, [this] {
        if (!page(currentPage())->focusSearch()) {
            showPage(PageId::Directory);
            m_directory->focusSearch();
        }
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("findAction"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(icon(QStringLiteral("refresh")), tr("&Refresh"), this,
                                       [this] { page(currentPage())->refresh(); });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    view->addSeparator();
    for (int i = 0; i < m_navigation->count(); ++i) {
        QAction *go = view->addAction(m_navigation->item(i)->icon(), m_navigation->item(i)->text(), this,
                                      [this, i] { showPage(PageId(i)); });
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *serverMenu = menuBar()->addMenu(tr("&Server"));
    m_startStop = serverMenu->addAction(icon(QStringLiteral("start")), tr("S&tart Server"), m_serverPage,
                                        &ServerPage::toggleServer);
    m_startStop->setObjectName(QStringLiteral("startStopAction"));
    m_keepServing = serverMenu->addAction(tr("&Keep Serving in the Tray When the Window Closes"));
    m_keepServing->setCheckable(true);
    m_keepServing->setChecked(Settings::closeAction() == Settings::CloseAction::KeepServingInTray);
    connect(m_keepServing, &QAction::toggled, this, [](bool keep) {
        Settings::setCloseAction(keep ? Settings::CloseAction::KeepServingInTray : Settings::CloseAction::Quit);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SCIM Console"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    toolbar->addAction(newApp);
    toolbar->addAction(refresh);
    toolbar->addAction(find);
    toolbar->addSeparator();
    toolbar->addAction(m_startStop);
}

void MainWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setToolTip(tr("SCIM Console"));
    auto *menu = new QMenu(this);
    menu->addAction(tr("&Show Console"), this, &MainWindow::activate);
    menu->addAction(tr("&Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            activate();
    });
    m_tray->show();
}

void MainWindow::showPage(PageId id)
{
    m_navigation->setCurrentRow(int(id));
}

MainWindow::PageId MainWindow::currentPage() const
{
    return PageId(m_pages->currentIndex());
}

Page *MainWindow::page(PageId id) const
{
    return static_cast<Page *>(m_pages->widget(int(id)));
}

void MainWindow::activate()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

SyncEventModel *MainWindow::eventModel() const
{
    return m_syncLog->model();
}

QString MainWindow::serverStatus() const
{
    return m_serverLabel->text();
}

QString MainWindow::activityText() const
{
    return m_activityLabel->text();
}

void MainWindow::updateServerStatus()
{
    using State = ServerController::State;
    const QString url = m_server->url().toString();
    QString text;
    switch (m_server->state()) {
    case State::Stopped:
        text = m_server->message().isEmpty() ? tr("SCIM server: stopped")
                                             : tr("SCIM server: stopped — %1").arg(m_server->message());
        break;
    case State::Checking:
    case State::Starting:
        text = tr("SCIM server: starting…");
        break;
    case State::Running:
        text = tr("SCIM server: running at %1").arg(url);
        break;
    case State::Attached:
        text = tr("SCIM server: %1").arg(m_server->message());
        break;
    case State::Failed:
        text = tr("SCIM server: not running — %1").arg(m_server->message());
        break;
    }
    m_serverLabel->setText(text);
    const bool active = m_server->isActive();
    m_startStop->setText(active ? tr("S&top Server") : tr("S&tart Server"));
    m_startStop->setIcon(icon(active ? QStringLiteral("stop") : QStringLiteral("start")));
    if (m_tray)
        m_tray->setToolTip(text);
}

void MainWindow::updateActivity()
{
    const int requests = m_server->requestsLastMinute();
    const int failures = m_server->failuresLastMinute();
    m_activityLabel->setText(tr("%1 req/s · %Ln failure(s) in the last minute", nullptr, failures)
                                 .arg(QLocale().toString(requests / 60.0, 'f', requests >= 600 ? 0 : 1)));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About SCIM Console"),
                       tr("<h3>SCIM Console %1</h3>"
                          "<p>Provision accounts and groups from Microsoft Entra ID, Okta or any SCIM 2.0 client "
                          "into your directory, and push them to Alibaba Cloud RAM.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>")
                           .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_ram->isBusy()) {
        showPage(PageId::Ram);
        const auto answer = MessageBox::question(
            this, tr("Cancel the RAM Operation?"),
            tr("A push or pull to Alibaba Cloud RAM is running. Closing cancels it: the requests in flight finish, "
               "the rest are not sent, and the next push picks up where it stopped."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Cancel It and Close"));
        if (answer != QMessageBox::Yes)
            return event->ignore();
        m_ram->cancelTask();
    }
    const bool serving = m_server->state() == ServerController::State::Running;
    if (!m_quitting && serving && m_tray) {
        Settings::CloseAction action = Settings::closeAction();
        if (action == Settings::CloseAction::Ask) {
            const auto answer = MessageBox::question(
                this, tr("Keep Serving?"),
                tr("The SCIM server is running. Keep serving in the system tray after the window closes? Identity "
                   "providers can then keep syncing. (The Server menu changes this choice later.)"),
                QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes, tr("Keep Serving"));
            if (answer == QMessageBox::Cancel)
                return event->ignore();
            action =
                answer == QMessageBox::Yes ? Settings::CloseAction::KeepServingInTray : Settings::CloseAction::Quit;
            Settings::setCloseAction(action);
            m_keepServing->setChecked(action == Settings::CloseAction::KeepServingInTray);
        }
        if (action == Settings::CloseAction::KeepServingInTray) {
            hide();
            m_tray->showMessage(tr("SCIM Console"), tr("Still serving at %1.").arg(m_server->url().toString()));
            return event->ignore();
        }
    }
    event->accept();
    qApp->quit();
}

} // namespace ScimConsole::Gui
