// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/log/Csv.h"

namespace ScimConsole::Core::Csv {

QByteArray line(const QStringList &fields)
{
    QString out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QString field = fields.at(i);
        if (!field.isEmpty() && QStringView(u"=+@\t\r").contains(field.front()))
            field.prepend(u'\'');
        field.replace(u'"', QStringLiteral("\"\""));
        if (i > 0)
            out += u',';
        out += u'"' + field + u'"';
    }
    out += QStringLiteral("\r\n");
    return out.toUtf8();
}

} // namespace ScimConsole::Core::Csv
