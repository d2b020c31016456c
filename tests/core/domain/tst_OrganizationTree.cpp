// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/OrganizationTree.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_OrganizationTree : public QObject
{
    Q_OBJECT

private slots:
    void tree_knowsRootChildrenAndPaths()
    {
        const OrganizationTree tree({{u"r"_s, {}, u"Directory"_s, {}},
                                     {u"a"_s, u"r"_s, u"A"_s, {}},
                                     {u"b"_s, u"a"_s, u"B"_s, {}},
                                     {u"c"_s, u"r"_s, u"C"_s, {}}});
        QCOMPARE(tree.rootId(), u"r"_s);
        QCOMPARE(tree.children(u"r"_s).size(), 2);
        QCOMPARE(tree.path(u"b"_s), u"Directory / A / B"_s);
        QVERIFY(tree.isWithin(u"b"_s, u"r"_s));
        QVERIFY(tree.isWithin(u"b"_s, u"b"_s));
        QVERIFY(!tree.isWithin(u"c"_s, u"a"_s));
        QCOMPARE(tree.subtree(u"a"_s), (QSet<QString>{u"a"_s, u"b"_s}));
        QVERIFY(tree.subtree(u"missing"_s).isEmpty());
    }

    void corruptCycle_doesNotHang()
    {
        const OrganizationTree tree({{u"x"_s, u"y"_s, u"X"_s, {}}, {u"y"_s, u"x"_s, u"Y"_s, {}}});
        QVERIFY(!tree.isWithin(u"x"_s, u"z"_s));
        QCOMPARE(tree.subtree(u"x"_s).size(), 2);
        QVERIFY(!tree.path(u"x"_s).isEmpty());
    }

    void organizationName_isValidated()
    {
        QCOMPARE(Organization::validateName(u"  Sales  "_s).value(), u"Sales"_s);
        QVERIFY(!Organization::validateName(u"   "_s));
        QVERIFY(!Organization::validateName(QString(129, u'x')));
    }
};

QTEST_GUILESS_MAIN(tst_OrganizationTree)
#include "tst_OrganizationTree.moc"
