// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/AttributePath.h"

namespace ScimConsole::Core {

namespace {
bool isName(QStringView name)
{
    // RFC 7643 §2.1 ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA; "$ref" is the one exception.
    if (name.compare(u"$ref", Qt::CaseInsensitive) == 0)
        return true;
    if (name.isEmpty() || !name.front().isLetter())
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'-'; });
}
} // namespace

Result<AttributePath, ScimError> AttributePath::parse(const QString &text)
{
    AttributePath path;
    QString rest = text.trimmed();
    if (rest.startsWith(u"urn:", Qt::CaseInsensitive)) {
        const qsizetype colon = rest.lastIndexOf(u':');
        path.schema = rest.left(colon);
        rest = rest.mid(colon + 1);
        // A bare schema URN ("urn:…:User") names the whole extension; callers decide whether that is allowed.
        if (rest.contains(u'.') && !isName(rest.section(u'.', 0, 0)))
            return ScimError::invalidPath(QStringLiteral("\"%1\" is not an attribute path.").arg(text));
    }
    const qsizetype dot = rest.indexOf(u'.');
    path.attribute = dot < 0 ? rest : rest.left(dot);
    path.subAttribute = dot < 0 ? QString() : rest.mid(dot + 1);
    if (!isName(path.attribute) || (dot >= 0 && !isName(path.subAttribute)))
        return ScimError::invalidPath(QStringLiteral("\"%1\" is not an attribute path.").arg(text));
    return path;
}

QString AttributePath::toString() const
{
    QString text = schema.isEmpty() ? attribute : schema + u':' + attribute;
    if (!subAttribute.isEmpty())
        text += u'.' + subAttribute;
    return text;
}

} // namespace ScimConsole::Core
