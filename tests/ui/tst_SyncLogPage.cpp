#include "ui/pages/SyncLogPage.h"

#include "core/log/SyncLog.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/SyncLogStore.h"
#include "tests/support/TestDatabase.h"
#include "ui/models/SyncEventFilterModel.h"
#include "ui/models/SyncEventModel.h"

#include <QAbstractItemModelTester>
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

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void historyThenLive_filters_details_pause()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        QString entra, okta;
        {
            auto direct = db.open();
            entra = ApplicationStore(*direct).create(u"Microsoft Entra ID"_s, AppKind::Standard)->id;
            okta = ApplicationStore(*direct).create(u"Okta"_s, AppKind::Standard)->id;
            QVERIFY(SyncLogStore(*direct).append(
                {event(entra, 200, u"/Users/1"_s), event(okta, 409, u"/Users/2"_s), event(entra, 201, u"/Users/3"_s)}));
        }
        AsyncStore store(db.location());
        SyncLog log;
        SyncLogPage page(log, store);
        page.resize(1200, 700);
        page.show();
        QAbstractItemModelTester tester(page.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy names(&page, &SyncLogPage::applicationNamesLoaded);
        page.showHistory();
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 3, 5000);
        QTRY_VERIFY(!names.isEmpty());
        // Oldest first, applications by name.
        QCOMPARE(page.model()->eventAt(0).path, u"/Users/1"_s);
        QCOMPARE(page.model()->index(0, int(SyncEventModel::Column::Source)).data().toString(),
                 u"Microsoft Entra ID"_s);

        // Live rows follow the history.
        log.append(
            {event(okta, 500, u"/Groups/9"_s), event(QString(), 200, u"/acs/scim/Users"_s, SyncDirection::Outbound)});
        QTRY_COMPARE(page.model()->rowCount(), 5);

        // Each filter, alone and together.
        auto *application = page.findChild<QComboBox *>(u"applicationFilterComboBox"_s);
        application->setCurrentIndex(application->findData(okta));
        QCOMPARE(page.filterModel()->rowCount(), 2);
        auto *status = page.findChild<QComboBox *>(u"statusClassComboBox"_s);
        status->setCurrentIndex(status->findData(4));
        QCOMPARE(page.filterModel()->rowCount(), 1);
        application->setCurrentIndex(0);
        status->setCurrentIndex(status->findData(2));
        QCOMPARE(page.filterModel()->rowCount(), 3);
        auto *direction = page.findChild<QComboBox *>(u"directionFilterComboBox"_s);
        direction->setCurrentIndex(direction->findData(int(SyncDirection::Outbound)));
        QCOMPARE(page.filterModel()->rowCount(), 1);
        direction->setCurrentIndex(0);
        status->setCurrentIndex(0);
        QTest::keyClicks(page.findChild<QLineEdit *>(u"logSearchLineEdit"_s), u"uniqueness"_s);
        QCOMPARE(page.filterModel()->rowCount(), 1);

        // Details: every field of the selected call, and Copy.
        auto *view = page.findChild<QTableView *>(u"syncLogView"_s);
        view->selectRow(0);
        const QString details = page.detailsText();
        for (const QString &expected :
             {u"req-2"_s, u"scim_abcdefg…"_s, u"20.42.130.7"_s, u"Azure AD SCIM Provisioning"_s, u"uniqueness"_s,
              u"userName taken"_s, u"12 / 345"_s, u"Okta"_s})
            QVERIFY2(details.contains(expected), qPrintable(expected + u" in\n"_s + details));
        page.findChild<QPushButton *>(u"copyDetailsButton"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), details);
        page.findChild<QLineEdit *>(u"logSearchLineEdit"_s)->clear();
        QCOMPARE(page.filterModel()->rowCount(), 5);

        // Pause holds new calls back; Resume shows them.
        page.findChild<QPushButton *>(u"pauseButton"_s)->click();
        QVERIFY(page.isPaused());
        log.append({event(entra, 204, u"/Groups/1"_s), event(entra, 204, u"/Groups/2"_s)});
        QTRY_VERIFY(page.findChild<QLabel *>(u"pendingLabel"_s)->text().contains(u"2"_s));
        QCOMPARE(page.model()->rowCount(), 5);
        page.findChild<QPushButton *>(u"pauseButton"_s)->click();
        QCOMPARE(page.model()->rowCount(), 7);
        QVERIFY(page.findChild<QLabel *>(u"pendingLabel"_s)->text().isEmpty());
    }
};

QTEST_MAIN(tst_SyncLogPage)
#include "tst_SyncLogPage.moc"
