// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/CliContext.h"

#include "core/ConnectionStep.h"
#include "core/log/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ScimConsole::Cli {

QString CliContext::required(const QString &option)
{
    const QString value = parser.value(option);
    if (value.isEmpty() && !m_usageError) {
        usage(tr("missing --%1").arg(option));
    }
    return value;
}

std::optional<qint64> CliContext::wholeNumber(const QString &option, qint64 fallback, qint64 minimum, qint64 maximum)
{
    if (!parser.isSet(option))
        return fallback;
    const QString text = parser.value(option);
    bool numeric = false;
    const qint64 value = text.toLongLong(&numeric);
    if (numeric && value >= minimum && value <= maximum)
        return value;
    const bool anyInt = minimum == std::numeric_limits<int>::min();
    const bool noMaximum = maximum == std::numeric_limits<int>::max();
    usage(anyInt      ? tr("--%1 takes a whole number, not \"%2\"").arg(option, text)
          : noMaximum ? tr("--%1 takes a whole number from %2, not \"%3\"").arg(option).arg(minimum).arg(text)
                      : tr("--%1 takes a whole number from %2 to %3, not \"%4\"")
                            .arg(option)
                            .arg(minimum)
                            .arg(maximum)
                            .arg(text));
    return std::nullopt;
}

int CliContext::printSteps(const QList<Core::ConnectionStep> &steps)
{
    QJsonArray array;
    QString text;
    bool allOk = true;
    for (const Core::ConnectionStep &step : steps) {
        allOk = allOk && step.passed();
        array.append(QJsonObject{{QStringLiteral("step"), step.name},
                                 {QStringLiteral("ok"), step.passed()},
                                 {QStringLiteral("tried"), step.outcome != Core::ConnectionStep::Outcome::NotTried},
                                 {QStringLiteral("status"), step.status},
                                 {QStringLiteral("detail"), step.detail},
                                 {QStringLiteral("fix"), step.fix}});
        switch (step.outcome) {
        case Core::ConnectionStep::Outcome::Passed:
            text += tr("ok      %1: %2").arg(step.name, step.detail) + u'\n';
            break;
        case Core::ConnectionStep::Outcome::Failed:
            text += tr("FAILED  %1: %2\n        %3").arg(step.name, step.detail, step.fix) + u'\n';
            break;
        case Core::ConnectionStep::Outcome::NotTried:
            text += tr("-       %1: not tried").arg(step.name) + u'\n';
            break;
        }
    }
    print(QJsonObject{{QStringLiteral("ok"), allOk}, {QStringLiteral("steps"), array}}, text);
    return allOk ? Success : Refused;
}

int CliContext::print(const QJsonValue &value, const QString &text)
{
    if (json()) {
        const QJsonDocument document =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        m_out << document.toJson(QJsonDocument::Indented);
    } else if (!text.isEmpty()) {
        m_out << text << (text.endsWith(u'\n') ? "" : "\n");
    }
    m_out.flush();
    return Success;
}

int CliContext::fail(const Core::Error &error)
{
    m_err << tr("scim-console: error: %1").arg(error.message) << "\n";
    m_err.flush();
    if (!error.detail.isEmpty())
        qCDebug(lcCli) << error.detail;
    switch (error.code) {
    case Core::ErrorCode::Database:
    case Core::ErrorCode::Io:
        return StoreError;
    case Core::ErrorCode::Network:
        return NetworkError;
    case Core::ErrorCode::Cancelled:
        return Interrupted;
    default:
        return Refused;
    }
}

int CliContext::usage(const QString &message)
{
    m_usageError = true;
    m_err << tr("scim-console: %1 (see --help)").arg(message) << "\n";
    m_err.flush();
    return UsageError;
}

} // namespace ScimConsole::Cli
