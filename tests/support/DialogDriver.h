// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QApplication>
#include <QDialog>
#include <QTimer>

#include <functional>

namespace ScimConsole::Test {

/// Runs `act` on the next modal dialog of type D once it is shown (dialogs run their own event loop in exec(), so
/// a test can only reach them from a timer). Gives up silently after `timeoutMs`; the test then fails on what the
/// dialog should have done.
template <typename D>
void whenDialogOpens(std::function<void(D *)> act, int timeoutMs = 5000)
{
    auto *timer = new QTimer;
    auto remaining = std::make_shared<int>(timeoutMs / 10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act, remaining] {
        if (auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget()); dialog && dialog->isVisible()) {
            timer->deleteLater();
            act(dialog);
            return;
        }
        if (--*remaining <= 0)
            timer->deleteLater();
    });
    timer->start(10);
}

} // namespace ScimConsole::Test
