// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QString>

namespace ScimConsole::Core {

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

} // namespace ScimConsole::Core
