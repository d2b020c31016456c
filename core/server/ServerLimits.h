// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QList>
#include <QString>

namespace ScimConsole::Core {

/// What one client may ask of the server on the wire, before any SCIM rule is applied. Everything QHttpServer 6.4
/// leaves unbounded is bounded here; GuardedTcpServer enforces it on the raw bytes, HttpFrontend again on each parsed
/// request (pipelined requests included).
struct ServerLimits
{
    qint64 maxBodyBytes = 1024 * 1024;     // 413, from Content-Length and while the body streams
    qint64 maxRequestLineBytes = 8 * 1024; // 414 (method, target and version)
    qint64 maxHeaderBytes = 64 * 1024;     // 431 (every header line together)
    qint64 headerTimeoutMs = 10'000;       // 408: from a request's first byte to its blank line
    qint64 bodyTimeoutMs = 60'000;         // 408: from the blank line to the body's last byte
    qint64 idleTimeoutMs = 30'000;         // a kept-alive connection with no request in flight is closed
    qint64 maxConnections = 512;           // open at once, in total; more are refused (503)
    qint64 maxConnectionsPerClient = 64;   // open at once from one address

    enum class Unit { Bytes, Seconds, Connections };

    /// One limit as the command line (`--<key>`), the console's settings and the server page show it. Seconds are
    /// stored as milliseconds.
    struct Field
    {
        const char *key;
        qint64 ServerLimits::*member;
        Unit unit;
        qint64 minimum; // in the unit shown
        qint64 maximum;
        const char *label; // both translated in the "ServerLimits" context
        const char *description;
    };
    static const QList<Field> &fields();

    static qint64 shown(const Field &field, const ServerLimits &limits);
    static void set(const Field &field, ServerLimits &limits, qint64 value);
    static QString label(const Field &field);
    static QString description(const Field &field);
};

} // namespace ScimConsole::Core
