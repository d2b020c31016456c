// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QDateTime>
#include <QString>

namespace ScimConsole::Core {

enum class SyncDirection {
    Inbound,  // a SCIM client called our server
    Outbound, // we called Alibaba Cloud RAM
    Job,      // progress of a push or pull
};

/// One entry of the sync log (I-02, I-03): inbound requests and outbound calls alike. Holds no secret: the
/// producer redacts Authorization headers, passwords and token values before an event is made.
struct SyncEvent
{
    qint64 id = 0; // assigned by the store
    QDateTime at;
    SyncDirection direction = SyncDirection::Inbound;
    QString appId;
    QString profile;
    QString requestId;
    QString tokenPrefix;
    QString clientAddress;
    QString userAgent;
    QString method;
    QString path; // with the query
    int status = 0;
    QString scimType;
    QString detail;
    qint64 latencyUs = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    QString resourceId;

    /// The longest path (with its query) and detail an event keeps; longer ones are cut with "…". The other text
    /// fields are short by nature and kept to ShortFieldLength. Anyone can send a request, token or not: without
    /// these bounds one 2 MB URL became a 2 MB row.
    static constexpr qsizetype PathLength = 2048;
    static constexpr qsizetype DetailLength = 2048;
    static constexpr qsizetype ShortFieldLength = 256;

    /// Cuts every text field to its bound and shows a NUL as U+FFFD (idempotent).
    void capFields();

    static QString directionName(SyncDirection direction);
    static SyncDirection directionFromName(const QString &name);
};

} // namespace ScimConsole::Core
