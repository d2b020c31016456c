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
