// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// Test data of tst_Filter, kept apart because moc cannot read the raw string literals it is written in.
#include "tests/core/scim/FilterCases.h"

#include <QTest>

using namespace Qt::StringLiterals;

void FilterCases::parseRows()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("tree");
    // Each operator.
    QTest::newRow("eq") << uR"(userName eq "bjensen")"_s << uR"(userName eq "bjensen")"_s;
    QTest::newRow("ne") << uR"(title ne "boss")"_s << uR"(title ne "boss")"_s;
    QTest::newRow("co") << uR"(name.familyName co "O'Malley")"_s << uR"(name.familyName co "O'Malley")"_s;
    QTest::newRow("sw") << uR"(userName sw "J")"_s << uR"(userName sw "J")"_s;
    QTest::newRow("ew") << uR"(userName ew "@example.com")"_s << uR"(userName ew "@example.com")"_s;
    QTest::newRow("pr") << u"title pr"_s << u"title pr"_s;
    QTest::newRow("gt dateTime") << uR"(meta.lastModified gt "2011-05-13T04:42:34Z")"_s
                                 << uR"(meta.lastModified gt "2011-05-13T04:42:34Z")"_s;
    QTest::newRow("ge") << uR"(meta.lastModified ge "2011-05-13T04:42:34Z")"_s
                        << uR"(meta.lastModified ge "2011-05-13T04:42:34Z")"_s;
    QTest::newRow("lt") << u"badge lt 10"_s << u"badge lt 10"_s;
    QTest::newRow("le") << u"badge le 10.5"_s << u"badge le 10.5"_s;
    // Literals and escapes.
    QTest::newRow("boolean") << u"active eq true"_s << u"active eq true"_s;
    QTest::newRow("null") << u"title eq null"_s << u"title eq null"_s;
    QTest::newRow("JSON escapes") << uR"(displayName eq "a \"quoted\" \\ name \u00e9")"_s
                                  << uR"(displayName eq "a "quoted" \ name é")"_s;
    QTest::newRow("unquoted word (Microsoft)") << u"userName sw O"_s << uR"(userName sw "O")"_s;
    // Case-insensitive operators and keywords.
    QTest::newRow("operator case") << uR"(userName EQ "x" AND active Eq TRUE)"_s
                                   << uR"((userName eq "x" and active eq true))"_s;
    QTest::newRow("Pr and Not case") << uR"(NOT (title PR))"_s << u"not(title pr)"_s;
    // Precedence: not > and > or; grouping.
    QTest::newRow("and binds tighter than or")
        << uR"(a eq "1" or b eq "2" and c eq "3")"_s << uR"((a eq "1" or (b eq "2" and c eq "3")))"_s;
    QTest::newRow("grouping overrides") << uR"((a eq "1" or b eq "2") and c eq "3")"_s
                                        << uR"(((a eq "1" or b eq "2") and c eq "3"))"_s;
    QTest::newRow("left associative") << uR"(a eq "1" and b eq "2" and c eq "3")"_s
                                      << uR"(((a eq "1" and b eq "2") and c eq "3"))"_s;
    QTest::newRow("not of a group") << uR"(not (a eq "1" or b eq "2") and c pr)"_s
                                    << uR"((not((a eq "1" or b eq "2")) and c pr))"_s;
    // Value paths.
    QTest::newRow("value path") << uR"(emails[type eq "work" and value co "@x"])"_s
                                << uR"(emails[(type eq "work" and value co "@x")])"_s;
    QTest::newRow("value path in a larger filter")
        << uR"(userType eq "Employee" and emails[type eq "work" and value co "@example.com"])"_s
        << uR"((userType eq "Employee" and emails[(type eq "work" and value co "@example.com")]))"_s;
    // URN-qualified paths.
    QTest::newRow("URN path")
        << uR"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organizationId eq "o1")"_s
        << uR"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organizationId eq "o1")"_s;
    QTest::newRow("URN path with sub-attribute")
        << uR"(urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "x")"_s
        << uR"(urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "x")"_s;
    QTest::newRow("spaces are free") << u"  ( userName   eq   \"x\" )  "_s << uR"(userName eq "x")"_s;
}

void FilterCases::invalidRows()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("empty") << QString();
    QTest::newRow("no operator") << u"userName"_s;
    QTest::newRow("unknown operator") << uR"(userName like "x")"_s;
    QTest::newRow("no value") << u"userName eq"_s;
    QTest::newRow("unterminated string") << uR"(userName eq "x)"_s;
    QTest::newRow("unbalanced group") << uR"((userName eq "x")"_s;
    QTest::newRow("trailing garbage") << uR"(userName eq "x" y)"_s;
    QTest::newRow("dangling and") << uR"(userName eq "x" and)"_s;
    QTest::newRow("unclosed value path") << uR"(emails[type eq "work")"_s;
    QTest::newRow("bad attribute name") << uR"(1abc eq "x")"_s;
    QTest::newRow("bad escape") << uR"(userName eq "\q")"_s;
    QTest::newRow("deep nesting") << (QString(100, u'(') + uR"(a eq "1")"_s + QString(100, u')'));
}
