// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ApplicationStore.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_ApplicationStore : public QObject
{
    Q_OBJECT

private slots:
    void create_startsWithoutPermissionAndWithDefaults() // I-01, U-11
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        const auto app = apps.create(u"  Entra ID "_s, AppKind::Custom);
        QVERIFY(app);
        QCOMPARE(app->name, u"Entra ID"_s);
        const auto stored = apps.get(app->id);
        QVERIFY(stored);
        QCOMPARE(stored->kind, AppKind::Custom);
        QVERIFY(!stored->permission.isEnabled());
        QCOMPARE(stored->onDuplicate, DuplicatePolicy::Update);
        QCOMPARE(stored->unsupportedTypes, UnsupportedTypePolicy::Reject);
        QVERIFY(!apps.create(QString(), AppKind::Standard));
        QCOMPARE(apps.list()->size(), 1);
    }

    void rename_permission_policies() // I-01, U-11
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        const QString id = apps.create(u"Okta"_s, AppKind::Standard)->id;
        QCOMPARE(apps.rename(id, u"Okta prod"_s)->name, u"Okta prod"_s);
        QVERIFY(apps.setPermission(id, ScimPermission::all())->permission.isAll());
        const auto reject = apps.setPolicies(id, DuplicatePolicy::Reject, std::nullopt);
        QCOMPARE(reject->onDuplicate, DuplicatePolicy::Reject);
        QCOMPARE(reject->unsupportedTypes, UnsupportedTypePolicy::Reject);
        const auto ignore = apps.setPolicies(id, std::nullopt, UnsupportedTypePolicy::Ignore);
        QCOMPARE(ignore->onDuplicate, DuplicatePolicy::Reject);
        QCOMPARE(ignore->unsupportedTypes, UnsupportedTypePolicy::Ignore);
        QCOMPARE(apps.rename(u"missing"_s, u"x"_s).error().code, ErrorCode::NotFound);
    }

    void everyConfigurationWrite_bumpsTheVersion()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        qint64 version = database->configVersion().value();
        const QString id = apps.create(u"A"_s, AppKind::Standard)->id;
        QVERIFY(database->configVersion().value() > version);
        version = database->configVersion().value();
        QVERIFY(apps.setPermission(id, ScimPermission::all()));
        QVERIFY(database->configVersion().value() > version);
    }

    void syncTarget_insideScopeOnly() // S-03, S-04, S-06
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        OrganizationStore orgs(*database);
        const QString sales = orgs.create(u"Sales"_s)->id;
        const QString emea = orgs.create(u"EMEA"_s, sales)->id;
        const QString eng = orgs.create(u"Engineering"_s)->id;
        const QString id = apps.create(u"A"_s, AppKind::Standard)->id;

        QVERIFY2(!apps.setSyncTarget(id, sales), "an empty scope holds no target");
        SyncScope scope;
        scope.organizationIds = {sales};
        QVERIFY(apps.setScope(id, scope));
        QCOMPARE(apps.setSyncTarget(id, emea)->syncTargetOrgId, emea);
        const auto outside = apps.setSyncTarget(id, eng);
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, ErrorCode::InvalidInput);
        QCOMPARE(apps.get(id)->syncTargetOrgId, emea);
        QCOMPARE(apps.setSyncTarget(id, u"ghost"_s).error().code, ErrorCode::NotFound);
        QVERIFY(apps.setSyncTarget(id, QString())->syncTargetOrgId.isEmpty());
    }

    void setScope_keepsTheTargetInside() // S-01, S-04
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        OrganizationStore orgs(*database);
        const QString sales = orgs.create(u"Sales"_s)->id;
        const QString eng = orgs.create(u"Engineering"_s)->id;
        const QString id = apps.create(u"A"_s, AppKind::Standard)->id;
        SyncScope scope;
        scope.organizationIds = {sales, eng};
        QVERIFY(apps.setScope(id, scope));
        QVERIFY(apps.setSyncTarget(id, sales));

        SyncScope narrower;
        narrower.organizationIds = {eng};
        const Status refused = apps.setScope(id, narrower);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(apps.scope(id)->organizationIds.size(), 2);
    }

    void setScope_storesOrganizationsAndGroups() // S-01
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        const QString sales = OrganizationStore(*database).create(u"Sales"_s)->id;
        Group admins;
        admins.displayName = u"Admins"_s;
        const QString group = GroupStore(*database).create(admins)->id;
        const QString id = apps.create(u"A"_s, AppKind::Standard)->id;

        SyncScope scope;
        scope.organizationIds = {sales};
        scope.groupIds = {group};
        QVERIFY(apps.setScope(id, scope));
        const auto stored = apps.scope(id);
        QCOMPARE(stored->organizationIds, QStringList{sales});
        QCOMPARE(stored->groupIds, QStringList{group});

        scope.groupIds = {u"ghost"_s};
        QCOMPARE(apps.setScope(id, scope).error().code, ErrorCode::NotFound);
        QCOMPARE(apps.scope(id)->groupIds, QStringList{group});
    }

    void mapping_namespaceAndDefinedFields() // M-02, M-03
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        ExtensionFieldStore fields(*database);
        QVERIFY(fields.create(u"cost_center"_s, FieldType::String));
        QVERIFY(fields.create(u"badge"_s, FieldType::Number));
        const QString id = apps.create(u"A"_s, AppKind::Standard)->id;
        const QString urn = u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s;

        const auto mapped = apps.setMapping(id, urn, {u"badge"_s, u"cost_center"_s});
        QVERIFY(mapped);
        QCOMPARE(apps.get(id)->namespaceUrn, urn);
        QCOMPARE(apps.get(id)->mappedFields, (QStringList{u"badge"_s, u"cost_center"_s}));

        QCOMPARE(apps.setMapping(id, urn, {u"title"_s}).error().code, ErrorCode::NotFound);
        QVERIFY(!apps.setMapping(id, u"not-a-urn"_s, {}));
        QVERIFY(!apps.setMapping(id, QString(), {u"badge"_s}));
        QCOMPARE(apps.get(id)->mappedFields.size(), 2);

        QVERIFY(apps.setMapping(id, QString(), {}));
        QVERIFY(apps.get(id)->namespaceUrn.isEmpty());
        QVERIFY(apps.get(id)->mappedFields.isEmpty());
    }

    void remove_deletesConfiguration()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        ApplicationStore apps(*database);
        const QString id = apps.create(u"A"_s, AppKind::Standard)->id;
        SyncScope scope;
        scope.organizationIds = {OrganizationStore(*database).rootId().value()};
        QVERIFY(apps.setScope(id, scope));
        QVERIFY(apps.remove(id));
        QCOMPARE(apps.get(id).error().code, ErrorCode::NotFound);
        QCOMPARE(database->scalar(u"SELECT COUNT(*) FROM app_scope"_s)->toInt(), 0);
        QCOMPARE(apps.remove(id).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_ApplicationStore)
#include "tst_ApplicationStore.moc"
