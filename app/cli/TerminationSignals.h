// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QObject>

#include <functional>

namespace ScimConsole::Cli {

/// Calls `onSignal` (on the thread of `context`) when SIGTERM or SIGINT arrives, through a socket pair: the one
/// async-signal-safe way into the event loop.
void watchTerminationSignals(QObject *context, std::function<void()> onSignal);

} // namespace ScimConsole::Cli
