// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/server/ServerLimits.h"

#include <QCoreApplication>

namespace ScimConsole::Core {

const QList<ServerLimits::Field> &ServerLimits::fields()
{
    static const QList<Field> all{
        {"max-body-bytes", &ServerLimits::maxBodyBytes, Unit::Bytes, 1024, 1024 * 1024 * 1024,
         QT_TRANSLATE_NOOP("ServerLimits", "Request body"),
         QT_TRANSLATE_NOOP("ServerLimits", "Largest request body; larger ones are refused with 413.")},
        {"max-request-line-bytes", &ServerLimits::maxRequestLineBytes, Unit::Bytes, 1024, 1024 * 1024,
         QT_TRANSLATE_NOOP("ServerLimits", "Request line"),
         QT_TRANSLATE_NOOP("ServerLimits", "Longest request line (method, path and query); longer ones get 414.")},
        {"max-header-bytes", &ServerLimits::maxHeaderBytes, Unit::Bytes, 1024, 16 * 1024 * 1024,
         QT_TRANSLATE_NOOP("ServerLimits", "Headers"),
         QT_TRANSLATE_NOOP("ServerLimits", "Largest header block; larger ones get 431.")},
        {"header-timeout", &ServerLimits::headerTimeoutMs, Unit::Seconds, 1, 3600,
         QT_TRANSLATE_NOOP("ServerLimits", "Headers within"),
         QT_TRANSLATE_NOOP("ServerLimits", "Seconds a client has to send a request's headers (then 408).")},
        {"body-timeout", &ServerLimits::bodyTimeoutMs, Unit::Seconds, 1, 3600,
         QT_TRANSLATE_NOOP("ServerLimits", "Body within"),
         QT_TRANSLATE_NOOP("ServerLimits", "Seconds a client has to send a request's body (then 408).")},
        {"idle-timeout", &ServerLimits::idleTimeoutMs, Unit::Seconds, 1, 3600,
         QT_TRANSLATE_NOOP("ServerLimits", "Idle connection"),
         QT_TRANSLATE_NOOP("ServerLimits", "Seconds an idle kept-alive connection stays open.")},
        {"max-connections", &ServerLimits::maxConnections, Unit::Connections, 1, 100000,
         QT_TRANSLATE_NOOP("ServerLimits", "Connections"),
         QT_TRANSLATE_NOOP("ServerLimits", "Connections open at once; more are refused with 503.")},
        {"max-connections-per-client", &ServerLimits::maxConnectionsPerClient, Unit::Connections, 1, 100000,
         QT_TRANSLATE_NOOP("ServerLimits", "Per client"),
         QT_TRANSLATE_NOOP("ServerLimits", "Connections open at once from one address; more are refused with 503.")},
    };
    return all;
}

qint64 ServerLimits::shown(const Field &field, const ServerLimits &limits)
{
    const qint64 value = limits.*field.member;
    return field.unit == Unit::Seconds ? (value + 999) / 1000 : value;
}

void ServerLimits::set(const Field &field, ServerLimits &limits, qint64 value)
{
    value = std::clamp(value, field.minimum, field.maximum);
    limits.*field.member = field.unit == Unit::Seconds ? value * 1000 : value;
}

QString ServerLimits::label(const Field &field)
{
    return QCoreApplication::translate("ServerLimits", field.label);
}

QString ServerLimits::description(const Field &field)
{
    return QCoreApplication::translate("ServerLimits", field.description);
}

} // namespace ScimConsole::Core
