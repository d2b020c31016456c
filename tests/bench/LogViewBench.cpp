// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The sync log view under load (issue 9): how fast it takes live calls, the longest the GUI thread is held up while
// it does, and the memory the console holds with a million stored events. A benchmark, not a test: it prints what
// it measured and fails only when something does not work at all.
//   bench_logview [--events 1000000] [--rate 5000] [--seconds 10] [--pages 20]
#include "core/log/SyncLog.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/SyncLogStore.h"
#include "ui/models/SyncEventModel.h"
#include "ui/pages/SyncLogPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;

namespace {

/// Measures the longest gap between ticks of a 1 ms timer on the GUI thread: how long the thread was busy.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        return m_worst / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

SyncEvent makeEvent(qint64 i, const QDateTime &at)
{
    SyncEvent e;
    e.at = at;
    e.appId = i % 3 ? QStringLiteral("app-entra") : QStringLiteral("app-okta");
    e.requestId = QStringLiteral("req-%1").arg(i);
    e.tokenPrefix = QStringLiteral("scim_abcdefg");
    e.clientAddress = QStringLiteral("20.42.130.7");
    e.userAgent = QStringLiteral("Azure AD SCIM Provisioning");
    e.method = i % 4 ? QStringLiteral("GET") : QStringLiteral("PATCH");
    e.path = QStringLiteral("/scim/v2/apps/app-entra/Users/%1").arg(i);
    e.status = i % 50 ? 200 : 409;
    e.latencyUs = 800 + i % 900;
    e.bytesIn = 120;
    e.bytesOut = 900;
    return e;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("events"), QStringLiteral("stored events"), QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("rate"), QStringLiteral("live events per second"), QStringLiteral("n"),
                      QStringLiteral("5000")});
    parser.addOption(
        {QStringLiteral("seconds"), QStringLiteral("live phase length"), QStringLiteral("n"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("pages"), QStringLiteral("pages of history to scroll back"), QStringLiteral("n"),
                      QStringLiteral("20")});
    parser.process(app);
    const qint64 stored = parser.value(QStringLiteral("events")).toLongLong();
    const int rate = parser.value(QStringLiteral("rate")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int pages = parser.value(QStringLiteral("pages")).toInt();

    QTemporaryDir dir;
    DatabaseLocation location;
    location.backend = Backend::Sqlite;
    location.path = dir.filePath(QStringLiteral("bench.sqlite"));
    {
        auto db = Database::open(location);
        if (!db) {
            std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(db.error().message));
            return 1;
        }
        QElapsedTimer fill;
        fill.start();
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-stored / 100);
        SyncLogStore log(*db.value());
        for (qint64 i = 0; i < stored;) {
            QList<SyncEvent> batch;
            for (int n = 0; n < 20000 && i < stored; ++n, ++i)
                batch.append(makeEvent(i, start.addMSecs(i * 10)));
            if (!log.append(batch)) {
                std::fprintf(stderr, "cannot store events\n");
                return 1;
            }
        }
        std::printf("stored %lld events in %.1f s\n", stored, fill.elapsed() / 1000.0);
    }
    const qint64 baseRssKb = statusKb("VmRSS:");

    AsyncStore store(location);
    SyncLog log;
    SyncLogPage page(log, store);
    page.resize(1280, 800);
    page.show();
    StallMeter meter;

    // 1. Opening the page over the whole history.
    meter.start();
    QElapsedTimer open;
    open.start();
    page.showHistory();
    if (!waitFor([&] { return page.model()->rowCount() > 0 || stored == 0; }, 60000)) {
        std::fprintf(stderr, "the history never showed\n");
        return 1;
    }
    const qint64 openMs = open.elapsed();
    waitFor([] { return false; }, 200);
    const double openStall = meter.stopMs();

    // 2. Live calls at `rate` per second, in batches as the server flushes them, from another thread.
    std::atomic<qint64> shown = 0;
    QObject::connect(&log, &SyncLog::eventsAppended, &page,
                     [&shown](const QList<SyncEvent> &events) { shown += events.size(); });
    std::atomic<bool> stop = false;
    const int batchMs = 20;
    const int perBatch = std::max(1, rate * batchMs / 1000);
    QThread *producer = QThread::create([&] {
        auto opened = Database::open(location);
        if (!opened)
            return;
        const std::unique_ptr<Database> db = std::move(opened).value();
        QElapsedTimer clock;
        clock.start();
        qint64 sent = 0;
        while (!stop) {
            const qint64 due = clock.elapsed() * rate / 1000;
            QList<SyncEvent> batch;
            for (; sent < due && batch.size() < perBatch * 4; ++sent)
                batch.append(makeEvent(stored + sent, QDateTime::currentDateTimeUtc()));
            if (!batch.isEmpty()) {
                if (!SyncLogStore(*db).append(batch)) // as the server does: stored first, then shown with its ids
                    std::fprintf(stderr, "could not store live events\n");
                log.append(batch);
            }
            QThread::msleep(batchMs);
        }
    });
    meter.start();
    QElapsedTimer live;
    live.start();
    producer->start();
    waitFor([&] { return live.elapsed() >= seconds * 1000; }, seconds * 1000 + 5000);
    stop = true;
    producer->wait();
    delete producer;
    const qint64 liveMs = live.elapsed();
    waitFor([] { return false; }, 200); // what is queued arrives
    const double liveStall = meter.stopMs();
    const double liveRate = shown * 1000.0 / std::max<qint64>(1, liveMs);
    const qint64 liveRows = page.model()->rowCount();

    // 3. Scrolling back through the history, a page at a time.
    meter.start();
    QElapsedTimer back;
    back.start();
    int loaded = 0;
    QObject::connect(&page, &SyncLogPage::historyLoaded, &page, [&loaded] { ++loaded; });
    for (int i = 0; i < pages && page.model()->hasOlder(); ++i) {
        const int before = loaded;
        page.loadOlder();
        if (!waitFor([&] { return loaded > before; }, 30000)) {
            std::fprintf(stderr, "a page of history never came\n");
            return 1;
        }
    }
    const double backMs = back.elapsed() / std::max(1.0, double(pages));
    const double backStall = meter.stopMs();

    const qint64 rssKb = statusKb("VmRSS:");
    const qint64 peakKb = statusKb("VmHWM:");
    std::printf("open over %lld stored events: first rows after %lld ms, longest GUI stall %.1f ms\n", stored, openMs,
                openStall);
    std::printf("live: %.0f events/s taken, %d/s offered, longest GUI stall %.1f ms, %lld rows in the window\n",
                liveRate, rate, liveStall, liveRows);
    std::printf("scroll-back: %d pages of %d, %.1f ms a page, longest GUI stall %.1f ms, %d rows in the window\n",
                pages, SyncLogPage::PageRows, backMs, backStall, page.model()->rowCount());
    std::printf("memory: %lld MiB resident (%lld MiB before the window opened, peak %lld MiB)\n", rssKb / 1024,
                baseRssKb / 1024, peakKb / 1024);
    return 0;
}
