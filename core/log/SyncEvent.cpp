// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/log/SyncEvent.h"

namespace ScimConsole::Core {

namespace {
void cap(QString &text, qsizetype length)
{
    // A NUL (a request path with %00) is shown as U+FFFD: PostgreSQL text cannot hold it, and the batch it came
    // in would be refused whole.
    if (text.contains(QChar(0)))
        text.replace(QChar(0), QChar(QChar::ReplacementCharacter));
    if (text.size() <= length)
        return;
    qsizetype keep = length - 1;
    if (text.at(keep - 1).isHighSurrogate()) // never half a character
        --keep;
    text.truncate(keep);
    text.append(u'…');
}
} // namespace

void SyncEvent::capFields()
{
    cap(path, PathLength);
    cap(detail, DetailLength);
    for (QString *field :
         {&appId, &profile, &requestId, &tokenPrefix, &clientAddress, &userAgent, &method, &scimType, &resourceId})
        cap(*field, ShortFieldLength);
}

QString SyncEvent::directionName(SyncDirection direction)
{
    switch (direction) {
    case SyncDirection::Outbound:
        return QStringLiteral("outbound");
    case SyncDirection::Job:
        return QStringLiteral("job");
    case SyncDirection::Inbound:
        break;
    }
    return QStringLiteral("inbound");
}

SyncDirection SyncEvent::directionFromName(const QString &name)
{
    if (name == u"outbound")
        return SyncDirection::Outbound;
    if (name == u"job")
        return SyncDirection::Job;
    return SyncDirection::Inbound;
}

} // namespace ScimConsole::Core
