// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/secrets/KeychainSecretStore.h"
#include "tests/support/Futures.h"
#include "tests/support/TestSecrets.h"

#include <QTest>
#include <QUuid>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

/// The keychain adapter against a real Secret Service (gnome-keyring on the private session bus that
/// scripts/test.sh starts). R-01: the secret lives only there.
class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void writeReadRemove()
    {
        KeychainSecretStore keychain(u"scim-console-test"_s);
        const QString key = u"ram/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"/client-secret"_s;
        const QString secret = ScimConsole::Test::testRamSecret();

        const Status written = waitForResult(keychain.write(key, secret));
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        const Result<QString> read = waitForResult(keychain.read(key));
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QVERIFY(read.value() == secret); // never printed on failure

        QVERIFY(waitForResult(keychain.remove(key)));
        const Result<QString> gone = waitForResult(keychain.read(key));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY2(waitForResult(keychain.remove(key)), "removing what is not there is fine");
    }
};

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
