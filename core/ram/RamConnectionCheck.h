// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace ScimConsole::Core {

class RamClient;

/// One step of a connection test: what was tried, whether it passed, what was seen and, when it failed, what to do.
struct ConnectionStep
{
    enum class Outcome {
        Passed,
        Failed,
        NotTried, // an earlier step failed
    };

    QString name;
    Outcome outcome = Outcome::NotTried;
    int status = 0; // HTTP status, 0 when no answer came or the step was not tried
    QString detail;
    QString fix;

    bool passed() const { return outcome == Outcome::Passed; }
};

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
