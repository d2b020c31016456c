// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/secrets/SecretStore.h"

#include <QCoreApplication>

namespace ScimConsole::Core {

/// SecretStore on the OS keychain through QtKeychain (the Secret Service on Linux, which needs the libsecret-1-0
/// package and a Secret Service on the session bus). There is no plaintext fallback: without a keychain every call
/// fails with a message that says so. Jobs run asynchronously on the caller's event loop.
class KeychainSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("scim-console"));

    QFuture<Result<QString>> read(const QString &key) override;
    QFuture<Status> write(const QString &key, const QString &value) override;
    QFuture<Status> remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace ScimConsole::Core
