// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/SelfSignedCertificate.h"

#include "core/log/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSaveFile>
#include <QSslCertificate>
#include <QStandardPaths>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ScimConsole::Core {

namespace {

template <typename T, void (*Free)(T *)>
struct Freeing
{
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Freeing<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Freeing<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Freeing<BIO, BIO_free_all>>;
using BigNumber = std::unique_ptr<BIGNUM, Freeing<BIGNUM, BN_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Freeing<X509_EXTENSION, X509_EXTENSION_free>>;

/// What PEM_write_bio_* wrote into a memory BIO.
template <typename Write>
QByteArray pem(Write write)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || !write(bio.get()))
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

/// Writes `data` to `path` through a temporary file, readable by the owner only when `secret`.
bool writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(data) == data.size() && file.commit();
}

} // namespace

QString SelfSignedCertificate::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/tls");
}

Status SelfSignedCertificate::make(const QString &folder, const QString &hostName, int validityDays)
{
    if (!QDir().mkpath(folder))
        return makeError(ErrorCode::Io, tr("Cannot create the folder %1.").arg(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const auto failed = [] {
        return makeError(ErrorCode::Io, tr("Cannot make a TLS certificate."),
                         QStringLiteral("OpenSSL could not make the key or the certificate"));
    };

    const Key key(EVP_EC_gen("P-256"));
    const Certificate certificate(X509_new());
    const BigNumber serial(BN_new());
    if (!key || !certificate || !serial)
        return failed();
    // A random positive serial of 159 bits (RFC 5280: at most 20 octets).
    if (!BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY)
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))
        || X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60)
        || !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(validityDays) * 24 * 3600)
        || X509_set_pubkey(certificate.get(), key.get()) != 1) {
        return failed();
    }
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray commonName = hostName.toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0)
            != 1
        || X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("SCIM Console"),
                                      -1, -1, 0)
               != 1
        || X509_set_issuer_name(certificate.get(), name) != 1) {
        return failed();
    }
    const bool isAddress = !QHostAddress(hostName).isNull();
    const QByteArray altNames = (isAddress ? QByteArrayLiteral("IP:") : QByteArrayLiteral("DNS:")) + commonName
                                + QByteArrayLiteral(",DNS:localhost,IP:127.0.0.1");
    if (!addExtension(certificate.get(), NID_subject_alt_name, altNames)
        || !addExtension(certificate.get(), NID_basic_constraints, QByteArrayLiteral("critical,CA:TRUE"))
        || !addExtension(certificate.get(), NID_subject_key_identifier, QByteArrayLiteral("hash"))
        || X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0) {
        return failed();
    }

    const QByteArray keyPem = pem(
        [&](BIO *bio) { return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1; });
    const QByteArray certificatePem = pem([&](BIO *bio) { return PEM_write_bio_X509(bio, certificate.get()) == 1; });
    if (keyPem.isEmpty() || certificatePem.isEmpty())
        return failed();
    // The key first: a certificate without its key would be taken for a whole pair.
    if (!writeFile(keyFile(folder), keyPem, true) || !writeFile(certificateFile(folder), certificatePem, false)) {
        QFile::remove(keyFile(folder));
        return makeError(ErrorCode::Io, tr("Cannot write the TLS certificate into %1.").arg(folder));
    }
    qCInfo(lcServer) << "made a self-signed TLS certificate in" << folder << "valid for" << validityDays << "days";
    return ok();
}

Result<SelfSignedCertificate> SelfSignedCertificate::ensure(const QString &folder, const QString &hostName)
{
    SelfSignedCertificate result;
    result.certificatePath = certificateFile(folder);
    result.keyPath = keyFile(folder);

    const auto read = [&]() -> QList<QSslCertificate> {
        QFile file(result.certificatePath);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    };
    QList<QSslCertificate> certificates;
    if (QFile::exists(result.certificatePath) && QFile::exists(result.keyPath))
        certificates = read();
    // Made once, and again when it is missing, unreadable or within RenewDays of its end.
    const QDateTime renewFrom = QDateTime::currentDateTimeUtc().addDays(RenewDays);
    if (certificates.isEmpty() || certificates.first().expiryDate() < renewFrom) {
        if (!certificates.isEmpty()) {
            qCWarning(lcServer) << "the self-signed TLS certificate expires on" << certificates.first().expiryDate()
                                << "- making a new one; give the identity providers its new fingerprint";
        }
        if (const Status made = make(folder, hostName, ValidityDays); !made)
            return made.error();
        certificates = read();
    }
    if (certificates.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("%1 holds no PEM certificate.").arg(result.certificatePath));
    result.fingerprint =
        QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    result.expires = certificates.first().expiryDate();
    return result;
}

QString SelfSignedCertificate::certificateFile(const QString &folder)
{
    return folder + QStringLiteral("/scim-console.crt.pem");
}

QString SelfSignedCertificate::keyFile(const QString &folder)
{
    return folder + QStringLiteral("/scim-console.key.pem");
}

} // namespace ScimConsole::Core
