// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/AccountStore.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {
int totalOf(const HttpReply &reply)
{
    return reply.json().value(u"totalResults").toInt(-1);
}
} // namespace

/// The provisioning sequences Okta and Microsoft Entra ID document, replayed request by request in each provider's
/// own dialect, end to end on both backends (issue 7): create, update, deactivate, group push, rename, members.
class tst_ProviderReplay : public QObject
{
    Q_OBJECT

private slots:
    void okta_lifecycleAndGroupPush() // I-01 U-08 G-01 G-02
    {
        SCIM_START_TEST_SERVER(s);
        const QString userName = u"isabella.jones@okta.example"_s;
        // Import / assignment: Okta looks the user up first.
        QCOMPARE(totalOf(s.get(
                     Scim::filtered(u"/Users"_s, u"userName eq \""_s + userName + u'"', u"&startIndex=1&count=100"_s))),
                 0);
        const QJsonObject body = Scim::user(
            userName, {{u"name"_s, QJsonObject{{u"givenName"_s, u"Isabella"_s}, {u"familyName"_s, u"Jones"_s}}},
                       {u"emails"_s,
                        QJsonArray{QJsonObject{{u"primary"_s, true}, {u"value"_s, userName}, {u"type"_s, u"work"_s}}}},
                       {u"displayName"_s, u"Isabella Jones"_s},
                       {u"locale"_s, u"en-US"_s},
                       {u"externalId"_s, u"00u1esetp6kEdNcCq0h8"_s},
                       {u"groups"_s, QJsonArray{}},
                       {u"password"_s, u"1mz050nq-Okta"_s},
                       {u"active"_s, true}});
        const HttpReply created = s.post(u"/Users"_s, body);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        QCOMPARE(created.json().value(u"emails"), body.value(u"emails")); // read back as written
        QCOMPARE(s.get(u"/Users/"_s + id).status, 200);

        // Profile push: Okta PUTs the whole user, what it read included.
        QJsonObject update = s.get(u"/Users/"_s + id).json();
        update.insert(u"name"_s, QJsonObject{{u"givenName"_s, u"Bella"_s}, {u"familyName"_s, u"Jones"_s}});
        update.insert(u"displayName"_s, u"Bella Jones"_s);
        const HttpReply put = s.put(u"/Users/"_s + id, update);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value(u"displayName").toString(), u"Bella Jones"_s);

        // Deactivate, then reactivate: a path-less replace.
        QCOMPARE(s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("replace", {}, QJsonObject{{u"active"_s, false}})}))
                     .status,
                 204);
        QCOMPARE(s.get(u"/Users/"_s + id).json().value(u"active").toBool(true), false);
        QCOMPARE(
            s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("replace", {}, QJsonObject{{u"active"_s, true}})})).status,
            204);

        // Group push: create empty, rename with the id beside the name, add and remove members.
        const HttpReply group = s.post(u"/Groups"_s, Scim::group(u"Engineering"_s));
        QCOMPARE(group.status, 201);
        const QString groupId = group.json().value(u"id").toString();
        QCOMPARE(s.patch(u"/Groups/"_s + groupId,
                         Scim::patch({Scim::op(
                             "replace", {}, QJsonObject{{u"id"_s, groupId}, {u"displayName"_s, u"Engineering EU"_s}})}))
                     .status,
                 204);
        QCOMPARE(s.patch(u"/Groups/"_s + groupId,
                         Scim::patch({Scim::op("add", u"members"_s,
                                               QJsonArray{QJsonObject{{u"value"_s, id}, {u"display"_s, userName}}})}))
                     .status,
                 204);
        const HttpReply found = s.get(Scim::filtered(u"/Groups"_s, u"displayName eq \"Engineering EU\""_s));
        QCOMPARE(totalOf(found), 1);
        QCOMPARE(found.json().value(u"Resources").toArray().first().toObject().value(u"members").toArray().size(), 1);
        QCOMPARE(s.patch(u"/Groups/"_s + groupId,
                         Scim::patch({Scim::op("remove", u"members[value eq \""_s + id + u"\"]"_s, {})}))
                     .status,
                 204);
        QVERIFY(s.get(u"/Groups/"_s + groupId).json().value(u"members").toArray().isEmpty());
        QCOMPARE(s.send("DELETE", u"/Groups/"_s + groupId).status, 204);
        QCOMPARE(s.get(u"/Groups/"_s + groupId).status, 404);
    }

    void entra_testConnectionProvisioningAndGroups() // T-05 U-06 U-08 U-11 G-02
    {
        SCIM_START_TEST_SERVER(s);
        // Test connection: a filter on a random userName must answer an empty list.
        const QString probe = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const HttpReply test = s.get(Scim::filtered(u"/Users"_s, u"userName eq \""_s + probe + u'"'));
        QCOMPARE(test.status, 200);
        QCOMPARE(totalOf(test), 0);

        const QString userName = u"Test_User_dfeef4c5-5681-4387-b016-bdf221e82081"_s;
        QCOMPARE(totalOf(s.get(Scim::filtered(u"/Users"_s, u"userName eq \""_s + userName + u'"'))), 0);
        const QJsonObject body{
            {u"schemas"_s, QJsonArray{Scim::UserSchema, Scim::Enterprise}},
            {u"externalId"_s, u"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"_s},
            {u"userName"_s, userName},
            {u"active"_s, true},
            {u"displayName"_s, u"Test User"_s},
            {u"emails"_s, QJsonArray{QJsonObject{
                              {u"primary"_s, true}, {u"type"_s, u"work"_s}, {u"value"_s, u"Test_User@contoso.com"_s}}}},
            {u"meta"_s, QJsonObject{{u"resourceType"_s, u"User"_s}}},
            {u"name"_s, QJsonObject{{u"formatted"_s, u"givenName familyName"_s},
                                    {u"familyName"_s, u"familyName"_s},
                                    {u"givenName"_s, u"givenName"_s}}},
            {u"roles"_s, QJsonArray{}}};
        const HttpReply created = s.post(u"/Users"_s, body);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();
        QCOMPARE(totalOf(s.get(Scim::filtered(u"/Users"_s, u"userName eq \""_s + userName + u'"'))), 1);

        // Update: capitalised ops, a string boolean, value paths, a new work phone.
        const HttpReply updated =
            s.patch(u"/Users/"_s + id,
                    Scim::patch({Scim::op("Replace", u"displayName"_s, u"Updated User"_s),
                                 Scim::op("Add", u"name.givenName"_s, u"Updated"_s),
                                 Scim::op("Replace", u"emails[type eq \"work\"].value"_s, u"updated@contoso.com"_s),
                                 Scim::op("Add", u"phoneNumbers[type eq \"work\"].value"_s, u"+1 425 555 0101"_s),
                                 Scim::op("Replace", u"active"_s, u"False"_s)}));
        QCOMPARE(updated.status, 204);
        const QJsonObject now = s.get(u"/Users/"_s + id).json();
        QCOMPARE(now.value(u"displayName").toString(), u"Updated User"_s);
        QCOMPARE(now.value(u"active").toBool(true), false);
        QCOMPARE(now.value(u"emails").toArray().first().toObject().value(u"value").toString(),
                 u"updated@contoso.com"_s);
        QCOMPARE(now.value(u"emails").toArray().first().toObject().value(u"primary").toBool(), true);
        QCOMPARE(now.value(u"phoneRegion").toString(), u"1"_s);

        // Groups: look up without members, create, add and remove members with value arrays, rename.
        QCOMPARE(totalOf(s.get(Scim::filtered(u"/Groups"_s, u"displayName eq \"Group1DisplayName\""_s,
                                              u"&excludedAttributes=members"_s))),
                 0);
        QJsonObject groupBody = Scim::group(u"Group1DisplayName"_s);
        groupBody.insert(u"externalId"_s, u"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"_s);
        groupBody.insert(u"meta"_s, QJsonObject{{u"resourceType"_s, u"Group"_s}});
        groupBody.insert(u"members"_s, QJsonArray{});
        const HttpReply group = s.post(u"/Groups"_s, groupBody);
        QCOMPARE(group.status, 201);
        const QString groupId = group.json().value(u"id").toString();
        QCOMPARE(s.patch(u"/Groups/"_s + groupId,
                         Scim::patch({Scim::op("Add", u"members"_s, QJsonArray{QJsonObject{{u"value"_s, id}}})}))
                     .status,
                 204);
        QCOMPARE(totalOf(s.get(Scim::filtered(u"/Groups"_s, u"members[value eq \""_s + id + u"\"]"_s))), 1);
        QCOMPARE(s.patch(u"/Groups/"_s + groupId,
                         Scim::patch({Scim::op("Remove", u"members"_s, QJsonArray{QJsonObject{{u"value"_s, id}}})}))
                     .status,
                 204);
        QCOMPARE(s.patch(u"/Groups/"_s + groupId,
                         Scim::patch({Scim::op("Replace", u"displayName"_s, u"1879db59updatedDisplayName"_s)}))
                     .status,
                 204);
        const HttpReply lean = s.get(u"/Groups/"_s + groupId + u"?excludedAttributes=members"_s);
        QCOMPARE(lean.json().value(u"displayName").toString(), u"1879db59updatedDisplayName"_s);
        QVERIFY(!lean.json().contains(u"members"));

        // Deprovision: a hard delete.
        QCOMPARE(s.send("DELETE", u"/Users/"_s + id).status, 204);
        QVERIFY(Scim::isError(s.get(u"/Users/"_s + id), 404));
        QVERIFY(!AccountStore(s.db()).get(id));
    }
};

QTEST_GUILESS_MAIN(tst_ProviderReplay)
#include "tst_ProviderReplay.moc"
