// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace ScimConsole::Core {

/// Server-assigned identifiers (U-01, G-01): UUIDs of version 7 (RFC 9562 §5.7), lower case, without braces.
/// Immutable once assigned. Their first 48 bits are the time in milliseconds and the other 74 random: ids made one
/// after another sort together, so that a new row's key lands on the last page of its index instead of a random one
/// (issue 12: with random ids every create read a page of the id index from disk once the index outgrew the cache).
inline QString newIdentifier()
{
    QByteArray bytes = QUuid::createUuid().toRfc4122(); // version 4: the random bits, and the variant
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(quint8(ms >> (40 - 8 * i)));
    bytes[6] = char(0x70 | (bytes.at(6) & 0x0f));
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

} // namespace ScimConsole::Core
