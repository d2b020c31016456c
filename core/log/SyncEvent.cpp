#include "core/log/SyncEvent.h"

namespace ScimConsole::Core {

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
