// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/log/SyncEvent.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <deque>

namespace ScimConsole::Core {

/// The live sync log: a bounded ring of the newest events, for the UI. Thread-safe: producers (the server thread,
/// RAM jobs) append batches from any thread; eventsAppended reaches receivers in their own threads.
class SyncLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLog)

public:
    static constexpr int DefaultCapacity = 5000;

    explicit SyncLog(int capacity = DefaultCapacity, QObject *parent = nullptr);

    void append(const QList<SyncEvent> &events);
    /// The newest events, oldest first.
    QList<SyncEvent> snapshot() const;

    /// Replaces query values that may hold secrets (token, password, secret, access_token) with "***".
    static QString redactQuery(const QString &pathAndQuery);

signals:
    void eventsAppended(const QList<ScimConsole::Core::SyncEvent> &events);

private:
    mutable QMutex m_mutex;
    std::deque<SyncEvent> m_events;
    int m_capacity;
};

} // namespace ScimConsole::Core

Q_DECLARE_METATYPE(ScimConsole::Core::SyncEvent)
