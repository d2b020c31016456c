#include "ui/pages/SyncLogPage.h"

#include "core/log/SyncLog.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/SyncLogStore.h"
#include "ui/Icons.h"
#include "ui/models/SyncEventFilterModel.h"
#include "ui/models/SyncEventModel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
constexpr int HistoryRows = 500;
constexpr int AnyStatus = -1;
constexpr int AnyDirection = -1;
} // namespace

SyncLogPage::SyncLogPage(SyncLog &log, AsyncStore &store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_model(new SyncEventModel(this))
    , m_filter(new SyncEventFilterModel(this))
    , m_view(new QTableView(this))
    , m_application(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("&Follow"), this))
    , m_pause(new QPushButton(icon(QStringLiteral("stop")), tr("&Pause"), this))
    , m_pendingLabel(new QLabel(this))
    , m_details(new QTextBrowser(this))
    , m_copy(new QPushButton(icon(QStringLiteral("copy")), tr("&Copy Details"), this))
{
    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("syncLogView"));
    m_view->setAccessibleName(tr("Sync log"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(int(SyncEventModel::Column::Source), 160);
    header->resizeSection(int(SyncEventModel::Column::Path), 300);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SyncLogPage::showDetails);

    m_application->setObjectName(QStringLiteral("applicationFilterComboBox"));
    m_application->setAccessibleName(tr("Application filter"));
    m_application->addItem(tr("All applications"), QString());
    m_direction->setObjectName(QStringLiteral("directionFilterComboBox"));
    m_direction->setAccessibleName(tr("Direction filter"));
    m_direction->addItem(tr("Both directions"), AnyDirection);
    m_direction->addItem(tr("Inbound (SCIM clients)"), int(SyncDirection::Inbound));
    m_direction->addItem(tr("Outbound (Alibaba Cloud RAM)"), int(SyncDirection::Outbound));
    m_status->setObjectName(QStringLiteral("statusClassComboBox"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), AnyStatus);
    m_status->addItem(tr("2xx success"), 2);
    m_status->addItem(tr("4xx refused"), 4);
    m_status->addItem(tr("5xx failed"), 5);
    m_status->addItem(tr("No answer"), 0);
    m_search->setObjectName(QStringLiteral("logSearchLineEdit"));
    m_search->setAccessibleName(tr("Find in path, detail or request id"));
    m_search->setPlaceholderText(tr("Find in path, detail or request id"));
    m_search->setClearButtonEnabled(true);
    m_follow->setObjectName(QStringLiteral("followCheckBox"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest call in sight"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Hold new calls back while you read; they appear when you resume"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    for (QComboBox *combo : {m_application, m_direction, m_status})
        connect(combo, &QComboBox::currentIndexChanged, this, &SyncLogPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &SyncLogPage::applyFilters);
    connect(m_pause, &QPushButton::toggled, this, &SyncLogPage::setPaused);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool follow) {
        if (follow)
            m_view->scrollToBottom();
    });

    m_details->setObjectName(QStringLiteral("eventDetails"));
    m_details->setAccessibleName(tr("Call details"));
    m_copy->setObjectName(QStringLiteral("copyDetailsButton"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_detailsText); });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_application);
    filters->addWidget(m_direction);
    filters->addWidget(m_status);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_follow);
    filters->addWidget(m_pause);
    filters->addWidget(m_pendingLabel);
    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addWidget(m_copy, 0, Qt::AlignLeft);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({800, 300});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    // Events arrive from the server thread in batches; the queued connection brings them to this thread.
    connect(&log, &SyncLog::eventsAppended, this, &SyncLogPage::append);
    connect(&m_store, &AsyncStore::changed, this, &SyncLogPage::refresh);
    showDetails();
}

void SyncLogPage::refresh()
{
    // Application names for the Source column and the filter; ids stay the key.
    m_store.run([](Database &db) { return ApplicationStore(db).list(); })
        .then(this, [this](const Result<QList<AppRegistration>> &apps) {
            if (!apps)
                return;
            QHash<QString, QString> names;
            const QString chosen = m_application->currentData().toString();
            const QSignalBlocker blocker(m_application);
            while (m_application->count() > 1)
                m_application->removeItem(1);
            for (const AppRegistration &app : apps.value()) {
                names.insert(app.id, app.name);
                m_application->addItem(app.name, app.id);
            }
            m_application->setCurrentIndex(std::max(0, m_application->findData(chosen)));
            m_model->setApplicationNames(names);
            emit applicationNamesLoaded();
        });
}

bool SyncLogPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
    return true;
}

void SyncLogPage::showHistory()
{
    refresh();
    m_store.run([](Database &db) { return SyncLogStore(db).newest({}, HistoryRows); })
        .then(this, [this](const Result<QList<SyncEvent>> &newest) {
            if (!newest || newest->isEmpty() || m_model->rowCount() > 0)
                return; // live events already arrived: history would land out of order
            append(newest.value());
        });
}

QString SyncLogPage::detailsText() const
{
    return m_detailsText;
}

bool SyncLogPage::isPaused() const
{
    return m_pause->isChecked();
}

void SyncLogPage::append(const QList<SyncEvent> &events)
{
    if (m_pause->isChecked()) {
        m_pending += events;
        if (m_pending.size() > SyncEventModel::MaxEvents)
            m_pending = m_pending.mid(m_pending.size() - SyncEventModel::MaxEvents);
        m_pendingLabel->setText(tr("%Ln new call(s) held back", nullptr, int(m_pending.size())));
        return;
    }
    const bool first = m_model->rowCount() == 0;
    m_model->append(events);
    if (first) { // the short columns fit their content once there is some
        for (const auto column :
             {SyncEventModel::Column::Time, SyncEventModel::Column::Direction, SyncEventModel::Column::Method,
              SyncEventModel::Column::Status, SyncEventModel::Column::Latency})
            m_view->resizeColumnToContents(int(column));
    }
    if (m_follow->isChecked())
        m_view->scrollToBottom();
}

void SyncLogPage::setPaused(bool paused)
{
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pause->setIcon(icon(paused ? QStringLiteral("start") : QStringLiteral("stop")));
    if (paused)
        return;
    m_pendingLabel->clear();
    append(std::exchange(m_pending, {}));
}

void SyncLogPage::applyFilters()
{
    m_filter->setApplication(m_application->currentData().toString());
    const int direction = m_direction->currentData().toInt();
    m_filter->setDirection(direction == AnyDirection ? std::nullopt
                                                     : std::optional<SyncDirection>(SyncDirection(direction)));
    const int status = m_status->currentData().toInt();
    m_filter->setStatusClass(status == AnyStatus ? std::nullopt : std::optional<int>(status));
    m_filter->setText(m_search->text());
    if (m_follow->isChecked())
        m_view->scrollToBottom();
}

void SyncLogPage::showDetails()
{
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    m_copy->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_detailsText.clear();
        m_details->setPlainText(tr("Select a call to see every field of it. Tokens and passwords are never logged."));
        return;
    }
    const SyncEvent &e = m_model->eventAt(current.row());
    const QList<std::pair<QString, QString>> fields{
        {tr("Time"), QLocale().toString(e.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"))},
        {tr("Direction"), e.direction == SyncDirection::Inbound    ? tr("inbound")
                          : e.direction == SyncDirection::Outbound ? tr("outbound")
                                                                   : tr("job")},
        {tr("Application / profile"), m_model->sourceName(e)},
        {tr("Request id"), e.requestId},
        {tr("Token"), e.tokenPrefix.isEmpty() ? QString() : tr("%1…").arg(e.tokenPrefix)},
        {tr("Client address"), e.clientAddress},
        {tr("User agent"), e.userAgent},
        {tr("Method"), e.method},
        {tr("Path"), e.path},
        {tr("Status"), e.status == 0 ? tr("no answer") : QString::number(e.status)},
        {tr("scimType"), e.scimType},
        {tr("Detail"), e.detail},
        {tr("Latency"), tr("%1 ms").arg(e.latencyUs / 1000.0, 0, 'f', 1)},
        {tr("Bytes in / out"), tr("%1 / %2").arg(e.bytesIn).arg(e.bytesOut)},
        {tr("Resource id"), e.resourceId},
    };
    QString html = QStringLiteral("<table cellspacing='4'>");
    m_detailsText.clear();
    for (const auto &[label, value] : fields) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped());
        m_detailsText += label + QStringLiteral(": ") + value + u'\n';
    }
    m_details->setHtml(html + QStringLiteral("</table>"));
}

} // namespace ScimConsole::Gui
