#include "core/scim/FilterSql.h"

#include <QDateTime>

namespace ScimConsole::Core {

namespace {

using Kind = SqlColumn::Kind;

ScimError invalid(const QString &detail)
{
    return ScimError::invalidFilter(QStringLiteral("Invalid filter: %1.").arg(detail));
}

QString likePattern(const QString &value, CompareOp op)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
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

    Result<QString, ScimError> node(const Filter &f, const AttributePath *parent)
    {
        switch (f.type) {
        case Filter::Type::And:
        case Filter::Type::Or: {
            Result<QString, ScimError> left = node(*f.left, parent);
            if (!left)
                return left;
            Result<QString, ScimError> right = node(*f.right, parent);
            if (!right)
                return right;
            return QStringLiteral("(%1 %2 %3)")
                .arg(left.value(), f.type == Filter::Type::And ? QStringLiteral("AND") : QStringLiteral("OR"),
                     right.value());
        }
        case Filter::Type::Not: {
            Result<QString, ScimError> inner = node(*f.left, parent);
            if (!inner)
                return inner;
            return QStringLiteral("(NOT COALESCE(%1, FALSE))").arg(inner.value());
        }
        case Filter::Type::ValuePath:
            if (parent)
                return invalid(QStringLiteral("value filters cannot nest"));
            return node(*f.left, &f.path);
        case Filter::Type::Present:
        case Filter::Type::Compare:
            break;
        }

        AttributePath path = f.path;
        if (parent) {
            if (!path.subAttribute.isEmpty() || !path.schema.isEmpty())
                return invalid(QStringLiteral("\"%1\" inside a value filter").arg(path.toString()));
            path = AttributePath{parent->schema, parent->attribute, f.path.attribute};
        }
        const std::optional<SqlColumn> column = m_resolve(path);
        if (!column)
            return invalid(QStringLiteral("unknown attribute \"%1\"").arg(path.toString()));

        const qsizetype paramsBefore = m_params.size();
        m_params << column->existsParams;
        Result<QString, ScimError> predicate =
            f.type == Filter::Type::Present ? present(*column) : compare(*column, f.op, f.value, path);
        if (!predicate) {
            m_params.resize(paramsBefore);
            return predicate;
        }
        if (column->exists.isEmpty())
            return predicate;
        return column->exists.arg(predicate.value());
    }

    QVariantList m_params;

private:
    Result<QString, ScimError> present(const SqlColumn &column)
    {
        if (isString(column.kind))
            return QStringLiteral("(%1 IS NOT NULL AND %1 <> '')").arg(column.expression);
        return QStringLiteral("(%1 IS NOT NULL)").arg(column.expression);
    }

    Result<QString, ScimError> compare(const SqlColumn &column, CompareOp op, const QJsonValue &value,
                                       const AttributePath &path)
    {
        const QString name = path.toString();
        if (value.isNull()) {
            if (op == CompareOp::Eq)
                return QStringLiteral("(%1 IS NULL)").arg(column.expression);
            if (op == CompareOp::Ne)
                return QStringLiteral("(%1 IS NOT NULL)").arg(column.expression);
            return invalid(QStringLiteral("\"%1\" cannot be compared with null").arg(Filter::opName(op)));
        }

        QString lhs = column.expression;
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
                lhs = QStringLiteral("LOWER(%1)").arg(column.expression);
                text = text.toLower();
            } else if (column.kind == Kind::FoldedKey) {
                text = text.toCaseFolded();
            }
            if (op == CompareOp::Co || op == CompareOp::Sw || op == CompareOp::Ew) {
                m_params << likePattern(text, op);
                return QStringLiteral("(%1 LIKE ? ESCAPE '\\')").arg(lhs);
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
            lhs = QStringLiteral("CAST(%1 AS DOUBLE PRECISION)").arg(column.expression);
            param = number;
            break;
        }
        }

        m_params << param;
        switch (op) {
        case CompareOp::Eq:
            return QStringLiteral("(%1 = ?)").arg(lhs);
        case CompareOp::Ne:
            return QStringLiteral("(%1 IS NULL OR %2 <> ?)").arg(column.expression, lhs);
        case CompareOp::Gt:
            return QStringLiteral("(%1 > ?)").arg(lhs);
        case CompareOp::Ge:
            return QStringLiteral("(%1 >= ?)").arg(lhs);
        case CompareOp::Lt:
            return QStringLiteral("(%1 < ?)").arg(lhs);
        case CompareOp::Le:
            return QStringLiteral("(%1 <= ?)").arg(lhs);
        default:
            break;
        }
        return invalid(QStringLiteral("unsupported operator"));
    }

    const ColumnResolver &m_resolve;
};

} // namespace

Result<SqlWhere, ScimError> FilterSql::translate(const Filter &filter, const ColumnResolver &resolve)
{
    Translator translator(resolve);
    Result<QString, ScimError> sql = translator.node(filter, nullptr);
    if (!sql)
        return sql.error();
    return SqlWhere{sql.value(), translator.m_params};
}

} // namespace ScimConsole::Core
