// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QJsonObject>
#include <QString>

/// The data rows of tst_PatchEngine (in a file of their own: moc cannot parse raw string literals).
struct PatchCases
{
    static const QString &custom();
    static QJsonObject object(const QString &json);
    static QString patch(const QString &operations);
    static QString user();
    static QString group();
    /// Columns: resource, operations, expected (the attributes to check after the patch), rewrites.
    static void applyRows();
    /// Columns: request, scimType.
    static void errorRows();
};
