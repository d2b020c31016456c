// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

/// Issue 12: responses are written straight as bytes; they must be the JSON Qt would write for the same values.
class tst_JsonWriter : public QObject
{
    Q_OBJECT

private:
    /// Writes `value` with the writer, walking it as Qt does (object keys in Qt's order).
    static void write(const QJsonValue &value, JsonWriter &json)
    {
        if (value.isObject()) {
            json.beginObject();
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                json.key(it.key());
                write(it.value(), json);
            }
            json.endObject();
        } else if (value.isArray()) {
            json.beginArray();
            for (const QJsonValue &element : value.toArray())
                write(element, json);
            json.endArray();
        } else {
            json.any(value);
        }
    }

    static QString randomText(QRandomGenerator &random)
    {
        static const QList<char16_t> alphabet{u'a',  u'Z',  u'0',  u' ', u'"', u'\\', u'/', u'\n',  u'\t',
                                              u'\r', u'\b', u'\f', 0x01, 0x1f, 0x7f,  0xe9, 0x4e2d, 0xfffd};
        // Empty, never null: Qt 6.8.2's QJsonObject crashes on a null key beside a key outside Latin-1.
        QString text = QStringLiteral("");
        const int length = int(random.bounded(12));
        for (int i = 0; i < length; ++i) {
            if (random.bounded(10) == 0)
                text += QString::fromUcs4(U"\U0001F600"); // outside the BMP: a surrogate pair
            else
                text += QChar(alphabet.at(random.bounded(int(alphabet.size()))));
        }
        return text;
    }

    static QJsonValue randomValue(QRandomGenerator &random, int depth)
    {
        switch (random.bounded(depth > 2 ? 4 : 6)) {
        case 0:
            return randomText(random);
        case 1:
            return random.bounded(2) == 1;
        case 2: {
            const QList<double> numbers{0, -1, 42, 1e15, 9007199254740993.0, 0.1, -2.5e-7, 1e300};
            return numbers.at(random.bounded(int(numbers.size())));
        }
        case 3:
            return QJsonValue::Null;
        case 4: {
            QJsonObject object;
            for (int i = int(random.bounded(4)); i > 0; --i)
                object.insert(randomText(random), randomValue(random, depth + 1));
            return object;
        }
        default: {
            QJsonArray array;
            for (int i = int(random.bounded(4)); i > 0; --i)
                array.append(randomValue(random, depth + 1));
            return array;
        }
        }
    }

private slots:
    void writesWhatQtWrites()
    {
        QRandomGenerator random(12);
        for (int round = 0; round < 2000; ++round) {
            QJsonObject object;
            for (int i = int(random.bounded(6)); i > 0; --i)
                object.insert(randomText(random), randomValue(random, 0));
            QByteArray bytes;
            JsonWriter json(bytes);
            write(object, json);
            QJsonParseError error;
            const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, bytes.constData());
            // Compared as maps: with keys outside the BMP, QJsonObject == fails even on Qt's own toJson and fromJson
            // (the parsed object holds its keys in another order), so it cannot judge the writer.
            QCOMPARE(parsed.object().toVariantMap(), object.toVariantMap());
        }
    }

    void stringsOfEveryKind_andStructure()
    {
        QByteArray bytes;
        JsonWriter json(bytes);
        json.beginObject()
            .field(u"utf16", u"a\"b\\c\nd\u0001"_s)
            .field(u"latin1", QLatin1StringView("caf\xe9"))
            .field(u"literal", u"User")
            .field(u"yes", true)
            .field(u"count", 7)
            .key(u"empty")
            .beginArray()
            .endArray()
            .key(u"list")
            .beginArray()
            .value(1)
            .beginObject()
            .endObject()
            .value(u"x")
            .endArray()
            .endObject();
        QCOMPARE(bytes,
                 QByteArray("{\"utf16\":\"a\\\"b\\\\c\\nd\\u0001\",\"latin1\":\"caf\xc3\xa9\",\"literal\":\"User\","
                            "\"yes\":true,\"count\":7,\"empty\":[],\"list\":[1,{},\"x\"]}"));
    }
};

QTEST_GUILESS_MAIN(tst_JsonWriter)
#include "tst_JsonWriter.moc"
