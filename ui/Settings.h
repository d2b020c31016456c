// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/server/ScimServer.h"

#include <QSettings>

namespace ScimConsole::Gui {

/// Every preference of the console, its key and default in one place (KeePassXC's Config). QSettings holds
/// preferences only: business data lives in the store.
namespace Settings {

enum class TlsMode {
    None,
    Files,
    SelfSigned,
};

enum class CloseAction {
    Ask,
    KeepServingInTray,
    Quit,
};

struct ServerPreferences
{
    Core::ServerOptions options;
    TlsMode tlsMode = TlsMode::None;
    bool startOnLaunch = true;
};

ServerPreferences serverPreferences();
void setServerPreferences(const ServerPreferences &preferences);

CloseAction closeAction();
void setCloseAction(CloseAction action);

} // namespace Settings

} // namespace ScimConsole::Gui
