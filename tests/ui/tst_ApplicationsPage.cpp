// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ApplicationsPage.h"

#include "core/log/SyncLog.h"
#include "core/store/AccountStore.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/StoreDrain.h"
#include "tests/support/DialogDriver.h"
#include "tests/support/TestDatabase.h"
#include "ui/MessageBox.h"
#include "ui/ServerController.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/dialogs/PayloadPreviewDialog.h"
#include "ui/dialogs/TokenDialog.h"
#include "ui/dialogs/TokenRevealDialog.h"
#include "ui/models/ApplicationListModel.h"
#include "ui/models/TokenModel.h"
#include "ui/pages/ApplicationPanel.h"
#include "ui/pages/ClientCredentialsBox.h"
#include "ui/widgets/CopyField.h"
#include "ui/widgets/InlineMessage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

/// The Applications page driven as an administrator would: the list, Add application, and an application's
/// Account sync tab (tokens, permission, target).
class tst_ApplicationsPage : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        TestDatabase db;
        std::unique_ptr<Database> direct; // the test's own connection, to set up and to check
        std::unique_ptr<AsyncStore> store;
        SyncLog log;
        std::unique_ptr<ServerController> server;
        std::unique_ptr<ApplicationsPage> page;
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
            store = std::make_unique<AsyncStore>(db.location());
            server = std::make_unique<ServerController>(*store, log);
            return direct != nullptr;
        }
        void show()
        {
            page = std::make_unique<ApplicationsPage>(*store, *server);
            page->resize(1100, 760);
            page->show();
            page->refresh();
        }
        ApplicationPanel *panel() const { return page->panel(); }
        template <typename T>
        T *find(const QString &name) const
        {
            return page->findChild<T *>(name);
        }
        /// Selects `appId` and waits until its page shows it. (Counted, not QSignalSpy::wait(): a continuation of a
        /// job that has already finished runs at once, so the signal may come before a wait would start.)
        bool select(const QString &appId)
        {
            QSignalSpy loaded(panel(), &ApplicationPanel::loaded);
            page->selectApplication(appId);
            for (int waited = 0; waited < 5000; waited += 10) {
                if (!loaded.isEmpty() && panel()->appId() == appId && panel()->details().app.id == appId)
                    return true;
                QTest::qWait(10);
            }
            return false;
        }
    };

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyState_thenAddApplication()
    {
        Fixture f;
        QVERIFY(f.open());
        f.show();
        auto *lists = f.page->findChildren<QStackedWidget *>().first();
        QTRY_COMPARE(lists->currentIndex(), 0); // "No applications yet — Add Application…"
        QVERIFY(f.find<QPushButton>(u"addFirstApplicationButton"_s)->isVisible());

        whenDialogOpens<NameDialog>([](NameDialog *dialog) {
            auto *name = dialog->findChild<QLineEdit *>(u"nameLineEdit"_s);
            name->setText(u"   "_s);
            dialog->accept(); // refused: an empty name, shown in the dialog
            QVERIFY(dialog->isVisible());
            name->setText(u"  Okta  "_s);
            auto *kind = dialog->findChild<QComboBox *>(u"choiceComboBox"_s);
            kind->setCurrentIndex(kind->findData(u"custom"_s));
            dialog->accept();
        });
        QSignalSpy loaded(f.panel(), &ApplicationPanel::loaded);
        qsizetype seenLoads = 0; // loads so far: each change is followed by one more
        f.page->addApplication();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QCOMPARE(f.page->model()->rowCount(), 1);
        QCOMPARE(f.panel()->details().app.name, u"Okta"_s);
        QCOMPARE(f.panel()->details().app.kind, AppKind::Custom);
        QCOMPARE(lists->currentIndex(), 1);
        QAbstractItemModelTester tester(f.page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex tokens = f.page->model()->index(0, int(ApplicationListModel::Column::Tokens));
        QCOMPARE(tokens.data().toString(), u"No token"_s);
        QVERIFY(!tokens.data(Qt::DecorationRole).isNull());
    }

    void tokenRules_refusedWithTheirRule() // T-02, T-03, T-04
    {
        Fixture f;
        QVERIFY(f.open());
        const QString app = ApplicationStore(*f.direct).create(u"Entra"_s, AppKind::Standard)->id;
        TokenStore tokens(*f.direct);
        const QString first = tokens.issue(app, 30)->token.id;
        const QString second = tokens.issue(app, 30)->token.id;
        QVERIFY(tokens.setEnabled(app, second, false));
        f.show();
        QVERIFY(f.select(app));
        QAbstractItemModelTester tester(f.panel()->tokenModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(f.panel()->tokenModel()->rowCount(), 2);

        // T-02: a third token is refused before any dialog opens.
        f.find<QPushButton>(u"addTokenButton"_s)->click();
        QVERIFY2(f.panel()->messageText().contains(u"T-02"_s), qPrintable(f.panel()->messageText()));
        QVERIFY(!QApplication::activeModalWidget());

        auto *view = f.find<QTableView>(u"tokenView"_s);
        const auto selectToken = [&](const QString &id) {
            view->selectRow(f.panel()->tokenModel()->indexOf(id).row());
        };
        // T-03: the last enabled token cannot be disabled.
        selectToken(first);
        QSignalSpy loaded(f.panel(), &ApplicationPanel::loaded);
        qsizetype seenLoads = 0; // loads so far: each change is followed by one more
        f.find<QPushButton>(u"disableTokenButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QVERIFY2(f.panel()->messageText().contains(u"T-03"_s), qPrintable(f.panel()->messageText()));
        QVERIFY(tokens.list(app)->constFirst().enabled || tokens.list(app)->constLast().enabled);

        // T-04: an enabled token cannot be deleted.
        selectToken(first);
        f.find<QPushButton>(u"deleteTokenButton"_s)->click();
        QVERIFY2(f.panel()->messageText().contains(u"T-04"_s), qPrintable(f.panel()->messageText()));
        QCOMPARE(tokens.list(app)->size(), 2);

        // A disabled one can, after confirmation.
        selectToken(second);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        f.find<QPushButton>(u"deleteTokenButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QVERIFY(MessageBox::lastQuestion().contains(u"Delete the disabled token"_s));
        QCOMPARE(tokens.list(app)->size(), 1);
        QCOMPARE(f.panel()->tokenModel()->rowCount(), 1);
        QVERIFY(f.panel()->messageText().isEmpty());
    }

    void addToken_revealsTheSecretOnce() // T-01, T-07
    {
        Fixture f;
        QVERIFY(f.open());
        const QString app = ApplicationStore(*f.direct).create(u"Okta"_s, AppKind::Standard)->id;
        f.show();
        QVERIFY(f.select(app));

        QString revealed;
        whenDialogOpens<TokenDialog>([&](TokenDialog *dialog) {
            auto *preset = dialog->findChild<QComboBox *>(u"validityPresetComboBox"_s);
            preset->setCurrentIndex(preset->count() - 1); // custom
            auto *days = dialog->findChild<QSpinBox *>(u"validityDaysSpinBox"_s);
            days->setValue(2000);
            dialog->accept(); // T-01: more than 3 years is refused in the dialog
            QVERIFY(dialog->isVisible());
            days->setValue(90);
            whenDialogOpens<TokenRevealDialog>([&](TokenRevealDialog *reveal) {
                revealed = reveal->secret();
                reveal->reject(); // not copied yet: the dialog stays
                QVERIFY(reveal->isVisible());
                reveal->findChild<CopyField *>(u"tokenField"_s)->copyButton()->click();
                QCOMPARE(QGuiApplication::clipboard()->text(), revealed);
                reveal->reject();
            });
            dialog->accept();
        });
        f.find<QPushButton>(u"addTokenButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!revealed.isEmpty() && !QApplication::activeModalWidget(), 10000);
        QGuiApplication::clipboard()->clear();

        // The secret works, was shown once, and is nowhere in the page now.
        const auto token = TokenStore(*f.direct).authenticate(revealed);
        QVERIFY(token);
        QCOMPARE(token->appId, app);
        QCOMPARE(QDateTime::currentDateTimeUtc().daysTo(token->expires), 90);
        QTRY_COMPARE(f.panel()->tokenModel()->rowCount(), 1);
        for (const QLineEdit *edit : f.page->findChildren<QLineEdit *>())
            QVERIFY(!edit->text().contains(revealed));
        const QString shown = f.panel()->tokenModel()->index(0, 0).data().toString();
        QVERIFY(revealed.startsWith(shown.chopped(1)));
        QVERIFY(shown.size() < revealed.size());
    }

    void clientCredentials_onTheApplicationPage() // C-01, C-02, C-03, C-04, C-05, C-07
    {
        Fixture f;
        QVERIFY(f.open());
        const QString app = ApplicationStore(*f.direct).create(u"Entra"_s, AppKind::Standard)->id;
        f.show();
        QVERIFY(f.select(app));
        ClientCredentialsBox *box = f.panel()->clientCredentials();
        QAbstractItemModelTester tester(box->secretModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *method = box->findChild<QCheckBox *>(u"clientCredentialsCheckBox"_s);
        QTRY_VERIFY(!method->isChecked());
        QVERIFY(box->findChild<CopyField *>(u"tokenEndpointField"_s)->text().endsWith(u"/%1/oauth2/token"_s.arg(app)));

        // Switching on without a secret is refused with its rule, and the switch goes back.
        method->setChecked(true);
        QTRY_VERIFY(box->messageText().contains(u"C-03"_s));
        QTRY_VERIFY(!method->isChecked());

        // A secret, revealed once in the client-secret wording; the client id appears with it.
        QString revealed;
        whenDialogOpens<TokenDialog>([&](TokenDialog *dialog) {
            QCOMPARE(dialog->windowTitle(), u"Add Client Secret"_s);
            whenDialogOpens<TokenRevealDialog>([&](TokenRevealDialog *reveal) {
                QCOMPARE(reveal->windowTitle(), u"New Client Secret"_s);
                revealed = reveal->secret();
                reveal->findChild<CopyField *>(u"tokenField"_s)->copyButton()->click();
                reveal->reject();
            });
            dialog->accept();
        });
        box->findChild<QPushButton *>(u"addClientSecretButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!revealed.isEmpty() && !QApplication::activeModalWidget(), 10000);
        QGuiApplication::clipboard()->clear();
        QVERIFY(revealed.startsWith(u"scimcs_"_s));
        QTRY_COMPARE(box->secretModel()->rowCount(), 1);
        const QString clientId = ClientCredentialStore(*f.direct).get(app)->clientId;
        QTRY_COMPARE(box->findChild<CopyField *>(u"clientIdField"_s)->text(), clientId);
        QVERIFY(!ClientCredentialStore(*f.direct).get(app)->enabled); // a secret alone does not switch it on

        method->setChecked(true);
        QTRY_VERIFY(ClientCredentialStore(*f.direct).get(app)->enabled);
        QVERIFY(ClientCredentialStore(*f.direct).mint(clientId, revealed));

        // The only enabled secret cannot be disabled while the method is on; the lifetime is in minutes.
        auto *view = box->findChild<QTableView *>(u"clientSecretView"_s);
        view->selectRow(0);
        box->findChild<QPushButton *>(u"disableClientSecretButton"_s)->click();
        QTRY_VERIFY(box->messageText().contains(u"at least one client secret"_s));
        auto *lifetime = box->findChild<QSpinBox *>(u"tokenLifetimeSpinBox"_s);
        lifetime->setValue(15);
        emit lifetime->editingFinished();
        QTRY_COMPARE(ClientCredentialStore(*f.direct).get(app)->tokenLifetimeSeconds, 900);

        // Off, then the secret disabled and deleted.
        method->setChecked(false);
        QTRY_VERIFY(!ClientCredentialStore(*f.direct).get(app)->enabled);
        view->selectRow(0);
        box->findChild<QPushButton *>(u"disableClientSecretButton"_s)->click();
        QTRY_VERIFY(!TokenStore(*f.direct, TokenKind::ClientSecret).list(app)->first().enabled);
        // …and the page has read it back (deleting checks C-04 against what it shows).
        QTRY_COMPARE(box->secretModel()->index(0, int(TokenModel::Column::Status)).data().toString(), u"Disabled"_s);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        view->selectRow(0);
        box->findChild<QPushButton *>(u"deleteClientSecretButton"_s)->click();
        QTRY_VERIFY(TokenStore(*f.direct, TokenKind::ClientSecret).list(app)->isEmpty());
    }

    void permission_perScenario_andAll()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString app = ApplicationStore(*f.direct).create(u"HR"_s, AppKind::Custom)->id;
        f.show();
        QVERIFY(f.select(app));
        auto *all = f.find<QCheckBox>(u"allScenariosCheckBox"_s);
        QVERIFY(!all->isChecked());
        QSignalSpy loaded(f.panel(), &ApplicationPanel::loaded);
        qsizetype seenLoads = 0; // loads so far: each change is followed by one more
        f.find<QCheckBox>(u"usersReadCheckBox"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QCOMPARE(ApplicationStore(*f.direct).get(app)->permission, (ScimPermission{true, false, false, false}));
        all->click();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QCOMPARE(ApplicationStore(*f.direct).get(app)->permission, ScimPermission::all());
        QVERIFY(f.find<QCheckBox>(u"groupsWriteCheckBox"_s)->isChecked());
        QTRY_COMPARE(f.page->model()->index(0, int(ApplicationListModel::Column::Permission)).data().toString(),
                     u"All scenarios"_s);
    }

    void syncTarget_offersOnlyOrganizationsInScope() // S-03, S-04
    {
        Fixture f;
        QVERIFY(f.open());
        OrganizationStore orgs(*f.direct);
        const QString sales = orgs.create(u"Sales"_s)->id;
        const QString emea = orgs.create(u"EMEA"_s, sales)->id;
        const QString finance = orgs.create(u"Finance"_s)->id;
        ApplicationStore apps(*f.direct);
        const QString app = apps.create(u"Entra"_s, AppKind::Standard)->id;
        QVERIFY(apps.setScope(app, SyncScope{{sales}, {}}));
        f.show();
        QVERIFY(f.select(app));
        auto *target = f.find<QComboBox>(u"syncTargetComboBox"_s);
        QStringList offered;
        for (int i = 0; i < target->count(); ++i)
            offered << target->itemData(i).toString();
        QVERIFY(offered.contains(sales));
        QVERIFY(offered.contains(emea)); // S-06: the subtree comes with it
        QVERIFY(!offered.contains(finance));
        QSignalSpy loaded(f.panel(), &ApplicationPanel::loaded);
        qsizetype seenLoads = 0; // loads so far: each change is followed by one more
        target->setCurrentIndex(target->findData(emea));
        emit target->activated(target->currentIndex());
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QCOMPARE(apps.get(app)->syncTargetOrgId, emea);
    }

    /// Issue 14, the mapping preview on the application page: a shipped sample previewed shows the account it would
    /// become, an unsupported type shows the provider's error with its rule, and nothing is written either way.
    void payloadPreview_showsTheResultAndWritesNothing() // U-11
    {
        Fixture f;
        QVERIFY(f.open());
        const QString sales = OrganizationStore(*f.direct).create(u"Sales"_s)->id;
        ApplicationStore apps(*f.direct);
        const QString app = apps.create(u"Entra"_s, AppKind::Standard)->id;
        QVERIFY(apps.setScope(app, SyncScope{{sales}, {}}));
        QVERIFY(apps.setSyncTarget(app, sales));
        QVERIFY(apps.setPermission(app, ScimPermission::all()));
        f.show();
        QVERIFY(f.select(app));
        f.find<QPushButton>(u"previewPayloadButton"_s)->click();
        auto *dialog = f.panel()->findChild<PayloadPreviewDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        auto *sample = dialog->findChild<QComboBox *>(u"sampleComboBox"_s);
        auto *run = dialog->findChild<QPushButton *>(u"previewButton"_s);
        auto *result = dialog->findChild<QPlainTextEdit *>(u"previewResult"_s);
        auto *verdict = dialog->findChild<InlineMessage *>(u"previewVerdict"_s);
        QVERIFY(!run->isEnabled()); // nothing to preview yet
        for (QWidget *control : dialog->findChildren<QWidget *>()) {
            if (control->focusPolicy() != Qt::NoFocus && qobject_cast<QComboBox *>(control))
                QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
        }

        // Entra ID's sample user carries a mobile number: refused under the default policy, with the rule.
        sample->setCurrentIndex(1);
        emit sample->activated(1);
        QVERIFY(run->isEnabled());
        run->click();
        QTRY_VERIFY_WITH_TIMEOUT(verdict->text().contains(u"400"_s), 5000);
        QVERIFY2(verdict->text().contains(u"mobile"_s), qPrintable(verdict->text()));
        QVERIFY(result->toPlainText().contains(u"invalidValue"_s));

        // Ignored under Entra ID's setting: the account it would become.
        QVERIFY(apps.setPolicies(app, std::nullopt, UnsupportedTypePolicy::Ignore));
        run->click();
        QTRY_VERIFY_WITH_TIMEOUT(verdict->text().contains(u"201"_s), 5000);
        QVERIFY(result->toPlainText().contains(u"AdeleV@contoso.example"_s));
        QVERIFY(result->toPlainText().contains(sales));                               // the organization it lands in
        QVERIFY2(verdict->text().contains(u"Sales”"_s), qPrintable(verdict->text())); // named by its path
        QVERIFY2(verdict->text().contains(u"mobile"_s), qPrintable(verdict->text())); // the ignored value, noted
        QCOMPARE(AccountStore(*f.direct).count().value(), 0);

        // Every shipped sample — Entra ID's and Okta's user and group — is accepted under the providers' settings,
        // and nothing is written.
        QVERIFY(apps.setPolicies(app, DuplicatePolicy::Reject, UnsupportedTypePolicy::Ignore));
        const qsizetype groupsBefore = GroupStore(*f.direct).list(0, 100, false)->size();
        auto *resource = dialog->findChild<QComboBox *>(u"resourceComboBox"_s);
        for (int index = 1; index < sample->count(); ++index) {
            sample->setCurrentIndex(index);
            emit sample->activated(index);
            const bool group = sample->currentData().toInt() % 2 == 1;
            QCOMPARE(resource->currentIndex(), group ? 1 : 0);
            verdict->hide();
            run->click();
            QTRY_VERIFY_WITH_TIMEOUT(verdict->isVisible() && !verdict->text().contains(u"Running"_s), 5000);
            QVERIFY2(verdict->text().contains(u"201"_s), qPrintable(sample->currentText() + u": "_s + verdict->text()));
            QVERIFY(result->toPlainText().contains(group ? u"\"displayName\""_s : u"\"userName\""_s));
        }
        QCOMPARE(AccountStore(*f.direct).count().value(), 0);
        QCOMPARE(GroupStore(*f.direct).list(0, 100, false)->size(), groupsBefore);
        dialog->close();
    }

    void suspend_isOneActionAndShown() // issue 11 item 10: the emergency stop
    {
        Fixture f;
        QVERIFY(f.open());
        const QString app = ApplicationStore(*f.direct).create(u"Okta"_s, AppKind::Standard)->id;
        f.show();
        QVERIFY(f.select(app));
        auto *suspend = f.find<QPushButton>(u"suspendButton"_s);
        auto *banner = f.find<QWidget>(u"suspendedBanner"_s);
        QVERIFY(suspend->isVisible());
        QVERIFY(!suspend->accessibleName().isEmpty());
        QVERIFY(!banner->isVisible());

        MessageBox::setNextAnswer(QMessageBox::Cancel);
        suspend->click();
        QVERIFY(!ApplicationStore(*f.direct).get(app)->isSuspended());

        QSignalSpy loaded(f.panel(), &ApplicationPanel::loaded);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        suspend->click();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 5000);
        QVERIFY(ApplicationStore(*f.direct).get(app)->isSuspended());
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(suspend->accessibleName(), u"Resume the application's SCIM calls"_s);
        const QList<SyncEvent> logged = SyncLogStore(*f.direct).recent(5, app).value();
        QVERIFY(!logged.isEmpty());
        QCOMPARE(logged.first().method, u"SUSPEND"_s);
        QVERIFY(logged.first().detail.contains(u"the console"_s));

        // Resuming asks nothing: it only gives back what was there.
        const qsizetype seenLoads = loaded.size();
        suspend->click();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        QVERIFY(!ApplicationStore(*f.direct).get(app)->isSuspended());
        QTRY_VERIFY(!banner->isVisible());
    }

    void rename_andDelete()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString app = ApplicationStore(*f.direct).create(u"Old"_s, AppKind::Standard)->id;
        QVERIFY(ApplicationStore(*f.direct).create(u"Other"_s, AppKind::Standard));
        f.show();
        QVERIFY(f.select(app));
        auto *name = f.find<QLineEdit>(u"applicationNameLineEdit"_s);
        name->setText(QString(200, u'x'));
        QSignalSpy loaded(f.panel(), &ApplicationPanel::loaded);
        qsizetype seenLoads = 0; // loads so far: each change is followed by one more
        f.find<QPushButton>(u"renameButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QVERIFY2(f.panel()->messageText().contains(u"A-02"_s), qPrintable(f.panel()->messageText()));
        f.find<QLineEdit>(u"applicationNameLineEdit"_s)->setText(u"New name"_s);
        f.find<QPushButton>(u"renameButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > seenLoads, 5000);
        seenLoads = loaded.size();
        QCOMPARE(ApplicationStore(*f.direct).get(app)->name, u"New name"_s);

        MessageBox::setNextAnswer(QMessageBox::Cancel);
        f.find<QPushButton>(u"deleteApplicationButton"_s)->click();
        QVERIFY(ApplicationStore(*f.direct).get(app));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy deleted(f.panel(), &ApplicationPanel::deleted);
        f.find<QPushButton>(u"deleteApplicationButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 5000);
        QCOMPARE(ApplicationStore(*f.direct).get(app).error().code, ErrorCode::NotFound);
        QTRY_COMPARE(f.page->model()->rowCount(), 1);
    }

    void tokenState_marksOneExpiringWithinFourteenDays()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        BearerToken soon;
        soon.enabled = true;
        soon.expires = now.addDays(5);
        BearerToken later = soon;
        later.expires = now.addDays(200);
        QVERIFY(ApplicationListModel::tokenSummary({soon}, now).expiringSoon);
        QVERIFY(!ApplicationListModel::tokenSummary({soon, later}, now).warning); // the later one carries on
        BearerToken disabled = later;
        disabled.enabled = false;
        QCOMPARE(ApplicationListModel::tokenSummary({disabled}, now).text, u"None usable"_s);
    }
};

QTEST_MAIN(tst_ApplicationsPage)
#include "tst_ApplicationsPage.moc"
