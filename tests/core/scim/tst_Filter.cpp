// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/Filter.h"
#include "tests/core/scim/FilterCases.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

/// Renders a parsed filter back as fully parenthesised text, so that a test can state the tree it expects.
static QString render(const Filter &f)
{
    switch (f.type) {
    case Filter::Type::And:
        return u'(' + render(*f.left) + u" and "_s + render(*f.right) + u')';
    case Filter::Type::Or:
        return u'(' + render(*f.left) + u" or "_s + render(*f.right) + u')';
    case Filter::Type::Not:
        return u"not("_s + render(*f.left) + u')';
    case Filter::Type::ValuePath:
        return f.path.toString() + u'[' + render(*f.left) + u']';
    case Filter::Type::Present:
        return f.path.toString() + u" pr"_s;
    case Filter::Type::Compare:
        break;
    }
    QString value;
    if (f.value.isString())
        value = u'"' + f.value.toString() + u'"';
    else if (f.value.isBool())
        value = f.value.toBool() ? u"true"_s : u"false"_s;
    else if (f.value.isNull())
        value = u"null"_s;
    else
        value = QString::number(f.value.toDouble());
    return f.path.toString() + u' ' + Filter::opName(f.op) + u' ' + value;
}

class tst_Filter : public QObject
{
    Q_OBJECT

private slots:
    void parse_data() { FilterCases::parseRows(); }

    void parse()
    {
        QFETCH(QString, filter);
        QFETCH(QString, tree);
        const auto parsed = Filter::parse(filter);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
        QCOMPARE(render(*parsed.value()), tree);
    }

    void attributeNames_keepTheirSpelling()
    {
        const auto parsed = Filter::parse(u"USERNAME eq \"x\""_s);
        QVERIFY(parsed.value()->path.is(u"userName"));
    }

    void manyTerms_boundedNotFatal() // issue 11 item 2
    {
        // 120,000 comparisons joined by "or" (about 1 MB) used to build a tree 120,000 levels deep that overflowed
        // the stack when walked or freed: now refused at once.
        QStringList terms(120000, u"id pr"_s);
        const auto huge = Filter::parse(terms.join(u" or "_s));
        QVERIFY(!huge);
        QCOMPARE(huge.error().scimType, u"invalidFilter"_s);
        QVERIFY(huge.error().detail.contains(u"1000"_s));
        terms.resize(1000);
        QVERIFY(Filter::parse(terms.join(u" and "_s)));
        terms.append(u"id pr"_s);
        QVERIFY(!Filter::parse(terms.join(u" and "_s)));
    }

    void invalid_data() { FilterCases::invalidRows(); }

    void invalid()
    {
        QFETCH(QString, filter);
        const auto parsed = Filter::parse(filter);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().status, 400);
        QCOMPARE(parsed.error().scimType, u"invalidFilter"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Filter)
#include "tst_Filter.moc"
