// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/secrets/SecretSource.h"

#include <QFile>
#include <QFileInfo>
#include <QFuture>

namespace ScimConsole::Core {

Result<QString> SecretSource::readLocal(const QString &source)
{
    if (source.startsWith(u"env:")) {
        const QString name = source.mid(4);
        const QString value = qEnvironmentVariable(name.toLocal8Bit().constData());
        if (value.isEmpty())
            return makeError(ErrorCode::SecretStore, tr("The environment variable %1 holds no secret.").arg(name));
        return value.trimmed();
    }
    if (source.startsWith(u"file:")) {
        const QString path = source.mid(5);
        const QFileInfo info(path);
        if (!info.exists())
            return makeError(ErrorCode::SecretStore, tr("The secret file %1 does not exist.").arg(path));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther
                                                | QFileDevice::ExeOther;
        if (info.permissions() & others)
            return makeError(ErrorCode::SecretStore,
                             tr("The secret file %1 may be read by others: make it mode 0600 (chmod 600).").arg(path));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::SecretStore, tr("Cannot read the secret file %1.").arg(path));
        const QString value = QString::fromUtf8(file.readAll()).trimmed();
        if (value.isEmpty())
            return makeError(ErrorCode::SecretStore, tr("The secret file %1 is empty.").arg(path));
        return value;
    }
    return makeError(ErrorCode::SecretStore, tr("Unknown secret source \"%1\".").arg(source));
}

QFuture<Result<QString>> SecretSource::read(const QString &source, const QString &key, SecretStore &keychain)
{
    if (source == u"keychain")
        return keychain.read(key);
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    return QtFuture::makeReadyValueFuture(readLocal(source));
#else
    return QtFuture::makeReadyFuture(readLocal(source));
#endif
}

} // namespace ScimConsole::Core
