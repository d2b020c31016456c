// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The hostile-input matrix (issue 11): every row is a request a broken or malicious client could send, with the
// exact status and scimType it must get, and the store must be exactly as before. One server for the whole matrix,
// so that a row that slipped through would show in the rows after it too.

#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {
using Headers = QList<std::pair<QByteArray, QByteArray>>;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray user(const QJsonObject &extra)
{
    QJsonObject body = Scim::user(u"hostile@example.com"_s);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        body.insert(it.key(), it.value());
    return json(body);
}

QByteArray patch(const QJsonArray &operations)
{
    return json(Scim::patch(operations));
}

QByteArray repeatedFilter(int terms)
{
    QStringList parts(terms, u"id pr"_s);
    return QUrl::toPercentEncoding(parts.join(u" or "_s));
}
} // namespace

class tst_HostileInput : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScimTestServer> m_server;
    QHash<QString, QString> m_tokens;    // kind → secret
    QHash<QString, QString> m_bases;     // kind → base URL of the application the token belongs to
    QHash<QString, QString> m_variables; // %NAME% → value

    QString fingerprint()
    {
        const auto value =
            m_server->db().scalar(u"SELECT CAST((SELECT COUNT(*) FROM accounts) AS TEXT) || ',' || "
                                  "CAST((SELECT COALESCE(SUM(version), 0) FROM accounts) AS TEXT) || ',' || "
                                  "CAST((SELECT COUNT(*) FROM directory_groups) AS TEXT) || ',' || "
                                  "CAST((SELECT COALESCE(SUM(version), 0) FROM directory_groups) AS TEXT) || ',' || "
                                  "CAST((SELECT COUNT(*) FROM group_members) AS TEXT) || ',' || "
                                  "CAST((SELECT COUNT(*) FROM organizations) AS TEXT) || ',' || "
                                  "CAST((SELECT COUNT(*) FROM account_extension_values) AS TEXT)"_s);
        return value ? value->toString() : u"(unreadable)"_s;
    }

    QString expand(QString text) const
    {
        for (auto it = m_variables.constBegin(); it != m_variables.constEnd(); ++it)
            text.replace(it.key(), it.value());
        return text;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ScimTestServer>();
        QVERIFY2(m_server->setupError().isEmpty(), qPrintable(m_server->setupError()));
        ScimTestServer &s = *m_server;
        Database &db = s.db();
        ApplicationStore apps(db);
        QVERIFY(apps.setPolicies(s.appId(), DuplicatePolicy::Reject, std::nullopt));

        const QString existing = s.createUser(u"existing@example.com"_s);
        const QString member = s.createUser(u"member@example.com"_s);
        QVERIFY(!existing.isEmpty() && !member.isEmpty());
        const QString group = s.post(u"/Groups"_s, Scim::group(u"Staff"_s, {member})).json().value(u"id").toString();
        QVERIFY(!group.isEmpty());

        const QString elsewhere = OrganizationStore(db).create(u"Elsewhere"_s)->id;
        Account outsider;
        outsider.userName = u"outsider@example.com"_s;
        outsider.orgId = elsewhere;
        const QString outsiderId = AccountStore(db).create(outsider)->id;
        Group hidden;
        hidden.displayName = u"Hidden"_s;
        const QString hiddenId = GroupStore(db).create(hidden)->id;

        TokenStore tokens(db);
        m_tokens[u"valid"_s] = s.token();
        m_tokens[u"garbage"_s] = u"scim_not-a-real-token"_s;
        m_tokens[u"none"_s] = ScimTestServer::NoToken;
        for (const QString &kind : {u"other"_s, u"noperm"_s, u"suspended"_s}) {
            const QString app = apps.create(kind, AppKind::Standard)->id;
            SyncScope scope;
            scope.organizationIds = {s.orgId()};
            QVERIFY(apps.setScope(app, scope));
            QVERIFY(apps.setPermission(app, kind == u"noperm" ? ScimPermission::none() : ScimPermission::all()));
            if (kind == u"suspended")
                QVERIFY(apps.setSuspended(app, true, u"the matrix"_s));
            m_tokens[kind] = tokens.issue(app, 30)->secret;
            m_bases[kind] = s.baseFor(app);
        }
        // An expired token, against its own application ("other": at most two tokens each, T-02).
        const auto otherApp = m_bases[u"other"_s].section(u'/', -1);
        const auto expiredToken = tokens.issue(otherApp, 30);
        QVERIFY(expiredToken);
        QVERIFY(db.exec(u"UPDATE bearer_tokens SET expires = 1 WHERE id = ?"_s, {expiredToken->token.id}));
        m_tokens[u"expired"_s] = expiredToken->secret;
        m_bases[u"expired"_s] = m_bases[u"other"_s];
        // A second token of the main application, disabled (the first stays enabled: T-03).
        const auto disabledToken = tokens.issue(s.appId(), 30);
        QVERIFY(tokens.setEnabled(s.appId(), disabledToken->token.id, false));
        m_tokens[u"disabled"_s] = disabledToken->secret;
        m_tokens[u"otherapp"_s] = m_tokens[u"other"_s]; // another application's token against this one

        m_variables = {{u"%U%"_s, existing},       {u"%M%"_s, member},       {u"%G%"_s, group},
                       {u"%OUT_U%"_s, outsiderId}, {u"%OUT_G%"_s, hiddenId}, {u"%OUT_ORG%"_s, elsewhere},
                       {u"%ORG%"_s, s.orgId()},    {u"%APP%"_s, s.appId()}};
        const QString etag = QString::fromLatin1(s.get(u"/Users/"_s + existing).header("ETag"));
        QVERIFY(!etag.isEmpty());
        m_variables.insert(u"%ETAG_U%"_s, etag);
    }

    void cleanupTestCase() { m_server.reset(); }

    void matrix_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // relative to the application's base, with %VARIABLES%
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QString>("token"); // a key of m_tokens
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("scimType"); // empty: none

        const Headers none;
        const auto row = [&](const char *name, const QByteArray &method, const QString &path, const QByteArray &body,
                             int status, const QString &scimType = {}, const QString &token = u"valid"_s,
                             const Headers &headers = {}) {
            QTest::newRow(name) << method << path << body << headers << token << status << scimType;
        };
        const QString invalidSyntax = u"invalidSyntax"_s;
        const QString invalidValue = u"invalidValue"_s;
        const QString invalidFilter = u"invalidFilter"_s;
        const QString invalidPath = u"invalidPath"_s;
        const QString uniqueness = u"uniqueness"_s;
        const QString mutability = u"mutability"_s;
        const QString noTarget = u"noTarget"_s;

        // --- Authentication and authorisation (T-05, A-04)
        row("no token", "GET", u"/Users"_s, {}, 401, {}, u"none"_s);
        row("empty bearer", "GET", u"/Users"_s, {}, 401, {}, u"none"_s, {{"Authorization", "Bearer "}});
        row("unknown token", "GET", u"/Users"_s, {}, 401, {}, u"garbage"_s);
        row("expired token", "GET", u"/Users"_s, {}, 401, {}, u"expired"_s);
        row("disabled token", "GET", u"/Users"_s, {}, 401, {}, u"disabled"_s);
        row("another application's token", "GET", u"/Users"_s, {}, 401, {}, u"otherapp"_s);
        row("expired token writing", "POST", u"/Users"_s, user({}), 401, {}, u"expired"_s);
        row("basic authentication", "GET", u"/Users"_s, {}, 401, {}, u"none"_s,
            {{"Authorization", "Basic c2NpbTpzY2lt"}});
        row("permission off", "GET", u"/Users"_s, {}, 403, {}, u"noperm"_s);
        row("permission off writing", "POST", u"/Users"_s, user({}), 403, {}, u"noperm"_s);
        row("suspended application", "POST", u"/Users"_s, user({}), 403, {}, u"suspended"_s);
        row("unknown application", "GET", u"http:/scim/v2/apps/00000000-0000-0000-0000-000000000000/Users"_s, {}, 404);
        row("application id with dot-dot", "GET", u"http:/scim/v2/apps/..%2F..%2Fetc/Users"_s, {}, 404);
        row("not a SCIM path", "GET", u"http:/etc/passwd"_s, {}, 404);

        // --- Bodies that are not JSON objects
        row("malformed JSON", "POST", u"/Users"_s, "{\"userName\": ", 400, invalidSyntax);
        row("truncated JSON", "POST", u"/Users"_s, "{\"userName\":\"x\"", 400, invalidSyntax);
        row("JSON array", "POST", u"/Users"_s, "[]", 400, invalidSyntax);
        row("JSON string", "POST", u"/Users"_s, "\"user\"", 400, invalidSyntax);
        row("empty body", "POST", u"/Users"_s, {}, 400, invalidSyntax);
        row("invalid UTF-8", "POST", u"/Users"_s,
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"\xc3\x28\xff\"}", 400,
            invalidSyntax);
        row("nested 10,000 deep", "POST", u"/Users"_s,
            "{\"userName\":\"deep@example.com\",\"x\":" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}", 400,
            invalidSyntax);
        row("wrong content type", "POST", u"/Users"_s, user({}), 415, {}, u"valid"_s, {{"Content-Type", "text/plain"}});
        row("XML", "POST", u"/Users"_s, "<user><userName>x</userName></user>", 415, {}, u"valid"_s,
            {{"Content-Type", "application/xml"}});

        // --- Wrong types and values (U-*)
        row("userName a number", "POST", u"/Users"_s, user({{u"userName"_s, 42}}), 400, invalidValue);
        row("userName a huge number", "POST", u"/Users"_s,
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":1e400}", 400, invalidSyntax);
        row("userName null", "POST", u"/Users"_s, user({{u"userName"_s, QJsonValue::Null}}), 400, invalidValue);
        row("userName missing", "POST", u"/Users"_s,
            json({{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:User"_s}}}), 400, invalidValue);
        row("userName empty", "POST", u"/Users"_s, user({{u"userName"_s, u""_s}}), 400, invalidValue);
        row("userName blank", "POST", u"/Users"_s, user({{u"userName"_s, u"   "_s}}), 400, invalidValue);
        row("userName 100,000 characters", "POST", u"/Users"_s, user({{u"userName"_s, QString(100000, u'a')}}), 400,
            invalidValue);
        row("displayName an object", "POST", u"/Users"_s, user({{u"displayName"_s, QJsonObject{{u"a"_s, 1}}}}), 400,
            invalidValue);
        row("displayName 500,000 characters", "POST", u"/Users"_s, user({{u"displayName"_s, QString(500000, u'd')}}),
            400, invalidValue);
        row("externalId 2,000 characters", "POST", u"/Users"_s, user({{u"externalId"_s, QString(2000, u'e')}}), 400,
            invalidValue);
        row("givenName 5,000 characters", "POST", u"/Users"_s,
            user({{u"name"_s, QJsonObject{{u"givenName"_s, QString(5000, u'g')}}}}), 400, invalidValue);
        row("group displayName 100,000 characters", "POST", u"/Groups"_s,
            json(QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:Group"_s}},
                             {u"displayName"_s, QString(100000, u'g')}}),
            400, invalidValue);
        row("active a string", "POST", u"/Users"_s, user({{u"active"_s, u"sometimes"_s}}), 400, invalidValue);
        row("name a string", "POST", u"/Users"_s, user({{u"name"_s, u"Ana"_s}}), 400, invalidValue);
        row("emails an object", "POST", u"/Users"_s, user({{u"emails"_s, QJsonObject{{u"value"_s, u"a@b"_s}}}}), 400,
            invalidValue);
        row("email value a number", "POST", u"/Users"_s,
            user({{u"emails"_s, QJsonArray{QJsonObject{{u"value"_s, 7}, {u"type"_s, u"work"_s}}}}}), 400, invalidValue);
        row("two work emails", "POST", u"/Users"_s,
            user({{u"emails"_s, QJsonArray{QJsonObject{{u"value"_s, u"a@example.com"_s}, {u"type"_s, u"work"_s}},
                                           QJsonObject{{u"value"_s, u"b@example.com"_s}, {u"type"_s, u"work"_s}}}}}),
            400, invalidValue);
        row("phone number garbage", "POST", u"/Users"_s,
            user({{u"phoneNumbers"_s, QJsonArray{QJsonObject{{u"value"_s, u"call me"_s}, {u"type"_s, u"work"_s}}}}}),
            400, invalidValue);
        row("home email refused", "POST", u"/Users"_s,
            user({{u"emails"_s, QJsonArray{QJsonObject{{u"value"_s, u"h@example.com"_s}, {u"type"_s, u"home"_s}}}}}),
            400, invalidValue);
        row("password a number", "POST", u"/Users"_s, user({{u"password"_s, 12345678}}), 400, invalidValue);
        row("password against the policy", "POST", u"/Users"_s, user({{u"password"_s, u"a"_s}}), 400, invalidValue);
        row("enterprise extension a string", "POST", u"/Users"_s, user({{Scim::Enterprise, u"Engineering"_s}}), 400,
            invalidValue);
        row("organization outside the scope", "POST", u"/Users"_s,
            user({{Scim::Enterprise, QJsonObject{{u"organizationId"_s, u"%OUT_ORG%"_s}}}}), 400, invalidValue);
        row("organization that does not exist", "POST", u"/Users"_s,
            user({{Scim::Enterprise, QJsonObject{{u"organizationId"_s, u"no-such-org"_s}}}}), 400, invalidValue);
        row("organization id with SQL", "POST", u"/Users"_s,
            user({{Scim::Enterprise, QJsonObject{{u"organizationId"_s, u"' OR '1'='1"_s}}}}), 400, invalidValue);
        row("organizationId a number", "POST", u"/Users"_s,
            user({{Scim::Enterprise, QJsonObject{{u"organizationId"_s, 5}}}}), 400, invalidValue);

        // --- Uniqueness (I-01 with the reject policy, S-02)
        row("duplicate userName", "POST", u"/Users"_s, user({{u"userName"_s, u"existing@example.com"_s}}), 409,
            uniqueness);
        row("case-variant userName", "POST", u"/Users"_s, user({{u"userName"_s, u"EXISTING@Example.COM"_s}}), 409,
            uniqueness);
        row("userName taken outside the scope", "POST", u"/Users"_s, user({{u"userName"_s, u"outsider@example.com"_s}}),
            409, uniqueness);
        row("rename onto a taken userName", "PUT", u"/Users/%U%"_s, json(Scim::user(u"member@example.com"_s)), 409,
            uniqueness);

        // --- Filters, sorting and paging
        const auto filter = [](const char *text) {
            return u"/Users?filter="_s + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(text)));
        };
        row("filter without a value", "GET", filter("userName eq"), {}, 400, invalidFilter);
        row("filter with a dangling or", "GET", filter("userName eq \"a\" or"), {}, 400, invalidFilter);
        row("filter of SQL", "GET", filter("' OR 1=1 --"), {}, 400, invalidFilter);
        row("filter unterminated string", "GET", filter("userName eq \"abc"), {}, 400, invalidFilter);
        row("filter unknown operator", "GET", filter("userName like \"a%\""), {}, 400, invalidFilter);
        row("filter unknown attribute", "GET", filter("shoeSize gt 40"), {}, 400, invalidFilter);
        row("filter unclosed bracket", "GET", filter("emails[type eq \"work\""), {}, 400, invalidFilter);
        row("filter unbalanced parenthesis", "GET", filter("(userName eq \"a\""), {}, 400, invalidFilter);
        row("filter 200 parentheses deep", "GET",
            filter((QByteArray(200, '(') + "userName eq \"a\"" + QByteArray(200, ')')).constData()), {}, 400,
            invalidFilter);
        // 1,000 terms (the filter's own bound, tst_Filter) do not fit in a request line: the line limit answers.
        row("filter of 2,000 terms", "GET", u"/Users?filter="_s + QString::fromLatin1(repeatedFilter(2000)), {}, 414);
        row("filter of 500 terms", "GET", u"/Users?filter="_s + QString::fromLatin1(repeatedFilter(500)), {}, 200);
        row("filter with NUL", "GET", u"/Users?filter=userName%20eq%20%22a%00b%22"_s, {}, 400, invalidValue);
        row("filter value with SQL", "GET", filter("userName eq \"x'; DROP TABLE accounts; --\""), {}, 200);
        row("filter value with LIKE wildcards", "GET", filter("userName sw \"%\""), {}, 200);
        row("filter date that is not", "GET", filter("meta.lastModified gt \"yesterday\""), {}, 400, invalidFilter);
        row("sortBy with SQL", "GET", u"/Users?sortBy=userName%3B%20DROP%20TABLE%20accounts"_s, {}, 400, invalidPath);
        row("sortBy unknown", "GET", u"/Users?sortBy=shoeSize"_s, {}, 400, invalidValue);
        row("sortOrder unknown", "GET", u"/Users?sortOrder=sideways"_s, {}, 400, invalidValue);
        row("count not a number", "GET", u"/Users?count=many"_s, {}, 400, invalidValue);
        row("startIndex not a number", "GET", u"/Users?startIndex=1e9999"_s, {}, 400, invalidValue);
        row("count negative", "GET", u"/Users?count=-5"_s, {}, 200);
        row("groups filter on a group outside the scope", "GET", u"/Users?filter=groups.value%20eq%20%22%OUT_G%%22"_s,
            {}, 200);

        // --- Ids
        row("unknown id", "GET", u"/Users/no-such-user"_s, {}, 404);
        row("id with an encoded slash", "GET", u"/Users/..%2F..%2Fetc%2Fpasswd"_s, {}, 404);
        row("id with NUL", "GET", u"/Users/a%00b"_s, {}, 400, invalidValue);
        row("userName with NUL", "POST", u"/Users"_s, user({{u"userName"_s, u"nul\u0000@example.com"_s}}), 400,
            invalidValue);
        row("id with SQL", "GET", u"/Users/'%20OR%20'1'%3D'1"_s, {}, 404);
        row("id of a user outside the scope", "GET", u"/Users/%OUT_U%"_s, {}, 404);
        row("a path below an id", "GET", u"/Users/%U%/password"_s, {}, 404);
        row("delete outside the scope", "DELETE", u"/Users/%OUT_U%"_s, {}, 404);
        row("replace outside the scope", "PUT", u"/Users/%OUT_U%"_s, json(Scim::user(u"outsider@example.com"_s)), 404);
        row("group outside the scope", "GET", u"/Groups/%OUT_G%"_s, {}, 404);
        row("delete unknown group", "DELETE", u"/Groups/no-such-group"_s, {}, 404);

        // --- PATCH
        const QJsonObject rename{{u"op"_s, u"replace"_s}, {u"path"_s, u"displayName"_s}, {u"value"_s, u"x"_s}};
        row("patch without schemas", "PATCH", u"/Users/%U%"_s, json({{u"Operations"_s, QJsonArray{rename}}}), 400,
            invalidValue);
        row("patch without operations", "PATCH", u"/Users/%U%"_s, patch({}), 400, invalidValue);
        row("patch operation not an object", "PATCH", u"/Users/%U%"_s, patch({u"replace"_s}), 400, invalidValue);
        row("patch unknown op", "PATCH", u"/Users/%U%"_s,
            patch({QJsonObject{{u"op"_s, u"frobnicate"_s}, {u"path"_s, u"displayName"_s}, {u"value"_s, u"x"_s}}}), 400,
            invalidValue);
        row("patch path nonsense", "PATCH", u"/Users/%U%"_s,
            patch({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"name..x"_s}, {u"value"_s, u"x"_s}}}), 400,
            invalidPath);
        row("patch path with a broken filter", "PATCH", u"/Users/%U%"_s,
            patch({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"emails[type eq]"_s}, {u"value"_s, u"x"_s}}}), 400,
            invalidPath);
        row("patch replaces the id", "PATCH", u"/Users/%U%"_s,
            patch({QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"id"_s}, {u"value"_s, u"x"_s}}}), 400, mutability);
        row("patch removes without a path", "PATCH", u"/Users/%U%"_s, patch({QJsonObject{{u"op"_s, u"remove"_s}}}), 400,
            noTarget);
        row("patch whose second operation fails", "PATCH", u"/Users/%U%"_s,
            patch({rename, QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"userName"_s}, {u"value"_s, 5}}}), 400,
            invalidValue);
        {
            QJsonArray many;
            for (int i = 0; i <= 1000; ++i)
                many.append(rename);
            row("patch of 1,001 operations", "PATCH", u"/Users/%U%"_s, patch(many), 400, invalidValue);
        }
        const auto addMember = [](const QString &id) {
            return patch({QJsonObject{{u"op"_s, u"add"_s},
                                      {u"path"_s, u"members"_s},
                                      {u"value"_s, QJsonArray{QJsonObject{{u"value"_s, id}}}}}});
        };
        row("member that does not exist", "PATCH", u"/Groups/%G%"_s, addMember(u"no-such-user"_s), 400, invalidValue);
        row("member outside the scope", "PATCH", u"/Groups/%G%"_s, addMember(u"%OUT_U%"_s), 400, invalidValue);
        row("a group as a member", "PATCH", u"/Groups/%G%"_s, addMember(u"%G%"_s), 400, invalidValue);
        row("member with SQL", "PATCH", u"/Groups/%G%"_s, addMember(u"x') OR ('1'='1"_s), 400, invalidValue);

        // --- Conditional requests (RFC 7644 §3.14)
        row("patch with a stale If-Match", "PATCH", u"/Users/%U%"_s, patch({rename}), 412, {}, u"valid"_s,
            {{"If-Match", "W/\"999\""}});
        row("replace with a stale If-Match", "PUT", u"/Users/%U%"_s, json(Scim::user(u"existing@example.com"_s)), 412,
            {}, u"valid"_s, {{"If-Match", "W/\"999\""}});
        row("delete with a stale If-Match", "DELETE", u"/Users/%U%"_s, {}, 412, {}, u"valid"_s,
            {{"If-Match", "W/\"999\""}});
        row("If-Match that is no ETag", "DELETE", u"/Users/%U%"_s, {}, 412, {}, u"valid"_s, {{"If-Match", "garbage"}});

        // --- Methods
        row("patch the collection", "PATCH", u"/Users"_s, patch({rename}), 405);
        row("delete the collection", "DELETE", u"/Users"_s, {}, 405);
        row("post to an id", "POST", u"/Users/%U%"_s, user({}), 405);
        row("put the configuration", "PUT", u"/ServiceProviderConfig"_s, "{}", 405);
        row("TRACE", "TRACE", u"/Users"_s, {}, 405);

        // --- Groups
        row("group without a displayName", "POST", u"/Groups"_s,
            json({{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:Group"_s}}}), 400, invalidValue);
        row("group members not an array", "POST", u"/Groups"_s,
            json(QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:Group"_s}},
                             {u"displayName"_s, u"G"_s},
                             {u"members"_s, u"%M%"_s}}),
            400, invalidValue);
        row("group member of type Group", "POST", u"/Groups"_s,
            json(QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:Group"_s}},
                             {u"displayName"_s, u"G"_s},
                             {u"members"_s, QJsonArray{QJsonObject{{u"value"_s, u"%G%"_s}, {u"type"_s, u"Group"_s}}}}}),
            400, invalidValue);
        row("group displayName a number", "POST", u"/Groups"_s,
            json(QJsonObject{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:schemas:core:2.0:Group"_s}},
                             {u"displayName"_s, 3}}),
            400, invalidValue);

        // --- The wire (issue 11 items 1 and 9)
        row("body over 1 MiB", "POST", u"/Users"_s, user({{u"displayName"_s, QString(1100000, u'x')}}), 413);
        row("request line over 8 KiB", "GET", u"/Users/"_s + QString(9000, u'i'), {}, 414);
        row("headers over 64 KiB", "GET", u"/Users"_s, {}, 431, {}, u"valid"_s,
            {{"X-Padding", QByteArray(70000, 'p')}});
    }

    void matrix()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(Headers, headers);
        QFETCH(QString, token);
        QFETCH(int, status);
        QFETCH(QString, scimType);

        const QString before = fingerprint();
        QString target = expand(path);
        if (target.startsWith(u"http:/")) // an absolute path on the server
            target = m_server->base().section(u'/', 0, 2) + target.mid(5);
        else if (m_bases.contains(token))
            target = m_bases.value(token) + target;
        Headers sent = headers;
        for (auto &[name, value] : sent)
            value = expand(QString::fromLatin1(value)).toLatin1();
        const QByteArray expandedBody = expand(QString::fromUtf8(body)).toUtf8();
        const QByteArray finalBody = body.isValidUtf8() ? expandedBody : body;
        const HttpReply reply = m_server->send(method, target, finalBody, sent, m_tokens.value(token));
        QVERIFY2(
            reply.status == status,
            qPrintable(
                u"%1 instead of %2: %3"_s.arg(reply.status).arg(status).arg(QString::fromUtf8(reply.body.left(300)))));
        QVERIFY2(reply.status < 500, "never a server error");
        if (reply.status >= 400 && !reply.body.isEmpty()) {
            QCOMPARE(reply.json().value(u"schemas").toArray().first().toString(),
                     u"urn:ietf:params:scim:api:messages:2.0:Error"_s);
            QCOMPARE(reply.json().value(u"status").toString(), QString::number(status));
        }
        QCOMPARE(reply.json().value(u"scimType").toString(), scimType);
        QCOMPARE(fingerprint(), before);
        // The server is still there and well.
        QCOMPARE(m_server->get(u"/Users?count=0"_s).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_HostileInput)
#include "tst_HostileInput.moc"
