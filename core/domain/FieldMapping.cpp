// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/FieldMapping.h"

#include <QRegularExpression>

#include <algorithm>

namespace ScimConsole::Core {

namespace {
const QLatin1StringView CoreUserSchema("urn:ietf:params:scim:schemas:core:2.0:User");
const QLatin1StringView CoreGroupSchema("urn:ietf:params:scim:schemas:core:2.0:Group");
const QLatin1StringView EnterpriseUserSchema("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
} // namespace

bool FieldMapping::maps(const QString &attribute) const
{
    return !fieldFor(attribute).isEmpty();
}

QString FieldMapping::fieldFor(const QString &attribute) const
{
    const auto it = std::find_if(fields.cbegin(), fields.cend(), [&](const QString &field) {
        return field.compare(attribute, Qt::CaseInsensitive) == 0;
    });
    return it == fields.cend() ? QString() : *it;
}

QString FieldMapping::oktaNamespace()
{
    return QStringLiteral("urn:ietf:params:scim:schemas:extension:customfield:2.0:User");
}

Result<QString> FieldMapping::entraNamespace(const QString &customExtensionName)
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]{0,63}$"));
    if (!namePattern.match(customExtensionName).hasMatch()) {
        return makeError(ErrorCode::InvalidInput,
                         tr("\"%1\" is not a valid extension name: use a letter followed by up to 63 letters, "
                            "digits, \"_\" or \"-\".")
                             .arg(customExtensionName));
    }
    return QStringLiteral("urn:ietf:params:scim:schemas:extension:%1:2.0:User").arg(customExtensionName);
}

Status FieldMapping::validateNamespace(const QString &urn)
{
    // RFC 8141: "urn:" NID ":" NSS, the NID 2-32 characters of letters, digits and inner "-".
    static const QRegularExpression urnPattern(
        QStringLiteral("^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:[A-Za-z0-9()+,\\-.:=@;$_!*'%/?#~]+$"),
        QRegularExpression::CaseInsensitiveOption);
    if (urn.size() > MaxUrnLength || !urnPattern.match(urn).hasMatch() || urn.endsWith(u':')) {
        return makeError(ErrorCode::InvalidInput,
                         tr("\"%1\" is not a valid namespace. Use the URN your identity provider sends, for "
                            "example %2.")
                             .arg(urn, oktaNamespace()));
    }
    for (const QLatin1StringView reserved : {CoreUserSchema, CoreGroupSchema, EnterpriseUserSchema}) {
        if (urn.compare(reserved, Qt::CaseInsensitive) == 0) {
            return makeError(ErrorCode::InvalidInput,
                             tr("%1 is a standard SCIM schema whose attributes sync as basic fields; choose the "
                                "custom namespace your identity provider sends.")
                                 .arg(urn));
        }
    }
    return ok();
}

Result<FieldMapping> FieldMapping::make(const QString &urn, const QStringList &fields,
                                        const QList<ExtensionField> &definedFields)
{
    if (const Status valid = validateNamespace(urn); !valid)
        return valid.error();
    FieldMapping mapping;
    mapping.namespaceUrn = urn;
    for (const QString &field : fields) {
        const bool defined = std::any_of(definedFields.cbegin(), definedFields.cend(),
                                         [&](const ExtensionField &f) { return f.name == field; });
        if (!defined) {
            return makeError(
                ErrorCode::NotFound,
                tr("There is no extension field named \"%1\". Define it in the directory first.").arg(field));
        }
        if (mapping.maps(field))
            return makeError(ErrorCode::InvalidInput, tr("The field \"%1\" is chosen twice.").arg(field));
        mapping.fields.append(field);
    }
    return mapping;
}

} // namespace ScimConsole::Core
