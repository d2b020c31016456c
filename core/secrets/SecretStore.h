// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QString>

namespace ScimConsole::Core {

/// Where secrets live: the OS keychain in the product, a fake in unit tests. Every call completes exactly once,
/// with a value or an Error (ErrorCode::SecretStore, or NotFound for a key that holds nothing). Values never reach a
/// log; only keys do.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    virtual QFuture<Result<QString>> read(const QString &key) = 0;
    virtual QFuture<Status> write(const QString &key, const QString &value) = 0;
    virtual QFuture<Status> remove(const QString &key) = 0;
};

} // namespace ScimConsole::Core
