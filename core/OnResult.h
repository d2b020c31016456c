// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThread>

#include <utility>

namespace ScimConsole::Core {

/// Calls `f(result)` on `context`'s thread once `future` has finished, unless `context` was destroyed first or the
/// future was cancelled: then nothing is called. Always later, from the event loop, never inside this call, even
/// when the future has already finished. Call it on `context`'s thread.
///
/// This is what `future.then(context, f)` does from Qt 6.6 on. On Qt 6.4, then() checks its context on the thread
/// that finishes the future: it asserts when the context is gone (a window closed while its load runs), and in a
/// build without assertions it posts to an object that may be in the middle of its destruction. Here the watcher is
/// a child of `context` and is destroyed with it, so there is nothing left to call.
template <typename T, typename F>
void onResult(const QFuture<T> &future, QObject *context, F &&f)
{
    Q_ASSERT(context && context->thread() == QThread::currentThread());
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, f = std::forward<F>(f)]() mutable {
        watcher->deleteLater();
        if (!watcher->isCanceled() && watcher->future().resultCount() > 0)
            f(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace ScimConsole::Core
