// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ServerPage.h"

#include "core/log/SyncLog.h"
#include "core/store/AsyncStore.h"
#include "tests/support/StoreDrain.h"
#include "tests/support/TestDatabase.h"
#include "ui/ServerController.h"
#include "ui/widgets/CopyField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;
using namespace Qt::StringLiterals;

/// The Server page: start and stop, listen address, the plain-HTTP guard, TLS with a self-signed certificate.
class tst_ServerPage : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        ScimConsole::Test::TestDatabase db;
        std::unique_ptr<AsyncStore> store;
        SyncLog log;
        std::unique_ptr<ServerController> server;
        std::unique_ptr<ServerPage> page;
        ~Fixture()
        {
            if (store)
                ScimConsole::Test::drain(*store);
        }

        Fixture()
        {
            QSettings().clear();
            store = std::make_unique<AsyncStore>(db.location());
            server = std::make_unique<ServerController>(*store, log);
            page = std::make_unique<ServerPage>(*server);
            page->show();
        }
        template <typename T>
        T *find(const QString &name) const
        {
            return page->findChild<T *>(name);
        }
    };

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void applyStartsAndStop_stops()
    {
        Fixture f;
        f.find<QSpinBox>(u"portSpinBox"_s)->setValue(0);
        f.find<QPushButton>(u"applyButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(f.server->state(), ServerController::State::Running, 10000);
        QVERIFY(f.page->stateText().startsWith(u"Running"_s));
        QVERIFY(f.find<CopyField>(u"serverUrlField"_s)->text().startsWith(u"http://127.0.0.1:"_s));
        // The preferences persist for the next launch.
        QCOMPARE(Settings::serverPreferences().options.port, 0);
        f.find<QPushButton>(u"startStopButton"_s)->click();
        QCOMPARE(f.server->state(), ServerController::State::Stopped);
        QVERIFY(f.find<CopyField>(u"serverUrlField"_s)->text().isEmpty());
    }

    void limits_areAppliedAndKept() // issue 11: the wire limits are the console's server settings too
    {
        Fixture f;
        f.find<QSpinBox>(u"portSpinBox"_s)->setValue(0);
        QCOMPARE(f.find<QSpinBox>(u"max-body-bytesSpinBox"_s)->value(), 1024 * 1024);
        auto *perClient = f.find<QSpinBox>(u"max-connections-per-clientSpinBox"_s);
        QVERIFY(perClient);
        QVERIFY(!perClient->accessibleName().isEmpty());
        perClient->setValue(2);
        f.find<QSpinBox>(u"header-timeoutSpinBox"_s)->setValue(5);
        // Issue 12: the workers, one per core unless chosen; three here, so the caps are counted across threads.
        auto *workers = f.find<QSpinBox>(u"workersSpinBox"_s);
        QCOMPARE(workers->value(), 0);
        QVERIFY(workers->text().contains(QString::number(ScimServer::workerCount({}))));
        QVERIFY(!workers->accessibleName().isEmpty());
        workers->setValue(3);
        f.find<QPushButton>(u"applyButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(f.server->state(), ServerController::State::Running, 10000);
        QCOMPARE(Settings::serverPreferences().options.workers, 3);
        QCOMPARE(Settings::serverPreferences().options.limits.maxConnectionsPerClient, 2);
        QCOMPARE(Settings::serverPreferences().options.limits.headerTimeoutMs, 5000);

        // In force: a third connection from this address is refused.
        const QUrl url(f.find<CopyField>(u"serverUrlField"_s)->text());
        QList<std::shared_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 3; ++i) {
            sockets.append(std::make_shared<QTcpSocket>());
            sockets.last()->connectToHost(QHostAddress::LocalHost, quint16(url.port()));
            QVERIFY(sockets.last()->waitForConnected(5000));
            QTest::qWait(50);
        }
        QTRY_VERIFY_WITH_TIMEOUT(sockets.last()->bytesAvailable() > 0 || sockets.last()->waitForReadyRead(50), 5000);
        QVERIFY(sockets.last()->readAll().startsWith("HTTP/1.1 503"));

        // And shown again when the page opens next.
        ServerPage again(*f.server);
        QCOMPARE(again.findChild<QSpinBox *>(u"max-connections-per-clientSpinBox"_s)->value(), 2);
        QCOMPARE(again.findChild<QSpinBox *>(u"workersSpinBox"_s)->value(), 3);
        f.find<QPushButton>(u"startStopButton"_s)->click();
    }

    void networkAddressWithoutTls_isRefusedUntilPlainHttpIsChosen()
    {
        Fixture f;
        f.find<QLineEdit>(u"addressLineEdit"_s)->setText(u"not-an-address"_s);
        f.find<QPushButton>(u"applyButton"_s)->click();
        QVERIFY(f.page->messageText().contains(u"not an IP address"_s));
        f.find<QLineEdit>(u"addressLineEdit"_s)->setText(u"0.0.0.0"_s);
        f.find<QSpinBox>(u"portSpinBox"_s)->setValue(0);
        f.find<QPushButton>(u"applyButton"_s)->click();
        QVERIFY2(f.page->messageText().contains(u"TLS"_s), qPrintable(f.page->messageText()));
        QCOMPARE(f.server->state(), ServerController::State::Stopped);
        f.find<QCheckBox>(u"allowPlainHttpCheckBox"_s)->setChecked(true);
        QVERIFY(f.page->messageText().contains(u"in clear"_s)); // the choice is warned
        f.find<QPushButton>(u"applyButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(f.server->state(), ServerController::State::Running, 10000);
        f.server->stop();
    }

    void selfSigned_isMadeOnApply_andItsFingerprintShown()
    {
        Fixture f;
        auto *mode = f.find<QComboBox>(u"tlsComboBox"_s);
        mode->setCurrentIndex(mode->findData(int(Settings::TlsMode::SelfSigned)));
        f.find<QSpinBox>(u"portSpinBox"_s)->setValue(0);
        f.find<QPushButton>(u"applyButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(f.server->state(), ServerController::State::Running, 30000);
        QVERIFY(f.server->url().toString().startsWith(u"https://"_s));
        const QString fingerprint = f.find<CopyField>(u"fingerprintField"_s)->text();
        QVERIFY2(fingerprint.count(u':') == 31, qPrintable(fingerprint)); // SHA-256 as AB:CD:…
        QVERIFY(f.find<QLabel>(u"expiryLabel"_s)->text() != u"—"_s);
        f.server->stop();
    }
};

QTEST_MAIN(tst_ServerPage)
#include "tst_ServerPage.moc"
