// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QString>

namespace ScimConsole::Core {

enum class ErrorCode {
    Io,
    Database,
    Network,
    Unauthorized,
    NotFound,
    Conflict,      // the request is valid but the current state refuses it (third token, duplicate name)
    InvalidInput,  // the value itself breaks a rule
    InvalidFilter, // a filter names an attribute the resource lacks, or compares one in a way its type does not allow
    SecretStore,
    Cancelled, // the caller stopped it
};

/// An error as a value. `message` is translated and meant for the administrator; `detail` is for logs only
/// and never carries a secret.
struct Error
{
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
    QString detail;
};

} // namespace ScimConsole::Core
