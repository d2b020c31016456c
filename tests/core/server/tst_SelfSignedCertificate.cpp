// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/SelfSignedCertificate.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

/// Issue 13: the self-signed certificate is made in process (no openssl tool on a minimal system), kept, and made
/// anew before it ends.
class tst_SelfSignedCertificate : public QObject
{
    Q_OBJECT

private slots:
    void ensure_makesAPairInProcess_thenKeepsIt()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"tls"_s);
        qputenv("PATH", "/nonexistent"); // no openssl tool to fall back on
        const Result<SelfSignedCertificate> made = SelfSignedCertificate::ensure(folder, u"scim.example.org"_s);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));

        QFile certificateFile(made->certificatePath);
        QVERIFY(certificateFile.open(QIODevice::ReadOnly));
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
        QCOMPARE(certificates.size(), 1);
        const QSslCertificate &certificate = certificates.first();
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{u"scim.example.org"_s});
        QCOMPARE(certificate.issuerInfo(QSslCertificate::CommonName), QStringList{u"scim.example.org"_s});
        const auto names = certificate.subjectAlternativeNames();
        QVERIFY(names.values(QSsl::DnsEntry).contains(u"scim.example.org"_s));
        QVERIFY(names.values(QSsl::DnsEntry).contains(u"localhost"_s));
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(u"127.0.0.1"_s));
        const qint64 days = QDateTime::currentDateTimeUtc().daysTo(certificate.expiryDate());
        QVERIFY2(days >= SelfSignedCertificate::ValidityDays - 1, qPrintable(QString::number(days)));
        QCOMPARE(made->expires, certificate.expiryDate());
        QCOMPARE(made->fingerprint,
                 QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));

        QFile keyFile(made->keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
        QVERIFY(!key.isNull());
        QCOMPARE(key.length(), 256);
        QCOMPARE(QFile::permissions(made->keyPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        const Result<SelfSignedCertificate> again = SelfSignedCertificate::ensure(folder, u"scim.example.org"_s);
        QVERIFY(again);
        QCOMPARE(again->fingerprint, made->fingerprint); // kept
    }

    void ensure_renewsACertificateNearItsEnd()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"tls"_s);
        QVERIFY(SelfSignedCertificate::make(folder, u"localhost"_s, SelfSignedCertificate::RenewDays - 5));
        QFile file(SelfSignedCertificate::certificateFile(folder));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QSslCertificate ending = QSslCertificate::fromData(file.readAll(), QSsl::Pem).value(0);
        file.close();
        QVERIFY(!ending.isNull());

        const Result<SelfSignedCertificate> renewed = SelfSignedCertificate::ensure(folder, u"localhost"_s);
        QVERIFY(renewed);
        QVERIFY(renewed->fingerprint
                != QString::fromLatin1(ending.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
        QVERIFY(renewed->expires > QDateTime::currentDateTimeUtc().addDays(SelfSignedCertificate::ValidityDays - 2));

        // One with time left is kept.
        QVERIFY(SelfSignedCertificate::make(folder, u"localhost"_s, SelfSignedCertificate::RenewDays + 5));
        QFile kept(SelfSignedCertificate::certificateFile(folder));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        const QSslCertificate current = QSslCertificate::fromData(kept.readAll(), QSsl::Pem).value(0);
        QCOMPARE(SelfSignedCertificate::ensure(folder, u"localhost"_s)->fingerprint,
                 QString::fromLatin1(current.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
    }
};

QTEST_GUILESS_MAIN(tst_SelfSignedCertificate)
#include "tst_SelfSignedCertificate.moc"
