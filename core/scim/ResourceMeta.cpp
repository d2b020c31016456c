// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/ResourceMeta.h"

#include <QDate>

namespace ScimConsole::Core {

QString ResourceMeta::dateTime(const QDateTime &time)
{
    // What toUTC().toString(Qt::ISODateWithMs) writes, without its time-zone machinery (a tenth of a list page's
    // time): every resource carries two of these.
    if (!time.isValid())
        return {};
    const qint64 msecs = time.toMSecsSinceEpoch();
    constexpr qint64 MsecsPerDay = 86'400'000;
    const qint64 days = msecs >= 0 ? msecs / MsecsPerDay : (msecs + 1) / MsecsPerDay - 1;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    if (date.year() < 1 || date.year() > 9999)
        return time.toUTC().toString(Qt::ISODateWithMs);
    const qint64 ofDay = msecs - days * MsecsPerDay;
    char16_t text[24];
    const auto put = [&text](int at, qint64 value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char16_t(u'0' + value % 10);
    };
    put(0, date.year(), 4);
    text[4] = u'-';
    put(5, date.month(), 2);
    text[7] = u'-';
    put(8, date.day(), 2);
    text[10] = u'T';
    put(11, ofDay / 3'600'000, 2);
    text[13] = u':';
    put(14, ofDay / 60'000 % 60, 2);
    text[16] = u':';
    put(17, ofDay / 1000 % 60, 2);
    text[19] = u'.';
    put(20, ofDay % 1000, 3);
    text[23] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

void ResourceMeta::write(JsonWriter &json, QAnyStringView resourceType, const QDateTime &created,
                         const QDateTime &modified, const QString &location, qint64 version)
{
    json.beginObject()
        .field(u"resourceType", resourceType)
        .field(u"created", dateTime(created))
        .field(u"lastModified", dateTime(modified))
        .field(u"location", location)
        .field(u"version", QLatin1StringView("W/\"") + QString::number(version) + u'"')
        .endObject();
}

std::optional<StoredAttribute> ResourceMeta::attribute(const AttributePath &path, const QString &resourceType,
                                                       const QString &locationPrefix)
{
    using Field = StoredAttribute::Field;
    if (path.is(u"meta", u"created"))
        return StoredAttribute{Field::Created, false, {}, {}};
    if (path.is(u"meta", u"lastModified"))
        return StoredAttribute{Field::Modified, false, {}, {}};
    if (path.is(u"meta", u"resourceType"))
        return StoredAttribute{Field::ResourceType, false, resourceType, {}};
    if (path.is(u"meta", u"location"))
        return StoredAttribute{Field::Location, false, locationPrefix, {}};
    if (path.is(u"meta", u"version"))
        return StoredAttribute{Field::Version, false, {}, {}};
    return std::nullopt;
}

} // namespace ScimConsole::Core
