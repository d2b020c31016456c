// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/store/DatabaseLocation.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace ScimConsole::Core {

class Database;

/// The window's way to the store: a worker thread that owns its own connection and runs one job at a time, in the
/// order they were posted. run() returns at once with a future; continue it with `onResult(future, context, …)`
/// (core/OnResult.h), which runs the continuation on the caller's thread, later, and drops it when the context dies.
/// Not with Qt 6.4's `.then(context, …)`: that asserts when the context is gone first. The GUI thread never waits on
/// SQL.
///
/// Jobs are plain functions of a Database& returning a Result<T>: the same repository code the CLI and the server call.
/// When the store could not be opened every job answers with the opening error. The destructor lets the running job
/// finish, drops the ones still queued (their futures are cancelled), closes the connection and joins the thread.
class AsyncStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AsyncStore)

public:
    explicit AsyncStore(const DatabaseLocation &location, QObject *parent = nullptr);
    ~AsyncStore() override;

    const DatabaseLocation &location() const { return m_location; }

    template <typename Job>
    auto run(Job job) -> QFuture<std::invoke_result_t<Job, Database &>>
    {
        using R = std::invoke_result_t<Job, Database &>;
        static_assert(std::is_constructible_v<R, Error>, "a job returns a Result");
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        post([promise, job = std::move(job)](Database *db, const Error *openError) mutable {
            promise->addResult(db ? job(*db) : R(*openError));
            promise->finish();
        });
        return future;
    }

signals:
    /// Emitted after a job that changed the store, so that views showing the same data refresh themselves.
    void changed();

public:
    /// run() for a job that writes: changed() follows its completion (on the caller's thread).
    template <typename Job>
    auto write(Job job) -> QFuture<std::invoke_result_t<Job, Database &>>
    {
        using R = std::invoke_result_t<Job, Database &>;
        // then() with this store as its context is safe on Qt 6.4: the destructor joins the worker thread, which
        // finishes every future, before the store stops being a QObject.
        return run(std::move(job)).then(this, [this](const R &result) {
            emit changed();
            return result;
        });
    }

private:
    void post(std::function<void(Database *, const Error *)> job);

    DatabaseLocation m_location;
    QThread m_thread;
    QObject *m_worker; // lives on m_thread; holds the connection
};

} // namespace ScimConsole::Core
