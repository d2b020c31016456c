// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/BearerToken.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace ScimConsole::Core {

bool BearerToken::matches(QByteArrayView secret) const
{
    return constantTimeEquals(hashSecret(secret), hash);
}

IssuedSecret BearerToken::generateSecret(QLatin1StringView prefix)
{
    std::array<quint32, SecretBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray random(reinterpret_cast<const char *>(words.data()), SecretBytes);
    const QByteArray encoded = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    IssuedSecret issued;
    issued.secret = prefix + QString::fromLatin1(encoded);
    issued.prefix = prefixOf(issued.secret);
    issued.hash = hashSecret(issued.secret.toLatin1());
    return issued;
}

QByteArray BearerToken::hashSecret(QByteArrayView secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
}

QString BearerToken::prefixOf(QStringView secret)
{
    return secret.left(PrefixLength).toString();
}

bool BearerToken::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace ScimConsole::Core
