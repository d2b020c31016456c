// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace ScimConsole::Core {

namespace {

/// Appends UTF-8 `bytes` as the inside of a JSON string: quote, backslash and control characters escaped.
void appendEscaped(QByteArray &out, QByteArrayView bytes)
{
    static constexpr char Hex[] = "0123456789abcdef";
    qsizetype clean = 0; // start of the run not yet appended
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = uchar(bytes[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(bytes.sliced(clean, i - clean));
        clean = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', Hex[c >> 4], Hex[c & 0xf]};
            out.append(escape, sizeof escape);
        }
        }
    }
    out.append(bytes.sliced(clean));
}

} // namespace

void JsonWriter::separate()
{
    if (std::exchange(m_afterKey, false))
        return;
    if (m_needComma)
        m_out.append(',');
}

void JsonWriter::string(QAnyStringView text)
{
    m_out.append('"');
    text.visit([this](auto view) {
        using View = decltype(view);
        if constexpr (std::is_same_v<View, QUtf8StringView>) {
            appendEscaped(m_out, QByteArrayView(view.data(), view.size()));
        } else if constexpr (std::is_same_v<View, QLatin1StringView>) {
            const bool ascii = std::all_of(view.begin(), view.end(), [](char c) { return uchar(c) < 0x80; });
            if (ascii)
                appendEscaped(m_out, QByteArrayView(view.data(), view.size()));
            else
                appendEscaped(m_out, QString(view).toUtf8());
        } else {
            appendEscaped(m_out, view.toUtf8());
        }
    });
    m_out.append('"');
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(QAnyStringView name)
{
    separate();
    string(name);
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(QAnyStringView text)
{
    separate();
    string(text);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::literal(QByteArrayView text)
{
    separate();
    m_out.append(text);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    return literal(QByteArray::number(number));
}

JsonWriter &JsonWriter::any(const QJsonValue &any)
{
    switch (any.type()) {
    case QJsonValue::String:
        return value(any.toString());
    case QJsonValue::Bool:
        return value(any.toBool());
    case QJsonValue::Double: {
        // As QJsonDocument writes numbers: integers exactly, others in their shortest form, no NaN or infinity.
        const double number = any.toDouble();
        if (!std::isfinite(number))
            return literal("null");
        if (std::abs(number) < 9007199254740992.0 && number == std::trunc(number))
            return literal(QByteArray::number(qint64(number)));
        return literal(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    }
    case QJsonValue::Object:
        return literal(QJsonDocument(any.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return literal(QJsonDocument(any.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return literal("null");
}

} // namespace ScimConsole::Core
