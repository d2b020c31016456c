// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/DirectoryPage.h"

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "tests/support/StoreDrain.h"
#include "tests/support/DialogDriver.h"
#include "tests/support/TestDatabase.h"
#include "ui/MessageBox.h"
#include "ui/dialogs/ExtensionFieldDialog.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/models/AccountPageModel.h"
#include "ui/pages/ExtensionFieldsView.h"
#include "ui/pages/GroupsView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

/// The Directory page: 100,000 accounts without reading them all, the organization tree's rules, groups and
/// extension fields.
class tst_DirectoryPage : public QObject
{
    Q_OBJECT

    static constexpr int ManyAccounts = 100000;

    /// 100,000 accounts in one statement (the repositories would take minutes): even ones in `evenOrg`, odd ones
    /// in `oddOrg`, every tenth disabled.
    static bool insertMany(Database &db, const QString &evenOrg, const QString &oddOrg)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto inserted =
            db.exec(u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %1)"
                    " INSERT INTO accounts (id, user_name, user_name_key, display_name, email, active, org_id, created,"
                    " modified, version)"
                    " SELECT printf('acc-%06d', i), printf('user%06d', i), printf('user%06d', i), printf('User %d', i),"
                    " printf('user%06d@example.com', i), CASE WHEN i % 10 = 0 THEN 0 ELSE 1 END,"
                    " CASE WHEN i % 2 = 0 THEN ? ELSE ? END, ? + i, ? + i, 1 FROM n"_s.arg(ManyAccounts - 1),
                    {evenOrg, oddOrg, now, now});
        if (!inserted)
            qWarning() << inserted.error().detail;
        return bool(inserted);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void accounts_100k_pagedOnDemand()
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        if (TestDatabase::backendUnderTest() != Backend::Sqlite)
            QSKIP("the bulk insert is SQLite SQL; the paging itself is backend-neutral");
        auto direct = db.open();
        OrganizationStore orgs(*direct);
        const QString even = orgs.create(u"Even"_s)->id;
        const QString odd = orgs.create(u"Odd"_s)->id;
        QVERIFY(insertMany(*direct, even, odd));

        AsyncStore store(db.location());
        DirectoryPage page(store);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        page.resize(1200, 800);
        page.show();
        QAbstractItemModelTester tester(page.accountModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(page.accountModel(), &AccountPageModel::counted);
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(page.accountModel()->rowCount(), ManyAccounts, 10000);
        auto *view = page.findChild<QTableView *>(u"accountView"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page.accountModel()->accountAt(0).has_value(), 5000);
        QCOMPARE(page.accountModel()->accountAt(0)->userName, u"user000000"_s);
        // Only what the view showed was read.
        QVERIFY2(page.accountModel()->fetchedPages() <= 2,
                 qPrintable(QString::number(page.accountModel()->fetchedPages())));

        // Jump to the end: the last page arrives, not everything before it.
        view->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(page.accountModel()->accountAt(ManyAccounts - 1).has_value(), 5000);
        QCOMPARE(page.accountModel()->accountAt(ManyAccounts - 1)->userName, u"user099999"_s);
        QVERIFY(page.accountModel()->fetchedPages() <= 4);
        QVERIFY(page.accountModel()->cachedPages() <= AccountPageModel::MaxCachedPages);
        QVERIFY(!page.accountModel()->accountAt(ManyAccounts / 2).has_value());

        // Search, status and organization filters run in the store.
        QTest::keyClicks(page.findChild<QLineEdit *>(u"accountSearchLineEdit"_s), u"user04242"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page.accountModel()->rowCount(), 10, 5000); // user042420 … user042429
        page.findChild<QLineEdit *>(u"accountSearchLineEdit"_s)->clear();
        QTRY_COMPARE_WITH_TIMEOUT(page.accountModel()->rowCount(), ManyAccounts, 5000);
        auto *status = page.findChild<QComboBox *>(u"statusFilterComboBox"_s);
        status->setCurrentIndex(status->findData(2)); // disabled
        QTRY_COMPARE_WITH_TIMEOUT(page.accountModel()->rowCount(), ManyAccounts / 10, 5000);
        status->setCurrentIndex(0);
        auto *tree = page.organizationTree();
        tree->setCurrentItem(tree->findItems(u"Odd"_s, Qt::MatchRecursive).first());
        QTRY_COMPARE_WITH_TIMEOUT(page.accountModel()->rowCount(), ManyAccounts / 2, 5000);
        QVERIFY(page.findChild<QLabel *>(u"accountCountLabel"_s)->text().contains(u"50,000"_s)
                || page.findChild<QLabel *>(u"accountCountLabel"_s)->text().contains(u"50000"_s));

        // The details pane shows the selected account.
        QTRY_VERIFY_WITH_TIMEOUT(page.accountModel()->accountAt(0).has_value(), 5000);
        view->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.findChild<QTextBrowser *>(u"accountDetails"_s)->toPlainText().contains(u"user000001"_s), 5000);
    }

    void disableAndDeleteAccount()
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        auto direct = db.open();
        Account a;
        a.userName = u"ana"_s;
        const QString id = AccountStore(*direct).create(a)->id;
        AsyncStore store(db.location());
        DirectoryPage page(store);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        page.show();
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(page.accountModel()->accountAt(0).has_value(), 5000);
        auto *view = page.findChild<QTableView *>(u"accountView"_s);
        view->selectRow(0);
        page.findChild<QPushButton *>(u"disableAccountButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!AccountStore(*direct).get(id)->active, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(page.accountModel()->accountAt(0).has_value(), 5000);
        view->selectRow(0);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QPushButton *>(u"deleteAccountButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!AccountStore(*direct).get(id).has_value(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page.accountModel()->rowCount(), 0, 5000);
    }

    void organizations_createRenameMoveDelete_withReasons()
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        auto direct = db.open();
        OrganizationStore orgs(*direct);
        const QString sales = orgs.create(u"Sales"_s)->id;
        Account a;
        a.userName = u"ana"_s;
        a.orgId = sales;
        QVERIFY(AccountStore(*direct).create(a));
        AsyncStore store(db.location());
        DirectoryPage page(store);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        page.show();
        QSignalSpy refreshed(&page, &DirectoryPage::refreshed);
        qsizetype seen = 0; // refreshes counted so far: each change is followed by one more
        page.refresh();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(page.messageText()), 5000);
        seen = refreshed.size();
        QTreeWidget *tree = page.organizationTree();
        const auto select = [tree](const QString &name) {
            tree->setCurrentItem(tree->findItems(name, Qt::MatchRecursive | Qt::MatchExactly).value(0));
            return tree->currentItem() != nullptr;
        };

        // Create under the selected node.
        QVERIFY(select(u"Sales"_s));
        whenDialogOpens<NameDialog>([](NameDialog *d) {
            d->findChild<QLineEdit *>(u"nameLineEdit"_s)->setText(u"EMEA"_s);
            d->accept();
        });
        page.findChild<QToolButton *>(u"newOrganizationButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(page.messageText()), 5000);
        seen = refreshed.size();
        QCOMPARE(orgs.tree()->path(
                     tree->findItems(u"EMEA"_s, Qt::MatchRecursive).value(0)->data(0, Qt::UserRole).toString()),
                 u"Directory / Sales / EMEA"_s);

        // Delete refused while it holds accounts or children, with the reason inline.
        QVERIFY(select(u"Sales"_s));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QToolButton *>(u"deleteOrganizationButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.messageText().contains(u"below it"_s), 5000);

        // Rename, then move EMEA to the root.
        QVERIFY(select(u"EMEA"_s));
        whenDialogOpens<NameDialog>([](NameDialog *d) {
            d->findChild<QLineEdit *>(u"nameLineEdit"_s)->setText(u"Europe"_s);
            d->accept();
        });
        page.findChild<QToolButton *>(u"renameOrganizationButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(page.messageText()), 5000);
        seen = refreshed.size();
        QVERIFY(select(u"Europe"_s));
        whenDialogOpens<NameDialog>([&](NameDialog *d) {
            auto *parent = d->findChild<QComboBox *>(u"choiceComboBox"_s);
            QCOMPARE(parent->findText(u"Directory / Sales / Europe"_s), -1); // not into itself
            parent->setCurrentIndex(parent->findData(orgs.rootId().value()));
            d->accept();
        });
        page.findChild<QToolButton *>(u"moveOrganizationButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(page.messageText()), 5000);
        seen = refreshed.size();
        QVERIFY(select(u"Europe"_s));
        QCOMPARE(tree->currentItem()->parent(), tree->topLevelItem(0));

        // Europe is empty now: it can go.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QToolButton *>(u"deleteOrganizationButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(page.messageText()), 5000);
        seen = refreshed.size();
        QVERIFY(tree->findItems(u"Europe"_s, Qt::MatchRecursive).isEmpty());
        QVERIFY(select(u"Sales"_s));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        page.findChild<QToolButton *>(u"deleteOrganizationButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.messageText().contains(u"1 account"_s), 5000);
    }

    void groups_createRenameDelete()
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        auto direct = db.open();
        AsyncStore store(db.location());
        GroupsView view(store);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        view.show();
        QSignalSpy refreshed(&view, &GroupsView::refreshed);
        qsizetype seen = 0;
        view.refresh();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(view.messageText()), 5000);
        seen = refreshed.size();
        whenDialogOpens<NameDialog>([](NameDialog *d) {
            d->findChild<QLineEdit *>(u"nameLineEdit"_s)->setText(u"Admins"_s);
            d->accept();
        });
        view.findChild<QPushButton *>(u"newGroupButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(view.messageText()), 5000);
        seen = refreshed.size();
        QCOMPARE(view.table()->rowCount(), 1);
        const QString id = GroupStore(*direct).list(0, 10, false)->first().id;
        view.table()->setCurrentCell(0, 0);
        whenDialogOpens<NameDialog>([](NameDialog *d) {
            d->findChild<QLineEdit *>(u"nameLineEdit"_s)->setText(u"Administrators"_s);
            d->accept();
        });
        view.findChild<QPushButton *>(u"renameGroupButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(view.messageText()), 5000);
        seen = refreshed.size();
        QCOMPARE(GroupStore(*direct).get(id)->displayName, u"Administrators"_s);
        view.table()->setCurrentCell(0, 0);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        view.findChild<QPushButton *>(u"deleteGroupButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(view.messageText()), 5000);
        seen = refreshed.size();
        QCOMPARE(view.table()->rowCount(), 0);
    }

    void extensionFields_rules() // M-03, M-04
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        auto direct = db.open();
        AsyncStore store(db.location());
        ExtensionFieldsView view(store);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        view.show();
        QSignalSpy refreshed(&view, &ExtensionFieldsView::refreshed);
        qsizetype seen = 0;
        view.refresh();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(view.messageText()), 5000);
        seen = refreshed.size();

        whenDialogOpens<ExtensionFieldDialog>([](ExtensionFieldDialog *d) {
            d->findChild<QLineEdit *>(u"fieldNameLineEdit"_s)->setText(u"Cost Center"_s);
            d->accept(); // refused in the dialog (M-04)
            QVERIFY(d->isVisible());
            QVERIFY(d->findChild<QLabel *>(u"inlineMessageText"_s)->text().contains(u"M-04"_s));
            d->findChild<QLineEdit *>(u"fieldNameLineEdit"_s)->setText(u"cost_center"_s);
            d->findChild<QLineEdit *>(u"displayNameLineEdit"_s)->setText(u"Cost center"_s);
            d->accept();
        });
        view.findChild<QPushButton *>(u"newFieldButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(view.messageText()), 5000);
        seen = refreshed.size();
        QCOMPARE(ExtensionFieldStore(*direct).get(u"cost_center"_s)->displayName, u"Cost center"_s);

        view.table()->setCurrentCell(0, 0);
        whenDialogOpens<ExtensionFieldDialog>([](ExtensionFieldDialog *d) {
            QVERIFY(d->findChild<QLineEdit *>(u"fieldNameLineEdit"_s)->isReadOnly());
            d->findChild<QLineEdit *>(u"displayNameLineEdit"_s)->setText(u"Cost centre"_s);
            d->accept();
        });
        view.findChild<QPushButton *>(u"editFieldButton"_s)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(refreshed.size() > seen, qPrintable(view.messageText()), 5000);
        seen = refreshed.size();
        QCOMPARE(ExtensionFieldStore(*direct).get(u"cost_center"_s)->displayName, u"Cost centre"_s);

        // M-03: mapped by an application, the field stays, and the message names the application.
        ApplicationStore apps(*direct);
        const QString app = apps.create(u"Okta"_s, AppKind::Standard)->id;
        QVERIFY(
            apps.setMapping(app, u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s, {u"cost_center"_s}));
        view.table()->setCurrentCell(0, 0);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        view.findChild<QPushButton *>(u"deleteFieldButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(view.messageText().contains(u"Okta"_s), 5000);
        QVERIFY(ExtensionFieldStore(*direct).get(u"cost_center"_s));
    }
};

QTEST_MAIN(tst_DirectoryPage)
#include "tst_DirectoryPage.moc"
