// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ram/RamConnectionCheck.h"
#include "core/ram/RamProfile.h"
#include "core/ram/RamSync.h"
#include "core/store/DatabaseLocation.h"

#include <QObject>
#include <QThread>

namespace ScimConsole::Core {

class RamTaskRunner;
class SyncLog;

/// One RAM operation for the console — test connection, pull, preview or push — on a thread of its own with its own
/// store connection, so that reading the source accounts and keeping the links never blocks the caller's thread.
/// The calls stream into `log` (when given) as they happen. progress() and finished() reach the caller's thread;
/// outcome() is complete once finished() came. Destroying a running task cancels it and waits for the requests in
/// flight to be dropped.
class RamTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamTask)

public:
    enum class Kind {
        TestConnection,
        Pull,
        Preview,
        Push,
    };

    struct Outcome
    {
        Kind kind = Kind::TestConnection;
        std::optional<Error> error; // none when the operation ran to its end (a push may still have failed items)
        QList<ConnectionStep> steps;
        PullReport report;
        PushPlan plan;
        PushSummary summary;
    };

    RamTask(const DatabaseLocation &location, const RamProfile &profile, const QString &secret, SyncLog *log,
            QObject *parent = nullptr);
    ~RamTask() override;

    /// Starts `kind`; a task runs one operation.
    void start(Kind kind, bool adopt = false);
    void cancel();
    bool isRunning() const { return m_running; }
    const RamProfile &profile() const { return m_profile; }
    const Outcome &outcome() const { return m_outcome; }

signals:
    /// As RamSync::progress: `stage` is "pull" or "push".
    void progress(const QString &stage, int done, int total, double ratePerSecond, int etaSeconds);
    void finished();

private:
    friend class RamTaskRunner;
    void complete(const Outcome &outcome);

    RamProfile m_profile;
    QThread m_thread;
    RamTaskRunner *m_runner; // lives on m_thread
    Outcome m_outcome;
    bool m_running = false;
};

} // namespace ScimConsole::Core
