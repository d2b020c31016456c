// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/PatchEngine.h"

#include "core/scim/Filter.h"
#include "core/scim/FilterMatcher.h"
#include "core/scim/JsonAccess.h"
#include "core/scim/ScimSchemas.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace ScimConsole::Core {

namespace {

enum class Op {
    Add,
    Replace,
    Remove,
};

/// Where an operation points: [schema container] attribute [filter] [.subAttribute].
struct Target
{
    QString schema; // an extension URN, or empty for the core attributes
    QString attribute;
    FilterPtr filter;
    QString subAttribute;
    QString text; // as written, for messages
};

const QStringList &multiValuedAttributes()
{
    static const QStringList names{
        QStringLiteral("emails"),           QStringLiteral("phoneNumbers"), QStringLiteral("members"),
        QStringLiteral("groups"),           QStringLiteral("addresses"),    QStringLiteral("ims"),
        QStringLiteral("photos"),           QStringLiteral("roles"),        QStringLiteral("entitlements"),
        QStringLiteral("x509Certificates"), QStringLiteral("schemas")};
    return names;
}

bool isMultiValued(const QString &attribute, const QJsonValue &current)
{
    return current.isArray() || multiValuedAttributes().contains(attribute, Qt::CaseInsensitive);
}

class Patcher
{
public:
    Patcher(QJsonObject resource, const QStringList &extensionSchemas)
        : m_resource(std::move(resource))
        , m_extensions(extensionSchemas)
    {
        m_extensions << QString(ScimSchemas::EnterpriseUser);
    }

    Result<std::monostate, ScimError> operation(const QJsonObject &operation, int index)
    {
        const QJsonValue opValue = JsonAccess::value(operation, u"op");
        const QString opText = opValue.toString();
        Op op;
        if (opText.compare(u"add", Qt::CaseInsensitive) == 0)
            op = Op::Add;
        else if (opText.compare(u"replace", Qt::CaseInsensitive) == 0)
            op = Op::Replace;
        else if (opText.compare(u"remove", Qt::CaseInsensitive) == 0)
            op = Op::Remove;
        else
            return ScimError::invalidValue(
                QStringLiteral("Operation %1: op must be add, replace or remove, not \"%2\".").arg(index).arg(opText));
        if (opText != opText.toLower())
            m_rewrites.append(QStringLiteral("op \"%1\" read as \"%2\"").arg(opText, opText.toLower()));

        const QJsonValue pathValue = JsonAccess::value(operation, u"path");
        QJsonValue value = JsonAccess::value(operation, u"value");
        if (!pathValue.isUndefined() && !pathValue.isNull() && !pathValue.isString())
            return ScimError::invalidPath(QStringLiteral("Operation %1: path must be a string.").arg(index));
        const QString path = pathValue.toString().trimmed();

        if (path.isEmpty()) {
            if (op == Op::Remove)
                return ScimError::noTarget(QStringLiteral("Operation %1: remove needs a path.").arg(index));
            if (!value.isObject())
                return ScimError::invalidValue(
                    QStringLiteral("Operation %1: without a path, value must be an object of attributes.").arg(index));
            return pathless(op, value.toObject(), index);
        }
        Result<Target, ScimError> target = parseTarget(path);
        if (!target)
            return target.error();
        if (op != Op::Remove && value.isUndefined())
            return ScimError::invalidValue(QStringLiteral("Operation %1: %2 needs a value.").arg(index).arg(opText));
        return apply(op, target.value(), value);
    }

    QJsonObject m_resource;
    QStringList m_rewrites;

private:
    QString extensionSchema(QStringView text) const
    {
        for (const QString &schema : m_extensions) {
            if (schema.compare(text, Qt::CaseInsensitive) == 0)
                return schema;
        }
        return {};
    }

    Result<Target, ScimError> parseTarget(const QString &text) const
    {
        Target target;
        target.text = text;
        QString rest = text;
        // A URN prefix names the schema container; the longest known extension URN wins.
        if (rest.startsWith(u"urn:", Qt::CaseInsensitive)) {
            QString matched;
            for (const QString &schema : m_extensions) {
                if (rest.startsWith(schema, Qt::CaseInsensitive) && schema.size() > matched.size()
                    && (rest.size() == schema.size() || rest.at(schema.size()) == u':'))
                    matched = schema;
            }
            if (matched.isEmpty() && rest.startsWith(ScimSchemas::User, Qt::CaseInsensitive)
                && rest.size() > ScimSchemas::User.size() && rest.at(ScimSchemas::User.size()) == u':') {
                rest = rest.mid(ScimSchemas::User.size() + 1); // core attributes may be qualified too
            } else if (matched.isEmpty()) {
                return ScimError::invalidPath(QStringLiteral("Unknown schema in path \"%1\".").arg(text));
            } else {
                target.schema = matched;
                rest = rest.mid(matched.size() + 1);
                if (rest.isEmpty()) // the whole extension
                    return target;
            }
        }
        const qsizetype open = rest.indexOf(u'[');
        if (open >= 0) {
            const qsizetype close = rest.lastIndexOf(u']');
            if (close < open)
                return ScimError::invalidPath(QStringLiteral("Unbalanced \"[\" in path \"%1\".").arg(text));
            Result<FilterPtr, ScimError> filter = Filter::parse(rest.mid(open + 1, close - open - 1));
            if (!filter)
                return ScimError::invalidPath(
                    QStringLiteral("Invalid value filter in path \"%1\": %2").arg(text, filter.error().detail));
            target.filter = filter.value();
            target.attribute = rest.left(open);
            const QString after = rest.mid(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(u'.'))
                    return ScimError::invalidPath(QStringLiteral("Invalid path \"%1\".").arg(text));
                target.subAttribute = after.mid(1);
            }
        } else {
            const qsizetype dot = rest.indexOf(u'.');
            target.attribute = dot < 0 ? rest : rest.left(dot);
            target.subAttribute = dot < 0 ? QString() : rest.mid(dot + 1);
        }
        Result<AttributePath, ScimError> check = AttributePath::parse(
            target.subAttribute.isEmpty() ? target.attribute : target.attribute + u'.' + target.subAttribute);
        if (!check || target.subAttribute.contains(u'.'))
            return ScimError::invalidPath(QStringLiteral("Invalid path \"%1\".").arg(text));
        return target;
    }

    Result<std::monostate, ScimError> pathless(Op op, const QJsonObject &values, int index)
    {
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            const QString key = it.key();
            const QString schema = extensionSchema(key);
            if (!schema.isEmpty()) {
                if (!it.value().isObject())
                    return ScimError::invalidValue(
                        QStringLiteral("Operation %1: %2 must be an object.").arg(index).arg(key));
                const QJsonObject inner = it.value().toObject();
                for (auto sub = inner.constBegin(); sub != inner.constEnd(); ++sub) {
                    Target target{schema, sub.key(), nullptr, {}, schema + u':' + sub.key()};
                    if (auto applied = apply(op, target, sub.value()); !applied)
                        return applied;
                }
                continue;
            }
            if (key.contains(u'.') || key.startsWith(u"urn:", Qt::CaseInsensitive)) {
                m_rewrites.append(QStringLiteral("path-less key \"%1\" read as a path").arg(key));
                Result<Target, ScimError> target = parseTarget(key);
                if (!target)
                    return target.error();
                if (auto applied = apply(op, target.value(), it.value()); !applied)
                    return applied;
                continue;
            }
            Target target{{}, key, nullptr, {}, key};
            if (auto applied = apply(op, target, it.value()); !applied)
                return applied;
        }
        return std::monostate{};
    }

    QJsonValue normalise(const QString &attribute, const QJsonValue &value)
    {
        // Entra ID sends booleans as "True"/"False".
        static const QStringList booleans{QStringLiteral("active"), QStringLiteral("primary")};
        if (value.isString() && booleans.contains(attribute, Qt::CaseInsensitive)) {
            const QString text = value.toString();
            if (text.compare(u"true", Qt::CaseInsensitive) == 0 || text.compare(u"false", Qt::CaseInsensitive) == 0) {
                m_rewrites.append(QStringLiteral("%1 \"%2\" read as a boolean").arg(attribute, text));
                return text.compare(u"true", Qt::CaseInsensitive) == 0;
            }
        }
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                it.value() = normalise(it.key(), it.value());
            return object;
        }
        if (value.isArray()) {
            QJsonArray array = value.toArray();
            for (auto it = array.begin(); it != array.end(); ++it)
                *it = normalise(QString(), *it);
            return array;
        }
        return value;
    }

    /// Every attribute `value` names has that value now (sub-attributes it leaves out are not compared).
    static bool sameAsCurrent(const QJsonValue &current, const QJsonValue &value)
    {
        if (!value.isObject() || !current.isObject())
            return current == value;
        const QJsonObject values = value.toObject();
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            if (!sameAsCurrent(JsonAccess::value(current.toObject(), it.key()), it.value()))
                return false;
        }
        return true;
    }

    /// Two elements of a multi-valued attribute are the same when their keys are: objects that have a "value" by
    /// that value, anything else by the whole of it. Keys make add and remove linear in the list sizes (a group
    /// can have hundreds of thousands of members).
    static QByteArray elementKey(const QJsonValue &element)
    {
        if (element.isObject()) {
            const QJsonValue value = JsonAccess::value(element.toObject(), u"value");
            if (!value.isUndefined())
                return 'v' + QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        }
        return 'j' + QJsonDocument(QJsonArray{element}).toJson(QJsonDocument::Compact);
    }

    /// An element built from the equality tests of a value filter: emails[type eq "work"] → {"type":"work"}.
    static void seed(const Filter &filter, QJsonObject &element)
    {
        if (filter.type == Filter::Type::And) {
            seed(*filter.left, element);
            seed(*filter.right, element);
        } else if (filter.type == Filter::Type::Compare && filter.op == CompareOp::Eq) {
            element.insert(filter.path.attribute, filter.value);
        }
    }

    Result<std::monostate, ScimError> apply(Op op, const Target &target, QJsonValue value)
    {
        if (target.schema.isEmpty()
            && (target.attribute.compare(u"id", Qt::CaseInsensitive) == 0
                || target.attribute.compare(u"meta", Qt::CaseInsensitive) == 0)) {
            // RFC 7644 §3.5.2: only a different value modifies a read-only attribute. Okta renames a group with
            // {"op":"replace","value":{"id":<its own id>,"displayName":…}}.
            QJsonValue current = JsonAccess::value(m_resource, target.attribute);
            if (!target.subAttribute.isEmpty())
                current = JsonAccess::value(current.toObject(), target.subAttribute);
            if (op != Op::Remove && !target.filter && sameAsCurrent(current, value)) {
                m_rewrites.append(QStringLiteral("%1 equal to the current value: no change").arg(target.text));
                return std::monostate{};
            }
            return ScimError::mutability(QStringLiteral("\"%1\" is read-only.").arg(target.text));
        }
        value = normalise(target.subAttribute.isEmpty() ? target.attribute : target.subAttribute, value);

        // The container: the resource itself, or an extension's sub-object.
        QJsonObject container =
            target.schema.isEmpty() ? m_resource : JsonAccess::value(m_resource, target.schema).toObject();
        const auto store = [&] {
            if (target.schema.isEmpty()) {
                m_resource = container;
                return;
            }
            if (container.isEmpty()) {
                JsonAccess::remove(m_resource, target.schema);
            } else {
                JsonAccess::set(m_resource, target.schema, container);
                addSchema(target.schema);
            }
        };

        if (target.attribute.isEmpty()) { // the whole extension
            if (op == Op::Remove)
                container = {};
            else if (!value.isObject())
                return ScimError::invalidValue(QStringLiteral("%1 must be an object.").arg(target.schema));
            else {
                const QJsonObject values = value.toObject();
                for (auto it = values.constBegin(); it != values.constEnd(); ++it)
                    JsonAccess::set(container, it.key(), it.value());
            }
            store();
            return std::monostate{};
        }

        const QJsonValue current = JsonAccess::value(container, target.attribute);
        if (target.filter) {
            if (auto applied = applyFiltered(op, target, current, value, container); !applied)
                return applied;
            store();
            return std::monostate{};
        }

        if (!target.subAttribute.isEmpty()) {
            if (current.isArray()) { // "emails.value": every element
                QJsonArray array = current.toArray();
                for (auto it = array.begin(); it != array.end(); ++it) {
                    QJsonObject element = it->toObject();
                    if (op == Op::Remove)
                        JsonAccess::remove(element, target.subAttribute);
                    else
                        JsonAccess::set(element, target.subAttribute, value);
                    *it = element;
                }
                JsonAccess::set(container, target.attribute, array);
            } else {
                QJsonObject complex = current.toObject();
                if (op == Op::Remove)
                    JsonAccess::remove(complex, target.subAttribute);
                else
                    JsonAccess::set(complex, target.subAttribute, value);
                if (complex.isEmpty())
                    JsonAccess::remove(container, target.attribute);
                else
                    JsonAccess::set(container, target.attribute, complex);
            }
            store();
            return std::monostate{};
        }

        const bool multi = isMultiValued(target.attribute, current) || value.isArray();
        switch (op) {
        case Op::Remove:
            if (multi && value.isArray() && current.isArray()) {
                // Entra: {"op":"remove","path":"members","value":[{"value":"id"}]} removes just those.
                m_rewrites.append(QStringLiteral("remove of %1 with a value list").arg(target.attribute));
                QSet<QByteArray> doomed;
                for (const QJsonValue &element : value.toArray())
                    doomed.insert(elementKey(element));
                QJsonArray kept;
                for (const QJsonValue &element : current.toArray()) {
                    if (!doomed.contains(elementKey(element)))
                        kept.append(element);
                }
                JsonAccess::set(container, target.attribute, kept);
            } else {
                JsonAccess::remove(container, target.attribute);
            }
            break;
        case Op::Add:
            if (multi) {
                QJsonArray array = current.toArray();
                QSet<QByteArray> present;
                for (const QJsonValue &element : std::as_const(array))
                    present.insert(elementKey(element));
                const QJsonArray added = value.isArray() ? value.toArray() : QJsonArray{value};
                for (const QJsonValue &element : added) {
                    if (!present.contains(elementKey(element))) {
                        present.insert(elementKey(element));
                        array.append(element);
                    }
                }
                JsonAccess::set(container, target.attribute, array);
            } else if (current.isObject() && value.isObject()) {
                QJsonObject merged = current.toObject();
                const QJsonObject incoming = value.toObject();
                for (auto it = incoming.constBegin(); it != incoming.constEnd(); ++it)
                    JsonAccess::set(merged, it.key(), it.value());
                JsonAccess::set(container, target.attribute, merged);
            } else {
                JsonAccess::set(container, target.attribute, value);
            }
            break;
        case Op::Replace:
            if (!multi && current.isObject() && value.isObject()) {
                QJsonObject merged = current.toObject();
                const QJsonObject incoming = value.toObject();
                for (auto it = incoming.constBegin(); it != incoming.constEnd(); ++it)
                    JsonAccess::set(merged, it.key(), it.value());
                JsonAccess::set(container, target.attribute, merged);
            } else if (multi && !value.isArray()) {
                JsonAccess::set(container, target.attribute, QJsonArray{value});
            } else {
                JsonAccess::set(container, target.attribute, value);
            }
            break;
        }
        store();
        return std::monostate{};
    }

    Result<std::monostate, ScimError> applyFiltered(Op op, const Target &target, const QJsonValue &current,
                                                    const QJsonValue &value, QJsonObject &container)
    {
        QJsonArray array = current.toArray();
        QList<qsizetype> matching;
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i).isObject() && FilterMatcher::matches(*target.filter, array.at(i).toObject()))
                matching.append(i);
        }

        if (op == Op::Remove) {
            for (auto it = matching.crbegin(); it != matching.crend(); ++it) {
                if (target.subAttribute.isEmpty()) {
                    array.removeAt(*it);
                } else {
                    QJsonObject element = array.at(*it).toObject();
                    JsonAccess::remove(element, target.subAttribute);
                    array[*it] = element;
                }
            }
        } else if (matching.isEmpty() && op == Op::Replace) {
            // RFC 7644 §3.5.2.3: a value filter that selects nothing is no target for a replace.
            return ScimError::noTarget(QStringLiteral("\"%1\" selects no value to replace.").arg(target.text));
        } else if (matching.isEmpty()) {
            // Entra: an add through a value path creates the element the filter describes.
            QJsonObject element;
            seed(*target.filter, element);
            if (target.subAttribute.isEmpty()) {
                if (!value.isObject())
                    return ScimError::invalidValue(QStringLiteral("\"%1\" needs an object value.").arg(target.text));
                const QJsonObject values = value.toObject();
                for (auto it = values.constBegin(); it != values.constEnd(); ++it)
                    element.insert(it.key(), it.value());
            } else {
                element.insert(target.subAttribute, value);
            }
            m_rewrites.append(QStringLiteral("add created the element \"%1\" names").arg(target.text));
            array.append(element);
        } else {
            for (qsizetype i : matching) {
                QJsonObject element = array.at(i).toObject();
                if (!target.subAttribute.isEmpty()) {
                    JsonAccess::set(element, target.subAttribute, value);
                } else if (value.isObject()) {
                    if (op == Op::Replace)
                        element = {};
                    const QJsonObject values = value.toObject();
                    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
                        JsonAccess::set(element, it.key(), it.value());
                } else {
                    return ScimError::invalidValue(QStringLiteral("\"%1\" needs an object value.").arg(target.text));
                }
                array[i] = element;
            }
        }
        if (array.isEmpty())
            JsonAccess::remove(container, target.attribute);
        else
            JsonAccess::set(container, target.attribute, array);
        return std::monostate{};
    }

    void addSchema(const QString &schema)
    {
        QJsonArray schemas = JsonAccess::value(m_resource, u"schemas").toArray();
        if (std::none_of(schemas.begin(), schemas.end(),
                         [&](const QJsonValue &v) { return v.toString().compare(schema, Qt::CaseInsensitive) == 0; })) {
            schemas.append(schema);
            JsonAccess::set(m_resource, u"schemas", schemas);
        }
    }

    QStringList m_extensions;
};

} // namespace

Result<PatchEngine::Outcome, ScimError> PatchEngine::apply(const QJsonObject &resource, const QJsonObject &request,
                                                           const QStringList &extensionSchemas)
{
    const QJsonArray schemas = JsonAccess::value(request, u"schemas").toArray();
    if (std::none_of(schemas.begin(), schemas.end(), [](const QJsonValue &v) {
            return v.toString().compare(ScimSchemas::PatchOp, Qt::CaseInsensitive) == 0;
        })) {
        return ScimError::invalidValue(QStringLiteral("schemas must list %1.").arg(ScimSchemas::PatchOp));
    }
    const QJsonValue operations = JsonAccess::value(request, u"Operations");
    if (!operations.isArray() || operations.toArray().isEmpty())
        return ScimError::invalidValue(QStringLiteral("Operations must be a non-empty array."));
    if (operations.toArray().size() > MaxOperations)
        return ScimError::invalidValue(
            QStringLiteral("A PATCH may carry at most %1 operations; send the rest in another request.")
                .arg(MaxOperations));

    Patcher patcher(resource, extensionSchemas);
    int index = 0;
    for (const QJsonValue &operation : operations.toArray()) {
        ++index;
        if (!operation.isObject())
            return ScimError::invalidValue(QStringLiteral("Operation %1 must be an object.").arg(index));
        if (JsonAccess::value(operation.toObject(), u"value").toArray().size() > MaxValuesPerOperation)
            return ScimError::invalidValue(
                QStringLiteral("Operation %1 carries more than %2 values; send the rest in another operation.")
                    .arg(index)
                    .arg(MaxValuesPerOperation));
        if (auto applied = patcher.operation(operation.toObject(), index); !applied)
            return applied.error();
    }
    return Outcome{patcher.m_resource, patcher.m_rewrites};
}

} // namespace ScimConsole::Core
