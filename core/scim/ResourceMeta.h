// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/scim/JsonWriter.h"
#include "core/store/ListQuery.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace ScimConsole::Core {

/// The `meta` attribute (RFC 7643 §3.1) every resource carries, and where it is stored, in one place for Users and
/// Groups.
class ResourceMeta
{
public:
    /// A time as SCIM writes it (RFC 7643 §2.3.5): UTC, with milliseconds, e.g. 2026-12-03T10:32:14.123Z.
    static QString dateTime(const QDateTime &time);
    /// The meta object, as the value of the key just written.
    static void write(JsonWriter &json, QAnyStringView resourceType, const QDateTime &created,
                      const QDateTime &modified, const QString &location, qint64 version);
    /// `meta.<sub>`: `locationPrefix` is the resource's location without its id (".../Users/"). resourceType and
    /// version compare ignoring case (RFC 7643 §2.2's default), location exactly.
    static std::optional<StoredAttribute> attribute(const AttributePath &path, const QString &resourceType,
                                                    const QString &locationPrefix);
};

} // namespace ScimConsole::Core
