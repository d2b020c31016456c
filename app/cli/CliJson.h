// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/AppRegistration.h"
#include "core/domain/BearerToken.h"
#include "core/domain/ExtensionField.h"
#include "core/domain/OrganizationTree.h"
#include "core/domain/SyncScope.h"

#include <QJsonObject>

namespace ScimConsole::Cli {

/// The JSON shapes that --json prints. Times are ISO 8601 UTC; absent values are null.
QJsonObject toJson(const Core::Organization &org, const Core::OrganizationTree &tree);
QJsonObject toJson(const Core::AppRegistration &app, const Core::SyncScope &scope);
QJsonObject toJson(const Core::ExtensionField &field);
QJsonObject toJson(const Core::BearerToken &token);
QJsonValue timeJson(const QDateTime &time);

} // namespace ScimConsole::Cli
