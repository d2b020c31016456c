#include "core/store/ApplicationStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/TestDatabase.h"
#include "ui/MainWindow.h"
#include "ui/models/SyncEventModel.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

/// The window starts the same SCIM server as `scim-console serve` and shows each call live.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void startsTheServer_andShowsCallsLive() // I-02
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        QString appId, token;
        {
            auto database = db.open();
            appId = ApplicationStore(*database).create(u"App"_s, AppKind::Standard)->id;
            QVERIFY(ApplicationStore(*database).setPermission(appId, ScimPermission::all()));
            token = TokenStore(*database).issue(appId, 1)->secret;
        }
        ServerOptions options;
        options.port = 0;
        options.logFlushMs = 20;
        ScimConsole::Gui::MainWindow window(db.location(), options);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.serverStatus().contains(u"running at"_s), 10000);
        const QRegularExpressionMatch url =
            QRegularExpression(u"http://127\\.0\\.0\\.1:\\d+"_s).match(window.serverStatus());
        QVERIFY(url.hasMatch());

        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(url.captured(0) + u"/scim/v2/apps/"_s + appId + u"/Users"_s));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = nam.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;

        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), 1, 10000);
        QCOMPARE(window.eventModel()->eventAt(0).status, 200);
        QCOMPARE(window.eventModel()->eventAt(0).appId, appId);
        auto *view = window.findChild<QTableView *>(u"syncLogView"_s);
        QVERIFY(view && view->model() == window.eventModel());
    }

    void portInUse_isShown()
    {
        ScimConsole::Test::TestDatabase db;
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        ServerOptions options;
        options.port = squatter.serverPort();
        ScimConsole::Gui::MainWindow window(db.location(), options);
        QTRY_VERIFY_WITH_TIMEOUT(window.serverStatus().contains(u"not running"_s), 10000);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
