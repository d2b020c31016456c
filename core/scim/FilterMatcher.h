// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/scim/Filter.h"

#include <QJsonObject>

namespace ScimConsole::Core {

/// Evaluates a value filter (the part inside "emails[…]") against one element of a multi-valued attribute.
/// Strings compare ignoring case, as for every sub-attribute the console keeps (type, value, display).
class FilterMatcher
{
public:
    static bool matches(const Filter &filter, const QJsonObject &element);
};

} // namespace ScimConsole::Core
