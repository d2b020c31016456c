// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include "core/Error.h"
#include "core/ram/PushPlan.h"

#include <QObject>

namespace ScimConsole::Core {

class RamClient;

/// Reads every RAM user: GET /Users page after page until totalResults are read. Completes exactly once with
/// finished(); cancel() stops after the page in flight.
class RamPullJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamPullJob)

public:
    static constexpr int PageSize = 100; // RAM may answer with fewer per page (30 in its example)

    explicit RamPullJob(RamClient &client, QObject *parent = nullptr);

    void start();
    void cancel() { m_cancelled = true; }
    const QList<RamUser> &users() const { return m_users; }

signals:
    void progress(int read, int total);
    /// A failed listing keeps RAM's error (RamReply); cancel() ends it with ErrorCode::Cancelled.
    void finished(const ScimConsole::Core::Status &status);

private:
    void fetch(int startIndex);

    RamClient &m_client;
    QList<RamUser> m_users;
    bool m_cancelled = false;
};

} // namespace ScimConsole::Core
