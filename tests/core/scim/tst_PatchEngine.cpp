// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/JsonAccess.h"
#include "core/scim/PatchEngine.h"
#include "tests/core/scim/PatchCases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_PatchEngine : public QObject
{
    Q_OBJECT

private slots:
    void apply_data() { PatchCases::applyRows(); }

    void apply()
    {
        QFETCH(QString, resource);
        QFETCH(QString, operations);
        QFETCH(QString, expected);
        QFETCH(int, rewrites);

        const auto outcome = PatchEngine::apply(
            PatchCases::object(resource), PatchCases::object(PatchCases::patch(operations)), {PatchCases::custom()});
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().detail));
        const QJsonObject want = PatchCases::object(expected);
        for (auto it = want.constBegin(); it != want.constEnd(); ++it)
            QCOMPARE(outcome->resource.value(it.key()), it.value());
        QCOMPARE(outcome->resource.value(u"id"), PatchCases::object(resource).value(u"id"));
        QCOMPARE(outcome->rewrites.size(), rewrites);
    }

    void removed_attributesAreGone()
    {
        const auto outcome = PatchEngine::apply(
            PatchCases::object(PatchCases::user()),
            PatchCases::object(PatchCases::patch(u"[{\"op\":\"remove\",\"path\":\"displayName\"}]"_s)), {});
        QVERIFY(!outcome->resource.contains(u"displayName"));
        const auto members = PatchEngine::apply(
            PatchCases::object(PatchCases::group()),
            PatchCases::object(PatchCases::patch(u"[{\"op\":\"remove\",\"path\":\"members\"}]"_s)), {});
        QVERIFY(!members->resource.contains(u"members"));
    }

    void extensionAttribute_listsTheSchema()
    {
        const QString operation =
            u"[{\"op\":\"add\",\"path\":\""_s + PatchCases::custom() + u":badge\",\"value\":7}]"_s;
        const auto outcome =
            PatchEngine::apply(PatchCases::object(PatchCases::user()), PatchCases::object(PatchCases::patch(operation)),
                               {PatchCases::custom()});
        QVERIFY(outcome->resource.value(u"schemas").toArray().contains(PatchCases::custom()));
    }

    void errors_data() { PatchCases::errorRows(); }

    void errors()
    {
        QFETCH(QString, request);
        QFETCH(QString, scimType);
        const auto outcome = PatchEngine::apply(PatchCases::object(PatchCases::user()), PatchCases::object(request),
                                                {PatchCases::custom()});
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().status, 400);
        QCOMPARE(outcome.error().scimType, scimType);
    }

    void requestSize_isBounded() // issue 11 item 4
    {
        const QJsonObject group = PatchCases::object(PatchCases::group());
        const auto request = [](const QJsonArray &operations) {
            return QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:api:messages:2.0:PatchOp"_s}},
                               {u"Operations"_s, operations}};
        };
        const QJsonObject rename{{u"op"_s, u"replace"_s}, {u"path"_s, u"displayName"_s}, {u"value"_s, u"x"_s}};
        QJsonArray operations;
        for (int i = 0; i < PatchEngine::MaxOperations; ++i)
            operations.append(rename);
        QVERIFY(PatchEngine::apply(group, request(operations), {}));
        operations.append(rename);
        const auto tooMany = PatchEngine::apply(group, request(operations), {});
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().scimType, u"invalidValue"_s);

        QJsonArray values;
        for (int i = 0; i <= PatchEngine::MaxValuesPerOperation; ++i)
            values.append(QJsonObject{{u"value"_s, QString::number(i)}});
        const auto tooManyValues = PatchEngine::apply(
            group, request({QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"members"_s}, {u"value"_s, values}}}), {});
        QVERIFY(!tooManyValues);
        QCOMPARE(tooManyValues.error().scimType, u"invalidValue"_s);
    }

    void memberLists_addAndRemoveBySet() // issue 11 item 4: keyed, not pairwise; same results
    {
        QJsonArray members;
        for (int i = 0; i < 50'000; ++i)
            members.append(QJsonObject{{u"value"_s, u"m%1"_s.arg(i)}, {u"display"_s, u"M %1"_s.arg(i)}});
        const QJsonObject group{{u"id"_s, u"g"_s}, {u"displayName"_s, u"Big"_s}, {u"members"_s, members}};
        QJsonArray change;
        for (int i = 0; i < 10'000; ++i) // half already members (matched by value alone), half new
            change.append(QJsonObject{{u"value"_s, u"m%1"_s.arg(45'000 + i)}});
        const auto request = [&](const char *op) {
            return QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:api:messages:2.0:PatchOp"_s}},
                               {u"Operations"_s, QJsonArray{QJsonObject{{u"op"_s, QString::fromLatin1(op)},
                                                                        {u"path"_s, u"members"_s},
                                                                        {u"value"_s, change}}}}};
        };
        const auto added = PatchEngine::apply(group, request("add"), {});
        QVERIFY(added);
        QCOMPARE(added->resource.value(u"members").toArray().size(), 55'000);
        const auto removed = PatchEngine::apply(group, request("remove"), {});
        QVERIFY(removed);
        const QJsonArray kept = removed->resource.value(u"members").toArray();
        QCOMPARE(kept.size(), 45'000);
        QCOMPARE(kept.last().toObject().value(u"value").toString(), u"m44999"_s);
        QCOMPARE(kept.last().toObject().value(u"display").toString(), u"M 44999"_s);
    }

    /// Issue 13: attribute names are looked up through JsonAccess. Qt 6.8.2 crashes looking up (or inserting) a null
    /// name in an object that has a key outside Latin-1, as a payload from an identity provider may; an empty name
    /// matches nothing, a null one too, and neither reaches Qt.
    void jsonAccess_emptyOrNullName_matchesNothing_besideKeysOutsideLatin1()
    {
        QJsonObject object{{u"名字"_s, 1}, {u""_s, 2}, {u"userName"_s, u"alice"_s}};
        for (const QStringView name : {QStringView(), QStringView(u"")}) {
            QCOMPARE(JsonAccess::findKey(object, name), QString());
            QVERIFY(JsonAccess::value(object, name).isUndefined());
            JsonAccess::remove(object, name);
            QCOMPARE(object.size(), 3);
        }
        QCOMPARE(JsonAccess::value(object, u"USERNAME").toString(), u"alice"_s);
        QCOMPARE(JsonAccess::value(object, u"名字").toInt(), 1);
        JsonAccess::set(object, QStringView(), 3);
        QCOMPARE(object.value(u""_s).toInt(), 3);
        QCOMPARE(object.size(), 3);
    }

    void failingOperation_leavesNothingApplied()
    {
        // The engine works on a copy; the caller keeps its resource unless every operation succeeds.
        const QJsonObject before = PatchCases::object(PatchCases::user());
        const auto outcome = PatchEngine::apply(
            before,
            PatchCases::object(PatchCases::patch(u"[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"B\"},"
                                                 u"{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]"_s)),
            {});
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().scimType, u"mutability"_s);
        QCOMPARE(before.value(u"displayName").toString(), u"Babs"_s);
    }
};

QTEST_GUILESS_MAIN(tst_PatchEngine)
#include "tst_PatchEngine.moc"
