// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/AppRegistration.h"
#include "core/domain/ExtensionField.h"
#include "core/domain/OrganizationTree.h"
#include "core/domain/PasswordPolicy.h"
#include "core/domain/SyncScope.h"

#include <QList>
#include <QString>

namespace ScimConsole::Core {

/// Everything the protocol engine needs to know about the application a request is for: its configuration as of
/// the current configuration version, and the request's base URL for locations and $refs.
struct ScimContext
{
    AppRegistration app;
    SyncScope scope;
    OrganizationTree tree;
    QList<ExtensionField> mappedFields; // definitions of app.mappedFields, in that order
    PasswordPolicy passwordPolicy;
    QString baseUrl; // http(s)://host:port/scim/v2/apps/<id>, no trailing slash

    const ExtensionField *mappedField(QStringView attribute) const
    {
        for (const ExtensionField &field : mappedFields) {
            if (field.name.compare(attribute, Qt::CaseInsensitive) == 0)
                return &field;
        }
        return nullptr;
    }
};

} // namespace ScimConsole::Core
