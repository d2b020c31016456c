// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/Group.h"
#include "core/scim/JsonWriter.h"
#include "core/store/ListQuery.h"
#include "core/scim/ScimContext.h"
#include "core/scim/ScimError.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace ScimConsole::Core {

/// The SCIM Group resource (RFC 7643 §4.2) mapped onto directory groups by DOMAIN.md table G.
class GroupResource
{
public:
    struct Parsed
    {
        Group group;
        QStringList warnings;
    };

    /// The most members one POST or PUT may list (400 invalidValue beyond): larger groups are built with PATCH.
    static constexpr int MaxMembersPerRequest = 10'000;
    static std::optional<ScimError> checkMemberCount(const QJsonObject &body);

    /// `withMembers` false leaves the members attribute out (excludedAttributes=members, never read). Written
    /// straight as JSON (what responses send), or as an object (what PATCH and projections work on).
    static void write(const Group &group, const ScimContext &context, JsonWriter &json, bool withMembers = true);
    static QJsonObject toJson(const Group &group, const ScimContext &context, bool withMembers = true);
    /// POST or PUT. G-02: members are users, given as {"value": id} (a bare id string is accepted too); a member of
    /// another type is refused. Whether each id names a user in scope is for the caller to check.
    static Result<Parsed, ScimError> fromJson(const QJsonObject &body, const Group *existing);
    /// Where the directory keeps a Group attribute path (filters and sortBy); the store writes the SQL.
    static std::optional<StoredAttribute> attribute(const AttributePath &path, const ScimContext &context);
    static QString location(const ScimContext &context, const QString &id);
};

} // namespace ScimConsole::Core
