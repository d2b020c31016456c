// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/AsyncStore.h"

#include "core/store/Database.h"
#include "core/store/OrganizationStore.h"
#include "tests/support/TestDatabase.h"

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
        auto listed = store.run([](Database &database) { return OrganizationStore(database).list(); })
                          .then(this, [&](const Result<QList<Organization>> &all) {
                              continuedOn = QThread::currentThread();
                              return all->size();
                          });
        QTRY_VERIFY(listed.isFinished());
        QCOMPARE(listed.result(), 2);
        QCOMPARE(continuedOn, caller);
    }

    // Every job's continuation runs, also when the job finishes before .then() is attached.
    void continuations_neverLost()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY2(db.setupError().isEmpty(), qPrintable(db.setupError()));
        AsyncStore store(db.location());
        int continued = 0;
        constexpr int Jobs = 2000;
        for (int i = 0; i < Jobs; ++i) {
            store.write([](Database &) -> Result<int> { return 1; }).then(this, [&continued](const Result<int> &) {
                ++continued;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(continued, Jobs, 10000);
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
        {
            AsyncStore store(db.location());
            store.run([](Database &) -> Result<int> {
                QThread::msleep(100); // still running when the store goes
                return 0;
            });
            queued = store.run([](Database &) -> Result<int> { return 1; });
        }
        QVERIFY(queued.isFinished());
        QVERIFY(queued.isCanceled());
    }
};

QTEST_GUILESS_MAIN(tst_AsyncStore)
#include "tst_AsyncStore.moc"
