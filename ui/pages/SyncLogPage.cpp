#include "ui/pages/SyncLogPage.h"

#include "core/log/SyncLog.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/SyncLogStore.h"
#include "ui/models/SyncEventModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

SyncLogPage::SyncLogPage(SyncLog &log, QWidget *parent)
    : Page(parent)
    , m_model(new SyncEventModel(this))
    , m_view(new QTableView(this))
{
    m_view->setObjectName(QStringLiteral("syncLogView"));
    m_view->setAccessibleName(tr("Sync log"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(int(SyncEventModel::Column::Source), 160);
    header->resizeSection(int(SyncEventModel::Column::Path), 420);
    auto *hint = new QLabel(tr("Every SCIM call this console serves or follows, newest at the bottom."), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);

    // Events arrive from the server thread in batches; the queued connection brings them to this thread.
    connect(&log, &SyncLog::eventsAppended, this, [this](const QList<SyncEvent> &events) {
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
}

void SyncLogPage::showHistory(AsyncStore &store)
{
    constexpr int HistoryRows = 500;
    store.run([](Database &db) { return SyncLogStore(db).recent(HistoryRows); })
        .then(this, [this](const Result<QList<SyncEvent>> &recent) {
            if (!recent || recent->isEmpty() || m_model->rowCount() > 0)
                return; // live events already arrived: history would land out of order
            QList<SyncEvent> oldestFirst(recent->crbegin(), recent->crend());
            m_model->append(oldestFirst);
            for (const auto column :
                 {SyncEventModel::Column::Time, SyncEventModel::Column::Direction, SyncEventModel::Column::Method,
                  SyncEventModel::Column::Status, SyncEventModel::Column::Latency})
                m_view->resizeColumnToContents(int(column));
            m_view->scrollToBottom();
        });
}

} // namespace ScimConsole::Gui
