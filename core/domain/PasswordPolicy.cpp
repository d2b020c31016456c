// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PasswordPolicy.h"

#include "core/domain/BearerToken.h"

#include <QRandomGenerator>

#include <argon2.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>

namespace ScimConsole::Core {

Status PasswordPolicy::check(const QString &password) const
{
    if (password.size() < minLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("The password is too short: at least %n character(s).", nullptr, minLength));
    if (password.size() > MaxLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("The password is too long: at most %n character(s).", nullptr, MaxLength));
    const auto has = [&](auto predicate) { return std::any_of(password.cbegin(), password.cend(), predicate); };
    if (requireLowercase && !has([](QChar c) { return c.isLower(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs a lowercase letter."));
    if (requireUppercase && !has([](QChar c) { return c.isUpper(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs an uppercase letter."));
    if (requireDigit && !has([](QChar c) { return c.isDigit(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs a digit."));
    if (requireSymbol && !has([](QChar c) { return !c.isLetterOrNumber() && !c.isSpace(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs a symbol."));
    return ok();
}

Status PasswordPolicy::validate() const
{
    if (minLength < 1 || minLength > MaxLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("The minimum password length must be between 1 and %1.").arg(MaxLength));
    return ok();
}

QJsonObject PasswordPolicy::toJson() const
{
    return {
        {QStringLiteral("minLength"), minLength},
        {QStringLiteral("requireLowercase"), requireLowercase},
        {QStringLiteral("requireUppercase"), requireUppercase},
        {QStringLiteral("requireDigit"), requireDigit},
        {QStringLiteral("requireSymbol"), requireSymbol},
    };
}

Result<PasswordPolicy> PasswordPolicy::fromJson(const QJsonObject &json)
{
    PasswordPolicy policy;
    policy.minLength = json.value(u"minLength").toInt(policy.minLength);
    policy.requireLowercase = json.value(u"requireLowercase").toBool(policy.requireLowercase);
    policy.requireUppercase = json.value(u"requireUppercase").toBool(policy.requireUppercase);
    policy.requireDigit = json.value(u"requireDigit").toBool(policy.requireDigit);
    policy.requireSymbol = json.value(u"requireSymbol").toBool(policy.requireSymbol);
    if (const Status valid = policy.validate(); !valid)
        return valid.error();
    return policy;
}

namespace {
// OpenSSL's PBKDF2, for the hashes earlier versions wrote.
QByteArray deriveKey(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray key(PasswordHash::KeyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), int(key.size()),
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1) {
        return {};
    }
    return key;
}
} // namespace

QString PasswordHash::create(const QString &password)
{
    std::array<quint32, SaltBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray utf8 = password.toUtf8();
    QByteArray encoded(int(argon2_encodedlen(Passes, MemoryKiB, 1, SaltBytes, KeyBytes, Argon2_id)), '\0');
    if (argon2id_hash_encoded(Passes, MemoryKiB, 1, utf8.constData(), size_t(utf8.size()), words.data(), SaltBytes,
                              KeyBytes, encoded.data(), size_t(encoded.size()))
        != ARGON2_OK)
        return {};
    return QString::fromLatin1(encoded.constData()); // up to its terminating NUL
}

bool PasswordHash::verify(const QString &password, const QString &encoded)
{
    const QByteArray utf8 = password.toUtf8();
    if (encoded.startsWith(u"$argon2id$"))
        return argon2id_verify(encoded.toLatin1().constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts[0] != u"pbkdf2-sha256")
        return false;
    bool numeric = false;
    const int iterations = parts[1].toInt(&numeric);
    if (!numeric || iterations < 1)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    const QByteArray derived = deriveKey(password, salt, iterations);
    return !derived.isEmpty() && BearerToken::constantTimeEquals(derived, expected);
}

bool PasswordHash::needsRehash(const QString &encoded)
{
    // "$argon2id$v=19$m=19456,t=2,p=1$…"
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 6 || parts[1] != u"argon2id")
        return true;
    quint32 memory = 0;
    quint32 passes = 0;
    for (const QString &parameter : parts[3].split(u',')) {
        if (parameter.startsWith(u"m="))
            memory = parameter.mid(2).toUInt();
        else if (parameter.startsWith(u"t="))
            passes = parameter.mid(2).toUInt();
    }
    return memory < MemoryKiB || passes < Passes;
}

} // namespace ScimConsole::Core
