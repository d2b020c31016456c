// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/ApplicationStore.h"
#include "core/store/ExtensionFieldStore.h"
#include "tests/support/ScimJson.h"
#include "tests/support/ScimTestServer.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <optional>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Custom = u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s;

/// One kept value of emails or phoneNumbers.
struct Element
{
    std::optional<QString> value; // none: an element without a value (invalid)
    std::optional<bool> primary;
    bool operator==(const Element &) const = default;
};

/// The reference model: the user as RFC 7644 §3.5.2 and DOMAIN.md U say a PATCH leaves it, written from the rules
/// and sharing no code with the server's PatchEngine or UserResource.
struct Model
{
    std::optional<QString> displayName, externalId, givenName, familyName, dept;
    bool active = true;
    QList<Element> emails; // work values; more than one is invalid (U-06, U-11)
    QList<Element> phones;
    std::optional<QString> region; // U-05: the region the client stated, when regionStated
    bool regionStated = false;
    // Within one request: the phoneRegion the PATCHed representation carries, and the derived region the
    // representation showed before (sending that back is no statement).
    std::optional<QString> bodyRegion, echo;

    void beginRequest()
    {
        echo = regionStated ? std::nullopt : derivedRegion();
        bodyRegion = regionStated ? region : derivedRegion();
    }

    /// What GET should show of the attributes the model covers.
    QJsonObject json() const
    {
        QJsonObject out{{u"active"_s, active}};
        const auto put = [&](const QString &key, const std::optional<QString> &v) {
            if (v)
                out.insert(key, *v);
        };
        put(u"displayName"_s, displayName);
        put(u"externalId"_s, externalId);
        QJsonObject name;
        if (givenName)
            name.insert(u"givenName"_s, *givenName);
        if (familyName)
            name.insert(u"familyName"_s, *familyName);
        if (!name.isEmpty())
            out.insert(u"name"_s, name);
        const auto values = [](const QList<Element> &elements) {
            QJsonArray array;
            for (const Element &e : elements) {
                QJsonObject o{{u"value"_s, *e.value}, {u"type"_s, u"work"_s}};
                if (e.primary)
                    o.insert(u"primary"_s, *e.primary);
                array.append(o);
            }
            return array;
        };
        if (!emails.isEmpty())
            out.insert(u"emails"_s, values(emails));
        if (!phones.isEmpty())
            out.insert(u"phoneNumbers"_s, values(phones));
        const std::optional<QString> shownRegion = regionStated ? region : derivedRegion();
        if (shownRegion)
            out.insert(u"phoneRegion"_s, *shownRegion);
        if (dept)
            out.insert(Custom, QJsonObject{{u"dept"_s, *dept}});
        return out;
    }

    std::optional<QString> derivedRegion() const
    {
        if (phones.isEmpty() || !phones.first().value)
            return std::nullopt;
        return phones.first().value->section(u' ', 0, 0).mid(1); // "+44 20 …" → "44"
    }
};

/// The same keys of a server representation.
QJsonObject comparable(const QJsonObject &user)
{
    QJsonObject out;
    for (const QString &key : {u"active"_s, u"displayName"_s, u"externalId"_s, u"name"_s, u"emails"_s,
                               u"phoneNumbers"_s, u"phoneRegion"_s, Custom}) {
        if (user.contains(key))
            out.insert(key, user.value(key));
    }
    return out;
}

struct Outcome
{
    int status = 204;
    QString scimType;
};

/// Generates an operation, applies it to the model, and says what the server must answer if it fails there.
class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_random(seed)
    {}

    int bounded(int n) { return int(m_random.bounded(n)); }

    /// One operation, applied to `m`; an error when the operation itself must fail.
    std::optional<Outcome> next(Model &m, QJsonArray &operations)
    {
        const QStringList words{u"Alpha"_s, u"beta"_s, u"Ärger"_s, u"Zoë"_s, u"x"_s};
        const QString word = words.at(bounded(int(words.size()))) + QString::number(bounded(9));
        const auto opName = [&](const char *name) {
            const QString n = QString::fromLatin1(name);
            return bounded(3) == 0 ? n.left(1).toUpper() + n.mid(1) : n; // Entra capitalises
        };
        const auto push = [&](const QString &op, const QString &path, const QJsonValue &value) {
            QJsonObject o{{u"op"_s, op}};
            if (!path.isEmpty())
                o.insert(u"path"_s, path);
            if (!value.isUndefined())
                o.insert(u"value"_s, value);
            operations.append(o);
        };
        const auto string = [&](std::optional<QString> &field, const QString &path) {
            switch (bounded(3)) {
            case 0:
                push(opName("add"), path, word);
                field = word;
                break;
            case 1:
                push(opName("replace"), path, word);
                field = word;
                break;
            default:
                push(opName("remove"), path, QJsonValue(QJsonValue::Undefined));
                field.reset();
            }
            return std::optional<Outcome>();
        };
        const auto number = [&] {
            static const QStringList prefixes{u"+86 138 0013 "_s, u"+44 20 7946 "_s, u"+1 415 555 "_s};
            return prefixes.at(bounded(3)) + QString::number(1000 + bounded(9000));
        };

        switch (bounded(12)) {
        case 0:
            return string(m.displayName, u"displayName"_s);
        case 1:
            return string(m.externalId, u"externalId"_s);
        case 2:
            return string(m.givenName, u"name.givenName"_s);
        case 3:
            return string(m.familyName, u"name.familyName"_s);
        case 4:
            return string(m.dept, Custom + u":dept"_s);
        case 5: { // active, as a boolean or as Entra's string
            const bool value = bounded(2) == 0;
            push(opName("replace"), u"active"_s,
                 bounded(2) ? QJsonValue(value) : QJsonValue(value ? u"True"_s : u"False"_s));
            m.active = value;
            return std::nullopt;
        }
        case 6: // Okta's path-less replace
        {
            const bool value = bounded(2) == 0;
            QJsonObject values{{u"active"_s, value}, {u"displayName"_s, word}};
            if (bounded(2))
                values.insert(u"name.givenName"_s, word); // Entra's dotted key
            push(opName("replace"), {}, values);
            m.active = value;
            m.displayName = word;
            if (values.contains(u"name.givenName"))
                m.givenName = word;
            return std::nullopt;
        }
        case 7:
        case 8: { // the work email or phone through a value filter
            const bool email = bounded(2) == 0;
            QList<Element> &elements = email ? m.emails : m.phones;
            const QString attribute = email ? u"emails"_s : u"phoneNumbers"_s;
            const QString value = email ? word.toLower() + u"@example.com"_s : number();
            const QString path = attribute + u"[type eq \"work\"]"_s;
            switch (bounded(4)) {
            case 0: // add: sets the value, or creates the element (Entra)
                push(opName("add"), path + u".value"_s, value);
                if (elements.isEmpty())
                    elements.append({value, std::nullopt});
                else
                    for (Element &e : elements)
                        e.value = value;
                return std::nullopt;
            case 1: // replace: RFC 7644 §3.5.2.3, nothing selected is noTarget
                push(opName("replace"), path + u".value"_s, value);
                if (elements.isEmpty())
                    return Outcome{400, u"noTarget"_s};
                for (Element &e : elements)
                    e.value = value;
                return std::nullopt;
            case 2:
                push(opName("remove"), path, QJsonValue(QJsonValue::Undefined));
                elements.clear();
                return std::nullopt;
            default: { // a value of another type: nothing to replace
                push(opName("replace"), attribute + u"[type eq \"home\"].value"_s, value);
                return Outcome{400, u"noTarget"_s};
            }
            }
        }
        case 9: { // the whole attribute: replace, or add beside what is there
            const bool email = bounded(2) == 0;
            QList<Element> &elements = email ? m.emails : m.phones;
            const QString value = email ? word.toLower() + u"@example.com"_s : number();
            const std::optional<bool> primary = bounded(3) == 0 ? std::nullopt : std::optional<bool>(bounded(2) == 0);
            const QJsonArray array = Scim::workValue(value, primary ? QJsonValue(*primary) : QJsonValue::Undefined);
            if (bounded(2)) {
                push(opName("replace"), email ? u"emails"_s : u"phoneNumbers"_s, array);
                elements = {{value, primary}};
            } else {
                push(opName("add"), email ? u"emails"_s : u"phoneNumbers"_s, array);
                const bool same =
                    std::any_of(elements.begin(), elements.end(), [&](const Element &e) { return e.value == value; });
                if (!same) // an element equal by value is not added twice
                    elements.append({value, primary});
            }
            return std::nullopt;
        }
        case 10: { // a read-only attribute: the same id is no change, another is mutability
            if (bounded(2)) {
                push(opName("replace"), {}, QJsonObject{{u"id"_s, m_id}, {u"externalId"_s, word}});
                m.externalId = word;
                return std::nullopt;
            }
            push(opName("replace"), u"id"_s, word);
            return Outcome{400, u"mutability"_s};
        }
        default: { // phoneRegion, equal to the number's code or not
            const std::optional<QString> derived = m.derivedRegion();
            const QString region =
                derived && bounded(2) ? *derived : QStringList{u"86"_s, u"44"_s, u"1"_s}.at(bounded(3));
            push(opName("replace"), u"phoneRegion"_s, region);
            m.bodyRegion = region;
            return std::nullopt;
        }
        }
    }

    void setId(const QString &id) { m_id = id; }

private:
    QRandomGenerator m_random;
    QString m_id;
};

/// The rules the whole result must pass, after every operation applied (DOMAIN U-05, U-06, U-11).
std::optional<Outcome> validate(Model &m)
{
    if (m.emails.size() > 1 || m.phones.size() > 1)
        return Outcome{400, u"invalidValue"_s};
    // U-05: a region is stated when the client sent one that is not the echo of the derived region.
    m.regionStated = m.bodyRegion && (m.regionStated || m.bodyRegion != m.echo);
    m.region = m.regionStated ? m.bodyRegion : std::nullopt;
    if (m.regionStated && m.derivedRegion() && *m.derivedRegion() != *m.region)
        return Outcome{400, u"invalidValue"_s};
    return std::nullopt;
}

quint32 seed()
{
    bool ok = false;
    const quint32 value = qEnvironmentVariable("SCIM_DIFF_SEED").toUInt(&ok);
    return ok ? value : 20261202;
}

} // namespace

/// Differential test of PATCH (issue 7): generated operation sequences, in Okta's and Entra's dialects, applied by
/// the server and by a reference model of RFC 7644 §3.5.2 and DOMAIN.md U; the stored user read back over HTTP must
/// equal the model's, and a failing request must fail with the model's status and scimType and change nothing.
class tst_PatchDifferential : public QObject
{
    Q_OBJECT

private slots:
    void patches_agreeWithTheModel()
    {
        SCIM_START_TEST_SERVER(s);
        QVERIFY(ExtensionFieldStore(s.db()).create(u"dept"_s, FieldType::String));
        QVERIFY(ApplicationStore(s.db()).setMapping(s.appId(), Custom, {u"dept"_s}));

        Generator generator(seed());
        bool ok = false;
        const int sequences = qEnvironmentVariableIntValue("SCIM_DIFF_CASES", &ok) / 10;
        int failures = 0, successes = 0;
        for (int i = 0; i < (ok && sequences > 0 ? sequences : 200); ++i) {
            const QString id = s.createUser(u"patched"_s + QString::number(i));
            QVERIFY(!id.isEmpty());
            generator.setId(id);
            Model model;
            for (int step = 0; step < 4; ++step) {
                QJsonArray operations;
                Model next = model;
                next.beginRequest();
                std::optional<Outcome> expected;
                const int count = 1 + generator.bounded(3);
                for (int k = 0; k < count && !expected; ++k)
                    expected = generator.next(next, operations);
                if (!expected)
                    expected = validate(next);
                const QJsonObject before = s.get(u"/Users/"_s + id).json();
                const HttpReply reply = s.patch(u"/Users/"_s + id, Scim::patch(operations));
                const QJsonObject after = s.get(u"/Users/"_s + id).json();
                const QByteArray ops = QJsonDocument(operations).toJson(QJsonDocument::Compact);
                if (expected) {
                    ++failures;
                    QVERIFY2(Scim::isError(reply, expected->status, expected->scimType),
                             qPrintable(u"seed %1 sequence %2: %3"_s.arg(seed()).arg(i).arg(QString::fromUtf8(ops))));
                    QVERIFY2(after == before, "a failed PATCH changes nothing");
                    continue;
                }
                ++successes;
                model = next;
                const QJsonObject want = model.json(), got = comparable(after);
                if (reply.status != 204 || got != want) {
                    qWarning("seed %u sequence %d: %s\n  status %d %s\n  server: %s\n  model:  %s", seed(), i,
                             ops.constData(), reply.status, reply.body.constData(),
                             QJsonDocument(got).toJson(QJsonDocument::Compact).constData(),
                             QJsonDocument(want).toJson(QJsonDocument::Compact).constData());
                    QFAIL("the server and the model disagree");
                }
            }
        }
        // Both kinds of outcome are exercised.
        QVERIFY(failures > 50);
        QVERIFY(successes > 200);
    }
};

QTEST_GUILESS_MAIN(tst_PatchDifferential)
#include "tst_PatchDifferential.moc"
