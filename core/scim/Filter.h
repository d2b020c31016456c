// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/scim/AttributePath.h"

#include <QJsonValue>

#include <memory>

namespace ScimConsole::Core {

enum class CompareOp {
    Eq,
    Ne,
    Co,
    Sw,
    Ew,
    Gt,
    Ge,
    Lt,
    Le,
};

/// A parsed RFC 7644 §3.4.2.2 filter. Immutable; shared subtrees.
struct Filter
{
    enum class Type {
        Compare, // path op value
        Present, // path pr
        And,
        Or,
        Not,
        ValuePath, // path[inner] — inner's paths are sub-attributes of path
    };

    Type type = Type::Compare;
    AttributePath path;
    CompareOp op = CompareOp::Eq;
    QJsonValue value;                    // string, number, boolean or null
    std::shared_ptr<const Filter> left;  // And, Or; the operand of Not; the inner filter of ValuePath
    std::shared_ptr<const Filter> right; // And, Or

    /// Parses the whole grammar: eq ne co sw ew pr gt ge lt le, and/or/not with precedence (not > and > or),
    /// grouping, value paths, case-insensitive operators, JSON string escapes, URN-qualified paths.
    /// Unquoted words that are no JSON literal are taken as strings (some clients send `userName sw O`).
    static Result<std::shared_ptr<const Filter>, ScimError> parse(const QString &text);

    static QString opName(CompareOp op);
};

using FilterPtr = std::shared_ptr<const Filter>;

} // namespace ScimConsole::Core
