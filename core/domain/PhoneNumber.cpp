// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PhoneNumber.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <string>

namespace ScimConsole::Core {

namespace pn = i18n::phonenumbers;

namespace {
QString regionCodeFor(int callingCode)
{
    std::string regionCode;
    pn::PhoneNumberUtil::GetInstance()->GetRegionCodeForCountryCode(callingCode, &regionCode);
    return QString::fromStdString(regionCode);
}
} // namespace

Result<QString> PhoneNumber::normalizeRegion(const QString &region)
{
    QString code = region.trimmed();
    if (code.startsWith(u'+'))
        code.remove(0, 1);
    bool numeric = false;
    const int callingCode = code.toInt(&numeric);
    if (!numeric || code.size() > 3 || callingCode <= 0 || regionCodeFor(callingCode) == u"ZZ") {
        return makeError(
            ErrorCode::InvalidInput,
            tr("\"%1\" is not a country calling code (phoneRegion is a code such as 86 or 1).").arg(region));
    }
    return QString::number(callingCode);
}

Result<PhoneNumber> PhoneNumber::fromScim(const QString &value, const QString &givenRegion)
{
    const bool hasDigit = std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.isDigit(); });
    if (!hasDigit)
        return makeError(ErrorCode::InvalidInput, tr("The phone number \"%1\" has no digits.").arg(value));

    QString region;
    if (!givenRegion.trimmed().isEmpty()) {
        Result<QString> normalized = normalizeRegion(givenRegion);
        if (!normalized)
            return normalized.error();
        region = normalized.value();
    }

    // A number without a country code is read as a national number of the given region, or of the default one.
    const QString defaultRegion = region.isEmpty() ? QString(DefaultRegion) : region;
    auto *util = pn::PhoneNumberUtil::GetInstance();
    pn::PhoneNumber parsed;
    const auto error =
        util->ParseAndKeepRawInput(value.toStdString(), regionCodeFor(defaultRegion.toInt()).toStdString(), &parsed);
    if (error != pn::PhoneNumberUtil::NO_PARSING_ERROR)
        return makeError(ErrorCode::InvalidInput, tr("\"%1\" is not a phone number.").arg(value));

    switch (parsed.country_code_source()) {
    case pn::PhoneNumber::FROM_NUMBER_WITH_PLUS_SIGN: {
        const QString numberRegion = QString::number(parsed.country_code());
        if (!region.isEmpty() && region != numberRegion) {
            return makeError(ErrorCode::InvalidInput,
                             tr("The phone number \"%1\" has the country code +%2, but phoneRegion is %3.")
                                 .arg(value, numberRegion, region));
        }
        region = numberRegion;
        break;
    }
    case pn::PhoneNumber::FROM_NUMBER_WITH_IDD:
    case pn::PhoneNumber::FROM_NUMBER_WITHOUT_PLUS_SIGN:
        return makeError(ErrorCode::InvalidInput,
                         tr("The phone number \"%1\" has a country code; write it with a leading \"+\", for "
                            "example +%2 %3.")
                             .arg(value)
                             .arg(parsed.country_code())
                             .arg(parsed.national_number()));
    default:
        region = defaultRegion;
        break;
    }

    std::string national;
    util->GetNationalSignificantNumber(parsed, &national);
    PhoneNumber result;
    result.value = value;
    result.digits = QString::fromStdString(national);
    result.region = region;
    return result;
}

} // namespace ScimConsole::Core
