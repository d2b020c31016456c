// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/secrets/SecretStore.h"

#include <QCoreApplication>

namespace ScimConsole::Core {

/// Resolves where a profile's secret comes from: "keychain" (the SecretStore, under `key`), "env:NAME" (an
/// environment variable) or "file:/path" (a file that only its owner may read: mode 0600 or 0400).
class SecretSource
{
    Q_DECLARE_TR_FUNCTIONS(SecretSource)

public:
    static QFuture<Result<QString>> read(const QString &source, const QString &key, SecretStore &keychain);
    /// The synchronous part: env and file sources (a keychain source is an error here).
    static Result<QString> readLocal(const QString &source);
};

} // namespace ScimConsole::Core
