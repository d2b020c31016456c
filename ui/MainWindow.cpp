#include "ui/MainWindow.h"

#include "core/log/SyncLog.h"
#include "ui/models/SyncEventModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStatusBar>
#include <QTableView>

namespace ScimConsole::Gui {

MainWindow::MainWindow(const Core::DatabaseLocation &location, const Core::ServerOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_log(std::make_unique<Core::SyncLog>())
    , m_model(new SyncEventModel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("SCIM Console"));
    m_view->setObjectName(QStringLiteral("syncLogView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(int(SyncEventModel::Column::Source), 120);
    header->resizeSection(int(SyncEventModel::Column::Path), 420);
    m_view->setWordWrap(false);
    setCentralWidget(m_view);
    m_status->setObjectName(QStringLiteral("serverStatusLabel"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(new QLabel(tr("Store: %1").arg(location.displayName()), this));

    // Events arrive from the server thread in batches; the queued connection brings them to this thread.
    connect(m_log.get(), &Core::SyncLog::eventsAppended, this, [this](const QList<Core::SyncEvent> &events) {
        const bool atBottom = m_view->verticalScrollBar()->value() == m_view->verticalScrollBar()->maximum();
        const bool first = m_model->rowCount() == 0;
        m_model->append(events);
        if (first) { // the short columns fit their content once there is some
            for (const auto column :
                 {SyncEventModel::Column::Time, SyncEventModel::Column::Direction, SyncEventModel::Column::Method,
                  SyncEventModel::Column::Status, SyncEventModel::Column::Latency})
                m_view->resizeColumnToContents(int(column));
        }
        if (atBottom)
            m_view->scrollToBottom();
    });

    m_server = std::make_unique<Core::ScimServer>(location, options, m_log.get());
    m_status->setText(tr("SCIM server: starting…"));
    connect(m_server.get(), &Core::ScimServer::started, this, [this](const QUrl &url) {
        m_status->setText(
            tr("SCIM server: listening on %1 — application endpoints are %1/scim/v2/apps/<id>").arg(url.toString()));
    });
    connect(m_server.get(), &Core::ScimServer::failed, this, [this](const Core::Error &error) {
        m_status->setText(tr("SCIM server: not running — %1").arg(error.message));
    });
    m_server->start();
    resize(1100, 680);
}

MainWindow::~MainWindow()
{
    m_server->stop();
}

QString MainWindow::serverStatus() const
{
    return m_status->text();
}

} // namespace ScimConsole::Gui
