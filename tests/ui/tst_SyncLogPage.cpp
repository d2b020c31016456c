// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/SyncLogPage.h"

#include "core/log/SyncLog.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/SyncLogStore.h"
#include "tests/support/StoreDrain.h"
#include "tests/support/TestDatabase.h"
#include "ui/models/SyncEventModel.h"
#include "ui/widgets/CallRateChart.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QFile>
#include <QProgressDialog>
#include <QScrollBar>
#include <QSemaphore>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;
using namespace Qt::StringLiterals;

/// The sync log page (I-02, I-03): stored history then live rows, filters, details with Copy, Follow and Pause.
class tst_SyncLogPage : public QObject
{
    Q_OBJECT

    static SyncEvent event(const QString &app, int status, const QString &path,
                           SyncDirection direction = SyncDirection::Inbound)
    {
        SyncEvent e;
        e.at = QDateTime::currentDateTimeUtc();
        e.direction = direction;
        e.appId = app;
        e.profile = direction == SyncDirection::Outbound ? u"prod"_s : QString();
        e.method = u"GET"_s;
        e.path = path;
        e.status = status;
        e.requestId = u"req-"_s + path.section(u'/', -1);
        e.tokenPrefix = u"scim_abcdefg"_s;
        e.clientAddress = u"20.42.130.7"_s;
        e.userAgent = u"Azure AD SCIM Provisioning"_s;
        e.scimType = status == 409 ? u"uniqueness"_s : QString();
        e.detail = status == 409 ? u"userName taken"_s : QString();
        e.bytesIn = 12;
        e.bytesOut = 345;
        return e;
    }

    struct Fixture
    {
        ScimConsole::Test::TestDatabase db;
        std::unique_ptr<Database> direct;
        std::unique_ptr<AsyncStore> store;
        SyncLog log;
        std::unique_ptr<SyncLogPage> page;
        std::unique_ptr<QAbstractItemModelTester> tester;
        QString entra, okta;
        ~Fixture()
        {
            if (store)
                ScimConsole::Test::drain(*store);
        }

        bool open()
        {
            if (!db.setupError().isEmpty())
                return false;
            direct = db.open();
            entra = ApplicationStore(*direct).create(u"Microsoft Entra ID"_s, AppKind::Standard)->id;
            okta = ApplicationStore(*direct).create(u"Okta"_s, AppKind::Standard)->id;
            store = std::make_unique<AsyncStore>(db.location());
            return true;
        }
        void show()
        {
            page = std::make_unique<SyncLogPage>(log, *store);
            page->resize(1200, 700);
            page->show();
            tester = std::make_unique<QAbstractItemModelTester>(page->model(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy names(page.get(), &SyncLogPage::applicationNamesLoaded);
            QSignalSpy loaded(page.get(), &SyncLogPage::historyLoaded);
            page->showHistory();
            QVERIFY(QTest::qWaitFor([&] { return !names.isEmpty() && !loaded.isEmpty(); }, 5000));
        }
        /// What the server does with a call: store it, then show it live.
        void serve(QList<SyncEvent> events)
        {
            QVERIFY(SyncLogStore(*direct).append(events)); // gives them their ids
            log.append(events);
        }
        /// Changes a filter and waits for the reloaded window.
        template <typename W>
        void set(const QString &name, const std::function<void(W *)> &change)
        {
            QSignalSpy loaded(page.get(), &SyncLogPage::historyLoaded);
            change(page->findChild<W *>(name));
            QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 5000));
        }
        void choose(const QString &combo, const QVariant &data)
        {
            set<QComboBox>(combo, [&](QComboBox *c) { c->setCurrentIndex(c->findData(data)); });
        }
        void type(const QString &edit, const QString &text)
        {
            set<QLineEdit>(edit, [&](QLineEdit *e) { e->setText(text); });
        }
        int rows() const { return page->model()->rowCount(); }
    };

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void historyThenLive_filters_details_pause() // I-02, I-03
    {
        Fixture f;
        QVERIFY(f.open());
        QVERIFY(SyncLogStore(*f.direct).append({event(f.entra, 200, u"/Users/1"_s), event(f.okta, 409, u"/Users/2"_s),
                                                event(f.entra, 201, u"/Users/3"_s)}));
        f.show();
        QCOMPARE(f.rows(), 3);
        // Oldest first, applications by name.
        QCOMPARE(f.page->model()->eventAt(0).path, u"/Users/1"_s);
        QCOMPARE(f.page->model()->index(0, int(SyncEventModel::Column::Source)).data().toString(),
                 u"Microsoft Entra ID"_s);

        // Live rows follow the history.
        SyncEvent patch = event(f.okta, 500, u"/Groups/9"_s);
        patch.method = u"PATCH"_s;
        f.serve({patch, event(QString(), 200, u"/acs/scim/Users"_s, SyncDirection::Outbound)});
        QTRY_COMPARE(f.rows(), 5);

        // Each filter, alone and together: the store answers for the history, live calls pass the same test.
        f.choose(u"applicationFilterComboBox"_s, u"app:"_s + f.okta);
        QCOMPARE(f.rows(), 2);
        f.serve({event(f.okta, 404, u"/Users/7"_s), event(f.entra, 404, u"/Users/8"_s)});
        QTRY_COMPARE(f.rows(), 3); // Okta's live call only
        f.choose(u"statusClassComboBox"_s, 4);
        QCOMPARE(f.rows(), 2);
        f.choose(u"applicationFilterComboBox"_s, QString());
        QCOMPARE(f.rows(), 3);
        f.choose(u"statusClassComboBox"_s, 2);
        QCOMPARE(f.rows(), 3);
        f.choose(u"directionFilterComboBox"_s, int(SyncDirection::Outbound));
        QCOMPARE(f.rows(), 1);
        f.choose(u"directionFilterComboBox"_s, -1);
        f.choose(u"statusClassComboBox"_s, -1);
        QCOMPARE(f.rows(), 7);
        f.choose(u"methodFilterComboBox"_s, u"PATCH"_s);
        QCOMPARE(f.rows(), 1);
        f.choose(u"methodFilterComboBox"_s, QString());
        f.type(u"requestIdLineEdit"_s, u"req-8"_s);
        QCOMPARE(f.rows(), 1);
        QCOMPARE(f.page->model()->eventAt(0).path, u"/Users/8"_s);
        f.type(u"requestIdLineEdit"_s, QString());
        f.choose(u"periodComboBox"_s, 15 * 60);
        QCOMPARE(f.rows(), 7);
        SyncEvent old = event(f.entra, 200, u"/Users/old"_s);
        old.at = QDateTime::currentDateTimeUtc().addSecs(-3600);
        QVERIFY(SyncLogStore(*f.direct).append({old}));
        f.choose(u"periodComboBox"_s, 24 * 3600);
        QCOMPARE(f.rows(), 8);
        f.choose(u"periodComboBox"_s, 15 * 60);
        QCOMPARE(f.rows(), 7);
        f.type(u"logSearchLineEdit"_s, u"uniqueness"_s);
        QCOMPARE(f.rows(), 1);

        // Details: every field of the selected call, and Copy.
        auto *view = f.page->findChild<QTableView *>(u"syncLogView"_s);
        view->selectRow(0);
        const QString details = f.page->detailsText();
        for (const QString &expected :
             {u"req-2"_s, u"scim_abcdefg…"_s, u"20.42.130.7"_s, u"Azure AD SCIM Provisioning"_s, u"uniqueness"_s,
              u"userName taken"_s, u"12 / 345"_s, u"Okta"_s})
            QVERIFY2(details.contains(expected), qPrintable(expected + u" in\n"_s + details));
        f.page->findChild<QPushButton *>(u"copyDetailsButton"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), details);
        f.type(u"logSearchLineEdit"_s, QString());
        QCOMPARE(f.rows(), 7);

        // Pause holds new calls back; Resume shows them.
        f.page->findChild<QPushButton *>(u"pauseButton"_s)->click();
        QVERIFY(f.page->isPaused());
        f.serve({event(f.entra, 204, u"/Groups/1"_s), event(f.entra, 204, u"/Groups/2"_s)});
        QTRY_VERIFY(f.page->findChild<QLabel *>(u"pendingLabel"_s)->text().contains(u"2"_s));
        QCOMPARE(f.rows(), 7);
        f.page->findChild<QPushButton *>(u"pauseButton"_s)->click();
        QCOMPARE(f.rows(), 9);
        QVERIFY(f.page->findChild<QLabel *>(u"pendingLabel"_s)->text().isEmpty());
    }

    void scrollBack_windowStaysBounded_thenBackToNewest() // I-02
    {
        Fixture f;
        QVERIFY(f.open());
        QList<SyncEvent> history;
        for (int i = 0; i < 12000; ++i)
            history.append(event(i % 2 ? f.entra : f.okta, 200, u"/Users/%1"_s.arg(i)));
        QVERIFY(SyncLogStore(*f.direct).append(history));
        f.show();
        QCOMPARE(f.rows(), SyncLogPage::PageRows);
        QCOMPARE(f.page->model()->eventAt(f.rows() - 1).path, u"/Users/11999"_s);

        // Scrolling to the top reads the page above, again and again; the window never holds more than its bound.
        auto *view = f.page->findChild<QTableView *>(u"syncLogView"_s);
        for (int page = 0; page < 14; ++page) {
            QSignalSpy loaded(f.page.get(), &SyncLogPage::historyLoaded);
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
            view->verticalScrollBar()->setValue(0);
            QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 5000));
            QVERIFY(f.rows() <= SyncEventModel::MaxEvents);
        }
        QCOMPARE(f.rows(), SyncEventModel::MaxEvents);
        QVERIFY(!f.page->model()->atNewest());
        QVERIFY(f.page->findChild<QPushButton *>(u"newestButton"_s)->isVisible());
        const QString oldest = f.page->model()->eventAt(0).path;
        QCOMPARE(oldest, u"/Users/%1"_s.arg(12000 - SyncLogPage::PageRows * 15));

        // Live calls wait while older ones are read; Back to the newest shows them.
        f.serve({event(f.entra, 201, u"/Users/live"_s)});
        QTest::qWait(50);
        QVERIFY(f.page->model()->eventAt(f.rows() - 1).path != u"/Users/live"_s);
        QSignalSpy loaded(f.page.get(), &SyncLogPage::historyLoaded);
        f.page->findChild<QCheckBox *>(u"followCheckBox"_s)->setChecked(false);
        f.page->findChild<QPushButton *>(u"newestButton"_s)->click();
        QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 5000));
        QVERIFY(f.page->model()->atNewest());
        QCOMPARE(f.page->model()->eventAt(f.rows() - 1).path, u"/Users/live"_s);

        // Live calls that push the whole history out of the window still lead back to it.
        QList<SyncEvent> burst;
        for (int i = 0; i < SyncEventModel::MaxEvents; ++i)
            burst.append(event(f.entra, 200, u"/Users/burst-%1"_s.arg(i)));
        f.serve(burst);
        QTRY_COMPARE(f.page->model()->eventAt(0).path, u"/Users/burst-0"_s);
        QSignalSpy older(f.page.get(), &SyncLogPage::historyLoaded);
        f.page->loadOlder();
        QVERIFY(QTest::qWaitFor([&] { return !older.isEmpty(); }, 5000));
        QCOMPARE(f.page->model()->eventAt(0).path, u"/Users/%1"_s.arg(12000 - SyncLogPage::PageRows + 1));
    }

    void export_filteredCalls_andCancel() // I-02
    {
        Fixture f;
        QVERIFY(f.open());
        QList<SyncEvent> history;
        for (int i = 0; i < 3000; ++i)
            history.append(event(i % 3 ? f.entra : f.okta, i % 10 ? 200 : 409, u"/Users/%1"_s.arg(i)));
        QVERIFY(SyncLogStore(*f.direct).append(history));
        f.show();
        f.choose(u"statusClassComboBox"_s, 4);
        QTemporaryDir dir;

        QSignalSpy finished(f.page.get(), &SyncLogPage::exportFinished);
        f.page->exportTo(dir.filePath(u"refused.csv"_s), SyncLogExport::Format::Csv);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toLongLong(), 300);
        QVERIFY(finished.first().at(1).toString().isEmpty());
        QFile csv(dir.filePath(u"refused.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QCOMPARE(text.count("\r\n"), 301);
        QVERIFY(text.contains("\"Okta\""));
        QVERIFY(!text.contains("\"200\""));
        // The finished export's dialog goes (deleteLater): the second export's Cancel must be that of its own dialog.
        QTRY_VERIFY(f.page->findChildren<QProgressDialog *>().isEmpty());

        finished.clear();
        f.choose(u"statusClassComboBox"_s, -1);
        // Cancel before the export thread gets to run: the pool's one thread is held until after the click, so that
        // the test does not race the export.
        QThreadPool *pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        QSemaphore gate;
        pool->start([&gate] { gate.acquire(); });
        f.page->exportTo(dir.filePath(u"all.json"_s), SyncLogExport::Format::Json);
        f.page->findChild<QProgressDialog *>(u"exportProgress"_s)->findChild<QPushButton *>()->click();
        gate.release();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(1).toString().contains(u"cancelled"_s),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(!QFile::exists(dir.filePath(u"all.json"_s)));
        pool->setMaxThreadCount(threads);
    }

    void rates_perApplicationAndProfile() // I-02, I-03
    {
        Fixture f;
        QVERIFY(f.open());
        QList<SyncEvent> calls;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 30; ++i) {
            SyncEvent e = event(i % 3 ? f.entra : f.okta, i % 5 ? 200 : 500, u"/Users/%1"_s.arg(i));
            e.at = now.addSecs(-60 * (i % 10));
            calls.append(e);
        }
        SyncEvent ram = event(QString(), 201, u"/Users"_s, SyncDirection::Outbound);
        ram.at = now;
        calls.append(ram);
        SyncEvent yesterday = event(f.entra, 200, u"/Users/y"_s);
        yesterday.at = now.addSecs(-3 * 3600);
        calls.append(yesterday);
        QVERIFY(SyncLogStore(*f.direct).append(calls));
        f.show();

        QSignalSpy rates(f.page.get(), &SyncLogPage::ratesLoaded);
        f.page->findChild<QTabWidget *>(u"syncLogTabs"_s)->setCurrentIndex(1);
        QVERIFY(QTest::qWaitFor([&] { return !rates.isEmpty(); }, 5000));
        const auto series = f.page->chart()->series();
        QCOMPARE(series.keys(), (QStringList{u"Microsoft Entra ID"_s, u"Okta"_s, u"RAM: prod"_s}));
        const auto total = [&](const QString &name, bool failures) {
            qint64 sum = 0;
            for (const CallCounts &c : series.value(name))
                sum += failures ? c.failures : c.calls;
            return sum;
        };
        QCOMPARE(series.value(u"Okta"_s).size(), 60);        // a point a minute, zeros included
        QCOMPARE(total(u"Microsoft Entra ID"_s, false), 20); // the one of three hours ago is outside the hour
        QCOMPARE(total(u"Okta"_s, false), 10);
        QCOMPARE(total(u"Okta"_s, true), 2); // calls 0 and 15: multiples of 3 (Okta) and of 5 (failed)
        QCOMPARE(total(u"RAM: prod"_s, false), 1);
        QVERIFY(f.page->chart()->chart()->series().size() >= 3);

        rates.clear();
        auto *period = f.page->findChild<QComboBox *>(u"ratePeriodComboBox"_s);
        period->setCurrentIndex(1);
        QVERIFY(QTest::qWaitFor([&] { return !rates.isEmpty(); }, 5000));
        QCOMPARE(f.page->chart()->series().value(u"Okta"_s).size(), 96);
        qint64 day = 0;
        for (const CallCounts &c : f.page->chart()->series().value(u"Microsoft Entra ID"_s))
            day += c.calls;
        QCOMPARE(day, 21);
    }
};

QTEST_MAIN(tst_SyncLogPage)
#include "tst_SyncLogPage.moc"
