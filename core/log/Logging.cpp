// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/log/Logging.h"

Q_LOGGING_CATEGORY(lcStorage, "console.core.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcScim, "console.core.scim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "console.core.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRam, "console.core.ram", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "console.core.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "console.app.cli", QtWarningMsg)
