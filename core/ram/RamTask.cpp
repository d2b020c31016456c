// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamTask.h"

#include "core/ram/RamClient.h"
#include "core/store/Database.h"

namespace ScimConsole::Core {

/// Lives on the task's thread and owns everything that talks to RAM and the store there.
class RamTaskRunner final : public QObject
{
public:
    RamTaskRunner(RamTask *task, const DatabaseLocation &location, const RamProfile &profile, const QString &secret,
                  SyncLog *log)
        : m_task(task)
        , m_location(location)
        , m_profile(profile)
        , m_secret(secret)
        , m_log(log)
    {}

    ~RamTaskRunner() override
    {
        delete m_sync; // before the client it uses
        delete m_client;
    }

    void run(RamTask::Kind kind, bool adopt)
    {
        m_client = new RamClient(m_profile, std::exchange(m_secret, {}), m_log);
        if (kind == RamTask::Kind::TestConnection) {
            RamConnectionCheck::run(*m_client, [this](const QList<ConnectionStep> &steps) {
                RamTask::Outcome outcome;
                outcome.kind = RamTask::Kind::TestConnection;
                outcome.steps = steps;
                deliver(outcome);
            });
            return;
        }
        Result<std::unique_ptr<Database>> db = Database::open(m_location);
        if (!db) {
            RamTask::Outcome outcome;
            outcome.kind = kind;
            outcome.error = db.error();
            deliver(outcome);
            return;
        }
        m_db = std::move(db).value();
        m_sync = new RamSync(*m_db, m_profile, *m_client);
        // Signal to signal: queued to the task's thread.
        QObject::connect(m_sync, &RamSync::progress, m_task, &RamTask::progress);
        QObject::connect(m_sync, &RamSync::finished, this, [this, kind](const Status &status) {
            RamTask::Outcome outcome;
            outcome.kind = kind;
            if (!status)
                outcome.error = status.error();
            outcome.report = m_sync->report();
            outcome.plan = m_sync->plan();
            outcome.summary = m_sync->summary();
            deliver(outcome);
        });
        m_sync->start(kind == RamTask::Kind::Pull      ? RamSync::Mode::Pull
                      : kind == RamTask::Kind::Preview ? RamSync::Mode::Preview
                                                       : RamSync::Mode::Push,
                      adopt);
    }

    void cancel()
    {
        if (m_sync)
            m_sync->cancel();
    }

private:
    void deliver(const RamTask::Outcome &outcome)
    {
        RamTask *task = m_task;
        QMetaObject::invokeMethod(
            task, [task, outcome] { task->complete(outcome); }, Qt::QueuedConnection);
    }

    RamTask *m_task;
    DatabaseLocation m_location;
    RamProfile m_profile;
    QString m_secret;
    SyncLog *m_log;
    std::unique_ptr<Database> m_db;
    RamClient *m_client = nullptr;
    RamSync *m_sync = nullptr;
};

RamTask::RamTask(const DatabaseLocation &location, const RamProfile &profile, const QString &secret, SyncLog *log,
                 QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_runner(new RamTaskRunner(this, location, profile, secret, log))
{
    m_thread.setObjectName(QStringLiteral("RamTask"));
    m_runner->moveToThread(&m_thread);
    m_thread.start();
}

RamTask::~RamTask()
{
    RamTaskRunner *runner = m_runner;
    // Queued behind whatever runs there: closes the client (dropping requests in flight) and the store connection
    // on their own thread, then ends the thread.
    QMetaObject::invokeMethod(
        runner,
        [runner] {
            runner->cancel();
            delete runner;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void RamTask::start(Kind kind, bool adopt)
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_outcome = {};
    m_outcome.kind = kind;
    RamTaskRunner *runner = m_runner;
    QMetaObject::invokeMethod(
        runner, [runner, kind, adopt] { runner->run(kind, adopt); }, Qt::QueuedConnection);
}

void RamTask::cancel()
{
    RamTaskRunner *runner = m_runner;
    QMetaObject::invokeMethod(
        runner, [runner] { runner->cancel(); }, Qt::QueuedConnection);
}

void RamTask::complete(const Outcome &outcome)
{
    m_outcome = outcome;
    m_running = false;
    emit finished();
}

} // namespace ScimConsole::Core
