// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ScimConsole::Core {

/// A self-signed TLS certificate the console makes for itself (EC P-256, made with the openssl tool) and keeps in
/// a folder of its own, the key readable by the owner only. Administrators give its fingerprint to the identity
/// provider, or replace it with a certificate of their own (--tls-cert/--tls-key).
class SelfSignedCertificate
{
    Q_DECLARE_TR_FUNCTIONS(SelfSignedCertificate)

public:
    QString certificatePath;
    QString keyPath;
    QString fingerprint; // SHA-256, "AB:CD:…"

    /// The certificate in `folder`, made first if it is not there yet (valid for 825 days, for `hostName`).
    static Result<SelfSignedCertificate> ensure(const QString &folder, const QString &hostName);
    /// The default folder: <application data>/tls.
    static QString defaultFolder();
};

} // namespace ScimConsole::Core
