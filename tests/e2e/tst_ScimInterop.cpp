// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {
/// The userNames (or displayNames, for groups) a list answer holds, sorted.
QStringList namesIn(const HttpReply &reply, const QString &attribute = u"userName"_s)
{
    QStringList names;
    for (const QJsonValue &resource : reply.json().value(u"Resources").toArray())
        names << resource.toObject().value(attribute).toString();
    names.sort();
    return names;
}
} // namespace

/// The interop defects found by replaying Okta and Entra ID traffic (issue 7), one test each, end to end over HTTP
/// on both backends.
class tst_ScimInterop : public QObject
{
    Q_OBJECT

private slots:
    // 1. RFC 7644 §3.5.2: a read-only attribute given its current value is not modified.
    void oktaGroupRename_withItsOwnId()
    {
        SCIM_START_TEST_SERVER(s);
        const HttpReply created = s.post(u"/Groups"_s, Scim::group(u"Engineering"_s));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id").toString();

        const HttpReply renamed =
            s.patch(u"/Groups/"_s + id,
                    Scim::patch({Scim::op("replace", {}, QJsonObject{{u"id"_s, id}, {u"displayName"_s, u"R&D"_s}})}));
        QCOMPARE(renamed.status, 204);
        QCOMPARE(s.get(u"/Groups/"_s + id).json().value(u"displayName").toString(), u"R&D"_s);

        // A different id, or a different meta, is a modification of a read-only attribute.
        QVERIFY(Scim::isError(
            s.patch(u"/Groups/"_s + id, Scim::patch({Scim::op("replace", {}, QJsonObject{{u"id"_s, u"other"_s}})})),
            400, u"mutability"_s));
        QVERIFY(Scim::isError(
            s.patch(u"/Groups/"_s + id, Scim::patch({Scim::op("replace", u"meta.resourceType"_s, u"User"_s)})), 400,
            u"mutability"_s));
        QVERIFY(Scim::isError(s.patch(u"/Groups/"_s + id, Scim::patch({Scim::op("remove", u"id"_s, {})})), 400,
                              u"mutability"_s));
        // meta and schemas repeated as they are: no change, no error.
        QCOMPARE(s.patch(u"/Groups/"_s + id,
                         Scim::patch({Scim::op("replace", {},
                                               QJsonObject{{u"meta"_s, QJsonObject{{u"resourceType"_s, u"Group"_s}}},
                                                           {u"schemas"_s, QJsonArray{Scim::GroupSchema}},
                                                           {u"displayName"_s, u"R&D 2"_s}})}))
                     .status,
                 204);
        QCOMPARE(s.get(u"/Groups/"_s + id).json().value(u"displayName").toString(), u"R&D 2"_s);
    }

    void readOnlyEcho_inUserPatchAndPut_andMemberDisplay()
    {
        SCIM_START_TEST_SERVER(s);
        const QString id = s.createUser(u"echo@example.com"_s);
        QVERIFY(!id.isEmpty());
        QJsonObject current = s.get(u"/Users/"_s + id).json();

        // Entra/Okta send back what they read: id, schemas and meta unchanged beside the change.
        const HttpReply patched =
            s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("replace", {},
                                                             QJsonObject{{u"id"_s, id},
                                                                         {u"schemas"_s, current.value(u"schemas")},
                                                                         {u"meta"_s, current.value(u"meta")},
                                                                         {u"displayName"_s, u"Echo"_s}})}));
        QCOMPARE(patched.status, 204);

        // PUT: read-only values are ignored (RFC 7644 §3.5.1), whatever they say.
        current = s.get(u"/Users/"_s + id).json();
        current.insert(u"displayName"_s, u"Echo 2"_s);
        QJsonObject staleMeta = current.value(u"meta").toObject();
        staleMeta.insert(u"version"_s, u"W/\"0\""_s);
        current.insert(u"meta"_s, staleMeta);
        const HttpReply put = s.put(u"/Users/"_s + id, current);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value(u"displayName").toString(), u"Echo 2"_s);

        // Group members with a display label, in PUT and PATCH (G-02: the label is not stored, never refused).
        const QString other = s.createUser(u"other@example.com"_s);
        const HttpReply group = s.post(u"/Groups"_s, Scim::group(u"Labels"_s));
        const QString groupId = group.json().value(u"id").toString();
        QJsonObject body = Scim::group(u"Labels"_s);
        body.insert(u"id"_s, groupId);
        body.insert(u"members"_s, QJsonArray{QJsonObject{{u"value"_s, id}, {u"display"_s, u"Echo 2"_s}}});
        QCOMPARE(s.put(u"/Groups/"_s + groupId, body).status, 200);
        QCOMPARE(s.patch(u"/Groups/"_s + groupId,
                         Scim::patch({Scim::op("add", u"members"_s,
                                               QJsonArray{QJsonObject{{u"value"_s, other}, {u"display"_s, u"O"_s}}})}))
                     .status,
                 204);
        QCOMPARE(s.get(u"/Groups/"_s + groupId).json().value(u"members").toArray().size(), 2);
    }

    // 2. U-05: a derived region follows the number; only a region the client sent can conflict.
    void phoneNumber_movesToAnotherCountry()
    {
        SCIM_START_TEST_SERVER(s);
        const QString id =
            s.createUser(u"traveller@example.com"_s, {{u"phoneNumbers"_s, Scim::workValue(u"+86 138 0013 8000"_s)}});
        QVERIFY(!id.isEmpty());
        QCOMPARE(s.get(u"/Users/"_s + id).json().value(u"phoneRegion").toString(), u"86"_s);

        const HttpReply moved = s.patch(
            u"/Users/"_s + id,
            Scim::patch({Scim::op("replace", u"phoneNumbers[type eq \"work\"].value"_s, u"+44 20 7946 0958"_s)}));
        QCOMPARE(moved.status, 204);
        QCOMPARE(s.get(u"/Users/"_s + id).json().value(u"phoneRegion").toString(), u"44"_s);

        // A client that sends back what it read (phoneRegion 44) with a number in another country.
        QJsonObject read = s.get(u"/Users/"_s + id).json();
        read.insert(u"phoneNumbers"_s, Scim::workValue(u"+1 415 555 0100"_s));
        const HttpReply put = s.put(u"/Users/"_s + id, read);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value(u"phoneRegion").toString(), u"1"_s);

        // A region the client states is kept, and a number that disagrees with it is refused.
        read = put.json();
        read.insert(u"phoneRegion"_s, u"86"_s);
        QVERIFY(Scim::isError(s.put(u"/Users/"_s + id, read), 400, u"invalidValue"_s));
        const QString stated =
            s.createUser(u"stated@example.com"_s,
                         {{u"phoneNumbers"_s, Scim::workValue(u"+86 138 0013 8001"_s)}, {u"phoneRegion"_s, u"86"_s}});
        QVERIFY(!stated.isEmpty());
        QVERIFY(Scim::isError(
            s.patch(u"/Users/"_s + stated, Scim::patch({Scim::op("replace", u"phoneNumbers[type eq \"work\"].value"_s,
                                                                 u"+44 20 7946 0959"_s)})),
            400, u"invalidValue"_s));
        QCOMPARE(
            s.patch(u"/Users/"_s + stated,
                    Scim::patch({Scim::op("replace", {},
                                          QJsonObject{{u"phoneRegion"_s, u"44"_s},
                                                      {u"phoneNumbers"_s, Scim::workValue(u"+44 20 7946 0959"_s)}})}))
                .status,
            204);

        // Removing the number takes its derived region with it.
        QCOMPARE(s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("remove", u"phoneNumbers"_s, {})})).status, 204);
        QVERIFY(!s.get(u"/Users/"_s + id).json().contains(u"phoneRegion"));
    }

    // 3. U-14's spirit: what a client wrote reads back unchanged, primary included.
    void primary_readsBackAsSent()
    {
        SCIM_START_TEST_SERVER(s);
        const auto emailWith = [](const QJsonValue &primary) {
            QJsonObject email{{u"value"_s, u"x@example.com"_s}, {u"type"_s, u"work"_s}};
            if (!primary.isUndefined())
                email.insert(u"primary"_s, primary);
            return QJsonArray{email};
        };
        const struct
        {
            QString userName;
            QJsonValue primary;
        } cases[] = {{u"absent"_s, QJsonValue(QJsonValue::Undefined)}, {u"false"_s, false}, {u"true"_s, true}};
        for (const auto &c : cases) {
            const HttpReply created = s.post(
                u"/Users"_s,
                Scim::user(c.userName, {{u"emails"_s, emailWith(c.primary)},
                                        {u"phoneNumbers"_s, Scim::workValue(u"+86 10 1234 5678"_s, c.primary)}}));
            QCOMPARE(created.status, 201);
            const QJsonObject read = s.get(u"/Users/"_s + created.json().value(u"id").toString()).json();
            QCOMPARE(read.value(u"emails"), QJsonValue(emailWith(c.primary)));
            QCOMPARE(read.value(u"phoneNumbers").toArray().first().toObject().value(u"primary"), c.primary);
        }
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"emails[primary eq true]"_s))), QStringList{u"true"_s});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"phoneNumbers.primary eq false"_s))),
                 QStringList{u"false"_s});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"emails[not (primary pr)]"_s))), QStringList{u"absent"_s});
    }

    // 4. RFC 7644 §3.4.2.2: every meta sub-attribute can be filtered.
    void meta_isFilterable()
    {
        SCIM_START_TEST_SERVER(s);
        const QString id = s.createUser(u"meta@example.com"_s);
        s.createUser(u"other@example.com"_s);
        const QJsonObject meta = s.get(u"/Users/"_s + id).json().value(u"meta").toObject();

        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"meta.resourceType eq \"User\""_s))).size(), 2);
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"meta.resourceType eq \"Group\""_s))).size(), 0);
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s,
                                              u"meta.location eq \""_s + meta.value(u"location").toString() + u'"'))),
                 QStringList{u"meta@example.com"_s});
        QCOMPARE(
            namesIn(s.get(Scim::filtered(u"/Users"_s, u"meta.location sw \""_s + s.base() + u"/Users/\""_s))).size(),
            2);
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"meta.version eq \"W/\\\"1\\\"\""_s))).size(), 2);
        QCOMPARE(s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("replace", u"displayName"_s, u"M"_s)})).status, 204);
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"meta.version eq \"W/\\\"2\\\"\""_s))),
                 QStringList{u"meta@example.com"_s});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s,
                                              u"meta.lastModified ge \""_s + meta.value(u"created").toString() + u'"')))
                     .size(),
                 2);

        const HttpReply group = s.post(u"/Groups"_s, Scim::group(u"Metas"_s, {id}));
        QCOMPARE(group.status, 201);
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Groups"_s, u"meta.resourceType eq \"Group\""_s)), u"displayName"_s),
                 QStringList{u"Metas"_s});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Groups"_s,
                                              u"members[type eq \"User\" and $ref ew \"/Users/"_s + id + u"\"]"_s)),
                         u"displayName"_s),
                 QStringList{u"Metas"_s});
        QVERIFY(Scim::isError(s.get(u"/Users?sortBy=meta.location"_s), 400, u"invalidValue"_s));
    }

    // 5. RFC 7644 §3.4.2.2: a value filter matches when some element satisfies it; no elements, no match.
    void valuePathNegation_needsAnElement()
    {
        SCIM_START_TEST_SERVER(s);
        s.createUser(
            u"mail@example.com"_s,
            {{u"emails"_s, QJsonArray{QJsonObject{{u"value"_s, u"m@example.com"_s}, {u"type"_s, u"work"_s}}}}});
        s.createUser(u"phone@example.com"_s, {{u"phoneNumbers"_s, Scim::workValue(u"+86 10 1234 5678"_s)}});
        s.createUser(u"bare@example.com"_s);

        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"emails[not (value pr)]"_s))), QStringList{});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"emails[primary ne true]"_s))),
                 QStringList{u"mail@example.com"_s});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"phoneNumbers[type ne \"work\"]"_s))), QStringList{});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"emails.value ne \"x@example.com\""_s))),
                 QStringList{u"mail@example.com"_s});
        // "not" outside the brackets negates the whole test: users without a work phone.
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Users"_s, u"not (phoneNumbers[type eq \"work\"])"_s))),
                 (QStringList{u"bare@example.com"_s, u"mail@example.com"_s}));

        const QString member = s.createUser(u"member@example.com"_s);
        QCOMPARE(s.post(u"/Groups"_s, Scim::group(u"Empty"_s)).status, 201);
        QCOMPARE(s.post(u"/Groups"_s, Scim::group(u"Full"_s, {member})).status, 201);
        QCOMPARE(
            namesIn(s.get(Scim::filtered(u"/Groups"_s, u"members[not (value eq \"nobody\")]"_s)), u"displayName"_s),
            QStringList{u"Full"_s});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Groups"_s, u"members.value ne \"nobody\""_s)), u"displayName"_s),
                 QStringList{u"Full"_s});
        QCOMPARE(namesIn(s.get(Scim::filtered(u"/Groups"_s, u"not (members pr)"_s)), u"displayName"_s),
                 QStringList{u"Empty"_s});
    }

    // 6. RFC 7644 §3.5.2.3: a replace whose value filter selects nothing is noTarget, before any rule on the result.
    void patchErrorPrecedence_noTargetFirst()
    {
        SCIM_START_TEST_SERVER(s);
        const QString id = s.createUser(u"precedence@example.com"_s);
        QVERIFY(Scim::isError(
            s.patch(u"/Users/"_s + id,
                    Scim::patch({Scim::op("replace", u"emails[type eq \"work\"].value"_s, u"w@example.com"_s)})),
            400, u"noTarget"_s));
        // A second work email (invalidValue under U-11, found only on the result) does not mask it.
        const QJsonArray twoWork{QJsonObject{{u"value"_s, u"a@example.com"_s}, {u"type"_s, u"work"_s}},
                                 QJsonObject{{u"value"_s, u"b@example.com"_s}, {u"type"_s, u"work"_s}}};
        QVERIFY(Scim::isError(
            s.patch(u"/Users/"_s + id,
                    Scim::patch({Scim::op("add", u"emails"_s, twoWork),
                                 Scim::op("replace", u"emails[type eq \"home\"].value"_s, u"h@example.com"_s)})),
            400, u"noTarget"_s));
        QVERIFY(Scim::isError(s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("add", u"emails"_s, twoWork)})), 400,
                              u"invalidValue"_s));
        // Entra's add through a value filter still creates the element it names; a remove that selects nothing is
        // no error (a member already gone).
        QCOMPARE(s.patch(u"/Users/"_s + id,
                         Scim::patch({Scim::op("add", u"emails[type eq \"work\"].value"_s, u"w@example.com"_s)}))
                     .status,
                 204);
        QCOMPARE(s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("remove", u"phoneNumbers[type eq \"work\"]"_s, {})}))
                     .status,
                 204);
    }

    // 7. S-06, U-10: an account in scope through a group can be deprovisioned; its organization is no move.
    void deprovision_accountInScopeThroughAGroup()
    {
        SCIM_START_TEST_SERVER(s);
        const QString elsewhere = OrganizationStore(s.db()).create(u"Elsewhere"_s)->id;
        const QString further = OrganizationStore(s.db()).create(u"Further"_s)->id;
        Account partner;
        partner.userName = u"partner@example.com"_s;
        partner.orgId = elsewhere;
        const QString id = AccountStore(s.db()).create(partner)->id;
        Group group;
        group.displayName = u"Partners"_s;
        group.memberIds = {id};
        QVERIFY(ApplicationStore(s.db()).addGroupToScope(s.appId(), GroupStore(s.db()).create(group)->id));

        QCOMPARE(s.get(u"/Users/"_s + id).status, 200);
        QCOMPARE(s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("replace", {}, QJsonObject{{u"active"_s, false}})}))
                     .status,
                 204);
        QCOMPARE(AccountStore(s.db()).get(id)->active, false);

        // Okta's PUT sends the whole user back. The organization, outside the scope, is not shown (issue 11 item
        // 6), and the account keeps it.
        QJsonObject read = s.get(u"/Users/"_s + id).json();
        QVERIFY(!read.contains(Scim::Enterprise));
        read.insert(u"active"_s, true);
        const HttpReply put = s.put(u"/Users/"_s + id, read);
        QCOMPARE(put.status, 200);
        QVERIFY(!put.json().contains(Scim::Enterprise));
        QCOMPARE(AccountStore(s.db()).get(id)->orgId, elsewhere);

        // A move is still a move: into another organization outside the scope, refused (S-02).
        read.insert(Scim::Enterprise, QJsonObject{{u"organizationId"_s, further}});
        QVERIFY(Scim::isError(s.put(u"/Users/"_s + id, read), 400, u"invalidValue"_s));
        QCOMPARE(AccountStore(s.db()).get(id)->orgId, elsewhere);
    }
};

QTEST_GUILESS_MAIN(tst_ScimInterop)
#include "tst_ScimInterop.moc"
