// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/secrets/KeychainSecretStore.h"

#include "core/log/Logging.h"

#include <QPromise>
#include <qt6keychain/keychain.h>

#include <memory>

namespace ScimConsole::Core {

namespace {

Error keychainError(const QKeychain::Job &job, const QString &key)
{
    if (job.error() == QKeychain::EntryNotFound)
        return makeError(ErrorCode::NotFound, KeychainSecretStore::tr("The keychain holds no secret for %1.").arg(key));
    qCWarning(lcSecrets) << "keychain job for" << key << "failed:" << job.error() << job.errorString();
    if (job.error() == QKeychain::NoBackendAvailable || job.error() == QKeychain::OtherError)
        return makeError(
            ErrorCode::SecretStore,
            KeychainSecretStore::tr("The OS keychain is not available (%1). On a server without a Secret "
                                    "Service, let the profile read its secret from an environment variable "
                                    "or a file of mode 0600.")
                .arg(job.errorString()));
    return makeError(ErrorCode::SecretStore,
                     KeychainSecretStore::tr("The OS keychain refused: %1").arg(job.errorString()));
}

/// Starts `job` and completes the returned future once, when it finishes.
template <typename T, typename Done>
QFuture<T> run(QKeychain::Job *job, Done done)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, done](QKeychain::Job *finished) {
        promise->addResult(done(*finished));
        promise->finish();
    });
    job->setAutoDelete(true);
    job->start();
    return promise->future();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service)
    : m_service(service)
{}

QFuture<Result<QString>> KeychainSecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    return run<Result<QString>>(job, [key](QKeychain::Job &finished) -> Result<QString> {
        if (finished.error() != QKeychain::NoError)
            return keychainError(finished, key);
        return static_cast<QKeychain::ReadPasswordJob &>(finished).textData();
    });
}

QFuture<Status> KeychainSecretStore::write(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    return run<Status>(job, [key](QKeychain::Job &finished) -> Status {
        if (finished.error() != QKeychain::NoError)
            return keychainError(finished, key);
        return ok();
    });
}

QFuture<Status> KeychainSecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    return run<Status>(job, [key](QKeychain::Job &finished) -> Status {
        if (finished.error() != QKeychain::NoError && finished.error() != QKeychain::EntryNotFound)
            return keychainError(finished, key);
        return ok();
    });
}

} // namespace ScimConsole::Core
