// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/scim/ScimEngine.h"

#include "core/domain/TokenPolicy.h"
#include "core/scim/ScimEngineSupport.h"

#include "core/log/Logging.h"
#include "core/scim/Discovery.h"
#include "core/scim/GroupResource.h"
#include "core/scim/PatchEngine.h"
#include "core/scim/Projection.h"
#include "core/scim/ScimSchemas.h"
#include "core/scim/TokenEndpoint.h"
#include "core/scim/UserResource.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/Database.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/SettingsStore.h"
#include "core/store/TokenStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>

namespace ScimConsole::Core {

namespace {

using namespace EngineSupport;

} // namespace

ScimEngine::ScimEngine(Database &db, std::shared_ptr<TokenEndpoint::Failures> tokenFailures)
    : m_db(db)
    , m_tokenEndpoint(std::move(tokenFailures))
{}

std::optional<ScimError> ScimEngine::refreshConfig()
{
    const Result<qint64> version = m_db.configVersion();
    if (!version)
        return storeFailure(version.error());
    if (version.value() == m_configVersion)
        return std::nullopt;

    ApplicationStore apps(m_db);
    const Result<QList<AppRegistration>> all = apps.list();
    const Result<OrganizationTree> tree = OrganizationStore(m_db).tree();
    const Result<QList<ExtensionField>> fields = ExtensionFieldStore(m_db).list();
    const Result<PasswordPolicy> policy = SettingsStore(m_db).passwordPolicy();
    if (!all)
        return storeFailure(all.error());
    if (!tree)
        return storeFailure(tree.error());
    if (!fields)
        return storeFailure(fields.error());
    if (!policy)
        return storeFailure(policy.error());

    QHash<QString, AppConfig> loaded;
    TokenStore tokens(m_db);
    for (const AppRegistration &app : all.value()) {
        AppConfig config;
        config.context.app = app;
        config.context.tree = tree.value();
        config.context.passwordPolicy = policy.value();
        const Result<SyncScope> scope = apps.scope(app.id);
        const Result<QList<BearerToken>> appTokens = tokens.list(app.id);
        if (!scope)
            return storeFailure(scope.error());
        if (!appTokens)
            return storeFailure(appTokens.error());
        config.context.scope = scope.value();
        config.tokens = appTokens.value();
        for (const QString &name : app.mappedFields) {
            for (const ExtensionField &field : fields.value()) {
                if (field.name == name)
                    config.context.mappedFields.append(field);
            }
        }
        loaded.insert(app.id, config);
    }
    m_apps = loaded;
    m_configVersion = version.value();
    qCDebug(lcScim) << "configuration version" << m_configVersion << "loaded," << m_apps.size() << "applications";
    return std::nullopt;
}

ScimResponse ScimEngine::handle(const ScimRequest &request)
{
    const auto finished = qScopeGuard([this] { m_db.finishStatements(); });
    ScimResponse response;
    if (const std::optional<ScimError> error = refreshConfig())
        return failure(*error);
    ScimResponse result = route(request, response);
    result.tokenPrefix = response.tokenPrefix;
    result.notes = response.notes + result.notes;
    if (request.method == u"HEAD")
        result.body.clear();
    return result;
}

ScimResponse ScimEngine::preview(const ScimRequest &request)
{
    // The request's own transactions join this one, which ends without a commit.
    Transaction everything(m_db);
    if (!everything)
        return failure(storeFailure(everything.error()));
    m_previewing = true;
    const auto after = qScopeGuard([this] {
        m_previewing = false;
        m_configVersion = -1; // read inside the rolled-back transaction: read again next time
    });
    ScimResponse response = handle(request);
    // The organization a user lands in, by its path: an id tells the administrator nothing.
    if (response.status < 300) {
        const QString orgId = QJsonDocument::fromJson(response.body)
                                  .object()
                                  .value(ScimSchemas::EnterpriseUser)
                                  .toObject()
                                  .value(u"organizationId")
                                  .toString();
        if (!orgId.isEmpty()) {
            if (const Result<OrganizationTree> tree = OrganizationStore(m_db).tree(); tree)
                response.organization = tree->path(orgId);
        }
    }
    return response;
}

std::optional<ScimError> ScimEngine::authenticate(const ScimRequest &request, const AppConfig &config,
                                                  ScimResponse &response) const
{
    // T-05: "Authorization: Bearer <token>" of this application, enabled and unexpired — a bearer token, or an
    // access token minted with the application's client credentials (C-07, C-08), checked in the store on every
    // call so that a revocation counts at once on every instance.
    const QByteArray header = request.authorization.trimmed();
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return ScimError::unauthorized(QStringLiteral("A bearer token is required."));
    const QString secret = QString::fromLatin1(header.mid(7).trimmed());
    if (secret.startsWith(u"scimat_")) {
        const Result<QString> minter = ClientCredentialStore(m_db).authenticate(request.appId, secret);
        if (!minter && minter.error().code != ErrorCode::Unauthorized)
            return storeFailure(minter.error());
        // The log names the client secret that minted the token, never the token.
        response.tokenPrefix = minter ? minter.value() : secret.left(6) + QStringLiteral("…");
        if (!minter)
            return ScimError::unauthorized(minter.error().message);
        return std::nullopt;
    }
    const Result<BearerToken> token = TokenPolicy::authenticate(config.tokens, secret, QDateTime::currentDateTimeUtc());
    // The log gets the visible prefix of a token of this application, and only six characters of anything else.
    response.tokenPrefix = token || token.error().detail != u"unknown token"
                               ? BearerToken::prefixOf(secret)
                               : (secret.isEmpty() ? QString() : secret.left(6) + QStringLiteral("…"));
    if (!token)
        return ScimError::unauthorized(token.error().message);
    return std::nullopt;
}

ScimResponse ScimEngine::route(const ScimRequest &request, ScimResponse &response)
{
    const auto app = m_apps.constFind(request.appId);
    if (app == m_apps.constEnd())
        return failure(ScimError::notFound(QStringLiteral("There is no application %1.").arg(request.appId)));
    ScimContext context = app->context;
    context.baseUrl = request.baseUrl;
    // The emergency stop: every call refused, discovery and the token endpoint included.
    if (context.app.isSuspended())
        return failure(ScimError::forbidden(QStringLiteral("This application is suspended: an administrator stopped "
                                                           "all of its SCIM calls.")));

    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    const QString collection = segments.value(0);
    const QString method = request.method == u"HEAD" ? QStringLiteral("GET") : request.method;
    const auto notAllowed = [](const char *allow) {
        ScimResponse r = failure({405, {}, QStringLiteral("Method not allowed here.")});
        r.setHeader(QByteArrayLiteral("Allow"), QByteArray(allow));
        return r;
    };

    // C-06: the client credentials grant, before any bearer token is asked for.
    if (segments.size() == 2 && segments.at(0) == u"oauth2" && segments.at(1) == u"token") {
        const ScimPermission &granted = context.app.permission;
        QStringList scopes;
        for (const auto &[allowed, name] :
             {std::pair(granted.usersRead, "users:read"), std::pair(granted.usersWrite, "users:write"),
              std::pair(granted.groupsRead, "groups:read"), std::pair(granted.groupsWrite, "groups:write")}) {
            if (allowed)
                scopes << QLatin1String(name);
        }
        return m_tokenEndpoint.handle(m_db, request, scopes);
    }

    static const QStringList discoveryCollections{
        QStringLiteral("ServiceProviderConfig"), QStringLiteral("ServiceProviderConfigs"),
        QStringLiteral("serviceConfiguration"), QStringLiteral("ResourceTypes"), QStringLiteral("Schemas")};
    if (discoveryCollections.contains(collection, Qt::CaseInsensitive)) {
        if (method != u"GET")
            return notAllowed("GET, HEAD");
        return discovery(request, context, segments);
    }
    const bool users = collection.compare(u"Users", Qt::CaseInsensitive) == 0;
    const bool groups = collection.compare(u"Groups", Qt::CaseInsensitive) == 0;
    if ((!users && !groups) || segments.size() > 2)
        return failure(ScimError::notFound(QStringLiteral("There is no resource at %1.").arg(request.path)));

    if (const std::optional<ScimError> error = m_previewing ? std::nullopt : authenticate(request, *app, response))
        return failure(*error);

    // the SCIM API permission, per scenario.
    const bool write = method != u"GET";
    const ScimPermission &permission = context.app.permission;
    const bool allowed = users ? (write ? permission.usersWrite : permission.usersRead)
                               : (write ? permission.groupsWrite : permission.groupsRead);
    if (!allowed)
        return failure(ScimError::forbidden(QStringLiteral("The SCIM API permission of this application is not enabled "
                                                           "for this operation.")));

    const QString id = segments.value(1);
    if (id.isEmpty()) {
        if (method == u"GET")
            return users ? listUsers(request, context) : listGroups(request, context);
        if (method == u"POST")
            return users ? createUser(request, context) : createGroup(request, context);
        return notAllowed("GET, HEAD, POST");
    }
    if (method == u"GET")
        return users ? getUser(request, context, id) : getGroup(request, context, id);
    if (method == u"PUT")
        return users ? replaceUser(request, context, id) : replaceGroup(request, context, id);
    if (method == u"PATCH")
        return users ? patchUser(request, context, id) : patchGroup(request, context, id);
    if (method == u"DELETE")
        return users ? deleteUser(request, context, id) : deleteGroup(request, context, id);
    return notAllowed("GET, HEAD, PUT, PATCH, DELETE");
}

} // namespace ScimConsole::Core
