// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/SyncLogPage.h"

#include "core/OnResult.h"
#include "core/log/SyncLog.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/RamProfileStore.h"
#include "ui/Icons.h"
#include "ui/models/SyncEventModel.h"
#include "ui/widgets/CallRateChart.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QtConcurrent>
#include <QTextBrowser>
#include <QTimeZone>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
constexpr int AnyChoice = -1;
constexpr int CustomPeriod = -2;
const QString AppPrefix = QStringLiteral("app:");
const QString ProfilePrefix = QStringLiteral("profile:");

struct SourceNames
{
    QList<AppRegistration> apps;
    QStringList profiles;
};
} // namespace

SyncLogPage::SyncLogPage(SyncLog &log, AsyncStore &store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_model(new SyncEventModel(this))
    , m_view(new QTableView(this))
    , m_source(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_requestId(new QLineEdit(this))
    , m_search(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("&Follow"), this))
    , m_pause(new QPushButton(icon(QStringLiteral("stop")), tr("&Pause"), this))
    , m_pendingLabel(new QLabel(this))
    , m_export(new QPushButton(tr("E&xport"), this))
    , m_windowNote(new QLabel(this))
    , m_newest(new QPushButton(tr("Back to the &Newest"), this))
    , m_details(new QTextBrowser(this))
    , m_copy(new QPushButton(icon(QStringLiteral("copy")), tr("&Copy Details"), this))
    , m_tabs(new QTabWidget(this))
    , m_chart(new CallRateChart(this))
    , m_ratePeriod(new QComboBox(this))
{
    m_view->setObjectName(QStringLiteral("syncLogView"));
    m_view->setAccessibleName(tr("Sync log"));
    m_view->setModel(m_model);
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
    // Scrolled to the top: the page of history above. Moved away from the bottom by hand: stop following.
    QScrollBar *scroll = m_view->verticalScrollBar();
    connect(scroll, &QScrollBar::valueChanged, this, [this, scroll](int value) {
        if (value == scroll->minimum() && scroll->maximum() > 0)
            loadOlder();
    });
    connect(scroll, &QScrollBar::actionTriggered, this, [this, scroll] {
        QTimer::singleShot(0, this, [this, scroll] {
            if (scroll->value() < scroll->maximum())
                m_follow->setChecked(false);
        });
    });

    m_source->setObjectName(QStringLiteral("applicationFilterComboBox"));
    m_source->setAccessibleName(tr("Application or profile filter"));
    m_source->addItem(tr("All applications and profiles"), QString());
    m_direction->setObjectName(QStringLiteral("directionFilterComboBox"));
    m_direction->setAccessibleName(tr("Direction filter"));
    m_direction->addItem(tr("Both directions"), AnyChoice);
    m_direction->addItem(tr("Inbound (SCIM clients)"), int(SyncDirection::Inbound));
    m_direction->addItem(tr("Outbound (Alibaba Cloud RAM)"), int(SyncDirection::Outbound));
    m_method->setObjectName(QStringLiteral("methodFilterComboBox"));
    m_method->setAccessibleName(tr("Method filter"));
    m_method->addItem(tr("All methods"), QString());
    for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE"})
        m_method->addItem(QLatin1String(method), QLatin1String(method));
    m_status->setObjectName(QStringLiteral("statusClassComboBox"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All statuses"), AnyChoice);
    m_status->addItem(tr("2xx success"), 2);
    m_status->addItem(tr("4xx refused"), 4);
    m_status->addItem(tr("5xx failed"), 5);
    m_status->addItem(tr("No answer"), 0);
    m_period->setObjectName(QStringLiteral("periodComboBox"));
    m_period->setAccessibleName(tr("Time range"));
    m_period->addItem(tr("Any time"), AnyChoice);
    m_period->addItem(tr("Last 15 minutes"), 15 * 60);
    m_period->addItem(tr("Last hour"), 3600);
    m_period->addItem(tr("Last 24 hours"), 24 * 3600);
    m_period->addItem(tr("Last 7 days"), 7 * 24 * 3600);
    m_period->addItem(tr("Between…"), CustomPeriod);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setDateTime(QDateTime::currentDateTime());
        edit->hide();
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] { m_reloadTimer.start(); });
    }
    m_from->setObjectName(QStringLiteral("fromDateTimeEdit"));
    m_from->setAccessibleName(tr("From"));
    m_from->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    m_to->setObjectName(QStringLiteral("toDateTimeEdit"));
    m_to->setAccessibleName(tr("Until"));
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_period->currentData().toInt() == CustomPeriod;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
    });
    m_requestId->setObjectName(QStringLiteral("requestIdLineEdit"));
    m_requestId->setAccessibleName(tr("Request id"));
    m_requestId->setPlaceholderText(tr("Request id"));
    m_requestId->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("logSearchLineEdit"));
    m_search->setAccessibleName(tr("Find in path, detail, scimType or profile"));
    m_search->setPlaceholderText(tr("Find in path, detail, scimType or profile"));
    m_search->setClearButtonEnabled(true);
    m_follow->setObjectName(QStringLiteral("followCheckBox"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest call in sight"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Hold new calls back while you read; they appear when you resume"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_export->setObjectName(QStringLiteral("exportLogButton"));
    m_export->setAccessibleName(tr("Export the filtered calls"));
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("As &CSV…"), this, [this] { chooseExport(SyncLogExport::Format::Csv); });
    exportMenu->addAction(tr("As &JSON…"), this, [this] { chooseExport(SyncLogExport::Format::Json); });
    m_export->setMenu(exportMenu);

    // The store answers the filter: a change reloads the window (typing waits for a pause).
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(250);
    connect(&m_reloadTimer, &QTimer::timeout, this, &SyncLogPage::reload);
    for (QComboBox *combo : {m_source, m_direction, m_method, m_status, m_period})
        connect(combo, &QComboBox::currentIndexChanged, this, &SyncLogPage::reload);
    for (QLineEdit *edit : {m_requestId, m_search})
        connect(edit, &QLineEdit::textChanged, this, [this] { m_reloadTimer.start(); });
    connect(m_pause, &QPushButton::toggled, this, &SyncLogPage::setPaused);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool follow) {
        if (!follow)
            return;
        if (!m_model->atNewest())
            reload();
        else
            m_view->scrollToBottom();
    });

    m_windowNote->setObjectName(QStringLiteral("windowNote"));
    m_windowNote->setText(tr("You are reading older calls; newer ones arrive when you go back to the newest."));
    m_newest->setObjectName(QStringLiteral("newestButton"));
    connect(m_newest, &QPushButton::clicked, this, [this] { m_follow->setChecked(true); });

    m_details->setObjectName(QStringLiteral("eventDetails"));
    m_details->setAccessibleName(tr("Call details"));
    m_copy->setObjectName(QStringLiteral("copyDetailsButton"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_detailsText); });

    auto *filters = new QGridLayout;
    auto *first = new QHBoxLayout;
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_source, m_direction, m_method, m_status, m_period, m_from, m_to})
        first->addWidget(widget);
    first->addStretch();
    auto *second = new QHBoxLayout;
    second->addWidget(m_requestId);
    second->addWidget(m_search, 1);
    second->addWidget(m_follow);
    second->addWidget(m_pause);
    second->addWidget(m_pendingLabel);
    second->addWidget(m_export);
    filters->addLayout(first, 0, 0);
    filters->addLayout(second, 1, 0);

    auto *note = new QHBoxLayout;
    note->addWidget(m_windowNote, 1);
    note->addWidget(m_newest);
    auto *callsPane = new QWidget(this);
    auto *callsLayout = new QVBoxLayout(callsPane);
    callsLayout->setContentsMargins(0, 0, 0, 0);
    callsLayout->addLayout(note);
    callsLayout->addWidget(m_view, 1);
    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addWidget(m_copy, 0, Qt::AlignLeft);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(callsPane);
    splitter->addWidget(detailsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({800, 300});
    splitter->setChildrenCollapsible(false);
    auto *calls = new QWidget(this);
    auto *callsTab = new QVBoxLayout(calls);
    callsTab->addLayout(filters);
    callsTab->addWidget(splitter, 1);

    m_ratePeriod->setObjectName(QStringLiteral("ratePeriodComboBox"));
    m_ratePeriod->setAccessibleName(tr("Chart period"));
    m_ratePeriod->addItem(tr("Last hour, per minute"), false);
    m_ratePeriod->addItem(tr("Last day, per 15 minutes"), true);
    connect(m_ratePeriod, &QComboBox::currentIndexChanged, this,
            [this] { showRates(m_ratePeriod->currentData().toBool()); });
    auto *rates = new QWidget(this);
    auto *ratesLayout = new QVBoxLayout(rates);
    auto *rateBar = new QHBoxLayout;
    rateBar->addWidget(m_ratePeriod);
    rateBar->addStretch();
    ratesLayout->addLayout(rateBar);
    ratesLayout->addWidget(m_chart, 1);
    // While the Rates tab is in front, the chart follows the clock.
    m_rateTimer.setInterval(15000);
    connect(&m_rateTimer, &QTimer::timeout, this, [this] { showRates(m_ratePeriod->currentData().toBool()); });

    m_tabs->setObjectName(QStringLiteral("syncLogTabs"));
    m_tabs->addTab(calls, tr("Calls"));
    m_tabs->addTab(rates, tr("Rates"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, rates](int) {
        if (m_tabs->currentWidget() != rates)
            return m_rateTimer.stop();
        showRates(m_ratePeriod->currentData().toBool());
        m_rateTimer.start();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    // Events arrive from the server thread in batches; the queued connection brings them to this thread.
    connect(&log, &SyncLog::eventsAppended, this, &SyncLogPage::append);
    connect(&m_store, &AsyncStore::changed, this, &SyncLogPage::refresh);
    updateWindowNote();
    showDetails();
}

void SyncLogPage::refresh()
{
    // Application and profile names for the Source column and the filter; ids stay the key.
    const auto loadingNames = m_store.run([](Database &db) -> Result<SourceNames> {
        Result<QList<AppRegistration>> apps = ApplicationStore(db).list();
        if (!apps)
            return apps.error();
        Result<QList<RamProfile>> profiles = RamProfileStore(db).list();
        if (!profiles)
            return profiles.error();
        SourceNames names{std::move(apps).value(), {}};
        for (const RamProfile &profile : profiles.value())
            names.profiles << profile.name;
        return names;
    });
    onResult(loadingNames, this, [this](const Result<SourceNames> &names) {
        if (!names)
            return;
        const QString chosen = m_source->currentData().toString();
        const QSignalBlocker blocker(m_source);
        while (m_source->count() > 1)
            m_source->removeItem(1);
        m_appNames.clear();
        for (const AppRegistration &app : names->apps) {
            m_appNames.insert(app.id, app.name);
            m_source->addItem(app.name, AppPrefix + app.id);
        }
        for (const QString &profile : names->profiles)
            m_source->addItem(tr("RAM: %1").arg(profile), ProfilePrefix + profile);
        m_source->setCurrentIndex(std::max(0, m_source->findData(chosen)));
        m_model->setApplicationNames(m_appNames);
        emit applicationNamesLoaded();
    });
}

bool SyncLogPage::focusSearch()
{
    m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
    return true;
}

void SyncLogPage::showHistory()
{
    refresh();
    reload();
}

SyncLogFilter SyncLogPage::filter() const
{
    SyncLogFilter filter;
    const QString source = m_source->currentData().toString();
    if (source.startsWith(AppPrefix))
        filter.appId = source.mid(AppPrefix.size());
    else if (source.startsWith(ProfilePrefix))
        filter.profile = source.mid(ProfilePrefix.size());
    if (const int direction = m_direction->currentData().toInt(); direction != AnyChoice)
        filter.direction = SyncDirection(direction);
    filter.method = m_method->currentData().toString();
    if (const int status = m_status->currentData().toInt(); status != AnyChoice)
        filter.statusClass = status;
    if (const int period = m_period->currentData().toInt(); period == CustomPeriod) {
        filter.since = m_from->dateTime().toUTC();
        filter.until = m_to->dateTime().toUTC();
    } else if (period != AnyChoice) {
        filter.since = QDateTime::currentDateTimeUtc().addSecs(-period);
    }
    filter.requestId = m_requestId->text().trimmed();
    filter.text = m_search->text().trimmed();
    return filter;
}

void SyncLogPage::reload()
{
    m_reloadTimer.stop();
    const SyncLogFilter wanted = filter();
    const int generation = ++m_generation;
    m_loadingOlder = false;
    onResult(m_store.run([wanted](Database &db) { return SyncLogStore(db).newest(wanted, PageRows); }), this,
             [this, wanted, generation](const Result<QList<SyncEvent>> &newest) {
                 if (generation != m_generation)
                     return; // another filter was asked for since
                 m_filter = wanted;
                 m_pending.clear();
                 m_pendingLabel->clear();
                 const bool first = m_model->rowCount() == 0;
                 m_model->reset(newest ? newest.value() : QList<SyncEvent>(), newest && newest->size() == PageRows);
                 if (first && m_model->rowCount() > 0) { // the short columns fit their content once there is some
                     for (const auto column : {SyncEventModel::Column::Time, SyncEventModel::Column::Direction,
                                               SyncEventModel::Column::Method, SyncEventModel::Column::Status,
                                               SyncEventModel::Column::Latency})
                         m_view->resizeColumnToContents(int(column));
                 }
                 if (m_follow->isChecked())
                     m_view->scrollToBottom();
                 updateWindowNote();
                 showDetails();
                 emit historyLoaded();
             });
}

void SyncLogPage::loadOlder()
{
    if (m_loadingOlder || !m_model->hasOlder())
        return;
    m_loadingOlder = true;
    const qint64 oldest = m_model->oldestId();
    const SyncLogFilter wanted = m_filter;
    const int generation = m_generation;
    onResult(m_store.run([oldest, wanted](Database &db) { return SyncLogStore(db).before(oldest, wanted, PageRows); }),
             this, [this, generation](const Result<QList<SyncEvent>> &older) {
                 if (generation != m_generation)
                     return;
                 m_loadingOlder = false;
                 if (!older)
                     return;
                 // Keep the rows that were in sight where they were: scrolling is by row.
                 QScrollBar *scroll = m_view->verticalScrollBar();
                 const int value = scroll->value();
                 m_model->prependOlder(older.value(), older->size() == PageRows);
                 scroll->setValue(value + int(older->size()));
                 updateWindowNote();
                 emit historyLoaded();
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
    QList<SyncEvent> matching;
    for (const SyncEvent &event : events) {
        if (m_filter.matches(event))
            matching.append(event);
    }
    if (matching.isEmpty() || !m_model->atNewest())
        return;
    if (m_pause->isChecked()) {
        m_pending += matching;
        if (m_pending.size() > SyncEventModel::MaxEvents)
            m_pending = m_pending.mid(m_pending.size() - SyncEventModel::MaxEvents);
        m_pendingLabel->setText(tr("%Ln new call(s) held back", nullptr, int(m_pending.size())));
        return;
    }
    m_model->append(matching);
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

void SyncLogPage::updateWindowNote()
{
    m_windowNote->setVisible(!m_model->atNewest());
    m_newest->setVisible(!m_model->atNewest());
}

void SyncLogPage::chooseExport(SyncLogExport::Format format)
{
    const bool csv = format == SyncLogExport::Format::Csv;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the Sync Log"),
        QDir::home().filePath(csv ? QStringLiteral("sync-log.csv") : QStringLiteral("sync-log.json")),
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

void SyncLogPage::exportTo(const QString &path, SyncLogExport::Format format)
{
    // On a pool thread with its own connection: a million rows neither block the window nor the store's queue.
    const DatabaseLocation location = m_store.location();
    const SyncLogFilter wanted = m_filter;
    const QHash<QString, QString> names = m_appNames;
    QFuture<Result<qint64>> future =
        QtConcurrent::run([location, wanted, format, names, path](QPromise<Result<qint64>> &promise) {
            const auto result = [&]() -> Result<qint64> {
                Result<std::unique_ptr<Database>> db = Database::open(location);
                if (!db)
                    return db.error();
                QSaveFile file(path); // nothing replaces the target unless the export completes
                if (!file.open(QIODevice::WriteOnly))
                    return makeError(ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()));
                const Result<qint64> written = SyncLogExport::write(
                    *db.value(), wanted, format, names, file, [&promise](qint64 done, qint64 total) {
                        promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
                        promise.setProgressValue(int(std::min<qint64>(done, INT_MAX)));
                        return !promise.isCanceled();
                    });
                if (!written)
                    return written;
                if (!file.commit())
                    return makeError(ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()));
                return written;
            }();
            promise.addResult(result);
        });

    auto *progress = new QProgressDialog(tr("Exporting the sync log…"), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    auto *watcher = new QFutureWatcher<Result<qint64>>(this);
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, progress, &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, watcher, &QFutureWatcherBase::cancel);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress, path] {
        progress->deleteLater();
        watcher->deleteLater();
        const QFuture<Result<qint64>> done = watcher->future();
        if (done.resultCount() == 0 || (!done.result() && done.result().error().code == ErrorCode::Cancelled)) {
            emit exportFinished(
                0, tr("The export was cancelled; %1 was not written.").arg(QDir::toNativeSeparators(path)));
            return;
        }
        const Result<qint64> written = done.result();
        emit exportFinished(written ? written.value() : 0, written ? QString() : written.error().message);
    });
    watcher->setFuture(future);
}

void SyncLogPage::showRates(bool lastDay)
{
    const int bucket = lastDay ? 15 * 60 : 60;
    const int count = lastDay ? 96 : 60;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QDateTime from =
        QDateTime::fromSecsSinceEpoch((now / bucket + 1) * bucket - qint64(bucket) * count, QTimeZone::utc());
    onResult(m_store.run([from, bucket](Database &db) { return SyncLogStore(db).callRates(from, bucket); }), this,
             [this, from, bucket, count](const Result<QList<CallBucket>> &rates) {
                 if (!rates)
                     return;
                 m_chart->setRates(rates.value(), from, bucket, count, m_appNames);
                 emit ratesLoaded();
             });
}

void SyncLogPage::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
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
