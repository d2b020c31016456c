// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/BearerToken.h"
#include "core/scim/ScimContext.h"
#include "core/scim/ScimMessage.h"
#include "core/scim/TokenEndpoint.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace ScimConsole::Core {

struct Group;
struct MemberChange; // one add or remove of group members by value (ScimEngineGroups.cpp)

class Database;
struct ScimError;

/// The SCIM 2.0 protocol for every application of the directory: authentication (T-05), permission, scope
/// (S-02), the resources, discovery. Knows no HTTP: it turns a ScimRequest into a ScimResponse, synchronously, with
/// the Database of the calling thread.
///
/// Configuration (applications, tokens, scope, mapping) is cached and re-read whenever the store's configuration
/// version moves, which it checks on every request: a change from the GUI, the CLI or another instance applies to
/// the next request.
class ScimEngine
{
public:
    /// `tokenFailures`: the failed client authentications, shared by the engines of one server's workers.
    explicit ScimEngine(Database &db, std::shared_ptr<TokenEndpoint::Failures> tokenFailures = {});

    ScimResponse handle(const ScimRequest &request);
    /// Issue 14, the mapping preview: what `request` would do as the application's provider sends it — the resource
    /// it would become, or the exact error — without a token (everything else is checked: suspension, permission,
    /// scope, mapping) and writing nothing: it runs in a transaction that is rolled back. Give it an engine of its
    /// own: the configuration it reads inside that transaction is not kept.
    ScimResponse preview(const ScimRequest &request);
    /// Runs before work that takes tens of milliseconds without the store (hashing a password), outside any
    /// transaction: a server worker commits its open group of transactions there, so that the process's other
    /// writers do not wait meanwhile.
    void setBeforeLongWork(std::function<void()> hook) { m_beforeLongWork = std::move(hook); }

private:
    struct AppConfig
    {
        ScimContext context;
        QList<BearerToken> tokens;
    };

    std::optional<ScimError> refreshConfig();
    ScimResponse route(const ScimRequest &request, ScimResponse &response);
    std::optional<ScimError> authenticate(const ScimRequest &request, const AppConfig &config,
                                          ScimResponse &response) const;

    ScimResponse listUsers(const ScimRequest &request, const ScimContext &context);
    ScimResponse getUser(const ScimRequest &request, const ScimContext &context, const QString &id);
    ScimResponse createUser(const ScimRequest &request, const ScimContext &context);
    ScimResponse replaceUser(const ScimRequest &request, const ScimContext &context, const QString &id);
    ScimResponse patchUser(const ScimRequest &request, const ScimContext &context, const QString &id);
    ScimResponse deleteUser(const ScimRequest &request, const ScimContext &context, const QString &id);

    ScimResponse listGroups(const ScimRequest &request, const ScimContext &context);
    ScimResponse getGroup(const ScimRequest &request, const ScimContext &context, const QString &id);
    ScimResponse createGroup(const ScimRequest &request, const ScimContext &context);
    ScimResponse replaceGroup(const ScimRequest &request, const ScimContext &context, const QString &id);
    ScimResponse patchGroup(const ScimRequest &request, const ScimContext &context, const QString &id);
    /// A group PATCH that only adds or removes members, written without reading the members (issue 12).
    ScimResponse writeMemberChanges(const ScimContext &context, const Group &current,
                                    const QList<MemberChange> &changes);
    ScimResponse deleteGroup(const ScimRequest &request, const ScimContext &context, const QString &id);

    ScimResponse discovery(const ScimRequest &request, const ScimContext &context, const QStringList &segments);

    Database &m_db;
    TokenEndpoint m_tokenEndpoint;
    qint64 m_configVersion = -1;
    QHash<QString, AppConfig> m_apps;
    bool m_previewing = false;
    std::function<void()> m_beforeLongWork;
};

} // namespace ScimConsole::Core
