// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/AsyncStore.h"

#include "core/store/Database.h"

#include <atomic>
#include <optional>

namespace ScimConsole::Core {

namespace {

/// Lives on the store's thread: opens the connection on its first job and closes it when deleted there.
class StoreWorker final : public QObject
{
public:
    explicit StoreWorker(const DatabaseLocation &location)
        : m_location(location)
    {}

    std::atomic<bool> stopping = false;

    void execute(const std::function<void(Database *, const Error *)> &job)
    {
        if (stopping)
            return; // dropping the job cancels its future
        if (!m_db && !m_openError) {
            Result<std::unique_ptr<Database>> opened = Database::open(m_location);
            if (opened)
                m_db = std::move(opened).value();
            else
                m_openError = opened.error();
        }
        job(m_db.get(), m_openError ? &*m_openError : nullptr);
    }

private:
    DatabaseLocation m_location;
    std::unique_ptr<Database> m_db;
    std::optional<Error> m_openError;
};

} // namespace

AsyncStore::AsyncStore(const DatabaseLocation &location, QObject *parent)
    : QObject(parent)
    , m_location(location)
    , m_worker(new StoreWorker(location))
{
    m_thread.setObjectName(QStringLiteral("AsyncStore"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

AsyncStore::~AsyncStore()
{
    auto *worker = static_cast<StoreWorker *>(m_worker);
    worker->stopping = true;
    // Queued behind the running job: closes the connection on its own thread, then ends the thread.
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            delete worker;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void AsyncStore::post(std::function<void(Database *, const Error *)> job)
{
    auto *worker = static_cast<StoreWorker *>(m_worker);
    QMetaObject::invokeMethod(
        worker, [worker, job = std::move(job)] { worker->execute(job); }, Qt::QueuedConnection);
}

} // namespace ScimConsole::Core
