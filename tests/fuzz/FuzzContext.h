// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

// What the fuzz targets share: a Qt application object is not needed (core is GUI-less and these targets use no
// event loop), but the context an application would have is.

#include "core/scim/ScimContext.h"

#include <QByteArray>
#include <QString>

namespace ScimConsole::Fuzz {

/// An application with a scope of one organization (its sync target), a custom namespace mapping two fields.
inline const Core::ScimContext &context()
{
    static const Core::ScimContext made = [] {
        Core::ScimContext c;
        Core::Organization root;
        root.id = QStringLiteral("org-root");
        root.name = QStringLiteral("People");
        c.tree = Core::OrganizationTree({root});
        c.scope.organizationIds = {root.id};
        c.app.id = QStringLiteral("app-fuzz");
        c.app.syncTargetOrgId = root.id;
        c.app.namespaceUrn = QStringLiteral("urn:example:custom:2.0:User");
        c.app.mappedFields = {QStringLiteral("badge"), QStringLiteral("remote")};
        Core::ExtensionField badge;
        badge.name = QStringLiteral("badge");
        badge.type = Core::FieldType::Number;
        Core::ExtensionField remote;
        remote.name = QStringLiteral("remote");
        remote.type = Core::FieldType::Boolean;
        c.mappedFields = {badge, remote};
        c.baseUrl = QStringLiteral("https://scim.example.com/scim/v2/apps/app-fuzz");
        return c;
    }();
    return made;
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace ScimConsole::Fuzz
