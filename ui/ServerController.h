// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/server/ScimServer.h"
#include "core/store/PresenceStore.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace ScimConsole::Core {
class AsyncStore;
class SyncLog;
struct SyncEvent;
} // namespace ScimConsole::Core

namespace ScimConsole::Gui {

/// The window's side of the embedded SCIM server: starts and stops it with the options from the Server page, and
/// when another instance already serves the store (a `scim-console serve` service, or a console on another machine
/// sharing the PostgreSQL store) follows that instance's activity from the store instead of competing for it.
/// Counts the requests and failures of the last minute for the status bar. GUI thread only.
class ServerController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerController)

public:
    enum class State {
        Stopped,
        Checking, // reading the store's presence record before starting
        Starting,
        Running,
        Attached, // another instance serves; this one follows its log
        Failed,
    };

    ServerController(Core::AsyncStore &store, Core::SyncLog &log, QObject *parent = nullptr);
    ~ServerController() override;

    Core::ServerOptions options() const { return m_options; }
    /// Applies to the next start.
    void setOptions(const Core::ServerOptions &options) { m_options = options; }

    /// Starts the server unless another instance serves the store; then follows that one.
    void startOrAttach();
    /// Starts here even if another instance claims the store (both then serve; each binds its own address).
    void start();
    void stop();

    State state() const { return m_state; }
    /// Serving or about to, here or through another instance: what Stop applies to.
    bool isActive() const
    {
        return m_state == State::Starting || m_state == State::Running || m_state == State::Attached;
    }
    QUrl url() const { return m_url; }
    /// Why it failed, or who serves when attached.
    QString message() const { return m_message; }

    /// The live sync log this controller's server (or the instance it follows) appends to.
    Core::SyncLog &log() const { return m_log; }

    int requestsLastMinute() const;
    int failuresLastMinute() const;

signals:
    void stateChanged();
    void activityChanged();

private:
    void setState(State state, const QString &message = {});
    void countEvents(const QList<Core::SyncEvent> &events);
    void followOther();

    Core::AsyncStore &m_store;
    Core::SyncLog &m_log;
    Core::ServerOptions m_options;
    std::unique_ptr<Core::ScimServer> m_server;
    State m_state = State::Stopped;
    QUrl m_url;
    QString m_message;
    qint64 m_followedId = 0;
    QTimer m_followTimer;
    QTimer m_rateTimer;
    std::deque<std::pair<QDateTime, bool>> m_recent; // inbound calls of the last minute: time, failed
};

} // namespace ScimConsole::Gui
