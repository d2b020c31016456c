// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/Filter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace ScimConsole::Core {

namespace {

constexpr int MaxDepth = 64;
// Every comparison is a node; a chain of and/or is one level deeper per term, walked and freed recursively. A bound
// on the terms bounds the tree (issue 11: 120,000 "id pr" joined by "or" overflowed the stack).
constexpr int MaxTerms = 1000;

struct Token
{
    enum class Kind {
        Word,
        String,
        Open,         // (
        Close,        // )
        OpenBracket,  // [
        CloseBracket, // ]
        End,
    };
    Kind kind = Kind::End;
    QString text;
    qsizetype position = 0;
};

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    Result<FilterPtr, ScimError> parse()
    {
        if (const auto tokenized = tokenize(); !tokenized)
            return tokenized.error();
        Result<FilterPtr, ScimError> filter = parseOr(0);
        if (!filter)
            return filter;
        if (peek().kind != Token::Kind::End)
            return error(QStringLiteral("unexpected \"%1\"").arg(peek().text));
        return filter;
    }

private:
    Result<std::monostate, ScimError> tokenize()
    {
        qsizetype i = 0;
        const qsizetype n = m_text.size();
        while (i < n) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token token;
            token.position = i;
            if (c == u'(' || c == u')' || c == u'[' || c == u']') {
                token.kind = c == u'('   ? Token::Kind::Open
                             : c == u')' ? Token::Kind::Close
                             : c == u'[' ? Token::Kind::OpenBracket
                                         : Token::Kind::CloseBracket;
                token.text = c;
                ++i;
            } else if (c == u'"') {
                qsizetype j = i + 1;
                bool escaped = false;
                for (; j < n; ++j) {
                    if (escaped) {
                        if (!QStringView(u"\"\\/bfnrtu").contains(m_text.at(j)))
                            return error(QStringLiteral("invalid escape \\%1 at position %2").arg(m_text.at(j)).arg(j));
                        escaped = false;
                    } else if (m_text.at(j) == u'\\') {
                        escaped = true;
                    } else if (m_text.at(j) == u'"') {
                        break;
                    }
                }
                if (j >= n)
                    return error(QStringLiteral("unterminated string at position %1").arg(i));
                // Decode the JSON string literal, escapes and all.
                const QString literal = m_text.mid(i, j - i + 1);
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(u'[' + literal.toUtf8() + u']', &parseError);
                if (parseError.error != QJsonParseError::NoError)
                    return error(QStringLiteral("invalid string %1").arg(literal));
                token.kind = Token::Kind::String;
                token.text = doc.array().at(0).toString();
                i = j + 1;
            } else {
                qsizetype j = i;
                while (j < n && !m_text.at(j).isSpace() && m_text.at(j) != u'(' && m_text.at(j) != u')'
                       && m_text.at(j) != u'[' && m_text.at(j) != u']' && m_text.at(j) != u'"')
                    ++j;
                token.kind = Token::Kind::Word;
                token.text = m_text.mid(i, j - i);
                i = j;
            }
            m_tokens.append(token);
        }
        m_tokens.append(Token{Token::Kind::End, QString(), n});
        return std::monostate{};
    }

    const Token &peek() const { return m_tokens.at(m_pos); }
    const Token &next() { return m_tokens.at(m_pos++); }
    bool peekWord(QStringView word) const
    {
        return peek().kind == Token::Kind::Word && peek().text.compare(word, Qt::CaseInsensitive) == 0;
    }

    ScimError error(const QString &what) const
    {
        return ScimError::invalidFilter(QStringLiteral("Invalid filter: %1.").arg(what));
    }

    static FilterPtr combine(Filter::Type type, FilterPtr left, FilterPtr right)
    {
        auto node = std::make_shared<Filter>();
        node->type = type;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    Result<FilterPtr, ScimError> parseOr(int depth)
    {
        Result<FilterPtr, ScimError> left = parseAnd(depth);
        if (!left)
            return left;
        FilterPtr result = left.value();
        while (peekWord(u"or")) {
            next();
            Result<FilterPtr, ScimError> right = parseAnd(depth);
            if (!right)
                return right;
            result = combine(Filter::Type::Or, result, right.value());
        }
        return result;
    }

    Result<FilterPtr, ScimError> parseAnd(int depth)
    {
        Result<FilterPtr, ScimError> left = parseUnary(depth);
        if (!left)
            return left;
        FilterPtr result = left.value();
        while (peekWord(u"and")) {
            next();
            Result<FilterPtr, ScimError> right = parseUnary(depth);
            if (!right)
                return right;
            result = combine(Filter::Type::And, result, right.value());
        }
        return result;
    }

    Result<FilterPtr, ScimError> parseUnary(int depth)
    {
        if (depth > MaxDepth)
            return error(QStringLiteral("nested too deeply"));
        if (peekWord(u"not") && m_tokens.at(m_pos + 1).kind == Token::Kind::Open) {
            next();
            Result<FilterPtr, ScimError> inner = parseGroup(depth + 1);
            if (!inner)
                return inner;
            return combine(Filter::Type::Not, inner.value(), nullptr);
        }
        if (peek().kind == Token::Kind::Open)
            return parseGroup(depth + 1);
        return parseAttributeExpression(depth);
    }

    Result<FilterPtr, ScimError> parseGroup(int depth)
    {
        next(); // (
        Result<FilterPtr, ScimError> inner = parseOr(depth);
        if (!inner)
            return inner;
        if (peek().kind != Token::Kind::Close)
            return error(QStringLiteral("missing \")\""));
        next();
        return inner;
    }

    Result<FilterPtr, ScimError> parseAttributeExpression(int depth)
    {
        if (++m_terms > MaxTerms)
            return error(QStringLiteral("more than %1 comparisons").arg(MaxTerms));
        const Token &pathToken = next();
        if (pathToken.kind != Token::Kind::Word)
            return error(pathToken.kind == Token::Kind::End ? QStringLiteral("unexpected end")
                                                            : QStringLiteral("unexpected \"%1\"").arg(pathToken.text));
        Result<AttributePath, ScimError> path = AttributePath::parse(pathToken.text);
        if (!path)
            return error(QStringLiteral("\"%1\" is not an attribute path").arg(pathToken.text));

        if (peek().kind == Token::Kind::OpenBracket) {
            if (!path->subAttribute.isEmpty())
                return error(QStringLiteral("a value filter follows an attribute, not \"%1\"").arg(pathToken.text));
            next();
            Result<FilterPtr, ScimError> inner = parseOr(depth + 1);
            if (!inner)
                return inner;
            if (peek().kind != Token::Kind::CloseBracket)
                return error(QStringLiteral("missing \"]\""));
            next();
            auto node = std::make_shared<Filter>();
            node->type = Filter::Type::ValuePath;
            node->path = path.value();
            node->left = inner.value();
            // "emails[type eq \"work\"].value eq …" is not in the grammar; refuse it clearly.
            if (peek().kind == Token::Kind::Word && peek().text.startsWith(u'.'))
                return error(QStringLiteral("a value filter cannot be followed by a sub-attribute here"));
            return FilterPtr(node);
        }

        const Token &opToken = next();
        if (opToken.kind != Token::Kind::Word)
            return error(QStringLiteral("missing operator after \"%1\"").arg(pathToken.text));
        auto node = std::make_shared<Filter>();
        node->path = path.value();
        if (opToken.text.compare(u"pr", Qt::CaseInsensitive) == 0) {
            node->type = Filter::Type::Present;
            return FilterPtr(node);
        }
        const std::optional<CompareOp> op = parseOp(opToken.text);
        if (!op)
            return error(QStringLiteral("unknown operator \"%1\"").arg(opToken.text));
        node->type = Filter::Type::Compare;
        node->op = *op;

        const Token &valueToken = next();
        switch (valueToken.kind) {
        case Token::Kind::String:
            node->value = valueToken.text;
            break;
        case Token::Kind::Word:
            node->value = literal(valueToken.text);
            break;
        default:
            return error(QStringLiteral("missing value after \"%1 %2\"").arg(pathToken.text, opToken.text));
        }
        return FilterPtr(node);
    }

    static std::optional<CompareOp> parseOp(const QString &text)
    {
        static const QList<std::pair<QLatin1StringView, CompareOp>> ops{
            {QLatin1StringView("eq"), CompareOp::Eq}, {QLatin1StringView("ne"), CompareOp::Ne},
            {QLatin1StringView("co"), CompareOp::Co}, {QLatin1StringView("sw"), CompareOp::Sw},
            {QLatin1StringView("ew"), CompareOp::Ew}, {QLatin1StringView("gt"), CompareOp::Gt},
            {QLatin1StringView("ge"), CompareOp::Ge}, {QLatin1StringView("lt"), CompareOp::Lt},
            {QLatin1StringView("le"), CompareOp::Le}};
        for (const auto &[name, op] : ops) {
            if (text.compare(name, Qt::CaseInsensitive) == 0)
                return op;
        }
        return std::nullopt;
    }

    static QJsonValue literal(const QString &word)
    {
        // ABNF literals ignore case (RFC 5234 §2.3).
        if (word.compare(u"true", Qt::CaseInsensitive) == 0)
            return true;
        if (word.compare(u"false", Qt::CaseInsensitive) == 0)
            return false;
        if (word.compare(u"null", Qt::CaseInsensitive) == 0)
            return QJsonValue(QJsonValue::Null);
        bool numeric = false;
        const double number = word.toDouble(&numeric);
        if (numeric)
            return number;
        return word; // lenient: an unquoted word is a string
    }

    const QString &m_text;
    QList<Token> m_tokens;
    int m_terms = 0;
    qsizetype m_pos = 0;
};

} // namespace

Result<FilterPtr, ScimError> Filter::parse(const QString &text)
{
    if (text.trimmed().isEmpty())
        return ScimError::invalidFilter(QStringLiteral("Invalid filter: it is empty."));
    return Parser(text).parse();
}

QString Filter::opName(CompareOp op)
{
    static const char *const names[] = {"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"};
    return QString::fromLatin1(names[int(op)]);
}

} // namespace ScimConsole::Core
