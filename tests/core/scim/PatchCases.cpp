// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// Test data of tst_PatchEngine, kept apart because moc cannot read the raw string literals it is written in.
#include "tests/core/scim/PatchCases.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Custom = u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s;

const QString User = uR"({
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
    "id": "u1", "userName": "bjensen", "active": true, "displayName": "Babs",
    "name": {"givenName": "Barbara", "familyName": "Jensen"},
    "emails": [{"value": "b@x.io", "type": "work", "primary": true}, {"value": "h@y.io", "type": "home"}],
    "meta": {"version": "W/\"1\""}})"_s;
const QString Group = uR"({
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1", "displayName": "G",
    "members": [{"value": "a"}, {"value": "b"}]})"_s;
} // namespace

const QString &PatchCases::custom()
{
    return Custom;
}

QJsonObject PatchCases::object(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), qPrintable(json));
    return document.object();
}

QString PatchCases::patch(const QString &operations)
{
    return uR"({"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":)"_s + operations + u'}';
}

QString PatchCases::user()
{
    return User;
}

QString PatchCases::group()
{
    return Group;
}

void PatchCases::applyRows()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("operations");
    QTest::addColumn<QString>("expected"); // the resource after the patch, minus untouched attributes
    QTest::addColumn<int>("rewrites");

    // add
    QTest::newRow("add simple") << User << uR"([{"op":"add","path":"title","value":"Boss"}])"_s
                                << uR"({"title":"Boss","userName":"bjensen"})"_s << 0;
    QTest::newRow("add sub-attribute")
        << User << uR"([{"op":"add","path":"name.middleName","value":"J"}])"_s
        << uR"({"name":{"givenName":"Barbara","familyName":"Jensen","middleName":"J"}})"_s << 0;
    QTest::newRow("add to multi-valued appends")
        << User << uR"([{"op":"add","path":"emails","value":[{"value":"c@z.io","type":"other"}]}])"_s
        << uR"({"emails":[{"value":"b@x.io","type":"work","primary":true},{"value":"h@y.io","type":"home"},{"value":"c@z.io","type":"other"}]})"_s
        << 0;
    QTest::newRow("add members without duplicates")
        << Group << uR"([{"op":"add","path":"members","value":[{"value":"b"},{"value":"c"}]}])"_s
        << uR"({"members":[{"value":"a"},{"value":"b"},{"value":"c"}]})"_s << 0;
    QTest::newRow("add complex merges")
        << User << uR"([{"op":"add","path":"name","value":{"formatted":"B J"}}])"_s
        << uR"({"name":{"givenName":"Barbara","familyName":"Jensen","formatted":"B J"}})"_s << 0;
    QTest::newRow("add without path") << User << uR"([{"op":"add","value":{"displayName":"B","nickName":"bj"}}])"_s
                                      << uR"({"displayName":"B","nickName":"bj"})"_s << 0;
    QTest::newRow("add extension attribute by URN path")
        << User << (uR"([{"op":"add","path":")"_s + Custom + uR"(:badge","value":7}])"_s)
        << (uR"({")"_s + Custom + uR"(":{"badge":7}})"_s) << 0;
    // replace
    QTest::newRow("replace simple") << User << uR"([{"op":"replace","path":"displayName","value":"B"}])"_s
                                    << uR"({"displayName":"B"})"_s << 0;
    QTest::newRow("replace multi-valued")
        << User << uR"([{"op":"replace","path":"emails","value":[{"value":"n@x.io","type":"work"}]}])"_s
        << uR"({"emails":[{"value":"n@x.io","type":"work"}]})"_s << 0;
    QTest::newRow("replace value path sub-attribute")
        << User << uR"([{"op":"replace","path":"emails[type eq \"work\"].value","value":"n@x.io"}])"_s
        << uR"({"emails":[{"value":"n@x.io","type":"work","primary":true},{"value":"h@y.io","type":"home"}]})"_s << 0;
    QTest::newRow("replace value path element")
        << User << uR"([{"op":"replace","path":"emails[type eq \"home\"]","value":{"value":"n@y.io","type":"home"}}])"_s
        << uR"({"emails":[{"value":"b@x.io","type":"work","primary":true},{"value":"n@y.io","type":"home"}]})"_s << 0;
    QTest::newRow("replace members") << Group << uR"([{"op":"replace","path":"members","value":[{"value":"z"}]}])"_s
                                     << uR"({"members":[{"value":"z"}]})"_s << 0;
    // remove
    QTest::newRow("remove simple") << User << uR"([{"op":"remove","path":"displayName"}])"_s
                                   << uR"({"userName":"bjensen"})"_s << 0;
    QTest::newRow("remove sub-attribute")
        << User << uR"([{"op":"remove","path":"name.givenName"}])"_s << uR"({"name":{"familyName":"Jensen"}})"_s << 0;
    QTest::newRow("remove by value filter")
        << User << uR"([{"op":"remove","path":"emails[type eq \"home\"]"}])"_s
        << uR"({"emails":[{"value":"b@x.io","type":"work","primary":true}]})"_s << 0;
    QTest::newRow("remove one member by filter") << Group << uR"([{"op":"remove","path":"members[value eq \"a\"]"}])"_s
                                                 << uR"({"members":[{"value":"b"}]})"_s << 0;
    QTest::newRow("remove all members") << Group << uR"([{"op":"remove","path":"members"}])"_s
                                        << uR"({"displayName":"G"})"_s << 0;
    // several operations in order
    QTest::newRow("operations apply in order")
        << User
        << uR"([{"op":"replace","path":"displayName","value":"A"},{"op":"replace","path":"displayName","value":"B"}])"_s
        << uR"({"displayName":"B"})"_s << 0;

    // Entra ID dialects
    QTest::newRow("Entra capitalised ops")
        << User << uR"([{"op":"Replace","path":"displayName","value":"B"},{"op":"Add","path":"title","value":"T"}])"_s
        << uR"({"displayName":"B","title":"T"})"_s << 2;
    QTest::newRow("Entra string boolean")
        << User << uR"([{"op":"Replace","path":"active","value":"False"}])"_s << uR"({"active":false})"_s << 2;
    QTest::newRow("Entra remove members with a value list")
        << Group << uR"([{"op":"Remove","path":"members","value":[{"value":"a"}]}])"_s
        << uR"({"members":[{"value":"b"}]})"_s << 2;
    QTest::newRow("Entra dotted keys without path")
        << User << uR"([{"op":"Replace","value":{"name.givenName":"Babs","displayName":"B"}}])"_s
        << uR"({"name":{"givenName":"Babs","familyName":"Jensen"},"displayName":"B"})"_s << 2;
    QTest::newRow("Entra URN keys without path")
        << User << (uR"([{"op":"add","value":{")"_s + Custom + uR"(:badge":7}}])"_s)
        << (uR"({")"_s + Custom + uR"(":{"badge":7}})"_s) << 1;
    QTest::newRow("Entra extension object without path")
        << User << (uR"([{"op":"replace","value":{")"_s + Custom + uR"(":{"badge":"7"}}}])"_s)
        << (uR"({")"_s + Custom + uR"(":{"badge":"7"}})"_s) << 0;
    QTest::newRow("Entra value path creates the element")
        << uR"({"schemas":[],"id":"u1","userName":"x"})"_s
        << uR"([{"op":"Add","path":"phoneNumbers[type eq \"work\"].value","value":"+1 415 555 0100"}])"_s
        << uR"({"phoneNumbers":[{"type":"work","value":"+1 415 555 0100"}]})"_s << 2;
    // Okta dialect
    QTest::newRow("Okta path-less deactivate")
        << User << uR"([{"op":"replace","value":{"active":false}}])"_s << uR"({"active":false})"_s << 0;
}

void PatchCases::errorRows()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("scimType");
    QTest::newRow("remove without path") << PatchCases::patch(uR"([{"op":"remove"}])"_s) << u"noTarget"_s;
    QTest::newRow("unknown op") << PatchCases::patch(uR"([{"op":"move","path":"title","value":"x"}])"_s)
                                << u"invalidValue"_s;
    QTest::newRow("id is read-only") << PatchCases::patch(uR"([{"op":"replace","path":"id","value":"x"}])"_s)
                                     << u"mutability"_s;
    QTest::newRow("meta is read-only") << PatchCases::patch(uR"([{"op":"remove","path":"meta"}])"_s) << u"mutability"_s;
    QTest::newRow("bad path") << PatchCases::patch(uR"([{"op":"add","path":"emails[type eq","value":"x"}])"_s)
                              << u"invalidPath"_s;
    QTest::newRow("unknown schema") << PatchCases::patch(uR"([{"op":"add","path":"urn:x:y:z","value":"x"}])"_s)
                                    << u"invalidPath"_s;
    QTest::newRow("path-less value not an object")
        << PatchCases::patch(uR"([{"op":"add","value":"x"}])"_s) << u"invalidValue"_s;
    QTest::newRow("add without value") << PatchCases::patch(uR"([{"op":"add","path":"title"}])"_s) << u"invalidValue"_s;
    QTest::newRow("no operations") << PatchCases::patch(u"[]"_s) << u"invalidValue"_s;
    QTest::newRow("no PatchOp schema") << uR"({"Operations":[{"op":"add","path":"title","value":"x"}]})"_s
                                       << u"invalidValue"_s;
}
