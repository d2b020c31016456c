// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ScimConsole::Core {

/// only these two kinds of application can sync into the directory.
enum class AppKind {
    Standard,
    Custom,
};

/// I-01: what a create does when its userName matches an account in the application's scope.
enum class DuplicatePolicy {
    Update,
    Reject,
};

/// U-11: what a phone number or email of an unsupported type does.
enum class UnsupportedTypePolicy {
    Reject,
    Ignore,
};

/// the SCIM API permission, per functional scenario. "All scenarios" is what the seed asks for.
struct ScimPermission
{
    bool usersRead = false;
    bool usersWrite = false;
    bool groupsRead = false;
    bool groupsWrite = false;

    static ScimPermission all() { return {true, true, true, true}; }
    static ScimPermission none() { return {}; }
    bool isEnabled() const { return usersRead || usersWrite || groupsRead || groupsWrite; }
    bool isAll() const { return usersRead && usersWrite && groupsRead && groupsWrite; }
    bool operator==(const ScimPermission &) const = default;
};

/// An application registered in the console ("Application" would collide with QApplication).
struct AppRegistration
{
    Q_DECLARE_TR_FUNCTIONS(AppRegistration)

public:
    static constexpr int MaxNameLength = 128;

    QString id;
    QString name;
    AppKind kind = AppKind::Standard;
    ScimPermission permission; // off until the administrator grants it
    DuplicatePolicy onDuplicate = DuplicatePolicy::Update;
    UnsupportedTypePolicy unsupportedTypes = UnsupportedTypePolicy::Reject;
    QString syncTargetOrgId;  // S-03; empty until chosen
    QString namespaceUrn;     // M-02; empty when no custom fields are mapped
    QStringList mappedFields; // M-03
    QDateTime suspendedAt;    // set: suspended, every call refused with 403 (the emergency stop)
    QDateTime created;
    QDateTime modified;

    bool isSuspended() const { return suspendedAt.isValid(); }

    /// a name the administrator can edit; trimmed, 1 to MaxNameLength characters.
    static Result<QString> validateName(const QString &name);

    static QString kindName(AppKind kind);
    static Result<AppKind> kindFromName(const QString &name);
    static QString duplicatePolicyName(DuplicatePolicy policy);
    static Result<DuplicatePolicy> duplicatePolicyFromName(const QString &name);
    static QString unsupportedTypePolicyName(UnsupportedTypePolicy policy);
    static Result<UnsupportedTypePolicy> unsupportedTypePolicyFromName(const QString &name);
};

} // namespace ScimConsole::Core
