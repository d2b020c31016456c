// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/ExtensionField.h"

#include <QJsonObject>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_ExtensionField : public QObject
{
    Q_OBJECT

private slots:
    void validateName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("M-04 letters") << u"department"_s << true;
        QTest::newRow("M-04 underscore inside") << u"cost_center"_s << true;
        QTest::newRow("M-04 trailing underscore") << u"cost_"_s << true;
        QTest::newRow("M-04 40 characters") << QString(40, u'a') << true;
        QTest::newRow("M-04 41 characters") << QString(41, u'a') << false;
        QTest::newRow("M-04 leading underscore") << u"_hidden"_s << false;
        QTest::newRow("M-04 uppercase") << u"Department"_s << false;
        QTest::newRow("M-04 digit") << u"level2"_s << false;
        QTest::newRow("M-04 dash") << u"cost-center"_s << false;
        QTest::newRow("M-04 empty") << QString() << false;
    }

    void validateName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(bool(ExtensionField::validateName(name)), valid);
    }

    void types_roundTrip() // M-04
    {
        for (FieldType type : {FieldType::String, FieldType::Number, FieldType::Boolean})
            QCOMPARE(ExtensionField::typeFromName(ExtensionField::typeName(type)).value(), type);
        QVERIFY(!ExtensionField::typeFromName(u"date"_s));
    }

    void coerce_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QJsonValue>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QJsonValue>("stored");
        const int s = int(FieldType::String), n = int(FieldType::Number), b = int(FieldType::Boolean);
        QTest::newRow("M-04 string") << s << QJsonValue(u"Sales"_s) << true << QJsonValue(u"Sales"_s);
        QTest::newRow("M-04 number as string field") << s << QJsonValue(42) << true << QJsonValue(u"42"_s);
        QTest::newRow("M-04 object is no string") << s << QJsonValue(QJsonObject()) << false << QJsonValue();
        QTest::newRow("M-04 number") << n << QJsonValue(3.5) << true << QJsonValue(3.5);
        QTest::newRow("M-04 numeric string") << n << QJsonValue(u" 42 "_s) << true << QJsonValue(42);
        QTest::newRow("M-04 word is no number") << n << QJsonValue(u"many"_s) << false << QJsonValue();
        QTest::newRow("M-04 boolean") << b << QJsonValue(true) << true << QJsonValue(true);
        QTest::newRow("M-04 Entra \"False\"") << b << QJsonValue(u"False"_s) << true << QJsonValue(false);
        QTest::newRow("M-04 1 is no boolean") << b << QJsonValue(1) << false << QJsonValue();
    }

    void coerce()
    {
        QFETCH(int, type);
        QFETCH(QJsonValue, input);
        QFETCH(bool, valid);
        QFETCH(QJsonValue, stored);
        const ExtensionField field{u"f"_s, FieldType(type), u"F"_s, {}};
        const Result<QJsonValue> result = field.coerce(input);
        QCOMPARE(bool(result), valid);
        if (valid)
            QCOMPARE(result.value(), stored);
        else
            QVERIFY(result.error().message.contains(u"\"f\""_s));
    }
};

QTEST_GUILESS_MAIN(tst_ExtensionField)
#include "tst_ExtensionField.moc"
