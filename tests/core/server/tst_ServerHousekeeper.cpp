// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PasswordPolicy.h"
#include "core/log/SyncLog.h"
#include "core/server/ServerHousekeeper.h"
#include "core/store/Database.h"
#include "core/store/SyncLogStore.h"
#include "tests/support/TestDatabase.h"

#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_ServerHousekeeper : public QObject
{
    Q_OBJECT

    /// A housekeeper on a thread of its own, flushing every 20 ms, as the server runs it.
    struct Running
    {
        QThread thread;
        ServerHousekeeper *housekeeper;

        static ServerOptions fastFlushing()
        {
            ServerOptions options;
            options.logFlushMs = 20;
            return options;
        }

        Running(const DatabaseLocation &location, SyncLog *live, const ServerOptions &options = fastFlushing())
        {
            housekeeper = new ServerHousekeeper(location, options, live);
            housekeeper->moveToThread(&thread);
            connect(&thread, &QThread::finished, housekeeper, &QObject::deleteLater);
            thread.start();
            QMetaObject::invokeMethod(housekeeper, &ServerHousekeeper::start, Qt::BlockingQueuedConnection);
        }
        /// Stores what waits, as the server's stop does.
        void stop()
        {
            if (!thread.isRunning())
                return;
            QMetaObject::invokeMethod(housekeeper, &ServerHousekeeper::shutdown, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        }
        ~Running() { stop(); }
        /// The event of the i-th GET a worker answered.
        void record(int i) const
        {
            SyncEvent event;
            event.at = QDateTime::currentDateTimeUtc();
            event.direction = SyncDirection::Inbound;
            event.method = u"GET"_s;
            event.path = u"/Users/%1"_s.arg(i);
            event.status = 200;
            housekeeper->record(event);
        }
    };

private slots:
    /// Issue 12: password hashing's buffers (19 MiB each, one per core at most) go back to the system once they have
    /// been idle for hashingMemoryIdleMs, so a server that hashed during a first sync does not keep them.
    void idleHashingMemory_isGivenBack()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        QVERIFY(PasswordHash::verify(u"Passw0rd"_s, PasswordHash::create(u"Passw0rd"_s)));
        QCOMPARE_GE(PasswordHash::hashingBuffers(), 1);
        ServerOptions options = Running::fastFlushing();
        options.hashingMemoryIdleMs = 100;
        Running running(db.location(), nullptr, options);
        QTRY_COMPARE_WITH_TIMEOUT(PasswordHash::hashingBuffers(), 0, 5000);
    }

    /// Issue 12: the workers hand their sync-log events to the housekeeper's thread. A store that does not take them
    /// (here: its write lock held) makes the workers wait once MaxBacklog events are waiting: none is lost, and the
    /// memory they take stays bounded.
    void storeFallingBehind_slowsTheWorkers_andLosesNothing()
    {
        if (ScimConsole::Test::TestDatabase::backendUnderTest() != Backend::Sqlite)
            QSKIP("SQLite: the test holds the store's one write lock");
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLog live(100);
        Running running(db.location(), &live);

        // The batch being stored is out of the backlog: the worker stops at two backlogs at most.
        constexpr int Events = 3 * ServerHousekeeper::MaxBacklog;
        std::atomic<int> recorded = 0;
        std::thread worker;
        const auto joined = qScopeGuard([&] { // after the lock below is released, on failure too
            if (worker.joinable())
                worker.join();
        });
        {
            Transaction holder(*database); // the housekeeper's first batch waits for this
            QVERIFY(holder);
            worker = std::thread([&] {
                for (int i = 0; i < Events; ++i) {
                    running.record(i);
                    ++recorded;
                }
            });
            // The first batch was taken and waits for the lock; the backlog behind it fills, then the worker waits.
            QTRY_VERIFY_WITH_TIMEOUT(recorded.load() >= ServerHousekeeper::MaxBacklog, 10000);
            QTest::qWait(300);
            QVERIFY2(recorded.load() <= 2 * ServerHousekeeper::MaxBacklog,
                     qPrintable(u"%1 recorded"_s.arg(recorded.load())));
        }
        worker.join(); // the lock is free: the batches are stored and the worker goes on
        QCOMPARE(recorded.load(), Events);
        running.stop();
        QCOMPARE(database->scalar(u"SELECT COUNT(*) FROM sync_log"_s)->toInt(), Events);
        QCOMPARE(database->scalar(u"SELECT COUNT(DISTINCT path) FROM sync_log"_s)->toInt(), Events);
        QCOMPARE(live.snapshot().size(), 100);
        QCOMPARE(live.snapshot().constLast().path, u"/Users/%1"_s.arg(Events - 1)); // in the order recorded
    }

    /// A store that refuses a batch (here: its write lock held beyond the 5 s a writer waits) gets it again at the
    /// next flushes: the events are stored once it takes them, in the order they were answered. Before, the batch
    /// was dropped with a warning.
    void batchTheStoreRefused_isStoredLater()
    {
        if (ScimConsole::Test::TestDatabase::backendUnderTest() != Backend::Sqlite)
            QSKIP("SQLite: the test holds the store's one write lock");
        SCIM_OPEN_TEST_DATABASE(db, database);
        Running running(db.location(), nullptr);
        const auto record = [&running](int from, int to) {
            for (int i = from; i < to; ++i)
                running.record(i);
        };
        {
            Transaction holder(*database);
            QVERIFY(holder);
            record(0, 50);
            QTest::qWait(6000); // the first try gives up after 5 s
            record(50, 100);    // while the first 50 wait to be stored again
        }
        running.stop();
        QCOMPARE(database->scalar(u"SELECT COUNT(*) FROM sync_log"_s)->toInt(), 100);
        const auto first = database->scalar(u"SELECT path FROM sync_log ORDER BY id LIMIT 1"_s);
        QCOMPARE(first->toString(), u"/Users/0"_s);
        const auto last = database->scalar(u"SELECT path FROM sync_log ORDER BY id DESC LIMIT 1"_s);
        QCOMPARE(last->toString(), u"/Users/99"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ServerHousekeeper)
#include "tst_ServerHousekeeper.moc"
