// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/AsyncStore.h"

#include "core/OnResult.h"

#include "core/store/Database.h"
#include "core/store/OrganizationStore.h"
#include "tests/support/TestDatabase.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_AsyncStore : public QObject
{
    Q_OBJECT

private slots:
    void run_executesOnItsOwnThreadInOrder()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY2(db.setupError().isEmpty(), qPrintable(db.setupError()));
        AsyncStore store(db.location());
        QThread *caller = QThread::currentThread();
        QList<int> order;
        QThread *ranOn = nullptr;
        auto first = store.run([&](Database &) -> Result<int> {
            ranOn = QThread::currentThread();
            order.append(1);
            return 1;
        });
        auto second = store.write([&](Database &database) -> Result<Organization> {
            order.append(2);
            return OrganizationStore(database).create(u"Sales"_s);
        });
        QSignalSpy changed(&store, &AsyncStore::changed);
        QTRY_VERIFY(second.isFinished());
        QVERIFY(first.isFinished());
        QCOMPARE(order, (QList<int>{1, 2}));
        QVERIFY(ranOn && ranOn != caller);
        QCOMPARE(second.result()->name, u"Sales"_s);
        QTRY_COMPARE(changed.size(), 1);

        // A continuation on a context runs on the caller's thread.
        QThread *continuedOn = nullptr;
        qsizetype listed = -1;
        onResult(store.run([](Database &database) { return OrganizationStore(database).list(); }), this,
                 [&](const Result<QList<Organization>> &all) {
                     continuedOn = QThread::currentThread();
                     listed = all->size();
                 });
        QTRY_COMPARE(listed, 2);
        QCOMPARE(continuedOn, caller);
    }

    // Every job's continuation runs, also when the job finishes before onResult() is called; never inside that call.
    void continuations_neverLost()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY2(db.setupError().isEmpty(), qPrintable(db.setupError()));
        AsyncStore store(db.location());
        int continued = 0;
        constexpr int Jobs = 2000;
        for (int i = 0; i < Jobs; ++i)
            onResult(store.write([](Database &) -> Result<int> { return 1; }), this,
                     [&continued](const Result<int> &) { ++continued; });
        QTRY_COMPARE_WITH_TIMEOUT(continued, Jobs, 10000);

        auto finished = store.run([](Database &) -> Result<int> { return 1; });
        QTRY_VERIFY(finished.isFinished());
        bool called = false;
        onResult(finished, this, [&called](const Result<int> &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    // A window closed while its load is still running: the continuation's context is gone when the job ends. Qt 6.4's
    // QFuture::then(context, …) asserts here in a Debug build (scripts/test.sh --long).
    void continuation_contextGoneFirst_isDropped()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY2(db.setupError().isEmpty(), qPrintable(db.setupError()));
        AsyncStore store(db.location());
        QSemaphore running;
        QSemaphore release;
        auto job = store.run([&](Database &) -> Result<int> {
            running.release();
            release.acquire();
            return 1;
        });
        bool called = false;
        auto *context = new QObject;
        onResult(job, context, [&called](const Result<int> &) { called = true; });
        QVERIFY(running.tryAcquire(1, 5000));
        delete context;
        release.release();
        QTRY_VERIFY(job.isFinished());
        QTest::qWait(50); // a call queued on the way would have landed by now
        QVERIFY(!called);

        // The store carries on.
        bool later = false;
        onResult(store.run([](Database &) -> Result<int> { return 2; }), this,
                 [&later](const Result<int> &answer) { later = answer.value() == 2; });
        QTRY_VERIFY(later);
    }

    void run_answersWithTheOpeningError()
    {
        const auto location = DatabaseLocation::parse(u"/proc/no-such-dir/store.db"_s);
        QVERIFY(location);
        AsyncStore store(location.value());
        auto job = store.run([](Database &) -> Result<int> { return 1; });
        QTRY_VERIFY(job.isFinished());
        QVERIFY(!job.result());
        QVERIFY(!job.result().error().message.isEmpty());
    }

    void destructor_cancelsQueuedJobs()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY2(db.setupError().isEmpty(), qPrintable(db.setupError()));
        QFuture<Result<int>> queued;
        bool called = false;
        {
            AsyncStore store(db.location());
            store.run([](Database &) -> Result<int> {
                QThread::msleep(100); // still running when the store goes
                return 0;
            });
            queued = store.run([](Database &) -> Result<int> { return 1; });
            onResult(queued, this, [&called](const Result<int> &) { called = true; });
        }
        QVERIFY(queued.isFinished());
        QVERIFY(queued.isCanceled());
        QTest::qWait(50);
        QVERIFY(!called); // a cancelled job has no answer to continue with
    }
};

QTEST_GUILESS_MAIN(tst_AsyncStore)
#include "tst_AsyncStore.moc"
