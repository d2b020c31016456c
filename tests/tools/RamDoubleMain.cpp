// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The RAM test double as a program, for scripts/screenshots.sh: listens on 127.0.0.1 and prints its token and SCIM
// URLs on one line. The client secret comes from RAM_DOUBLE_SECRET.
//   ram-double [--latency-ms N] [--ram-user NAME]...
#include "tests/support/RamTestDouble.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("delay of every answer"), QStringLiteral("ms"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("ram-user"), QStringLiteral("a user made in the RAM console"),
                      QStringLiteral("name")});
    parser.process(app);
    ScimConsole::Test::RamTestDouble::Options options;
    options.secret = qEnvironmentVariable("RAM_DOUBLE_SECRET");
    options.latencyMs = parser.value(QStringLiteral("latency-ms")).toInt();
    ScimConsole::Test::RamTestDouble ram(options);
    for (const QString &name : parser.values(QStringLiteral("ram-user")))
        ram.addUser(name);
    if (options.secret.isEmpty() || !ram.start()) {
        std::fprintf(stderr, "ram-double: set RAM_DOUBLE_SECRET; could not listen otherwise\n");
        return 1;
    }
    std::printf("%s %s\n", qPrintable(ram.tokenUrl()), qPrintable(ram.scimUrl()));
    std::fflush(stdout);
    return app.exec();
}
