// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/AppRegistration.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_AppRegistration : public QObject
{
    Q_OBJECT

private slots:
    void kinds_standardOrCustomOnly()
    {
        QCOMPARE(AppRegistration::kindFromName(u"standard"_s).value(), AppKind::Standard);
        QCOMPARE(AppRegistration::kindFromName(u"custom"_s).value(), AppKind::Custom);
        QVERIFY(!AppRegistration::kindFromName(u"saml"_s));
        QCOMPARE(AppRegistration::kindName(AppKind::Custom), u"custom"_s);
    }

    void name_isEditableAndBounded()
    {
        QCOMPARE(AppRegistration::validateName(u"  Entra ID  "_s).value(), u"Entra ID"_s);
        QVERIFY(!AppRegistration::validateName(QString()));
        QVERIFY(AppRegistration::validateName(QString(128, u'x')));
        QVERIFY(!AppRegistration::validateName(QString(129, u'x')));
    }

    void permission_offUntilGranted()
    {
        const AppRegistration app;
        QVERIFY(!app.permission.isEnabled());
        QVERIFY(ScimPermission::all().isAll());
        QVERIFY((ScimPermission{true, false, false, false}).isEnabled());
    }

    void policies_defaultsAndNames() // I-01, U-11
    {
        const AppRegistration app;
        QCOMPARE(app.onDuplicate, DuplicatePolicy::Update);
        QCOMPARE(app.unsupportedTypes, UnsupportedTypePolicy::Reject);
        QCOMPARE(AppRegistration::duplicatePolicyFromName(u"reject"_s).value(), DuplicatePolicy::Reject);
        QVERIFY(!AppRegistration::duplicatePolicyFromName(u"merge"_s));
        QCOMPARE(AppRegistration::unsupportedTypePolicyFromName(u"ignore"_s).value(), UnsupportedTypePolicy::Ignore);
        QVERIFY(!AppRegistration::unsupportedTypePolicyFromName(u"drop"_s));
    }
};

QTEST_GUILESS_MAIN(tst_AppRegistration)
#include "tst_AppRegistration.moc"
