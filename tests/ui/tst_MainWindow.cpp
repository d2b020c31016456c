// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/secrets/KeychainSecretStore.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/PresenceStore.h"
#include "core/store/RamProfileStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/DialogDriver.h"
#include "tests/support/Futures.h"
#include "tests/support/RamTestDouble.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSecrets.h"
#include "ui/MessageBox.h"
#include "ui/MainWindow.h"
#include "ui/ServerController.h"
#include "ui/SingleInstance.h"
#include "ui/dialogs/ExtensionFieldDialog.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/dialogs/RamProfileDialog.h"
#include "ui/dialogs/RotateTokenDialog.h"
#include "ui/dialogs/SyncScopeDialog.h"
#include "ui/dialogs/TokenDialog.h"
#include "ui/dialogs/TokenRevealDialog.h"
#include "ui/models/SyncEventModel.h"
#include "ui/pages/ApplicationsPage.h"
#include "ui/pages/DirectoryPage.h"
#include "ui/pages/RamPage.h"
#include "ui/pages/ServerPage.h"
#include "ui/widgets/InlineMessage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>

#include <cmath>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
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

    /// Every visible control a user can focus has a name a screen reader can say (its text, a buddy label or an
    /// accessible name). Returns the unnamed ones.
    static QStringList unnamedControls(QWidget *root)
    {
        QStringList unnamed;
        for (QWidget *widget : root->findChildren<QWidget *>()) {
            if (!widget->isVisibleTo(root) || widget->focusPolicy() == Qt::NoFocus)
                continue;
            const bool interactive = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
                                     || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
                                     || qobject_cast<QAbstractItemView *>(widget);
            if (!interactive || qobject_cast<QLineEdit *>(widget->parentWidget())
                || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                || qobject_cast<QComboBox *>(widget->parentWidget()))
                continue; // the line edit inside a spin box or combo box speaks for its owner
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 (%2)").arg(widget->objectName(),
                                                         QString::fromLatin1(widget->metaObject()->className()));
        }
        return unnamed;
    }

    /// An application with every SCIM scenario allowed, and one of its tokens; empty when the store refused.
    static std::pair<QString, QString> servedApp(ScimConsole::Test::TestDatabase &db)
    {
        auto database = db.open();
        const auto app = ApplicationStore(*database).create(u"App"_s, AppKind::Standard);
        if (!app || !ApplicationStore(*database).setPermission(app->id, ScimPermission::all()))
            return {};
        const auto issued = TokenStore(*database).issue(app->id, 1);
        return issued ? std::pair(app->id, issued->secret) : std::pair<QString, QString>();
    }

    /// GET /Users of `appId` at `server`, with `token`: the HTTP status.
    static int getUsers(const QString &server, const QString &appId, const QString &token)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(server + u"/scim/v2/apps/"_s + appId + u"/Users"_s));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        std::unique_ptr<QNetworkReply> reply(nam.get(request));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            return 0; // no answer in time
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void startsTheServer_andShowsCallsLive() // I-02
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        const auto [appId, token] = servedApp(db);
        QVERIFY(!token.isEmpty());
        ServerOptions options;
        options.port = 0;
        options.logFlushMs = 20;
        ScimConsole::Gui::MainWindow window(db.location(), options);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.serverStatus().contains(u"running at"_s), 10000);
        const QRegularExpressionMatch url =
            QRegularExpression(u"http://127\\.0\\.0\\.1:\\d+"_s).match(window.serverStatus());
        QVERIFY(url.hasMatch());

        QCOMPARE(getUsers(url.captured(0), appId, token), 200);

        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), 1, 10000);
        QCOMPARE(window.eventModel()->eventAt(0).status, 200);
        QCOMPARE(window.eventModel()->eventAt(0).appId, appId);
        auto *view = window.findChild<QTableView *>(u"syncLogView"_s);
        QCOMPARE(view->model(), window.eventModel());
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

    void navigation_menusAndShortcuts()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        ScimConsole::Gui::MainWindow window(db.location(), ServerOptions{}, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        using Page = ScimConsole::Gui::MainWindow::PageId;
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), Page::Directory);
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), Page::Server);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), Page::Applications);
        // Find goes to the page's search field.
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"applicationSearchLineEdit"_s);
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), Page::Directory);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"accountSearchLineEdit"_s);
        // New application (Ctrl+N) opens the dialog on the Applications page.
        bool opened = false;
        ScimConsole::Test::whenDialogOpens<ScimConsole::Gui::NameDialog>([&](ScimConsole::Gui::NameDialog *d) {
            opened = true;
            d->reject();
        });
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(opened);
        QCOMPARE(window.currentPage(), Page::Applications);
        QVERIFY(window.serverStatus().contains(u"stopped"_s));
        QVERIFY(window.activityText().contains(u"req/s"_s));
    }

    void everyControl_hasAnAccessibleName()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        QString app;
        {
            auto database = db.open();
            app = ApplicationStore(*database).create(u"App"_s, AppKind::Standard)->id;
            QVERIFY(TokenStore(*database).issue(app, 30));
            RamProfile profile;
            profile.name = u"staging"_s;
            profile.clientId = u"client"_s;
            std::tie(profile.tokenUrl, profile.scimUrl) = RamProfile::endpoints(RamSite::China);
            profile.sourceAppId = app;
            QVERIFY(RamProfileStore(*database).save(profile));
        }
        ScimConsole::Gui::MainWindow window(db.location(), ServerOptions{}, false);
        window.show();
        QTRY_COMPARE(window.ramPage()->findChild<QListWidget *>(u"profileList"_s)->count(), 1);
        window.applicationsPage()->selectApplication(app);
        QTRY_VERIFY(!window.applicationsPage()->findChild<QLabel *>(u"applicationTitle"_s)->text().isEmpty());
        for (int page = 0; page < 5; ++page) {
            window.showPage(ScimConsole::Gui::MainWindow::PageId(page));
            const QStringList unnamed = unnamedControls(&window);
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
        }
        ScimConsole::Core::AsyncStore *store = window.store();
        const QList<QDialog *> dialogs{
            new ScimConsole::Gui::NameDialog(u"Name"_s, u"&Name:"_s,
                                             [](const QString &n) { return Result<QString>(n); }),
            new ScimConsole::Gui::TokenDialog,
            new ScimConsole::Gui::TokenRevealDialog(u"scim_secret"_s, QDateTime::currentDateTimeUtc()),
            new ScimConsole::Gui::RotateTokenDialog(*store, app),
            new ScimConsole::Gui::SyncScopeDialog(*store, {}, {}, {}, {}),
            new ScimConsole::Gui::ExtensionFieldDialog,
            new ScimConsole::Gui::RamProfileDialog(*store, {}, RamProfile{}),
        };
        for (QDialog *dialog : dialogs) {
            dialog->show();
            const QStringList unnamed = unnamedControls(dialog);
            QVERIFY2(unnamed.isEmpty(), qPrintable(QString::fromLatin1(dialog->metaObject()->className()) + u": "_s
                                                   + unnamed.join(u", "_s)));
            delete dialog;
        }
    }

    void anotherInstanceServes_theWindowFollowsIt()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        const auto [appId, token] = servedApp(db);
        QVERIFY(!token.isEmpty());
        // The instance that serves (as `scim-console serve` would). Presence is per process, so the window below
        // must see it as another instance: it reads the record as a different instance id would.
        ServerOptions options;
        options.port = 0;
        options.logFlushMs = 20;
        ScimServer serving(db.location(), options);
        QSignalSpy started(&serving, &ScimServer::started);
        serving.start();
        QVERIFY(started.wait(10000));
        const QUrl url = started.first().first().toUrl();
        {
            auto database = db.open();
            auto presence = PresenceStore(*database).read().value().value();
            presence.instanceId = u"service-on-another-host"_s;
            presence.host = u"idp-gateway"_s;
            QVERIFY(PresenceStore(*database).write(presence));
        }

        ScimConsole::Gui::MainWindow window(db.location(), options);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.server()->state(), ScimConsole::Gui::ServerController::State::Attached, 10000);
        QVERIFY2(window.serverStatus().contains(u"idp-gateway"_s), qPrintable(window.serverStatus()));
        QCOMPARE(window.server()->url(), url);

        // A call served by the other instance reaches this window's log through the store.
        QCOMPARE(getUsers(url.toString(), appId, token), 200);
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->rowCount() >= 1, 10000);
        QCOMPARE(window.eventModel()->eventAt(window.eventModel()->rowCount() - 1).appId, appId);
        QTRY_VERIFY_WITH_TIMEOUT(window.server()->requestsLastMinute() >= 1, 10000);

        // When it stops, the window says so instead of pretending to serve.
        serving.stop();
        {
            auto database = db.open();
            QVERIFY(PresenceStore(*database).clear(u"service-on-another-host"_s));
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.server()->state(), ScimConsole::Gui::ServerController::State::Stopped, 10000);
        QVERIFY(window.serverStatus().contains(u"stopped serving"_s));
    }

    // Colours come from the palette: an inline message stays readable on a dark theme as on a light one.
    void closingDuringAPush_asksFirst()
    {
        ScimConsole::Test::TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        ScimConsole::Test::RamTestDouble::Options options;
        options.secret = ScimConsole::Test::testRamSecret();
        options.latencyMs = 30;
        ScimConsole::Test::RamTestDouble ram(options);
        QVERIFY(ram.start());
        RamProfile profile;
        {
            auto database = db.open();
            const QString root = OrganizationStore(*database).rootId().value();
            const QString app = ApplicationStore(*database).create(u"App"_s, AppKind::Standard)->id;
            SyncScope scope;
            scope.organizationIds = {root};
            QVERIFY(ApplicationStore(*database).setScope(app, scope));
            for (int i = 0; i < 200; ++i) {
                Account account;
                account.userName = u"user%1@example.com"_s.arg(i);
                account.orgId = root;
                QVERIFY(AccountStore(*database).create(account));
            }
            profile = ram.profile(u"staging"_s);
            profile.sourceAppId = app;
            profile.concurrency = 2;
            profile = RamProfileStore(*database).save(profile).value();
        }
        KeychainSecretStore keychain; // the console's own service
        QVERIFY(
            ScimConsole::Test::waitForResult(keychain.write(profile.secretKey(), ScimConsole::Test::testRamSecret())));

        ScimConsole::Gui::MainWindow window(db.location(), ServerOptions{}, false);
        window.show();
        ScimConsole::Gui::RamPage *page = window.ramPage();
        QTRY_COMPARE(page->findChild<QListWidget *>(u"profileList"_s)->count(), 1);
        page->selectProfile(u"staging"_s);
        ScimConsole::Gui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page->push();
        QTRY_VERIFY_WITH_TIMEOUT(page->isBusy() && ram.writes() > 5, 20000);

        window.showPage(ScimConsole::Gui::MainWindow::PageId::Directory);
        ScimConsole::Gui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!window.close()); // kept open
        QVERIFY(ScimConsole::Gui::MessageBox::lastQuestion().contains(u"push or pull"_s));
        QCOMPARE(window.currentPage(), ScimConsole::Gui::MainWindow::PageId::Ram); // where the push is shown
        QVERIFY(window.isVisible());
        QVERIFY(page->isBusy());

        QSignalSpy finished(page, &ScimConsole::Gui::RamPage::taskFinished);
        page->cancelTask();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY(!page->isBusy());
        QVERIFY(ram.users.size() < 200);
        QVERIFY(ScimConsole::Test::waitForResult(keychain.remove(profile.secretKey())));
    }

    void inlineMessages_readableOnDarkAndLightPalettes()
    {
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const auto contrast = [&](const QColor &a, const QColor &b) {
            const double la = luminance(a), lb = luminance(b);
            return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
        };
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
        const QPalette original = QApplication::palette();
        for (const QPalette &palette : {original, dark}) {
            QApplication::setPalette(palette);
            ScimConsole::Gui::InlineMessage message;
            for (const auto kind :
                 {ScimConsole::Gui::InlineMessage::Kind::Information, ScimConsole::Gui::InlineMessage::Kind::Warning,
                  ScimConsole::Gui::InlineMessage::Kind::Error}) {
                message.showMessage(u"Refused (rule T-03)"_s, kind);
                const double ratio =
                    contrast(message.palette().color(QPalette::Window), message.palette().color(QPalette::WindowText));
                QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio))); // WCAG AA for normal text
            }
        }
        QApplication::setPalette(original);
    }

    void singleInstance_secondLaunchRaisesTheFirst()
    {
        const QString name = u"tst-single-instance-%1"_s.arg(QCoreApplication::applicationPid());
        ScimConsole::Gui::SingleInstance first(name);
        QVERIFY(first.claim());
        QSignalSpy activation(&first, &ScimConsole::Gui::SingleInstance::activationRequested);
        ScimConsole::Gui::SingleInstance second(name);
        QVERIFY(!second.claim());
        QVERIFY(activation.wait(5000) || activation.size() == 1);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
