// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/ram/PushPlan.h"
#include "core/ram/RamPushJob.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace ScimConsole::Core {

class Database;
class RamClient;
class RamPullJob;

/// What a pull found: RAM users linked to directory accounts (by externalId, else by the R-11 userName), RAM users
/// no account matches, accounts of the source not in RAM.
struct PullReport
{
    QList<std::pair<Account, RamUser>> linked;
    QList<RamUser> ramOnly;
    QList<Account> directoryOnly;
};

/// Pull, preview or push for one profile, on the caller's thread (all network work is asynchronous). Reads the
/// source accounts and the profile's links from `db`, keeps the links up to date as the push goes, and stores the
/// outbound sync-log events every few seconds and when it ends (a push stopped by a crash or a closed window loses
/// at most the last few). finished() comes exactly once.
class RamSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamSync)

public:
    enum class Mode {
        Pull,
        Preview, // pull and plan: the dry run
        Push,    // pull, plan, send
    };

    RamSync(Database &db, const RamProfile &profile, RamClient &client, QObject *parent = nullptr);
    ~RamSync() override;

    void start(Mode mode, bool adopt = false);
    void cancel();

    const QList<Account> &accounts() const { return m_accounts; }
    const QList<RamUser> &ramUsers() const { return m_ramUsers; }
    PullReport report() const;
    const PushPlan &plan() const { return m_plan; }
    const PushSummary &summary() const { return m_summary; }

signals:
    /// `stage` is "pull" or "push"; rate and ETA are 0 while pulling.
    void progress(const QString &stage, int done, int total, double ratePerSecond, int etaSeconds);
    /// Succeeds when the run completed (a push may still have failed items, or been cancelled: see summary()); a
    /// failure says why (ErrorCode::Network when RAM could not be reached, Cancelled for a cancelled pull …).
    void finished(const ScimConsole::Core::Status &status);

private:
    void pulled(const Status &status);
    void finish(const Status &status);
    void storeEvents();

    Database &m_db;
    RamProfile m_profile;
    RamClient &m_client;
    Mode m_mode = Mode::Pull;
    bool m_adopt = false;
    bool m_cancelled = false;
    QList<Account> m_accounts;
    QList<RamUser> m_ramUsers;
    PushPlan m_plan;
    PushSummary m_summary;
    RamPullJob *m_pull = nullptr;
    RamPushJob *m_push = nullptr;
    QTimer *m_eventTimer;
};

} // namespace ScimConsole::Core
