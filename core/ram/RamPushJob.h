// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ram/PushPlan.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>

namespace ScimConsole::Core {

class RamClient;
struct RamReply;

/// What a push did.
struct PushSummary
{
    struct Failure
    {
        QString userName;
        PlanAction action;
        QString error; // RAM's own message where it gave one
    };

    int created = 0;
    int updated = 0;
    int deleted = 0;
    QList<Failure> failures;
    int retries = 0;
    int notSent = 0; // left over by a cancel
    qint64 elapsedMs = 0;
    bool cancelled = false;

    int done() const { return created + updated + deleted; }
};

/// Carries out a plan's Create/Update/Delete items with at most `concurrency` requests in flight. A failed item
/// (a refused DELETE, R-12) is reported and the push goes on. cancel() stops sending; what is in flight finishes.
/// `onSuccess` is told of each success (account id, RAM id, action) so that the caller can keep its links.
/// A create refused as taken (409) is looked up by externalId: when RAM holds it for this account, it was this push's
/// own earlier attempt whose answer was lost, and it counts as created — a push restarted after a failure makes no
/// duplicates.
class RamPushJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamPushJob)

public:
    using SuccessHandler = std::function<void(const PlanItem &item, const QString &ramId)>;

    RamPushJob(RamClient &client, const QList<PlanItem> &work, int concurrency, SuccessHandler onSuccess,
               QObject *parent = nullptr);

    void start();
    void cancel();
    const PushSummary &summary() const { return m_summary; }

signals:
    /// done out of total, requests per second so far, seconds left at that rate.
    void progress(int done, int total, double ratePerSecond, int etaSeconds);
    void finished();

private:
    void pump();
    void send(const PlanItem &item);
    void findCreated(const PlanItem &item, const RamReply &conflict);
    void complete(const PlanItem &item, bool success, const QString &ramId, const QString &error);

    RamClient &m_client;
    QList<PlanItem> m_work;
    qsizetype m_next = 0;
    int m_inFlight = 0;
    int m_handled = 0;
    int m_concurrency;
    SuccessHandler m_onSuccess;
    PushSummary m_summary;
    QElapsedTimer m_clock;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace ScimConsole::Core
