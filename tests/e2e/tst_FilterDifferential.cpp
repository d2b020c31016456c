// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ApplicationStore.h"
#include "core/store/ExtensionFieldStore.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Custom = u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s;

enum class Type {
    ExactText, // caseExact string
    Text,      // compared ignoring case
    Boolean,
    Number,
    DateTime,
};

/// A filterable attribute of the representation: [schema] attribute [.sub], and how it compares.
struct Attribute
{
    QString schema;
    QString name;
    QString sub;
    Type type;
    bool multi = false; // name is a multi-valued attribute, sub one of its sub-attributes
};

const QList<Attribute> &userAttributes()
{
    static const QList<Attribute> all{
        {{}, u"id"_s, {}, Type::ExactText},
        {{}, u"userName"_s, {}, Type::Text},
        {{}, u"externalId"_s, {}, Type::ExactText},
        {{}, u"displayName"_s, {}, Type::Text},
        {{}, u"name"_s, u"givenName"_s, Type::Text},
        {{}, u"name"_s, u"familyName"_s, Type::Text},
        {{}, u"active"_s, {}, Type::Boolean},
        {{}, u"phoneRegion"_s, {}, Type::ExactText},
        {{}, u"emails"_s, u"value"_s, Type::Text, true},
        {{}, u"emails"_s, u"type"_s, Type::Text, true},
        {{}, u"emails"_s, u"primary"_s, Type::Boolean, true},
        {{}, u"phoneNumbers"_s, u"value"_s, Type::ExactText, true},
        {{}, u"phoneNumbers"_s, u"type"_s, Type::Text, true},
        {{}, u"phoneNumbers"_s, u"primary"_s, Type::Boolean, true},
        {Scim::Enterprise, u"organizationId"_s, {}, Type::ExactText},
        {Custom, u"dept"_s, {}, Type::Text},
        {Custom, u"level"_s, {}, Type::Number},
        {Custom, u"remote"_s, {}, Type::Boolean},
        {{}, u"meta"_s, u"resourceType"_s, Type::Text},
        {{}, u"meta"_s, u"created"_s, Type::DateTime},
        {{}, u"meta"_s, u"lastModified"_s, Type::DateTime},
        {{}, u"meta"_s, u"location"_s, Type::ExactText},
        {{}, u"meta"_s, u"version"_s, Type::Text},
    };
    return all;
}

const QList<Attribute> &groupAttributes()
{
    static const QList<Attribute> all{
        {{}, u"id"_s, {}, Type::ExactText},
        {{}, u"displayName"_s, {}, Type::Text},
        {{}, u"externalId"_s, {}, Type::ExactText},
        {{}, u"members"_s, u"value"_s, Type::ExactText, true},
        {{}, u"members"_s, u"type"_s, Type::Text, true},
        {{}, u"members"_s, u"$ref"_s, Type::ExactText, true},
        {{}, u"meta"_s, u"resourceType"_s, Type::Text},
        {{}, u"meta"_s, u"created"_s, Type::DateTime},
        {{}, u"meta"_s, u"version"_s, Type::Text},
    };
    return all;
}

/// The oracle's own filter tree: built by the generator, rendered as text for the server, evaluated here over the
/// JSON the server returns, by RFC 7644 §3.4.2.2 and the documented choices (FilterSql.h). It shares no code with
/// the server's parser, matcher or SQL translation.
struct Node
{
    enum class Kind {
        Compare,
        Present,
        And,
        Or,
        Not,
        ValuePath,
    };
    Kind kind = Kind::Compare;
    Attribute attribute; // Compare/Present; ValuePath: the multi-valued attribute (sub unused)
    QString op;          // eq ne co sw ew gt ge lt le
    QJsonValue value;
    std::shared_ptr<Node> left, right; // And/Or; Not: left; ValuePath: left is the inner filter (on sub-attributes)
};
using NodePtr = std::shared_ptr<Node>;

QJsonValue member(const QJsonObject &object, const QString &name)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool present(const QJsonValue &v)
{
    return !v.isUndefined() && !v.isNull() && !(v.isString() && v.toString().isEmpty())
           && !(v.isArray() && v.toArray().isEmpty());
}

/// One value against the filter's value: absent values pass only "ne".
bool compareValue(const QJsonValue &actual, const QString &op, const QJsonValue &expected, Type type)
{
    if (!present(actual))
        return op == u"ne";
    int order = 0;
    QString a, e;
    switch (type) {
    case Type::Boolean:
        order = actual.toBool() == expected.toBool() ? 0 : 1;
        break;
    case Type::Number: {
        const double x = actual.toDouble(), y = expected.toDouble();
        order = x < y ? -1 : (x > y ? 1 : 0);
        break;
    }
    case Type::DateTime: {
        const qint64 x = QDateTime::fromString(actual.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        const qint64 y = QDateTime::fromString(expected.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        order = x < y ? -1 : (x > y ? 1 : 0);
        break;
    }
    case Type::Text:
        a = actual.toString().toLower();
        e = expected.toString().toLower();
        order = a.compare(e);
        break;
    case Type::ExactText:
        a = actual.toString();
        e = expected.toString();
        order = a.compare(e);
        break;
    }
    if (op == u"eq")
        return order == 0;
    if (op == u"ne")
        return order != 0;
    if (op == u"co")
        return a.contains(e);
    if (op == u"sw")
        return a.startsWith(e);
    if (op == u"ew")
        return a.endsWith(e);
    if (op == u"gt")
        return order > 0;
    if (op == u"ge")
        return order >= 0;
    if (op == u"lt")
        return order < 0;
    return order <= 0; // le
}

QJsonObject containerOf(const QJsonObject &resource, const Attribute &attribute)
{
    return attribute.schema.isEmpty() ? resource : member(resource, attribute.schema).toObject();
}

bool evaluate(const Node &node, const QJsonObject &resource, const QJsonObject *element = nullptr)
{
    switch (node.kind) {
    case Node::Kind::And:
        return evaluate(*node.left, resource, element) && evaluate(*node.right, resource, element);
    case Node::Kind::Or:
        return evaluate(*node.left, resource, element) || evaluate(*node.right, resource, element);
    case Node::Kind::Not:
        return !evaluate(*node.left, resource, element);
    case Node::Kind::ValuePath: {
        const QJsonArray elements = member(containerOf(resource, node.attribute), node.attribute.name).toArray();
        return std::any_of(elements.begin(), elements.end(), [&](const QJsonValue &e) {
            const QJsonObject object = e.toObject();
            return evaluate(*node.left, resource, &object);
        });
    }
    case Node::Kind::Present:
    case Node::Kind::Compare:
        break;
    }
    const Attribute &a = node.attribute;
    if (element) { // inside a value path: a.sub of this element
        const QJsonValue v = member(*element, a.sub);
        return node.kind == Node::Kind::Present ? present(v) : compareValue(v, node.op, node.value, a.type);
    }
    const QJsonValue top = member(containerOf(resource, a), a.name);
    if (a.multi) { // emails.type eq "work" is emails[type eq "work"]
        const QJsonArray elements = top.toArray();
        return std::any_of(elements.begin(), elements.end(), [&](const QJsonValue &e) {
            const QJsonValue v = member(e.toObject(), a.sub);
            return node.kind == Node::Kind::Present ? present(v) : compareValue(v, node.op, node.value, a.type);
        });
    }
    const QJsonValue v = a.sub.isEmpty() ? top : member(top.toObject(), a.sub);
    return node.kind == Node::Kind::Present ? present(v) : compareValue(v, node.op, node.value, a.type);
}

/// Generates filters from the values the resources really hold, so that a good share of them match something.
class Generator
{
public:
    /// `coreSchema`: the URN that may qualify core attributes.
    Generator(quint32 seed, const QList<Attribute> &attributes, const QList<QJsonObject> &resources,
              const QString &coreSchema)
        : m_random(seed)
        , m_attributes(attributes)
        , m_resources(resources)
        , m_coreSchema(coreSchema)
    {}

    NodePtr filter(int depth = 0)
    {
        const int roll = int(m_random.bounded(depth >= 2 ? 6 : 10));
        auto node = std::make_shared<Node>();
        if (roll < 5)
            return leaf(pick(m_attributes));
        if (roll == 5) {
            const QList<Attribute> multi = multiValued();
            if (multi.isEmpty())
                return leaf(pick(m_attributes));
            node->kind = Node::Kind::ValuePath;
            node->attribute = pick(multi);
            node->left = inner(node->attribute.name, 0);
            return node;
        }
        node->kind = roll <= 7 ? Node::Kind::And : (roll == 8 ? Node::Kind::Or : Node::Kind::Not);
        node->left = filter(depth + 1);
        if (node->kind != Node::Kind::Not)
            node->right = filter(depth + 1);
        return node;
    }

    /// The filter as a client would write it: names and operators in random case, URNs now and then, JSON escapes.
    QString render(const Node &node, bool inside = false)
    {
        switch (node.kind) {
        case Node::Kind::And:
        case Node::Kind::Or:
            return u'(' + render(*node.left, inside) + u' ' + casing(node.kind == Node::Kind::And ? u"and"_s : u"or"_s)
                   + u' ' + render(*node.right, inside) + u')';
        case Node::Kind::Not:
            return casing(u"not"_s) + u" ("_s + render(*node.left, inside) + u')';
        case Node::Kind::ValuePath:
            return path(node.attribute, false) + u'[' + render(*node.left, true) + u']';
        case Node::Kind::Present:
        case Node::Kind::Compare:
            break;
        }
        QString text = inside ? casing(node.attribute.sub) : path(node.attribute, true);
        if (node.kind == Node::Kind::Present)
            return text + u' ' + casing(u"pr"_s);
        return text + u' ' + casing(node.op) + u' ' + literal(node.value);
    }

private:
    QList<Attribute> multiValued() const
    {
        QList<Attribute> names;
        for (const Attribute &a : m_attributes) {
            if (a.multi
                && std::none_of(names.begin(), names.end(), [&](const Attribute &n) { return n.name == a.name; }))
                names << a;
        }
        return names;
    }

    NodePtr inner(const QString &attribute, int depth)
    {
        QList<Attribute> subs;
        for (const Attribute &a : m_attributes) {
            if (a.multi && a.name == attribute)
                subs << a;
        }
        const int roll = int(m_random.bounded(depth >= 1 ? 4 : 7));
        if (roll < 4)
            return leaf(pick(subs));
        auto node = std::make_shared<Node>();
        node->kind = roll == 4 ? Node::Kind::And : (roll == 5 ? Node::Kind::Or : Node::Kind::Not);
        node->left = inner(attribute, depth + 1);
        if (node->kind != Node::Kind::Not)
            node->right = inner(attribute, depth + 1);
        return node;
    }

    NodePtr leaf(const Attribute &attribute)
    {
        auto node = std::make_shared<Node>();
        node->attribute = attribute;
        if (m_random.bounded(8) == 0) {
            node->kind = Node::Kind::Present;
            return node;
        }
        QStringList ops{u"eq"_s, u"ne"_s};
        if (attribute.type == Type::Text || attribute.type == Type::ExactText)
            ops << u"co"_s << u"sw"_s << u"ew"_s;
        if (attribute.type != Type::Boolean)
            ops << u"gt"_s << u"ge"_s << u"lt"_s << u"le"_s;
        node->op = pick(ops);
        node->value = value(attribute, node->op);
        return node;
    }

    /// A value the data holds (changed in case, cut for co/sw/ew), or a neighbour of one.
    QJsonValue value(const Attribute &a, const QString &op)
    {
        QList<QJsonValue> seen;
        for (const QJsonObject &resource : m_resources) {
            const QJsonValue top = member(containerOf(resource, a), a.name);
            if (a.multi) {
                for (const QJsonValue &e : top.toArray())
                    seen << member(e.toObject(), a.sub);
            } else {
                seen << (a.sub.isEmpty() ? top : member(top.toObject(), a.sub));
            }
        }
        seen.removeIf([](const QJsonValue &v) { return !present(v); });
        switch (a.type) {
        case Type::Boolean:
            return m_random.bounded(2) == 0;
        case Type::Number:
            return seen.isEmpty() || m_random.bounded(4) == 0 ? double(m_random.bounded(20)) : pick(seen).toDouble();
        case Type::DateTime: {
            const QString base = seen.isEmpty() ? u"2026-01-01T00:00:00.000Z"_s : pick(seen).toString();
            const QDateTime time =
                QDateTime::fromString(base, Qt::ISODateWithMs).addMSecs(qint64(m_random.bounded(5)) - 2);
            return m_random.bounded(2) ? time.toString(Qt::ISODateWithMs)
                                       : time.toOffsetFromUtc(8 * 3600).toString(Qt::ISODateWithMs);
        }
        case Type::Text:
        case Type::ExactText:
            break;
        }
        QString text = seen.isEmpty() || m_random.bounded(6) == 0 ? pick(noise()) : pick(seen).toString();
        if (op == u"co" || op == u"sw" || op == u"ew") {
            const int from = op == u"sw" ? 0 : int(m_random.bounded(qMax(1, int(text.size()))));
            text = text.mid(from, int(m_random.bounded(qMax(1, int(text.size() - from)))) + 1);
        }
        if (m_random.bounded(3) == 0)
            text = m_random.bounded(2) ? text.toUpper() : text.toLower();
        return text;
    }

    QString path(const Attribute &a, bool withSub)
    {
        QString name = casing(a.name);
        if (withSub && !a.sub.isEmpty())
            name += u'.' + casing(a.sub);
        if (!a.schema.isEmpty())
            return a.schema + u':' + name;
        if (m_random.bounded(8) == 0)
            return m_coreSchema + u':' + name;
        return name;
    }

    QString casing(const QString &word)
    {
        switch (m_random.bounded(4)) {
        case 0:
            return word.toUpper();
        case 1:
            return word.toLower();
        default:
            return word;
        }
    }

    QString literal(const QJsonValue &value)
    {
        if (value.isBool())
            return casing(value.toBool() ? u"true"_s : u"false"_s);
        if (value.isDouble())
            return QString::number(value.toDouble(), 'g', 17);
        QString out = u"\""_s;
        for (const QChar c : value.toString()) {
            if (c == u'"' || c == u'\\')
                out += u'\\' + QString(c);
            else if (c.unicode() > 0x7f && m_random.bounded(2))
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
        return out + u'"';
    }

    static const QStringList &noise()
    {
        static const QStringList words{u"zzz"_s,   u"A"_s,           u"work"_s,  u"100%"_s, u"a_b"_s,
                                       u"\"q\""_s, u"back\\slash"_s, u"Ärger"_s, u"ДЖ"_s,   u"@example.com"_s,
                                       u"+86"_s,   u"W/\"1\""_s,     u"User"_s};
        return words;
    }

    template <typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(int(m_random.bounded(int(list.size()))));
    }

    QRandomGenerator m_random;
    const QList<Attribute> &m_attributes;
    const QList<QJsonObject> &m_resources;
    QString m_coreSchema;
};

quint32 seedFromEnvironment()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("SCIM_DIFF_SEED").toUInt(&ok);
    return ok ? seed : 20261202;
}

int casesFromEnvironment(int fallback)
{
    bool ok = false;
    const int cases = qEnvironmentVariableIntValue("SCIM_DIFF_CASES", &ok);
    return ok && cases > 0 ? cases : fallback;
}

QString pickName(QRandomGenerator &random, const QStringList &names)
{
    return names.at(int(random.bounded(int(names.size()))));
}

} // namespace

/// Differential test of the filter engine (parser + SQL on SQLite or PostgreSQL, through the real server) against
/// an independent evaluator over the resources' JSON (issue 7). Seeded: SCIM_DIFF_SEED and SCIM_DIFF_CASES
/// reproduce or widen a run; a mismatch prints the seed, the filter and both answers.
class tst_FilterDifferential : public QObject
{
    Q_OBJECT

private:
    static QStringList ids(const QList<QJsonObject> &resources, const Node &filter)
    {
        QStringList out;
        for (const QJsonObject &r : resources) {
            if (evaluate(filter, r))
                out << r.value(u"id").toString();
        }
        out.sort();
        return out;
    }

    static QList<QJsonObject> listAll(ScimTestServer &s, const QString &collection, const QString &filter,
                                      int *status = nullptr)
    {
        const HttpReply reply =
            s.get(filter.isEmpty() ? collection + u"?count=1000"_s
                                   : Scim::filtered(collection, filter, u"&count=1000&attributes=id"_s));
        if (status)
            *status = reply.status;
        QList<QJsonObject> out;
        for (const QJsonValue &r : reply.json().value(u"Resources").toArray())
            out << r.toObject();
        return out;
    }

    static void compareAll(ScimTestServer &s, const QString &collection, const QString &coreSchema,
                           const QList<Attribute> &attributes, int cases)
    {
        const quint32 seed = seedFromEnvironment();
        const QList<QJsonObject> resources = listAll(s, collection, {});
        QVERIFY(!resources.isEmpty());
        Generator generator(seed, attributes, resources, coreSchema);
        int matchedSome = 0;
        for (int i = 0; i < cases; ++i) {
            const NodePtr filter = generator.filter();
            const QString text = generator.render(*filter);
            int status = 0;
            QStringList server;
            for (const QJsonObject &r : listAll(s, collection, text, &status))
                server << r.value(u"id").toString();
            server.sort();
            const QStringList expected = ids(resources, *filter);
            if (status != 200 || server != expected) {
                qWarning("seed %u case %d: %s\n  server (%d): %s\n  oracle: %s", seed, i, qPrintable(text), status,
                         qPrintable(server.join(u' ')), qPrintable(expected.join(u' ')));
                QFAIL("the server and the oracle disagree");
            }
            matchedSome += expected.isEmpty() ? 0 : 1;
        }
        // A generator whose filters match nothing would prove nothing.
        QVERIFY2(matchedSome > cases / 4,
                 qPrintable(u"only %1 of %2 filters matched anything"_s.arg(matchedSome).arg(cases)));
    }

private slots:
    void users_filtersAgreeWithTheOracle()
    {
        SCIM_START_TEST_SERVER(s);
        ExtensionFieldStore fields(s.db());
        QVERIFY(fields.create(u"dept"_s, FieldType::String));
        QVERIFY(fields.create(u"level"_s, FieldType::Number));
        QVERIFY(fields.create(u"remote"_s, FieldType::Boolean));
        QVERIFY(ApplicationStore(s.db()).setMapping(s.appId(), Custom, {u"dept"_s, u"level"_s, u"remote"_s}));

        QRandomGenerator random(seedFromEnvironment());
        const QStringList names{u"Barbara"_s,   u"jensen"_s,   u"Ärger"_s,       u"Дмитрий"_s, u"O'Malley"_s,
                                u"100%_sure"_s, u"quote\"d"_s, u"back\\slash"_s, u"Zoë"_s,     u"ann"_s};
        for (int i = 0; i < 60; ++i) {
            QJsonObject extra;
            const auto maybe = [&](const QString &key, const QJsonValue &value) {
                if (random.bounded(3))
                    extra.insert(key, value);
            };
            maybe(u"externalId"_s, pickName(random, names) + QString::number(i % 7));
            maybe(u"displayName"_s, pickName(random, names) + u' ' + pickName(random, names));
            QJsonObject name;
            if (random.bounded(2))
                name.insert(u"givenName"_s, pickName(random, names));
            if (random.bounded(2))
                name.insert(u"familyName"_s, pickName(random, names));
            if (!name.isEmpty())
                extra.insert(u"name"_s, name);
            extra.insert(u"active"_s, random.bounded(3) != 0);
            const QJsonValue primary = random.bounded(3) == 0   ? QJsonValue(QJsonValue::Undefined)
                                       : random.bounded(2) == 0 ? QJsonValue(false)
                                                                : QJsonValue(true);
            if (random.bounded(3))
                extra.insert(u"emails"_s,
                             Scim::workValue(pickName(random, names).toLower() + QString::number(i) + u"@Example.com"_s,
                                             primary));
            if (random.bounded(2))
                extra.insert(u"phoneNumbers"_s,
                             Scim::workValue((random.bounded(2) ? u"+86 138 0013 "_s : u"+1 415 555 "_s)
                                                 + QString::number(1000 + i),
                                             random.bounded(2) ? primary : QJsonValue(QJsonValue::Undefined)));
            QJsonObject custom;
            if (random.bounded(2))
                custom.insert(u"dept"_s, pickName(random, names));
            if (random.bounded(2))
                custom.insert(u"level"_s, double(random.bounded(12)) + (random.bounded(2) ? 0.5 : 0.0));
            if (random.bounded(2))
                custom.insert(u"remote"_s, random.bounded(2) == 0);
            if (!custom.isEmpty()) {
                extra.insert(Custom, custom);
                extra.insert(u"schemas"_s, QJsonArray{Scim::UserSchema, Custom});
            }
            const QString userName = pickName(random, names) + u'.' + QString::number(i);
            const QString id = s.createUser(i % 2 ? userName.toUpper() : userName, extra);
            QVERIFY2(!id.isEmpty(), qPrintable(userName));
            if (i % 5 == 0) { // versions above 1, and lastModified after created
                QCOMPARE(
                    s.patch(u"/Users/"_s + id, Scim::patch({Scim::op("replace", u"active"_s, extra.value(u"active"))}))
                        .status,
                    204);
            }
        }
        compareAll(s, u"/Users"_s, Scim::UserSchema, userAttributes(), casesFromEnvironment(2000));
    }

    void groups_filtersAgreeWithTheOracle()
    {
        SCIM_START_TEST_SERVER(s);
        QRandomGenerator random(seedFromEnvironment() + 1);
        QStringList users;
        for (int i = 0; i < 8; ++i)
            users << s.createUser(u"member"_s + QString::number(i));
        const QStringList names{u"Admins"_s, u"ärger"_s, u"Sales_EMEA"_s, u"100%"_s, u"R&D"_s};
        for (int i = 0; i < 25; ++i) {
            QStringList members;
            for (const QString &u : users) {
                if (random.bounded(4) == 0)
                    members << u;
            }
            QJsonObject body = Scim::group(pickName(random, names) + QString::number(i), members);
            if (random.bounded(2))
                body.insert(u"externalId"_s, pickName(random, names));
            QCOMPARE(s.post(u"/Groups"_s, body).status, 201);
        }
        compareAll(s, u"/Groups"_s, Scim::GroupSchema, groupAttributes(), casesFromEnvironment(2000) / 4);
    }
};

QTEST_GUILESS_MAIN(tst_FilterDifferential)
#include "tst_FilterDifferential.moc"
