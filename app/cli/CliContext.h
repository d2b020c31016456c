// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonValue>
#include <QTextStream>

#include <limits>
#include <optional>

namespace ScimConsole::Core {
class Database;
struct ConnectionStep;
} // namespace ScimConsole::Core

namespace ScimConsole::Cli {

/// Exit codes of every command.
enum ExitCode {
    Success = 0,
    Refused = 1,       // the input broke a rule, or what it names does not exist
    UsageError = 2,    // unknown command or option, missing or malformed argument
    StoreError = 3,    // the store could not be opened or failed
    NetworkError = 4,  // a remote service (RAM) could not be reached or stayed unavailable
    Interrupted = 130, // cancelled (Ctrl-C, SIGTERM), as a shell reports a command ended by SIGINT
};

/// What a command handler works with: its parsed options, the open store and the two output streams.
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    CliContext(const QCommandLineParser &parser, Core::Database &db, QTextStream &out, QTextStream &err)
        : parser(parser)
        , db(db)
        , m_out(out)
        , m_err(err)
    {}

    const QCommandLineParser &parser;
    Core::Database &db;

    bool json() const { return parser.isSet(QStringLiteral("json")); }
    /// The value of a required option; reports a usage error and returns an empty string when it is missing.
    QString required(const QString &option);
    bool hasUsageError() const { return m_usageError; }
    /// A whole-number option, or `fallback` when it is not given. Anything else, or a number outside
    /// [minimum, maximum], is a usage error that says what the option takes, and nullopt. Without a range the number
    /// need only fit an int: what it is given to checks its range and says so in its own words.
    std::optional<qint64> wholeNumber(const QString &option, qint64 fallback,
                                      qint64 minimum = std::numeric_limits<int>::min(),
                                      qint64 maximum = std::numeric_limits<int>::max());

    /// Prints `value` as JSON with --json, else `text`; returns Success.
    int print(const QJsonValue &value, const QString &text);
    /// Prints the one-line reason to stderr and returns the exit code for the error.
    int fail(const Core::Error &error);
    int usage(const QString &message);
    /// Prints the steps of a connection test (JSON: ok and steps); Success when every step passed, else Refused.
    int printSteps(const QList<Core::ConnectionStep> &steps);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    bool m_usageError = false;
};

} // namespace ScimConsole::Cli
