#pragma once

#include "core/store/ListQuery.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace ScimConsole::Core {

/// The `meta` attribute (RFC 7643 §3.1) every resource carries, and where it is stored, in one place for Users and
/// Groups.
class ResourceMeta
{
public:
    static QJsonObject toJson(const QString &resourceType, const QDateTime &created, const QDateTime &modified,
                              const QString &location, qint64 version);
    /// `meta.<sub>`: `locationPrefix` is the resource's location without its id (".../Users/"). resourceType and
    /// version compare ignoring case (RFC 7643 §2.2's default), location exactly.
    static std::optional<StoredAttribute> attribute(const AttributePath &path, const QString &resourceType,
                                                    const QString &locationPrefix);
};

} // namespace ScimConsole::Core
