// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QByteArray>
#include <QStringList>

namespace ScimConsole::Core::Csv {

/// One CSV record (RFC 4180): every field quoted, quotes doubled, CRLF at the end, UTF-8. A field that a
/// spreadsheet would run as a formula (starting with "=", "+", "@", a tab or a carriage return) gets a leading "'".
QByteArray line(const QStringList &fields);

} // namespace ScimConsole::Core::Csv
