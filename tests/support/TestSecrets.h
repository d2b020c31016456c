// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QCryptographicHash>
#include <QString>

namespace ScimConsole::Test {

/// The RAM app secret the tests use. Derived at run time, so that no test binary holds it: the
/// secrets_not_leaked test derives it the same way (tests/tools/CheckSecretsNotLeaked.cmake) and searches every file
/// under the build and data folders, the test logs included, for it.
inline QString testRamSecret()
{
    const QByteArray digest =
        QCryptographicHash::hash("scim-console test RAM secret v1", QCryptographicHash::Sha256).toHex();
    return QStringLiteral("ramsecret-") + QString::fromLatin1(digest.left(32));
}

} // namespace ScimConsole::Test
