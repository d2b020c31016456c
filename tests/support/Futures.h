// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QTest>

namespace ScimConsole::Test {

/// Waits (running the event loop) for a future that answers with a Result, up to 20 s; one that never answers is
/// an error.
template <typename T>
T waitForResult(QFuture<T> future)
{
    for (int waited = 0; !future.isFinished() && waited < 20000; waited += 5)
        QTest::qWait(5);
    if (future.resultCount() == 0)
        return T(Core::makeError(Core::ErrorCode::SecretStore, QStringLiteral("no answer within 20 s")));
    return future.result();
}

} // namespace ScimConsole::Test
