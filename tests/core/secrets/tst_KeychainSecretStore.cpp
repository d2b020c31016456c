#include "core/secrets/KeychainSecretStore.h"
#include "tests/support/TestSecrets.h"

#include <QTest>
#include <QUuid>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

namespace {
template <typename T>
T wait(QFuture<T> future)
{
    for (int waited = 0; !future.isFinished() && waited < 20000; waited += 5)
        QTest::qWait(5);
    if (future.resultCount() == 0)
        return T(makeError(ErrorCode::SecretStore, u"the keychain did not answer"_s));
    return future.result();
}
} // namespace

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

        const Status written = wait(keychain.write(key, secret));
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        const Result<QString> read = wait(keychain.read(key));
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QVERIFY(read.value() == secret); // never printed on failure

        QVERIFY(wait(keychain.remove(key)));
        const Result<QString> gone = wait(keychain.read(key));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY2(wait(keychain.remove(key)), "removing what is not there is fine");
    }
};

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
