// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ScimConsole::Core {

/// A directory account (DOMAIN.md table U). Rules live in UserFields, PhoneNumber and PasswordPolicy; the store
/// keeps uniqueness (userName ignoring case).
struct Account
{
    QString id;          // U-01
    QString userName;    // U-02, U-13
    QString externalId;  // U-07
    QString displayName; // U-03
    QString givenName;   // U-12
    QString familyName;
    QString formattedName;
    QString email;                    // U-06
    std::optional<bool> emailPrimary; // as sent; none when the client sent no "primary"
    QString phoneNumber;              // U-14, as sent
    std::optional<bool> phonePrimary;
    QString phoneDigits;           // U-04
    QString phoneRegion;           // U-05
    bool phoneRegionGiven = false; // U-05: sent by the client (else derived from the number, or the default)
    bool active = true;            // U-08
    QString passwordHash;          // U-09, never the password
    QString orgId;                 // U-10
    QJsonObject extensionValues;   // M-03: extension field name -> value of the field's type
    QDateTime created;
    QDateTime modified;
    qint64 version = 0; // bumped on every write; the SCIM ETag
};

} // namespace ScimConsole::Core
