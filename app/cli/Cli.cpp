// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"

#include "app/cli/CliContext.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QLoggingCategory>

namespace ScimConsole::Cli {

namespace {
QCommandLineOption dbOption()
{
    return QCommandLineOption(QStringLiteral("db"),
                              Cli::tr("The store: a SQLite file, or postgresql://user:password@host:port/database. "
                                      "Default: $SCIM_CONSOLE_DB, else a file in the application data folder."),
                              Cli::tr("location"));
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), Cli::tr("Print machine-readable JSON."));
}
} // namespace

QList<Command> Cli::allCommands()
{
    return serverCommands() + directoryCommands() + groupCommands() + userCommands() + applicationCommands()
           + tokenCommands() + logCommands() + ramCommands() + demoCommands();
}

namespace {
/// `scim-console --db X --json app list` is `scim-console app list --db X --json`: the options every command takes
/// may come before it.
QStringList withCommonOptionsLast(const QStringList &arguments)
{
    QStringList leading;
    qsizetype next = 1;
    while (next < arguments.size()) {
        const QString &argument = arguments.at(next);
        if (argument == u"--json" || argument.startsWith(u"--db=")) {
            leading << argument;
            next += 1;
        } else if (argument == u"--db" && next + 1 < arguments.size()) {
            leading << argument << arguments.at(next + 1);
            next += 2;
        } else {
            break;
        }
    }
    if (leading.isEmpty() || next == arguments.size()) // nothing but options: the window's own --db
        return arguments;
    return arguments.mid(0, 1) + arguments.mid(next) + leading;
}
} // namespace

bool Cli::isCommandLine(const QStringList &rawArguments)
{
    const QStringList arguments = withCommonOptionsLast(rawArguments);
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    if (first == u"-h" || first == u"--help" || first == u"help" || first == u"-v" || first == u"--version")
        return true;
    if (first.startsWith(u'-'))
        return false; // GUI options such as --db
    return true;
}

bool Cli::isServe(const QStringList &rawArguments)
{
    const QStringList arguments = withCommonOptionsLast(rawArguments);
    return arguments.size() >= 2 && arguments.at(1) == u"serve";
}

QString Cli::overview()
{
    QString text = tr("Usage: scim-console [--db LOCATION]            start the console\n"
                      "       scim-console <command> [options]       run one command\n\n"
                      "Commands:\n");
    for (const Command &command : allCommands())
        text += QStringLiteral("  %1 %2").arg(command.group, command.verb).leftJustified(28) + command.summary + u'\n';
    text += tr("\nEvery command takes --db LOCATION and --json; `scim-console <command> --help` lists its options.\n"
               "Exit codes: 0 done, 1 refused by a rule or not found, 2 usage error, 3 store error, 4 RAM "
               "unreachable, 130 cancelled.\n");
    return text;
}

int Cli::run(const QStringList &rawArguments, QTextStream &out, QTextStream &err)
{
    const QStringList arguments = withCommonOptionsLast(rawArguments);
    const QString first = arguments.value(1);
    if (first == u"-v" || first == u"--version") {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    if (first == u"-h" || first == u"--help" || first == u"help" || arguments.size() < 2) {
        out << overview();
        return Success;
    }

    const QList<Command> commands = allCommands();
    const auto verbWords = [](const Command &c) { return c.verb.isEmpty() ? 0 : int(c.verb.count(u' ')) + 1; };
    const auto command = std::find_if(commands.cbegin(), commands.cend(), [&](const Command &c) {
        return c.group == first && c.verb == QStringList(arguments.mid(2, verbWords(c))).join(u' ');
    });
    if (command == commands.cend()) {
        err << tr("scim-console: unknown command \"%1\"").arg(QStringList(arguments.mid(1, 2)).join(u' ')) << "\n\n"
            << overview();
        return UsageError;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addOption(dbOption());
    parser.addOption(jsonOption());
    parser.addOptions(command->options);
    QStringList commandArguments = arguments.mid(2 + verbWords(*command));
    commandArguments.prepend(QStringLiteral("scim-console %1 %2").arg(command->group, command->verb).trimmed());
    if (!parser.parse(commandArguments)) {
        err << tr("scim-console: %1 (see --help)").arg(parser.errorText()) << "\n";
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("scim-console: unexpected argument \"%1\" (see --help)").arg(parser.positionalArguments().first())
            << "\n";
        return UsageError;
    }

    // A command's outcome is its one line on stdout or stderr; the product's logging stays quiet unless asked for
    // with QT_LOGGING_RULES. The server keeps its log.
    if (command->group != u"serve" && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("console.*=false"));

    QString spec = parser.value(QStringLiteral("db"));
    if (spec.isEmpty())
        spec = qEnvironmentVariable("SCIM_CONSOLE_DB");
    Core::Result<Core::DatabaseLocation> location =
        spec.isEmpty() ? Core::Result<Core::DatabaseLocation>(Core::DatabaseLocation::defaultLocation())
                       : Core::DatabaseLocation::parse(spec);
    if (!location) {
        err << tr("scim-console: error: %1").arg(location.error().message) << "\n";
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("db")) && !location->password.isEmpty())
        err << tr("scim-console: warning: %1").arg(Core::DatabaseLocation::commandLinePasswordWarning()) << "\n";
    Core::Result<std::unique_ptr<Core::Database>> db = Core::Database::open(location.value());
    if (!db) {
        err << tr("scim-console: error: %1").arg(db.error().message) << "\n";
        return StoreError;
    }

    CliContext context(parser, *db.value(), out, err);
    return command->run(context);
}

} // namespace ScimConsole::Cli
