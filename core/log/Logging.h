// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QLoggingCategory>

// Every logging category of the product, declared once so that the log view can list them.
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // console.core.storage
Q_DECLARE_LOGGING_CATEGORY(lcScim)    // console.core.scim
Q_DECLARE_LOGGING_CATEGORY(lcServer)  // console.core.server
Q_DECLARE_LOGGING_CATEGORY(lcRam)     // console.core.ram
Q_DECLARE_LOGGING_CATEGORY(lcSecrets) // console.core.secrets
Q_DECLARE_LOGGING_CATEGORY(lcCli)     // console.app.cli
