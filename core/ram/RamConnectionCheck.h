// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ConnectionStep.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace ScimConsole::Core {

class RamClient;

/// the console's "test connection". Three steps, each with its verdict: a token is obtained (and its scope is
/// /acs/scim), GET /ResourceTypes lists User, GET /Schemas has the core User schema. `done` is called once, on the
/// client's thread, with all three steps.
class RamConnectionCheck
{
    Q_DECLARE_TR_FUNCTIONS(RamConnectionCheck)

public:
    static constexpr auto ExpectedScope = "/acs/scim";
    static constexpr auto UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    static void run(RamClient &client, std::function<void(const QList<ConnectionStep> &)> done);
};

} // namespace ScimConsole::Core
