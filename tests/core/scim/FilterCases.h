// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

/// The data rows of tst_Filter (in a file of their own: moc cannot parse raw string literals).
struct FilterCases
{
    /// Columns: filter, tree (the parse tree, fully parenthesised).
    static void parseRows();
    /// Columns: filter.
    static void invalidRows();
};
