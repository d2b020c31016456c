// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ScimConsole::Core {

/// A self-signed TLS certificate the console makes for itself (EC P-256, in process with OpenSSL's libcrypto) and
/// keeps in a folder of its own, the key readable by the owner only. Administrators give its fingerprint to the
/// identity provider, or replace it with a certificate of their own (--tls-cert/--tls-key).
class SelfSignedCertificate
{
    Q_DECLARE_TR_FUNCTIONS(SelfSignedCertificate)

public:
    static constexpr int ValidityDays = 825; // the longest validity browsers accept for a TLS certificate
    static constexpr int RenewDays = 30;     // a certificate this close to its end is made anew

    QString certificatePath;
    QString keyPath;
    QString fingerprint; // SHA-256, "AB:CD:…"
    QDateTime expires;

    /// The certificate in `folder`: made first if it is not there, or made anew when it ends within RenewDays.
    static Result<SelfSignedCertificate> ensure(const QString &folder, const QString &hostName);
    /// Makes a key and a certificate for `hostName` (also localhost and 127.0.0.1) in `folder`, replacing any.
    static Status make(const QString &folder, const QString &hostName, int validityDays);
    /// The default folder: <application data>/tls.
    static QString defaultFolder();
    static QString certificateFile(const QString &folder);
    static QString keyFile(const QString &folder);
};

} // namespace ScimConsole::Core
