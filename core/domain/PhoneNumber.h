// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ScimConsole::Core {

/// The directory's phone number: the value exactly as sent (U-14) plus the digits and calling-code region derived
/// from it by U-04 and U-05. Parsing uses libphonenumber.
struct PhoneNumber
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)

public:
    static constexpr QLatin1StringView DefaultRegion{"86"};

    QString value;  // as sent: "+1 415 555 0100", "tel:+86-10-1234-5678"
    QString digits; // national significant number: "4155550100"
    QString region; // calling code without "+": "1", "86"

    /// U-04: a number with a country code must start with "+". U-05: the region comes from the number when it has
    /// a code, must agree with `givenRegion` when both are there, and is "86" when neither says. U-14: a value
    /// without digits is refused. `givenRegion` may be empty (not given); "+86" and "86" are the same region.
    static Result<PhoneNumber> fromScim(const QString &value, const QString &givenRegion = {});
    /// A calling code ("86", "+1") that exists, in canonical form ("86", "1").
    static Result<QString> normalizeRegion(const QString &region);
};

} // namespace ScimConsole::Core
