#include "core/store/OrganizationStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_OrganizationStore : public QObject
{
    Q_OBJECT

private slots:
    void root_existsFromTheStart()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const auto root = orgs.rootId();
        QVERIFY(root);
        QVERIFY(orgs.get(root.value())->isRoot());
        QCOMPARE(orgs.list()->size(), 1);
    }

    void create_underRootOrParent()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const auto sales = orgs.create(u"Sales"_s);
        QVERIFY(sales);
        QCOMPARE(sales->parentId, orgs.rootId().value());
        const auto emea = orgs.create(u"EMEA"_s, sales->id);
        QCOMPARE(emea->parentId, sales->id);
        const auto tree = orgs.tree();
        QCOMPARE(tree->path(emea->id), u"Directory / Sales / EMEA"_s);
        QCOMPARE(orgs.list()->first().id, orgs.rootId().value());
    }

    void siblingNames_uniqueIgnoringCase()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        OrganizationStore orgs(*database);
        const QString sales = orgs.create(u"Sales"_s)->id;
        QCOMPARE(orgs.create(u"sales"_s).error().code, ErrorCode::Conflict);
        QVERIFY2(orgs.create(u"Sales"_s, sales), "the same name under another parent is fine");
        QCOMPARE(orgs.create(u"X"_s, u"ghost"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(orgs.create(u" "_s).error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(tst_OrganizationStore)
#include "tst_OrganizationStore.moc"
