// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/RamPage.h"

#include "core/log/SyncLog.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/RamProfileStore.h"
#include "core/store/SyncLogStore.h"
#include "tests/support/StoreDrain.h"
#include "tests/support/DialogDriver.h"
#include "tests/support/RamTestDouble.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/Futures.h"
#include "tests/support/TestSecrets.h"
#include "ui/MessageBox.h"
#include "ui/dialogs/RamProfileDialog.h"
#include "ui/models/RamModels.h"
#include "ui/widgets/InlineMessage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

/// The Alibaba Cloud RAM page against the RAM test double (DOMAIN.md R), a real store and the real keychain (the
/// Secret Service scripts/test.sh starts): profiles, test connection, preview, push with progress and cancel, pull
/// and import.
class tst_RamPage : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        TestDatabase db;
        std::unique_ptr<Database> direct;
        std::unique_ptr<AsyncStore> store;
        SyncLog log;
        KeychainSecretStore keychain{u"scim-console-test"_s};
        std::unique_ptr<RamTestDouble> ram;
        std::unique_ptr<RamPage> page;
        QString rootId;
        QString appId;
        std::unique_ptr<QAbstractItemModelTester> planTester, planFilterTester, pullTester, pullFilterTester;
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
            if (!direct)
                return false;
            store = std::make_unique<AsyncStore>(db.location());
            RamTestDouble::Options options;
            options.secret = testRamSecret();
            ram = std::make_unique<RamTestDouble>(options);
            rootId = OrganizationStore(*direct).rootId().value();
            const auto app = ApplicationStore(*direct).create(u"Entra"_s, AppKind::Standard);
            appId = app->id;
            SyncScope scope;
            scope.organizationIds = {rootId};
            return ram->start() && ApplicationStore(*direct).setScope(appId, scope);
        }
        void show()
        {
            page = std::make_unique<RamPage>(*store, log, keychain);
            page->resize(1200, 760);
            page->show();
            planTester = std::make_unique<QAbstractItemModelTester>(page->planModel());
            planFilterTester = std::make_unique<QAbstractItemModelTester>(page->planFilter());
            pullTester = std::make_unique<QAbstractItemModelTester>(page->pullModel());
            pullFilterTester = std::make_unique<QAbstractItemModelTester>(page->pullView()->model());
        }
        void addAccounts(int count, const QString &prefix = u"user"_s)
        {
            AccountStore accounts(*direct);
            for (int i = 0; i < count; ++i) {
                Account a;
                a.userName = u"%1%2@example.com"_s.arg(prefix).arg(i, 4, 10, QChar(u'0'));
                a.displayName = u"User %1"_s.arg(i);
                a.orgId = rootId;
                QVERIFY(accounts.create(a));
            }
        }
        /// A profile for the double, pushing the application's scope, its secret in the keychain.
        RamProfile addProfile(const QString &name = u"staging"_s, bool withSecret = true)
        {
            RamProfile profile = ram->profile(name);
            profile.sourceAppId = appId;
            const auto saved = RamProfileStore(*direct).save(profile);
            if (!saved)
                return {};
            if (withSecret && !waitForResult(keychain.write(saved->secretKey(), testRamSecret())))
                return {};
            return saved.value();
        }
        template <typename T>
        T *find(const QString &name) const
        {
            return page->findChild<T *>(name);
        }
        /// Loads the page and selects `name`.
        bool select(const QString &name)
        {
            QSignalSpy loaded(page.get(), &RamPage::profilesLoaded);
            page->refresh();
            if (!QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 5000))
                return false;
            page->selectProfile(name);
            return page->findChild<QListWidget *>(u"profileList"_s)->currentItem() != nullptr;
        }
        /// Runs `action` and waits for the page to show its outcome.
        bool runAndWait(const std::function<void()> &action, int timeoutMs = 30000)
        {
            QSignalSpy finished(page.get(), &RamPage::taskFinished);
            action();
            return QTest::qWaitFor([&] { return !finished.isEmpty(); }, timeoutMs);
        }
        QString step(int row, int column) const
        {
            return page->findChild<QTreeWidget *>(u"connectionSteps"_s)->topLevelItem(row)->text(column);
        }
    };

private slots:
    void addProfile_secretGoesToKeychain_neverShownAgain()
    {
        Fixture f;
        QVERIFY(f.open());
        f.show();
        QVERIFY(f.select(QString()) == false); // loaded, with nothing to select
        QTRY_VERIFY(f.find<QLabel>(u"noProfileLabel"_s)->isVisible());

        QString refusal;
        whenDialogOpens<RamProfileDialog>([&](RamProfileDialog *dialog) {
            dialog->findChild<QLineEdit *>(u"profileNameLineEdit"_s)->setText(u"staging"_s);
            auto *site = dialog->findChild<QComboBox *>(u"siteComboBox"_s);
            site->setCurrentIndex(site->findData(int(RamSite::Custom)));
            dialog->findChild<QLineEdit *>(u"tokenUrlLineEdit"_s)->setText(u"http://ram.example.com/v1/token"_s);
            dialog->findChild<QLineEdit *>(u"scimUrlLineEdit"_s)->setText(f.ram->scimUrl());
            dialog->findChild<QLineEdit *>(u"clientIdLineEdit"_s)->setText(u"ram-client-id"_s);
            dialog->findChild<QLineEdit *>(u"secretLineEdit"_s)->setText(testRamSecret());
            dialog->accept(); // plain http to another machine is refused
            refusal = dialog->findChild<InlineMessage *>()->text();
            dialog->findChild<QLineEdit *>(u"tokenUrlLineEdit"_s)->setText(f.ram->tokenUrl());
            QVERIFY(dialog->findChild<QRadioButton *>(u"sourceApplicationRadio"_s)->isChecked());
            dialog->accept();
        });
        f.page->addProfile();
        QTRY_VERIFY_WITH_TIMEOUT(f.page->findChild<QListWidget *>(u"profileList"_s)->count() == 1, 10000);
        QVERIFY2(refusal.contains(u"not an https URL"_s), qPrintable(refusal));

        const auto saved = RamProfileStore(*f.direct).byName(u"staging"_s);
        QVERIFY(saved);
        QCOMPARE(saved->secretSource, u"keychain"_s);
        QCOMPARE(saved->sourceAppId, f.appId);
        const Result<QString> secret = waitForResult(f.keychain.read(saved->secretKey()));
        QVERIFY(secret);
        QVERIFY(secret.value() == testRamSecret()); // never printed

        // Editing shows only that a secret is stored; Replace opens the field.
        f.page->selectProfile(u"staging"_s);
        bool hidden = false;
        whenDialogOpens<RamProfileDialog>([&](RamProfileDialog *dialog) {
            auto *stack = dialog->findChild<QStackedWidget *>();
            auto *field = dialog->findChild<QLineEdit *>(u"secretLineEdit"_s);
            hidden = stack->currentWidget() != field && field->text().isEmpty();
            QVERIFY(dialog->secret().isEmpty());
            dialog->findChild<QPushButton *>(u"replaceSecretButton"_s)->click();
            QCOMPARE(stack->currentWidget(), field);
            dialog->reject();
        });
        f.page->editProfile();
        QTRY_VERIFY(hidden);
    }

    void renameProfile_keepsItsIdAndSecret()
    {
        Fixture f;
        QVERIFY(f.open());
        const RamProfile profile = f.addProfile();
        QVERIFY(!profile.id.isEmpty());
        f.addProfile(u"production"_s, false);
        f.show();
        QVERIFY(f.select(u"staging"_s));
        QString refusal;
        whenDialogOpens<RamProfileDialog>([&](RamProfileDialog *dialog) {
            auto *name = dialog->findChild<QLineEdit *>(u"profileNameLineEdit"_s);
            name->setText(u"production"_s);
            dialog->accept();
            refusal = dialog->findChild<InlineMessage *>()->text();
            name->setText(u"staging-eu"_s);
            dialog->accept();
        });
        f.page->editProfile();
        QTRY_VERIFY_WITH_TIMEOUT(RamProfileStore(*f.direct).byName(u"staging-eu"_s).has_value(), 10000);
        QVERIFY2(refusal.contains(u"exists already"_s), qPrintable(refusal));
        QCOMPARE(RamProfileStore(*f.direct).byName(u"staging-eu"_s)->id, profile.id);
        QVERIFY(waitForResult(f.keychain.read(profile.secretKey())));
    }

    void testConnection_verdictPerStep()
    {
        Fixture f;
        QVERIFY(f.open());
        f.addProfile();
        f.show();
        QVERIFY(f.select(u"staging"_s));

        QVERIFY(f.runAndWait([&] { f.page->testConnection(); }));
        for (int row = 0; row < 3; ++row)
            QVERIFY2(f.step(row, 1).contains(u"Passed"_s), qPrintable(f.step(row, 0) + u": "_s + f.step(row, 2)));
        QVERIFY(f.step(0, 2).contains(u"/acs/scim"_s));

        // A token for another scope: the first step says what to change in the RAM console.
        f.ram->options().scope = u"/acs/ram"_s;
        QVERIFY(f.runAndWait([&] { f.page->testConnection(); }));
        QVERIFY(f.step(0, 1).contains(u"Failed"_s));
        QVERIFY(f.step(0, 2).contains(u"/acs/ram"_s));
        QVERIFY(f.step(0, 3).contains(u"/acs/scim"_s));
        QVERIFY(f.step(1, 1).contains(u"Not tried"_s));
        // What to do is read in the list, not cut off: the row is as tall as its longest cell wrapped at its
        // column's width (QTreeView alone gave every row one line).
        auto *steps = f.page->findChild<QTreeWidget *>(u"connectionSteps"_s);
        QTreeWidgetItem *failed = steps->topLevelItem(0);
        const int line = steps->fontMetrics().height();
        int tallest = 0;
        for (int column = 0; column < steps->columnCount(); ++column) {
            const QRect wrapped = steps->fontMetrics().boundingRect(QRect(0, 0, steps->columnWidth(column) - 12, 10000),
                                                                    Qt::TextWordWrap, failed->text(column));
            tallest = std::max(tallest, wrapped.height());
        }
        QVERIFY2(tallest > line, "the fix takes two lines or more at this width");
        QTRY_VERIFY2(
            steps->visualItemRect(failed).height() >= tallest,
            qPrintable(u"row %1 px, its text %2 px"_s.arg(steps->visualItemRect(failed).height()).arg(tallest)));
        QCOMPARE(steps->visualItemRect(steps->topLevelItem(1)).height() < 2 * line, true); // "Not tried": one line

        // A wrong secret: the token is refused, with the fix.
        f.ram->options().scope = u"/acs/scim"_s;
        f.ram->options().secret = u"another-secret"_s;
        QVERIFY(f.runAndWait([&] { f.page->testConnection(); }));
        QVERIFY(f.step(0, 1).contains(u"Failed"_s));
        QVERIFY2(f.step(0, 2).contains(u"401"_s), qPrintable(f.step(0, 2)));
        QVERIFY(f.step(0, 3).contains(u"app secret"_s));
        QVERIFY(f.step(2, 1).contains(u"Not tried"_s));
    }

    void missingSecret_isAClearMessage()
    {
        Fixture f;
        QVERIFY(f.open());
        f.addProfile(u"staging"_s, false);
        f.show();
        QVERIFY(f.select(u"staging"_s));
        QVERIFY(f.runAndWait([&] { f.page->preview(); }));
        QVERIFY2(f.page->messageText().contains(u"No app secret"_s), qPrintable(f.page->messageText()));
        QVERIFY(f.page->messageText().contains(u"Replace"_s));
        QCOMPARE(f.ram->tokensIssued, 0);
        QVERIFY(f.find<QPushButton>(u"previewButton"_s)->isEnabled());
    }

    void preview_countsPerAction_filter_export()
    {
        Fixture f;
        QVERIFY(f.open());
        f.addAccounts(5);
        Account unmappable;
        unmappable.userName = u"no good!@example.com"_s;
        unmappable.orgId = f.rootId;
        QVERIFY(AccountStore(*f.direct).create(unmappable));
        f.addProfile();
        f.show();
        QVERIFY(f.select(u"staging"_s));

        QVERIFY(f.runAndWait([&] { f.page->preview(); }));
        QCOMPARE(f.page->planModel()->rowCount(), 6);
        QCOMPARE(f.page->planModel()->plan().count(PlanAction::Create), 5);
        QCOMPARE(f.page->planModel()->plan().count(PlanAction::Conflict), 1);
        QCOMPARE(f.ram->writes(), 0); // a preview changes nothing
        const QString counts = f.find<QLabel>(u"planCountsLabel"_s)->text();
        QVERIFY2(counts.contains(u"<b>5</b> to create"_s), qPrintable(counts));

        auto *actions = f.find<QComboBox>(u"planActionComboBox"_s);
        actions->setCurrentIndex(actions->findData(int(PlanAction::Conflict)));
        QCOMPARE(f.page->planFilter()->rowCount(), 1);
        QVERIFY(f.page->planFilter()->index(0, int(PushPlanModel::Column::Reason)).data().toString().size() > 0);
        actions->setCurrentIndex(0);
        f.find<QLineEdit>(u"planSearchLineEdit"_s)->setText(u"user0003"_s);
        QCOMPARE(f.page->planFilter()->rowCount(), 1);
        f.find<QLineEdit>(u"planSearchLineEdit"_s)->clear();

        QTemporaryDir dir;
        const QString path = dir.filePath(u"plan.csv"_s);
        QVERIFY(f.page->exportPlan(path));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 6 + 1); // header, rows, the empty rest after the last CRLF
        QVERIFY(lines.first().startsWith("\"Action\",\"Directory user\""));
        QVERIFY(lines.at(1).endsWith("\r"));
    }

    void push_progressCancelAndSummary_streamsIntoTheLog()
    {
        Fixture f;
        QVERIFY(f.open());
        f.addAccounts(200);
        f.ram->options().latencyMs = 40;
        RamProfile profile = f.addProfile();
        profile.concurrency = 2;
        QVERIFY(RamProfileStore(*f.direct).save(profile));
        f.show();
        QVERIFY(f.select(u"staging"_s));
        QSignalSpy live(&f.log, &SyncLog::eventsAppended);
        QSignalSpy notified(f.page.get(), &RamPage::notify);

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy finished(f.page.get(), &RamPage::taskFinished);
        f.page->push();
        QVERIFY(MessageBox::lastQuestion().contains(f.ram->scimUrl()));
        auto *bar = f.find<QProgressBar>(u"ramProgressBar"_s);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->maximum() == 200 && bar->value() >= 10, 20000);
        QVERIFY(f.find<QLabel>(u"ramProgressLabel"_s)->text().contains(u"/s"_s));
        QVERIFY(f.page->isBusy());
        QVERIFY(!f.find<QPushButton>(u"pushButton"_s)->isEnabled());
        QVERIFY(live.size() > 10); // the calls reach the live log as they happen, not at the end
        // …and the store within seconds, so that a push cut short by a crash loses at most the last few.
        QTRY_VERIFY_WITH_TIMEOUT(SyncLogStore(*f.direct).count({.direction = SyncDirection::Outbound}).value() > 10,
                                 5000);
        QVERIFY(f.page->isBusy());
        f.find<QPushButton>(u"cancelTaskButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY(!f.page->isBusy());
        QVERIFY(!bar->isVisible());
        const QString summary = f.find<QLabel>(u"pushSummaryLabel"_s)->text();
        QVERIFY2(summary.contains(u"Cancelled"_s), qPrintable(summary));
        QVERIFY(f.ram->users.size() > 0 && f.ram->users.size() < 200);
        QCOMPARE(notified.size(), 1);

        // The rest, with one delete refused: every failure is listed with RAM's reason.
        f.ram->options().latencyMs = 0;
        const QString firstRamId = f.ram->users.keys().first();
        f.ram->options().undeletable.insert(f.ram->users.value(firstRamId).userName);
        const QString accountId = f.ram->users.value(firstRamId).externalId;
        QVERIFY(AccountStore(*f.direct).setActive(accountId, false));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(f.runAndWait([&] { f.page->push(); }));
        QTRY_COMPARE(f.ram->users.size(), 200);
        auto *failures = f.find<QTableWidget>(u"pushFailures"_s);
        QCOMPARE(failures->rowCount(), 1);
        QCOMPARE(failures->item(0, 1)->text(), u"Delete"_s);
        QVERIFY(!failures->item(0, 2)->text().isEmpty());
        QVERIFY(f.find<QLabel>(u"pushSummaryLabel"_s)->text().contains(u"Done"_s));
    }

    void pull_thenImportRamOnlyUsers()
    {
        Fixture f;
        QVERIFY(f.open());
        f.addAccounts(3);
        f.ram->options().pageSize = 2; // a pull pages
        f.ram->addUser(u"carol"_s);
        f.ram->addUser(u"dave"_s);
        f.addProfile();
        f.show();
        QVERIFY(f.select(u"staging"_s));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(f.runAndWait([&] { f.page->push(); }));

        QVERIFY(f.runAndWait([&] { f.page->pull(); }));
        PullReportModel *model = f.page->pullModel();
        QCOMPARE(model->count(PullReportModel::Kind::Linked), 3);
        QCOMPARE(model->count(PullReportModel::Kind::RamOnly), 2);
        QCOMPARE(model->count(PullReportModel::Kind::DirectoryOnly), 0);

        auto *states = f.find<QComboBox>(u"pullStateComboBox"_s);
        states->setCurrentIndex(states->findData(int(PullReportModel::Kind::RamOnly)));
        QTableView *view = f.page->pullView();
        QCOMPARE(view->model()->rowCount(), 2);
        auto *import = f.find<QPushButton>(u"importButton"_s);
        QVERIFY(!import->isEnabled());
        view->selectAll();
        QVERIFY(import->isEnabled());
        QSignalSpy finished(f.page.get(), &RamPage::taskFinished);
        import->click();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000); // the pull that follows the import
        QVERIFY(AccountStore(*f.direct).findByUserName(u"carol"_s).has_value());
        QCOMPARE(model->count(PullReportModel::Kind::Linked), 5);
        QCOMPARE(model->count(PullReportModel::Kind::RamOnly), 0);
        QVERIFY(f.page->messageText().contains(u"Imported 2 account"_s));
    }

    void deleteProfile_removesTheSecret()
    {
        Fixture f;
        QVERIFY(f.open());
        const RamProfile profile = f.addProfile();
        f.show();
        QVERIFY(f.select(u"staging"_s));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        f.page->deleteProfile();
        QTRY_VERIFY_WITH_TIMEOUT(!RamProfileStore(*f.direct).get(profile.id).has_value(), 10000);
        const Result<QString> gone = waitForResult(f.keychain.read(profile.secretKey()));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QTRY_COMPARE(f.page->findChild<QListWidget *>(u"profileList"_s)->count(), 0);
    }
};

QTEST_MAIN(tst_RamPage)
#include "tst_RamPage.moc"
