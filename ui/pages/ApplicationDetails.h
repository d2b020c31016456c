// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/AppRegistration.h"
#include "core/domain/BearerToken.h"
#include "core/domain/ExtensionField.h"
#include "core/domain/Group.h"
#include "core/domain/OrganizationTree.h"
#include "core/domain/SyncScope.h"

#include <QHash>

namespace ScimConsole::Core {
class Database;
}

namespace ScimConsole::Gui {

/// Everything the application page shows, read in one job on the store's thread.
struct ApplicationDetails
{
    Core::AppRegistration app;
    Core::SyncScope scope;
    Core::OrganizationTree tree;
    QList<Core::Group> groups; // without members
    QList<Core::BearerToken> tokens;
    QHash<QString, QDateTime> lastTokenUse; // by prefix
    QList<Core::ExtensionField> fields;

    static Core::Result<ApplicationDetails> load(Core::Database &db, const QString &appId);
};

} // namespace ScimConsole::Gui
