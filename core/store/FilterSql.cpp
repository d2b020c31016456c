// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/FilterSql.h"

#include <QDateTime>

namespace ScimConsole::Core {

namespace {

using Kind = SqlColumn::Kind;

Error invalid(const QString &detail)
{
    return makeError(ErrorCode::InvalidFilter, QStringLiteral("Invalid filter: %1.").arg(detail));
}

QString likePattern(const QString &value, CompareOp op)
{
    const QString escaped = escapeLike(value);
    switch (op) {
    case CompareOp::Co:
        return u'%' + escaped + u'%';
    case CompareOp::Sw:
        return escaped + u'%';
    default:
        return u'%' + escaped;
    }
}

bool isString(Kind kind)
{
    return kind == Kind::Text || kind == Kind::TextIgnoreCase || kind == Kind::FoldedKey;
}

class Translator
{
public:
    explicit Translator(const ColumnResolver &resolve)
        : m_resolve(resolve)
    {}

    /// `element`: the multi-valued attribute whose element the filter is inside (`emails` in `emails[…]`), or null.
    Result<QString> node(const Filter &f, const AttributePath *element)
    {
        switch (f.type) {
        case Filter::Type::And:
        case Filter::Type::Or: {
            // A chain of one operator becomes one flat list, "(a OR b OR c)", walked without recursion: nested as
            // "((a OR b) OR c)", a few hundred terms overflowed SQLite's parser stack (a 500).
            QList<const Filter *> operands;
            QList<const Filter *> pending{&f};
            while (!pending.isEmpty()) {
                const Filter *next = pending.takeLast();
                if (next->type == f.type) {
                    pending.append(next->right.get());
                    pending.append(next->left.get());
                } else {
                    operands.append(next);
                }
            }
            QStringList parts;
            parts.reserve(operands.size());
            for (const Filter *operand : std::as_const(operands)) {
                Result<QString> part = node(*operand, element);
                if (!part)
                    return part;
                parts.append(part.value());
            }
            return u'(' + parts.join(f.type == Filter::Type::And ? QStringLiteral(" AND ") : QStringLiteral(" OR "))
                   + u')';
        }
        case Filter::Type::Not: {
            Result<QString> inner = node(*f.left, element);
            if (!inner)
                return inner;
            return QStringLiteral("(NOT COALESCE(%1, FALSE))").arg(inner.value());
        }
        case Filter::Type::ValuePath: {
            if (element)
                return invalid(QStringLiteral("value filters cannot nest"));
            if (!f.path.subAttribute.isEmpty())
                return invalid(QStringLiteral("\"%1\" cannot take a value filter").arg(f.path.toString()));
            const std::optional<SqlColumn> scope = m_resolve(f.path);
            if (!scope)
                return invalid(QStringLiteral("unknown attribute \"%1\"").arg(f.path.toString()));
            if (!scope->multiValued) // a complex single-valued attribute: name[givenName eq "x"]
                return node(*f.left, &f.path);
            return withinElement(f.path, *scope, *f.left);
        }
        case Filter::Type::Present:
        case Filter::Type::Compare:
            break;
        }

        if (element) {
            if (!f.path.subAttribute.isEmpty() || !f.path.schema.isEmpty())
                return invalid(QStringLiteral("\"%1\" inside a value filter").arg(f.path.toString()));
            return leaf(f, AttributePath{element->schema, element->attribute, f.path.attribute}, true);
        }
        // A path into a multi-valued attribute is a value filter of one test: emails.type eq "work" is
        // emails[type eq "work"], emails eq "x" is emails[value eq "x"], emails pr is "has an element".
        const AttributePath bare{f.path.schema, f.path.attribute, {}};
        const std::optional<SqlColumn> scope = m_resolve(bare);
        if (scope && scope->multiValued) {
            if (f.type == Filter::Type::Present && f.path.subAttribute.isEmpty())
                return elementScope(*scope, QStringLiteral("(1 = 1)"));
            Filter inner = f;
            inner.path =
                AttributePath{{}, f.path.subAttribute.isEmpty() ? QStringLiteral("value") : f.path.subAttribute, {}};
            return withinElement(bare, *scope, inner);
        }
        return leaf(f, f.path, false);
    }

    QVariantList m_params;

private:
    /// `attribute[inner]`: some element of the multi-valued `attribute`, whose element scope is `scope`, satisfies
    /// `inner`.
    Result<QString> withinElement(const AttributePath &attribute, const SqlColumn &scope, const Filter &inner)
    {
        // The scope's parameters come first in the SQL text, so they are bound first.
        const qsizetype paramsAt = m_params.size();
        Result<QString> predicate = node(inner, &attribute);
        if (!predicate)
            return predicate;
        const QVariantList innerParams = m_params.mid(paramsAt);
        m_params.resize(paramsAt);
        const QString sql = elementScope(scope, predicate.value());
        m_params << innerParams;
        return sql;
    }

    /// The test that some element exists and satisfies `predicate` (whose parameters the caller binds after).
    QString elementScope(const SqlColumn &scope, const QString &predicate)
    {
        if (!scope.exists.isEmpty()) {
            m_params << scope.existsParams;
            return scope.exists.arg(predicate);
        }
        return QStringLiteral("(%1 IS NOT NULL AND %2)").arg(use(scope), predicate);
    }

    Result<QString> leaf(const Filter &f, const AttributePath &path, bool inElement)
    {
        const std::optional<SqlColumn> column = m_resolve(path);
        if (!column || column->multiValued)
            return invalid(QStringLiteral("unknown attribute \"%1\"").arg(path.toString()));
        // Inside an element's scope, or kept in the resource's own row: the test itself.
        if (inElement || column->exists.isEmpty())
            return test(*column, f, path);

        // A single-valued attribute kept in another table (an extension field): absent means no row, so the tests
        // that absent values pass ("ne", "eq null") are the negation of the opposite test.
        Filter opposite = f;
        bool negate = false;
        if (f.type == Filter::Type::Compare && f.op == CompareOp::Ne && !f.value.isNull()) {
            opposite.op = CompareOp::Eq;
            negate = true;
        } else if (f.type == Filter::Type::Compare && f.op == CompareOp::Eq && f.value.isNull()) {
            opposite.type = Filter::Type::Present;
            negate = true;
        }
        m_params << column->existsParams;
        Result<QString> predicate = test(*column, opposite, path);
        if (!predicate)
            return predicate;
        const QString sql = column->exists.arg(predicate.value());
        return negate ? QStringLiteral("(NOT %1)").arg(sql) : sql;
    }

    Result<QString> test(const SqlColumn &column, const Filter &f, const AttributePath &path)
    {
        return f.type == Filter::Type::Present ? present(column) : compare(column, f.op, f.value, path);
    }

    /// The column's expression, its parameters bound at this place in the SQL text.
    QString use(const SqlColumn &column)
    {
        m_params << column.expressionParams;
        return column.expression;
    }

    Result<QString> present(const SqlColumn &column)
    {
        if (isString(column.kind)) {
            const QString expression = use(column);
            return QStringLiteral("(%1 IS NOT NULL AND %2 <> '')").arg(expression, use(column));
        }
        return QStringLiteral("(%1 IS NOT NULL)").arg(use(column));
    }

    Result<QString> compare(const SqlColumn &column, CompareOp op, const QJsonValue &value, const AttributePath &path)
    {
        const QString name = path.toString();
        if (value.isNull()) {
            if (op == CompareOp::Eq)
                return QStringLiteral("(%1 IS NULL)").arg(use(column));
            if (op == CompareOp::Ne)
                return QStringLiteral("(%1 IS NOT NULL)").arg(use(column));
            return invalid(QStringLiteral("\"%1\" cannot be compared with null").arg(Filter::opName(op)));
        }

        QString lhs = QStringLiteral("%1"); // how the expression is compared, %1 being the expression
        QVariant param;
        switch (column.kind) {
        case Kind::Text:
        case Kind::TextIgnoreCase:
        case Kind::FoldedKey: {
            if (value.isObject() || value.isArray())
                return invalid(QStringLiteral("\"%1\" takes a string").arg(name));
            QString text = value.isString() ? value.toString()
                           : value.isBool() ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                            : QString::number(value.toDouble(), 'g', 17);
            if (column.kind == Kind::TextIgnoreCase) {
                lhs = QStringLiteral("scim_lower(%1)");
                text = text.toLower();
            } else if (column.kind == Kind::FoldedKey) {
                text = text.toCaseFolded();
            }
            if (op == CompareOp::Co || op == CompareOp::Sw || op == CompareOp::Ew) {
                const QString sql = QStringLiteral("(%1 LIKE ? ESCAPE '\\')").arg(lhs.arg(use(column)));
                m_params << likePattern(text, op);
                return sql;
            }
            param = text;
            break;
        }
        case Kind::Boolean:
        case Kind::BooleanText: {
            bool flag = false;
            if (value.isBool())
                flag = value.toBool();
            else if (value.isString() && value.toString().compare(u"true", Qt::CaseInsensitive) == 0)
                flag = true;
            else if (!(value.isString() && value.toString().compare(u"false", Qt::CaseInsensitive) == 0))
                return invalid(QStringLiteral("\"%1\" is a boolean").arg(name));
            if (op != CompareOp::Eq && op != CompareOp::Ne)
                return invalid(
                    QStringLiteral("\"%1\" cannot be used with the boolean \"%2\"").arg(Filter::opName(op), name));
            param = column.kind == Kind::Boolean ? QVariant(int(flag))
                                                 : QVariant(flag ? QStringLiteral("true") : QStringLiteral("false"));
            break;
        }
        case Kind::DateTime: {
            const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            if (!value.isString() || !time.isValid())
                return invalid(QStringLiteral("\"%1\" takes a dateTime such as 2026-01-31T12:00:00Z").arg(name));
            if (op == CompareOp::Co || op == CompareOp::Sw || op == CompareOp::Ew)
                return invalid(
                    QStringLiteral("\"%1\" cannot be used with the dateTime \"%2\"").arg(Filter::opName(op), name));
            param = time.toMSecsSinceEpoch();
            break;
        }
        case Kind::Number: {
            bool numeric = value.isDouble();
            double number = value.toDouble();
            if (value.isString())
                number = value.toString().toDouble(&numeric);
            if (!numeric)
                return invalid(QStringLiteral("\"%1\" takes a number").arg(name));
            if (op == CompareOp::Co || op == CompareOp::Sw || op == CompareOp::Ew)
                return invalid(
                    QStringLiteral("\"%1\" cannot be used with the number \"%2\"").arg(Filter::opName(op), name));
            lhs = QStringLiteral("CAST(%1 AS DOUBLE PRECISION)");
            param = number;
            break;
        }
        }

        QString sql;
        switch (op) {
        case CompareOp::Eq:
            sql = QStringLiteral("(%1 = ?)").arg(lhs.arg(use(column)));
            break;
        case CompareOp::Ne: {
            const QString expression = use(column);
            sql = QStringLiteral("(%1 IS NULL OR %2 <> ?)").arg(expression, lhs.arg(use(column)));
            break;
        }
        case CompareOp::Gt:
            sql = QStringLiteral("(%1 > ?)").arg(lhs.arg(use(column)));
            break;
        case CompareOp::Ge:
            sql = QStringLiteral("(%1 >= ?)").arg(lhs.arg(use(column)));
            break;
        case CompareOp::Lt:
            sql = QStringLiteral("(%1 < ?)").arg(lhs.arg(use(column)));
            break;
        case CompareOp::Le:
            sql = QStringLiteral("(%1 <= ?)").arg(lhs.arg(use(column)));
            break;
        default:
            return invalid(QStringLiteral("unsupported operator"));
        }
        m_params << param;
        return sql;
    }

    const ColumnResolver &m_resolve;
};

} // namespace

Result<SqlWhere> FilterSql::translate(const ResourceFilter &filter, const TableColumns &columns)
{
    if (!filter.tree)
        return SqlWhere{QStringLiteral("1 = 1"), {}};
    return translate(*filter.tree, [&](const AttributePath &path) -> std::optional<SqlColumn> {
        const std::optional<StoredAttribute> stored = filter.resolve(path);
        return stored ? columns(*stored) : std::nullopt;
    });
}

bool FilterSql::sortable(const std::optional<SqlColumn> &column)
{
    return column && column->exists.isEmpty() && column->expressionParams.isEmpty();
}

Result<QString> FilterSql::orderBy(const ListQuery &query, const TableColumns &columns, const QString &alias)
{
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    if (!query.sortBy)
        return QStringLiteral("%1.created %2, %1.id %2").arg(alias, direction);
    const std::optional<SqlColumn> column = columns(*query.sortBy);
    if (!sortable(column))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("Cannot sort by this attribute."));
    return QStringLiteral("%1 %2, %3.id %2").arg(column->expression, direction, alias);
}

std::optional<SqlColumn> FilterSql::commonColumn(const StoredAttribute &attribute, const QString &alias)
{
    using Field = StoredAttribute::Field;
    switch (attribute.field) {
    case Field::Id:
        return SqlColumn(alias + QStringLiteral(".id"), Kind::Text);
    case Field::ExternalId:
        return SqlColumn(alias + QStringLiteral(".external_id"), Kind::Text);
    case Field::Created:
        return SqlColumn(alias + QStringLiteral(".created"), Kind::DateTime);
    case Field::Modified:
        return SqlColumn(alias + QStringLiteral(".modified"), Kind::DateTime);
    case Field::ResourceType: // a constant of the endpoint; no user input, but bound all the same
        return SqlColumn(QStringLiteral("CAST(? AS TEXT)"), Kind::TextIgnoreCase, {}, {}, {attribute.argument});
    case Field::Location:
        return SqlColumn(QStringLiteral("(CAST(? AS TEXT) || %1.id)").arg(alias), Kind::Text, {}, {},
                         {attribute.argument});
    case Field::Version:
        return SqlColumn(QStringLiteral("('W/\"' || CAST(%1.version AS TEXT) || '\"')").arg(alias),
                         Kind::TextIgnoreCase);
    default:
        return std::nullopt;
    }
}

Result<SqlWhere> FilterSql::translate(const Filter &filter, const ColumnResolver &resolve)
{
    Translator translator(resolve);
    Result<QString> sql = translator.node(filter, nullptr);
    if (!sql)
        return sql.error();
    return SqlWhere{sql.value(), translator.m_params};
}

} // namespace ScimConsole::Core
