// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// Micro-benchmarks (issue 12): the SCIM filter parser and the PATCH engine, the two pieces of pure work on every
// filtered list and every PATCH. `bench_micro` prints QBENCHMARK's figures; the ctest smoke run proves it works.

#include "core/scim/Filter.h"
#include "core/scim/PatchEngine.h"

#include <QJsonArray>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class MicroBench : public QObject
{
    Q_OBJECT

private slots:
    void filter_parse_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("userName eq") << u"userName eq \"user0012345\""_s;
        QTest::newRow("Entra's probe") << u"userName eq \"7c3f0b5e-53a1-4a4b-9a36-2f0c8a0b7f11\""_s;
        QTest::newRow("complex") << u"(userName sw \"ana\" or emails[type eq \"work\" and value co \"@example\"]) "
                                    "and active eq true and not (title pr)"_s;
    }
    void filter_parse()
    {
        QFETCH(QString, filter);
        QBENCHMARK
        {
            const auto parsed = Filter::parse(filter);
            QVERIFY(parsed);
        }
    }

    void patch_apply_data()
    {
        QTest::addColumn<QJsonObject>("request");
        const QJsonArray schemas{u"urn:ietf:params:scim:api:messages:2.0:PatchOp"_s};
        QTest::newRow("replace displayName")
            << QJsonObject{{u"schemas"_s, schemas},
                           {u"Operations"_s,
                            QJsonArray{QJsonObject{
                                {u"op"_s, u"replace"_s}, {u"path"_s, u"displayName"_s}, {u"value"_s, u"Renamed"_s}}}}};
        QTest::newRow("Entra's replace of a work email")
            << QJsonObject{{u"schemas"_s, schemas},
                           {u"Operations"_s, QJsonArray{QJsonObject{{u"op"_s, u"Replace"_s},
                                                                    {u"path"_s, u"emails[type eq \"work\"].value"_s},
                                                                    {u"value"_s, u"new@example.com"_s}}}}};
    }
    void patch_apply()
    {
        QFETCH(QJsonObject, request);
        const QJsonObject user{
            {u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}},
            {u"userName"_s, u"user0012345"_s},
            {u"displayName"_s, u"Seed user0012345"_s},
            {u"name"_s, QJsonObject{{u"givenName"_s, u"Seed"_s}, {u"familyName"_s, u"user0012345"_s}}},
            {u"emails"_s,
             QJsonArray{QJsonObject{
                 {u"value"_s, u"user0012345@example.com"_s}, {u"type"_s, u"work"_s}, {u"primary"_s, true}}}},
            {u"active"_s, true}};
        QBENCHMARK
        {
            const auto patched = PatchEngine::apply(user, request, {});
            QVERIFY(patched);
        }
    }
};

QTEST_GUILESS_MAIN(MicroBench)
#include "MicroBench.moc"
