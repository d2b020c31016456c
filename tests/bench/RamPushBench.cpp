// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The RAM push benchmark (issue 12): a directory of N accounts, filled through the console's own SCIM server, pushed
// into the RAM test double, which answers every request LATENCY ms later by a timer (it keeps serving the other
// connections meanwhile, as a remote server does), at the push profile's default concurrency unless told otherwise.
// Prints one line: "RAMPUSH accounts=… latency_ms=… concurrency=… secs=… writes_per_s=… created=… failures=…".
//   bench_ram_push [--accounts 10000] [--latency-ms 20] [--concurrency N]
#include "core/ram/RamClient.h"
#include "core/ram/RamSync.h"
#include "core/store/RamProfileStore.h"
#include "tests/support/RamTestDouble.h"
#include "tests/support/ScimTestServer.h"
#include "tests/support/TestSecrets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <cstdio>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("accounts"), QStringLiteral("accounts to push"), QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("the double's delay of every answer"),
                      QStringLiteral("ms"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("concurrency"), QStringLiteral("requests in flight (default: the profile's)"),
                      QStringLiteral("n")});
    parser.process(app);
    const int accounts = parser.value(QStringLiteral("accounts")).toInt();

    ScimTestServer scim;
    if (!scim.setupError().isEmpty()) {
        std::fprintf(stderr, "bench_ram_push: %s\n", qPrintable(scim.setupError()));
        return 1;
    }
    std::fprintf(stderr, "bench_ram_push: filling the directory with %d accounts\n", accounts);
    for (int i = 0; i < accounts; ++i) {
        const QString userName = QStringLiteral("user%1@example.com").arg(i, 6, 10, QChar(u'0'));
        if (scim.createUser(userName, {{QStringLiteral("displayName"), QStringLiteral("User %1").arg(i)}}).isEmpty()) {
            std::fprintf(stderr, "bench_ram_push: could not create %s\n", qPrintable(userName));
            return 1;
        }
    }

    RamTestDouble::Options options;
    options.secret = testRamSecret();
    options.latencyMs = parser.value(QStringLiteral("latency-ms")).toInt();
    RamTestDouble ram(options);
    if (!ram.start()) {
        std::fprintf(stderr, "bench_ram_push: the RAM double could not listen\n");
        return 1;
    }
    RamProfile profile = ram.profile(QStringLiteral("bench"));
    profile.sourceAppId = scim.appId();
    if (parser.isSet(QStringLiteral("concurrency")))
        profile.concurrency = parser.value(QStringLiteral("concurrency")).toInt();
    const auto saved = RamProfileStore(scim.db()).save(profile);
    if (!saved) {
        std::fprintf(stderr, "bench_ram_push: %s\n", qPrintable(saved.error().message));
        return 1;
    }

    RamClient client(saved.value(), options.secret);
    RamSync sync(scim.db(), saved.value(), client);
    QEventLoop loop;
    QString failure;
    QObject::connect(&sync, &RamSync::finished, &loop, [&](const Status &status) {
        if (!status)
            failure = status.error().message;
        loop.quit();
    });
    std::fprintf(stderr, "bench_ram_push: pushing\n");
    QElapsedTimer clock;
    clock.start();
    sync.start(RamSync::Mode::Push);
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "bench_ram_push: the push failed: %s\n", qPrintable(failure));
        return 1;
    }
    const PushSummary &summary = sync.summary();
    std::printf("RAMPUSH accounts=%d latency_ms=%d concurrency=%d secs=%.2f writes_per_s=%.1f created=%d failures=%d\n",
                accounts, options.latencyMs, saved.value().concurrency, seconds, ram.writes() / seconds,
                summary.created, int(summary.failures.size()));
    return summary.created == accounts && summary.failures.isEmpty() ? 0 : 1;
}
