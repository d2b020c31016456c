// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/FieldMapping.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_FieldMapping : public QObject
{
    Q_OBJECT

private:
    const QList<ExtensionField> defined{{u"cost_center"_s, FieldType::String, u"Cost center"_s, {}},
                                        {u"badge"_s, FieldType::Number, u"Badge"_s, {}}};

private slots:
    void presets() // M-02
    {
        QCOMPARE(FieldMapping::oktaNamespace(), u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s);
        QCOMPARE(FieldMapping::entraNamespace(u"Contoso"_s).value(),
                 u"urn:ietf:params:scim:schemas:extension:Contoso:2.0:User"_s);
        QVERIFY(!FieldMapping::entraNamespace(u"has space"_s));
        QVERIFY(!FieldMapping::entraNamespace(QString()));
        QVERIFY(FieldMapping::validateNamespace(FieldMapping::oktaNamespace()));
        QVERIFY(FieldMapping::validateNamespace(FieldMapping::entraNamespace(u"Contoso"_s).value()));
    }

    void validateNamespace_data()
    {
        QTest::addColumn<QString>("urn");
        QTest::addColumn<bool>("valid");
        QTest::newRow("M-02 custom extension") << u"urn:ietf:params:scim:schemas:extension:acme:2.0:User"_s << true;
        QTest::newRow("M-02 other NID") << u"urn:acme:scim:user"_s << true;
        QTest::newRow("M-02 not a URN") << u"customfield"_s << false;
        QTest::newRow("M-02 http URL") << u"https://example.com/schema"_s << false;
        QTest::newRow("M-02 empty NSS") << u"urn:ietf:"_s << false;
        QTest::newRow("M-02 space") << u"urn:ietf:params:my schema"_s << false;
        QTest::newRow("M-02 core User is basic fields") << u"urn:ietf:params:scim:schemas:core:2.0:User"_s << false;
        QTest::newRow("M-02 enterprise is basic fields")
            << u"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"_s << false;
    }

    void validateNamespace()
    {
        QFETCH(QString, urn);
        QFETCH(bool, valid);
        QCOMPARE(bool(FieldMapping::validateNamespace(urn)), valid);
    }

    void make_onlyDefinedExtensionFields() // M-03
    {
        const auto mapping = FieldMapping::make(FieldMapping::oktaNamespace(), {u"cost_center"_s}, defined);
        QVERIFY(mapping);
        QCOMPARE(mapping->fields, QStringList{u"cost_center"_s});

        const auto undefined = FieldMapping::make(FieldMapping::oktaNamespace(), {u"title"_s}, defined);
        QVERIFY(!undefined);
        QCOMPARE(undefined.error().code, ErrorCode::NotFound);

        const auto twice = FieldMapping::make(FieldMapping::oktaNamespace(), {u"badge"_s, u"badge"_s}, defined);
        QVERIFY(!twice);

        QVERIFY(!FieldMapping::make(u"nope"_s, {u"badge"_s}, defined));
    }

    void maps_chosenFieldsOnly() // M-03
    {
        const auto mapping = FieldMapping::make(FieldMapping::oktaNamespace(), {u"cost_center"_s}, defined).value();
        QVERIFY(mapping.maps(u"cost_center"_s));
        QVERIFY2(mapping.maps(u"Cost_Center"_s), "SCIM attribute names are case-insensitive");
        QCOMPARE(mapping.fieldFor(u"COST_CENTER"_s), u"cost_center"_s);
        QVERIFY2(!mapping.maps(u"badge"_s), "a defined field that is not chosen is ignored");
    }
};

QTEST_GUILESS_MAIN(tst_FieldMapping)
#include "tst_FieldMapping.moc"
