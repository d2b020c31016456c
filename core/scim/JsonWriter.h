// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QJsonValue>

#include <type_traits>

namespace ScimConsole::Core {

/// Compact JSON written straight into bytes, in the order it is written (issue 12: building a QJsonObject and then
/// serialising it was most of a list page's time). Strings are escaped as RFC 8259 requires and written as UTF-8.
/// The caller keeps the structure well formed: a key before every value inside an object, matching ends.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    {}

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QAnyStringView name);
    JsonWriter &value(QAnyStringView text);
    /// Only a bool: a string literal would otherwise convert to one.
    template <typename Bool, std::enable_if_t<std::is_same_v<Bool, bool>, bool> = true>
    JsonWriter &value(Bool boolean)
    {
        return literal(boolean ? QByteArrayView("true") : QByteArrayView("false"));
    }
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    /// Any JSON value, written as QJsonDocument writes it (numbers in their shortest exact form).
    JsonWriter &any(const QJsonValue &value);
    template <typename T>
    JsonWriter &field(QAnyStringView name, const T &v)
    {
        return key(name).value(v);
    }

private:
    void separate();
    void string(QAnyStringView text);
    JsonWriter &literal(QByteArrayView text);

    QByteArray &m_out;
    bool m_needComma = false;
    bool m_afterKey = false;
};

} // namespace ScimConsole::Core
