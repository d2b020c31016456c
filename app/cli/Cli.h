// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace ScimConsole::Cli {

class CliContext;

/// One command of the command line: `scim-console <group> <verb> [options]`.
struct Command
{
    QString group;
    QString verb;
    QString summary;
    QList<QCommandLineOption> options;
    std::function<int(CliContext &)> run;
};

/// The command-line interface. Commands apply the same core rules as the dialogs; errors go to stderr as one
/// line with a non-zero exit code (see ExitCode), and --json prints machine-readable results.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    /// True when `arguments` (as QCoreApplication::arguments()) asks for a command rather than the GUI. The options
    /// every command takes (--db, --json) may stand before the command: `scim-console --db X app list` runs it.
    static bool isCommandLine(const QStringList &arguments);
    /// True when `arguments` ask for the headless server (`serve`).
    static bool isServe(const QStringList &arguments);
    /// Runs the command in `arguments` and returns the process exit code.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    static QList<Command> directoryCommands();
    static QList<Command> applicationCommands();
    static QList<Command> tokenCommands();
    static QList<Command> serverCommands();
    static QList<Command> ramCommands();
    static QList<Command> demoCommands();
    static QList<Command> groupCommands();
    static QList<Command> userCommands();
    static QList<Command> logCommands();

private:
    static QList<Command> allCommands();
    static QString overview();
};

} // namespace ScimConsole::Cli
