// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/FieldMapping.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/StoreDrain.h"
#include "tests/support/TestDatabase.h"
#include "ui/dialogs/RotateTokenDialog.h"
#include "ui/dialogs/SyncScopeDialog.h"
#include "ui/pages/MappingEditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

/// The dialogs of an application's page: sync scope, token rotation, namespace mapping.
class tst_ApplicationDialogs : public QObject
{
    Q_OBJECT

    static QTreeWidgetItem *findOrg(QTreeWidget *tree, const QString &id)
    {
        QList<QTreeWidgetItem *> pending{tree->invisibleRootItem()};
        while (!pending.isEmpty()) {
            QTreeWidgetItem *item = pending.takeLast();
            if (item->data(0, Qt::UserRole).toString() == id)
                return item;
            for (int i = 0; i < item->childCount(); ++i)
                pending.append(item->child(i));
        }
        return nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void syncScope_countsBeforeSaving_andWarnsAboutTheTarget() // S-01, S-04, S-05, S-06
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        auto direct = db.open();
        OrganizationStore orgs(*direct);
        const QString sales = orgs.create(u"Sales"_s)->id;
        const QString emea = orgs.create(u"EMEA"_s, sales)->id;
        const QString finance = orgs.create(u"Finance"_s)->id;
        AccountStore accounts(*direct);
        QStringList financeAccounts;
        for (int i = 0; i < 5; ++i) {
            Account a;
            a.userName = u"user%1"_s.arg(i);
            a.orgId = i < 3 ? emea : finance; // 3 in Sales/EMEA, 2 in Finance
            const QString id = accounts.create(a)->id;
            if (i >= 3)
                financeAccounts << id;
        }
        Group admins;
        admins.displayName = u"Admins"_s;
        admins.memberIds = {financeAccounts.first()};
        const Group group = GroupStore(*direct).create(admins).value();

        AsyncStore store(db.location());
        SyncScopeDialog dialog(store, orgs.tree().value(), {group}, SyncScope{{sales}, {}}, emea);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        dialog.show();
        auto *coverage = dialog.findChild<QLabel *>(u"coverageLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(coverage->text().contains(u"<b>3 account"_s), 5000);
        auto *tree = dialog.findChild<QTreeWidget *>(u"organizationTree"_s);
        // S-06: EMEA is covered through Sales, shown checked and not separately choosable.
        QCOMPARE(findOrg(tree, emea)->checkState(0), Qt::Checked);
        QVERIFY(!(findOrg(tree, emea)->flags() & Qt::ItemIsEnabled));

        // Adding the group adds its member from Finance (S-06).
        auto *groups = dialog.findChild<QListWidget *>(u"groupList"_s);
        groups->item(0)->setCheckState(Qt::Checked);
        QTRY_VERIFY_WITH_TIMEOUT(coverage->text().contains(u"<b>4 account"_s), 5000);
        QVERIFY(coverage->text().contains(u"<b>1 group"_s));
        QVERIFY(!dialog.clearsSyncTarget());

        // S-04: dropping Sales leaves the target outside: the dialog says so, and saving clears the target.
        findOrg(tree, sales)->setCheckState(0, Qt::Unchecked);
        QVERIFY(dialog.clearsSyncTarget());
        QVERIFY(findOrg(tree, emea)->flags() & Qt::ItemIsEnabled);
        QCOMPARE(findOrg(tree, emea)->checkState(0), Qt::Unchecked);
        QTRY_VERIFY_WITH_TIMEOUT(coverage->text().contains(u"<b>1 account"_s), 5000);
        findOrg(tree, finance)->setCheckState(0, Qt::Checked);
        QTRY_VERIFY_WITH_TIMEOUT(coverage->text().contains(u"<b>2 account"_s), 5000);
        const SyncScope chosen = dialog.scope();
        QCOMPARE(chosen.organizationIds, QStringList{finance});
        QCOMPARE(chosen.groupIds, QStringList{group.id});

        // Only the topmost checked node is stored.
        findOrg(tree, sales)->setCheckState(0, Qt::Checked);
        QCOMPARE(dialog.scope().organizationIds.size(), 2);
        QVERIFY(!dialog.scope().organizationIds.contains(emea));
    }

    void rotation_guidesThroughTheFourSteps() // T-06
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        auto direct = db.open();
        const QString app = ApplicationStore(*direct).create(u"Entra"_s, AppKind::Standard)->id;
        TokenStore tokens(*direct);
        const QString old = tokens.issue(app, 30)->token.id;

        AsyncStore store(db.location());
        RotateTokenDialog dialog(store, app);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        dialog.show();
        auto *create = dialog.findChild<QPushButton *>(u"createNewTokenButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 5000);
        QCOMPARE(dialog.oldTokenId(), old);
        create->click();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), RotateTokenDialog::Reveal, 5000);
        const QString secret = dialog.revealedSecret();
        const auto fresh = tokens.authenticate(secret);
        QVERIFY(fresh);
        QCOMPARE(fresh->id, dialog.newTokenId());

        dialog.findChild<QPushButton *>(u"nextButton"_s)->click();
        QCOMPARE(dialog.step(), RotateTokenDialog::WaitForClient);
        auto *status = dialog.findChild<QLabel *>(u"waitStatusLabel"_s);
        QTRY_VERIFY(status->text().contains(u"Waiting"_s));
        // The client calls with the new token: the sync log records it, and the dialog notices.
        SyncEvent call;
        call.at = QDateTime::currentDateTimeUtc();
        call.appId = app;
        call.tokenPrefix = fresh->prefix;
        call.status = 200;
        QVERIFY(SyncLogStore(*direct).append({call}));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"now uses the new token"_s), 10000);

        dialog.findChild<QPushButton *>(u"nextButton"_s)->click();
        QCOMPARE(dialog.step(), RotateTokenDialog::Retire);
        dialog.findChild<QPushButton *>(u"retireButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(tokens.list(app)->size(), 1, 5000);
        QCOMPARE(tokens.list(app)->first().id, dialog.newTokenId());
        QVERIFY(dialog.messageText().isEmpty());
    }

    void rotation_withTwoTokens_explainsTheLimit() // T-02
    {
        TestDatabase db;
        QVERIFY(db.setupError().isEmpty());
        auto direct = db.open();
        const QString app = ApplicationStore(*direct).create(u"Entra"_s, AppKind::Standard)->id;
        QVERIFY(TokenStore(*direct).issue(app, 30));
        QVERIFY(TokenStore(*direct).issue(app, 60));
        AsyncStore store(db.location());
        RotateTokenDialog dialog(store, app);
        const ScimConsole::Test::StoreDrain drainOnExit(store); // before the widgets go
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().contains(u"T-02"_s), 5000);
        QVERIFY(!dialog.findChild<QPushButton *>(u"createNewTokenButton"_s)->isEnabled());
    }

    void mapping_presetsAndValidation() // M-02, M-03
    {
        ExtensionField costCenter;
        costCenter.name = u"cost_center"_s;
        costCenter.displayName = u"Cost center"_s;
        ExtensionField badge = costCenter;
        badge.name = u"badge"_s;
        MappingEditor editor;
        editor.setMapping(QString(), {}, {costCenter, badge});
        editor.show();
        QSignalSpy saved(&editor, &MappingEditor::saveRequested);
        auto *preset = editor.findChild<QComboBox *>(u"namespacePresetComboBox"_s);
        auto *urn = editor.findChild<QLineEdit *>(u"namespaceLineEdit"_s);
        auto *extension = editor.findChild<QLineEdit *>(u"extensionNameLineEdit"_s);
        auto *fields = editor.findChild<QListWidget *>(u"targetFieldList"_s);
        auto *save = editor.findChild<QPushButton *>(u"saveMappingButton"_s);
        const auto choose = [preset](int index) {
            preset->setCurrentIndex(index);
            emit preset->activated(index);
        };

        choose(1); // Okta
        QCOMPARE(urn->text(), FieldMapping::oktaNamespace());
        QVERIFY(urn->isReadOnly());
        fields->item(0)->setCheckState(Qt::Checked); // cost_center
        save->click();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.last().at(0).toString(), FieldMapping::oktaNamespace());
        QCOMPARE(saved.last().at(1).toStringList(), QStringList{u"cost_center"_s});

        choose(2); // Entra ID: the URN follows the extension name
        QVERIFY(urn->text().isEmpty());
        QTest::keyClicks(extension, u"contoso"_s);
        QCOMPARE(urn->text(), u"urn:ietf:params:scim:schemas:extension:contoso:2.0:User"_s);
        extension->clear();
        QTest::keyClicks(extension, u"not valid"_s);
        QVERIFY(urn->text().isEmpty());
        save->click();
        QCOMPARE(saved.size(), 1); // refused, with the rule
        QVERIFY(editor.findChild<QLabel *>(u"inlineMessageText"_s)->text().contains(u"M-02"_s));

        choose(3); // Other: typed, and checked
        QVERIFY(!urn->isReadOnly());
        urn->setText(u"urn:ietf:params:scim:schemas:core:2.0:User"_s);
        save->click();
        QCOMPARE(saved.size(), 1); // a standard schema is not a custom namespace
        urn->setText(u"urn:example:hr:2.0:User"_s);
        save->click();
        QCOMPARE(saved.size(), 2);

        choose(0); // no custom fields: saving clears the mapping
        save->click();
        QCOMPARE(saved.size(), 3);
        QVERIFY(saved.last().at(0).toString().isEmpty());
        QVERIFY(saved.last().at(1).toStringList().isEmpty());
    }
};

QTEST_MAIN(tst_ApplicationDialogs)
#include "tst_ApplicationDialogs.moc"
