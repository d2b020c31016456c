// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/SelfSignedCertificate.h"

#include "core/log/Logging.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>

namespace ScimConsole::Core {

QString SelfSignedCertificate::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/tls");
}

Result<SelfSignedCertificate> SelfSignedCertificate::ensure(const QString &folder, const QString &hostName)
{
    SelfSignedCertificate result;
    result.certificatePath = folder + QStringLiteral("/scim-console.crt.pem");
    result.keyPath = folder + QStringLiteral("/scim-console.key.pem");

    if (!QFile::exists(result.certificatePath) || !QFile::exists(result.keyPath)) {
        if (!QDir().mkpath(folder))
            return makeError(ErrorCode::Io, tr("Cannot create the folder %1.").arg(folder));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const bool isAddress = !QHostAddress(hostName).isNull();
        const QString altName = (isAddress ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + hostName
                                + QStringLiteral(",DNS:localhost,IP:127.0.0.1");
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("825"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=%1/O=SCIM Console").arg(hostName),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + altName,
                       QStringLiteral("-keyout"), result.keyPath, QStringLiteral("-out"), result.certificatePath});
        if (!openssl.waitForStarted())
            return makeError(ErrorCode::Io, tr("Cannot make a TLS certificate: the openssl tool is not installed."));
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
            QFile::remove(result.keyPath);
            QFile::remove(result.certificatePath);
            return makeError(ErrorCode::Io, tr("Cannot make a TLS certificate: %1")
                                                .arg(QString::fromLocal8Bit(openssl.readAllStandardError()).trimmed()));
        }
        QFile::setPermissions(result.keyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        qCInfo(lcServer) << "made a self-signed TLS certificate in" << folder;
    }

    QFile file(result.certificatePath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("Cannot read the TLS certificate %1.").arg(result.certificatePath));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("%1 holds no PEM certificate.").arg(result.certificatePath));
    result.fingerprint =
        QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    return result;
}

} // namespace ScimConsole::Core
