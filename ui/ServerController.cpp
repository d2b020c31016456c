// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/ServerController.h"

#include "core/OnResult.h"
#include "core/log/SyncLog.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/SyncLogStore.h"

namespace ScimConsole::Gui {

using namespace Core;

namespace {
constexpr int FollowIntervalMs = 2000;
constexpr int FollowBatch = 500;
} // namespace

ServerController::ServerController(AsyncStore &store, SyncLog &log, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_log(log)
{
    connect(&m_log, &SyncLog::eventsAppended, this, &ServerController::countEvents);
    m_followTimer.setInterval(FollowIntervalMs);
    connect(&m_followTimer, &QTimer::timeout, this, &ServerController::followOther);
    // The counts age even when nothing happens.
    m_rateTimer.setInterval(5000);
    connect(&m_rateTimer, &QTimer::timeout, this, [this] {
        const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-60);
        while (!m_recent.empty() && m_recent.front().first < cutoff)
            m_recent.pop_front();
        emit activityChanged();
    });
    m_rateTimer.start();
}

ServerController::~ServerController()
{
    if (m_server)
        m_server->stop();
}

void ServerController::startOrAttach()
{
    setState(State::Checking);
    const auto presence = m_store.run([](Database &db) -> Result<std::pair<std::optional<ServerPresence>, qint64>> {
        const auto presence = PresenceStore(db).read();
        if (!presence)
            return presence.error();
        const auto last = SyncLogStore(db).lastId();
        if (!last)
            return last.error();
        return std::pair(presence.value(), last.value());
    });
    onResult(presence, this, [this](const Result<std::pair<std::optional<ServerPresence>, qint64>> &read) {
        if (m_state != State::Checking)
            return; // stopped or started by hand meanwhile
        if (!read)
            return setState(State::Failed, read.error().message);
        const std::optional<ServerPresence> &presence = read->first;
        if (presence && presence->isFresh() && presence->instanceId != ServerPresence::currentInstanceId()) {
            m_followedId = read->second;
            m_url = QUrl(presence->url);
            m_followTimer.start();
            return setState(State::Attached, tr("Served by another instance: %1 on %2 (process %3)")
                                                 .arg(presence->url, presence->host)
                                                 .arg(presence->pid));
        }
        start();
    });
}

void ServerController::start()
{
    m_followTimer.stop();
    if (const Status valid = ScimServer::validate(m_options); !valid)
        return setState(State::Failed, valid.error().message);
    m_server = std::make_unique<ScimServer>(m_store.location(), m_options, &m_log);
    connect(m_server.get(), &ScimServer::started, this, [this](const QUrl &url) {
        m_url = url;
        setState(State::Running);
    });
    connect(m_server.get(), &ScimServer::failed, this, [this](const Error &error) {
        // This runs inside the server's own signal: it goes once that returns, not now.
        ScimServer *failed = m_server.release();
        failed->setParent(this);
        failed->deleteLater();
        setState(State::Failed, error.message);
    });
    setState(State::Starting);
    m_server->start();
}

void ServerController::stop()
{
    m_followTimer.stop();
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
    m_url.clear();
    setState(State::Stopped);
}

int ServerController::requestsLastMinute() const
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-60);
    return int(std::count_if(m_recent.begin(), m_recent.end(), [&](const auto &e) { return e.first >= cutoff; }));
}

int ServerController::failuresLastMinute() const
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-60);
    return int(
        std::count_if(m_recent.begin(), m_recent.end(), [&](const auto &e) { return e.first >= cutoff && e.second; }));
}

void ServerController::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    emit stateChanged();
}

void ServerController::countEvents(const QList<SyncEvent> &events)
{
    for (const SyncEvent &event : events) {
        if (event.direction == SyncDirection::Inbound)
            m_recent.emplace_back(event.at.isValid() ? event.at : QDateTime::currentDateTimeUtc(), event.status >= 400);
    }
    emit activityChanged();
}

void ServerController::followOther()
{
    const qint64 after = m_followedId;
    const auto following =
        m_store.run([after](Database &db) -> Result<std::pair<QList<SyncEvent>, std::optional<ServerPresence>>> {
            const auto events = SyncLogStore(db).after(after, {}, FollowBatch);
            if (!events)
                return events.error();
            const auto presence = PresenceStore(db).read();
            if (!presence)
                return presence.error();
            return std::pair(events.value(), presence.value());
        });
    onResult(following, this, [this](const Result<std::pair<QList<SyncEvent>, std::optional<ServerPresence>>> &read) {
        if (m_state != State::Attached || !read)
            return;
        if (!read->first.isEmpty()) {
            m_followedId = read->first.last().id;
            m_log.append(read->first);
        }
        const std::optional<ServerPresence> &presence = read->second;
        if (!presence || !presence->isFresh()) {
            m_followTimer.stop();
            m_url.clear();
            setState(State::Stopped, tr("The other instance stopped serving this store."));
        }
    });
}

} // namespace ScimConsole::Gui
