// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"
#include "core/domain/ExtensionField.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace ScimConsole::Core {

/// M-02/M-03: the custom-field namespace an upstream system sends, and the extension fields that attributes
/// under it are written into.
struct FieldMapping
{
    Q_DECLARE_TR_FUNCTIONS(FieldMapping)

public:
    static constexpr int MaxUrnLength = 256;

    QString namespaceUrn;
    QStringList fields;

    bool isEmpty() const { return namespaceUrn.isEmpty(); }
    /// M-03: true when `attribute` under the namespace is written (attribute names compare ignoring case).
    bool maps(const QString &attribute) const;
    /// The field name as configured for `attribute`, or an empty string when it is not mapped.
    QString fieldFor(const QString &attribute) const;

    /// M-02 preset for Okta.
    static QString oktaNamespace();
    /// M-02 preset for Entra ID: urn:ietf:params:scim:schemas:extension:<name>:2.0:User.
    static Result<QString> entraNamespace(const QString &customExtensionName);

    /// M-02: a URN (RFC 8141 form) that is not one of the schemas whose attributes are basic fields.
    static Status validateNamespace(const QString &urn);
    /// M-02 + M-03: a valid namespace, and every field an existing extension field (named once).
    static Result<FieldMapping> make(const QString &urn, const QStringList &fields,
                                     const QList<ExtensionField> &definedFields);
};

} // namespace ScimConsole::Core
