// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/store/AsyncStore.h"

#include <QCoreApplication>
#include <QTest>

namespace ScimConsole::Test {

/// Lets every job posted to `store` finish and its continuations land while the widgets that asked are still alive,
/// so that a test's last actions run to their end (a continuation whose widget is gone is dropped, and with it
/// whatever it would have shown). A continuation may post further jobs (a change reloads), hence the rounds.
inline void drain(Core::AsyncStore &store)
{
    for (int round = 0; round < 4; ++round) {
        auto idle = store.run([](Core::Database &) { return Core::Result<int>(0); });
        (void)QTest::qWaitFor([&idle] { return idle.isFinished(); }, 5000);
        QCoreApplication::sendPostedEvents();
        QTest::qWait(20);
    }
}

/// drain() when it goes out of scope: declare it after the widgets that use `store`.
class StoreDrain
{
public:
    explicit StoreDrain(Core::AsyncStore &store)
        : m_store(store)
    {}
    ~StoreDrain() { drain(m_store); }
    Q_DISABLE_COPY_MOVE(StoreDrain)

private:
    Core::AsyncStore &m_store;
};

} // namespace ScimConsole::Test
