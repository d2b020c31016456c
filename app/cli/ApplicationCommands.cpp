// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "core/ConnectionStep.h"
#include "core/domain/FieldMapping.h"
#include "core/domain/IdentityProvider.h"
#include "core/scim/ProviderSelfTest.h"
#include "core/scim/ScimEngine.h"
#include "core/store/ApplicationStore.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/TokenStore.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

const QString AppOption = QStringLiteral("app");

QCommandLineOption appOption()
{
    return {AppOption, Cli::tr("The application's id."), Cli::tr("id")};
}

/// Issue 14's commands: the identity provider, and the server's address as the provider reaches it.
QCommandLineOption providerOption()
{
    return {QStringLiteral("provider"), Cli::tr("entra, okta or generic."), Cli::tr("provider")};
}

QCommandLineOption urlOption()
{
    return {QStringLiteral("url"),
            Cli::tr("The server's address as the provider reaches it (default http://127.0.0.1:8080)."),
            Cli::tr("url")};
}

QString describe(const AppRegistration &app, const SyncScope &scope)
{
    const auto orNone = [](const QString &text) { return text.isEmpty() ? Cli::tr("(none)") : text; };
    return Cli::tr("%1 (%2)\n"
                   "  kind:              %3\n"
                   "  SCIM base path:    /scim/v2/apps/%2\n"
                   "  SCIM permission:   %4\n"
                   "  suspended:         %12\n"
                   "  on duplicate:      %5\n"
                   "  unsupported types: %6\n"
                   "  scope:             %7 organization(s), %8 group(s)\n"
                   "  sync target:       %9\n"
                   "  namespace:         %10\n"
                   "  mapped fields:     %11")
        .arg(app.name, app.id, AppRegistration::kindName(app.kind),
             app.permission.isAll()       ? Cli::tr("enabled")
             : app.permission.isEnabled() ? Cli::tr("partial")
                                          : Cli::tr("disabled"),
             AppRegistration::duplicatePolicyName(app.onDuplicate),
             AppRegistration::unsupportedTypePolicyName(app.unsupportedTypes),
             QString::number(scope.organizationIds.size()), QString::number(scope.groupIds.size()),
             orNone(app.syncTargetOrgId), orNone(app.namespaceUrn), orNone(app.mappedFields.join(QStringLiteral(", "))),
             app.isSuspended() ? Cli::tr("yes, since %1").arg(app.suspendedAt.toString(Qt::ISODate)) : Cli::tr("no"));
}

/// Prints an application as it is now stored.
int printApp(CliContext &ctx, const QString &id, const QString &headline = {})
{
    ApplicationStore apps(ctx.db);
    const Result<AppRegistration> app = apps.get(id);
    if (!app)
        return ctx.fail(app.error());
    const Result<SyncScope> scope = apps.scope(id);
    if (!scope)
        return ctx.fail(scope.error());
    const QString text = describe(app.value(), scope.value());
    return ctx.print(toJson(app.value(), scope.value()), headline.isEmpty() ? text : headline + u'\n' + text);
}

int createApp(CliContext &ctx)
{
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<AppKind> kind = AppRegistration::kindFromName(ctx.parser.value(QStringLiteral("kind")));
    if (!kind)
        return ctx.fail(kind.error());
    const Result<AppRegistration> app = ApplicationStore(ctx.db).create(name, kind.value());
    if (!app)
        return ctx.fail(app.error());
    return printApp(ctx, app->id, Cli::tr("Created application:"));
}

int listApps(CliContext &ctx)
{
    ApplicationStore apps(ctx.db);
    const Result<QList<AppRegistration>> all = apps.list();
    if (!all)
        return ctx.fail(all.error());
    QJsonArray array;
    QString text;
    for (const AppRegistration &app : all.value()) {
        const Result<SyncScope> scope = apps.scope(app.id);
        if (!scope)
            return ctx.fail(scope.error());
        array.append(toJson(app, scope.value()));
        text +=
            QStringLiteral("%1  %2  %3\n").arg(app.id, AppRegistration::kindName(app.kind).leftJustified(8), app.name);
    }
    if (all->isEmpty())
        text = Cli::tr("No applications yet: add one with `scim-console app create --name NAME`.");
    return ctx.print(array, text);
}

int showApp(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    if (!ctx.json())
        return printApp(ctx, id);

    ApplicationStore apps(ctx.db);
    const Result<AppRegistration> app = apps.get(id);
    if (!app)
        return ctx.fail(app.error());
    const Result<SyncScope> scope = apps.scope(id);
    const Result<QList<BearerToken>> tokens = TokenStore(ctx.db).list(id);
    if (!scope)
        return ctx.fail(scope.error());
    if (!tokens)
        return ctx.fail(tokens.error());
    QJsonObject json = toJson(app.value(), scope.value());
    QJsonArray tokenArray;
    for (const BearerToken &token : tokens.value())
        tokenArray.append(toJson(token));
    json.insert(QStringLiteral("tokens"), tokenArray);
    return ctx.print(json, {});
}

/// every scenario (--enable), none (--disable), or the ones named with --allow (users:read, users:write,
/// groups:read, groups:write).
int setPermission(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    const bool enable = ctx.parser.isSet(QStringLiteral("enable"));
    const bool disable = ctx.parser.isSet(QStringLiteral("disable"));
    const QStringList allowed = ctx.parser.values(QStringLiteral("allow"));
    if (int(enable) + int(disable) + int(!allowed.isEmpty()) != 1)
        return ctx.usage(Cli::tr("give one of --enable, --disable or --allow SCENARIO"));
    ScimPermission permission = enable ? ScimPermission::all() : ScimPermission::none();
    for (const QString &scenario : allowed) {
        const QString key = scenario.trimmed().toLower();
        if (key == u"users:read")
            permission.usersRead = true;
        else if (key == u"users:write")
            permission.usersWrite = true;
        else if (key == u"groups:read")
            permission.groupsRead = true;
        else if (key == u"groups:write")
            permission.groupsWrite = true;
        else
            return ctx.usage(Cli::tr("--allow takes users:read, users:write, groups:read or groups:write, not \"%1\"")
                                 .arg(scenario));
    }
    const Result<AppRegistration> app = ApplicationStore(ctx.db).setPermission(id, permission);
    if (!app)
        return ctx.fail(app.error());
    const QString headline = permission.isAll() ? Cli::tr("SCIM API permission enabled for all scenarios.")
                             : !permission.isEnabled()
                                 ? Cli::tr("SCIM API permission disabled.")
                                 : Cli::tr("SCIM API permission enabled for the chosen scenarios.");
    return printApp(ctx, id, headline);
}

/// The emergency stop: every call refused with 403 until resumed, whatever the tokens and the permission.
int setSuspended(CliContext &ctx, bool suspended)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    const Result<AppRegistration> app =
        ApplicationStore(ctx.db).setSuspended(id, suspended, Cli::tr("the command line"));
    if (!app)
        return ctx.fail(app.error());
    return printApp(ctx, id,
                    suspended ? Cli::tr("Suspended: every SCIM call of this application is now refused with 403.")
                              : Cli::tr("Resumed: SCIM calls are served again."));
}

int renameApp(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<AppRegistration> app = ApplicationStore(ctx.db).rename(id, name);
    if (!app)
        return ctx.fail(app.error());
    return printApp(ctx, id, Cli::tr("Renamed."));
}

int deleteApp(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    if (const Status removed = ApplicationStore(ctx.db).remove(id); !removed)
        return ctx.fail(removed.error());
    return ctx.print(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}},
                     Cli::tr("Application %1 deleted; its bearer tokens no longer work.").arg(id));
}

int setPolicies(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    std::optional<DuplicatePolicy> onDuplicate;
    std::optional<UnsupportedTypePolicy> unsupportedTypes;
    if (ctx.parser.isSet(QStringLiteral("on-duplicate"))) {
        const auto policy = AppRegistration::duplicatePolicyFromName(ctx.parser.value(QStringLiteral("on-duplicate")));
        if (!policy)
            return ctx.fail(policy.error());
        onDuplicate = policy.value();
    }
    if (ctx.parser.isSet(QStringLiteral("unsupported-types"))) {
        const auto policy =
            AppRegistration::unsupportedTypePolicyFromName(ctx.parser.value(QStringLiteral("unsupported-types")));
        if (!policy)
            return ctx.fail(policy.error());
        unsupportedTypes = policy.value();
    }
    if (!onDuplicate && !unsupportedTypes)
        return ctx.usage(Cli::tr("give --on-duplicate or --unsupported-types"));
    const Result<AppRegistration> app = ApplicationStore(ctx.db).setPolicies(id, onDuplicate, unsupportedTypes);
    if (!app)
        return ctx.fail(app.error());
    return printApp(ctx, id, Cli::tr("Policies saved."));
}

int setScope(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    SyncScope scope;
    scope.organizationIds = ctx.parser.values(QStringLiteral("org"));
    scope.groupIds = ctx.parser.values(QStringLiteral("group"));
    if (const Status saved = ApplicationStore(ctx.db).setScope(id, scope); !saved)
        return ctx.fail(saved.error());
    return printApp(ctx, id, Cli::tr("Sync scope saved."));
}

int setTarget(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    const bool clear = ctx.parser.isSet(QStringLiteral("clear"));
    const QString org = clear ? QString() : ctx.required(QStringLiteral("org"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<AppRegistration> app = ApplicationStore(ctx.db).setSyncTarget(id, org);
    if (!app)
        return ctx.fail(app.error());
    return printApp(ctx, id, clear ? Cli::tr("Sync target cleared.") : Cli::tr("Sync target saved."));
}

int setMapping(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    QString urn = ctx.parser.value(QStringLiteral("namespace"));
    // Presets (M-02): "okta", and "entra:<CustomExtensionName>".
    if (urn == u"okta") {
        urn = FieldMapping::oktaNamespace();
    } else if (urn.startsWith(u"entra:")) {
        const Result<QString> entra = FieldMapping::entraNamespace(urn.mid(6));
        if (!entra)
            return ctx.fail(entra.error());
        urn = entra.value();
    }
    const Result<AppRegistration> app =
        ApplicationStore(ctx.db).setMapping(id, urn, ctx.parser.values(QStringLiteral("field")));
    if (!app)
        return ctx.fail(app.error());
    return printApp(ctx, id, urn.isEmpty() ? Cli::tr("Field mapping cleared.") : Cli::tr("Field mapping saved."));
}

/// The application's SCIM base URL under --url (the address the provider reaches), by default the server's.
Result<QUrl> baseUrl(CliContext &ctx, const QString &appId)
{
    const QString given = ctx.parser.value(QStringLiteral("url"));
    const QUrl base =
        ProviderProfile::applicationBaseUrl(given.isEmpty() ? QStringLiteral("http://127.0.0.1:8080") : given, appId);
    if (!base.isValid())
        return makeError(ErrorCode::InvalidInput,
                         Cli::tr("--url takes the server's address as the provider reaches it, such as "
                                 "https://scim.example.com:8443, not \"%1\".")
                             .arg(given));
    return base;
}

Result<IdentityProvider> chosenProvider(CliContext &ctx)
{
    return ProviderProfile::fromName(ctx.parser.value(QStringLiteral("provider")));
}

/// Issue 14: what the provider needs, applied with --apply, and what to paste where.
int connectApp(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    ctx.required(QStringLiteral("provider"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<IdentityProvider> provider = chosenProvider(ctx);
    if (!provider)
        return ctx.fail(provider.error());
    const QString authName = ctx.parser.value(QStringLiteral("auth"));
    if (authName != u"token" && authName != u"client-credentials")
        return ctx.usage(Cli::tr("--auth takes token or client-credentials"));
    const auto authentication = authName == u"token" ? ProviderProfile::Authentication::BearerToken
                                                     : ProviderProfile::Authentication::ClientCredentials;
    if (!ProviderProfile::supports(*provider, authentication))
        return ctx.fail(makeError(
            ErrorCode::InvalidInput,
            Cli::tr("%1 authenticates with a bearer token only.").arg(ProviderProfile::displayName(*provider))));
    ApplicationStore apps(ctx.db);
    const Result<AppRegistration> app = apps.get(id);
    if (!app)
        return ctx.fail(app.error());
    const Result<QUrl> base = baseUrl(ctx, id);
    if (!base)
        return ctx.fail(base.error());
    const Result<ProviderProfile::Preset> preset =
        ProviderProfile::preset(*provider, ctx.parser.value(QStringLiteral("entra-extension")));
    if (!preset)
        return ctx.fail(preset.error());

    const bool apply = ctx.parser.isSet(QStringLiteral("apply"));
    if (apply) {
        if (const auto saved = apps.setPolicies(id, preset->onDuplicate, preset->unsupportedTypes); !saved)
            return ctx.fail(saved.error());
        if (!preset->namespaceUrn.isEmpty() && preset->namespaceUrn != app->namespaceUrn) {
            if (const auto saved = apps.setMapping(id, preset->namespaceUrn, app->mappedFields); !saved)
                return ctx.fail(saved.error());
        }
    }

    // Credentials: made here with --token-days (shown this once), else placeholders.
    ProviderProfile::Credentials credentials;
    if (authentication == ProviderProfile::Authentication::ClientCredentials) {
        const Result<ClientCredentials> client = ClientCredentialStore(ctx.db).ensure(id);
        if (!client)
            return ctx.fail(client.error());
        credentials.clientId = client->clientId;
    }
    if (ctx.parser.isSet(QStringLiteral("token-days"))) {
        const std::optional<qint64> days = ctx.wholeNumber(QStringLiteral("token-days"), 0);
        if (!days)
            return UsageError;
        const bool bearer = authentication == ProviderProfile::Authentication::BearerToken;
        const Result<IssuedToken> issued =
            TokenStore(ctx.db, bearer ? TokenKind::Bearer : TokenKind::ClientSecret).issue(id, int(*days));
        if (!issued)
            return ctx.fail(issued.error());
        (bearer ? credentials.token : credentials.clientSecret) = issued->secret;
        if (!bearer) {
            if (const auto enabled = ClientCredentialStore(ctx.db).setEnabled(id, true); !enabled)
                return ctx.fail(enabled.error());
        }
    }

    const QList<ProviderProfile::Field> fields =
        ProviderProfile::fieldsToPaste(*provider, authentication, *base, credentials);
    const QStringList warnings = ProviderProfile::urlWarnings(*base);
    const QString providerName = ProviderProfile::displayName(*provider);
    QJsonArray settingsJson, fieldsJson;
    QString text =
        Cli::tr("Connect %1 to %2.\n\nSettings %2 needs (%3):\n")
            .arg(app->name, providerName, apply ? Cli::tr("applied") : Cli::tr("not applied: run again with --apply"));
    for (const ProviderProfile::Setting &setting : preset->settings) {
        settingsJson.append(QJsonObject{{QStringLiteral("name"), setting.name},
                                        {QStringLiteral("value"), setting.value},
                                        {QStringLiteral("why"), setting.why}});
        text += QStringLiteral("  %1: %2\n      %3\n").arg(setting.name, setting.value, setting.why);
    }
    text += Cli::tr("\nIn %1, paste:\n").arg(providerName);
    for (const ProviderProfile::Field &field : fields) {
        fieldsJson.append(QJsonObject{{QStringLiteral("label"), field.label},
                                      {QStringLiteral("value"), field.value},
                                      {QStringLiteral("note"), field.note},
                                      {QStringLiteral("secret"), field.secret}});
        text += QStringLiteral("  %1: %2\n").arg(field.label, field.value);
        if (!field.note.isEmpty())
            text += QStringLiteral("      %1\n").arg(field.note);
    }
    for (const QString &warning : warnings)
        text += Cli::tr("\nWarning: %1").arg(warning) + u'\n';
    return ctx.print(QJsonObject{{QStringLiteral("appId"), id},
                                 {QStringLiteral("provider"), ProviderProfile::name(*provider)},
                                 {QStringLiteral("authentication"), authName},
                                 {QStringLiteral("baseUrl"), base->toString()},
                                 {QStringLiteral("applied"), apply},
                                 {QStringLiteral("settings"), settingsJson},
                                 {QStringLiteral("fields"), fieldsJson},
                                 {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}},
                     text);
}

/// Issue 14: the provider's connection test, made against the running server; exit 0 only when every step passed.
int selfTest(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    ctx.required(QStringLiteral("provider"));
    if (ctx.hasUsageError())
        return UsageError;
    // A bearer token, or a client secret: then the provider first asks the token endpoint for an access token.
    const bool clientCredentials = ctx.parser.isSet(QStringLiteral("client-secret"));
    if (clientCredentials == ctx.parser.isSet(QStringLiteral("token")))
        return ctx.usage(Cli::tr("give --token, or --client-secret when the provider uses client credentials"));
    QString secret = ctx.parser.value(clientCredentials ? QStringLiteral("client-secret") : QStringLiteral("token"));
    if (secret == u"-") // kept out of the process list and the shell's history
        secret = QTextStream(stdin).readLine().trimmed();
    const Result<IdentityProvider> provider = chosenProvider(ctx);
    if (!provider)
        return ctx.fail(provider.error());
    ApplicationStore apps(ctx.db);
    const Result<AppRegistration> app = apps.get(id);
    if (!app)
        return ctx.fail(app.error());
    const Result<SyncScope> scope = apps.scope(id);
    if (!scope)
        return ctx.fail(scope.error());
    const Result<QUrl> base = baseUrl(ctx, id);
    if (!base)
        return ctx.fail(base.error());
    const Result<ClientCredentials> client =
        clientCredentials ? ClientCredentialStore(ctx.db).get(id) : Result<ClientCredentials>(ClientCredentials{});
    if (!client)
        return ctx.fail(client.error());

    QList<ConnectionStep> steps{ProviderSelfTest::configurationStep(app.value(), scope.value())};
    if (steps.constFirst().passed()) {
        QNetworkAccessManager network;
        QEventLoop loop;
        bool finished = false;
        const auto done = [&](const QList<ConnectionStep> &result) {
            steps << result;
            finished = true;
            loop.quit();
        };
        if (clientCredentials)
            ProviderSelfTest::runWithClientCredentials(*provider, *base, client->clientId, secret, network, done);
        else
            ProviderSelfTest::run(*provider, *base, secret, network, done);
        if (!finished)
            loop.exec();
    }
    return ctx.printSteps(steps);
}

/// Issue 14: what a payload would become (or the error the provider would get), written nowhere.
int previewPayload(CliContext &ctx)
{
    const QString id = ctx.required(AppOption);
    if (ctx.hasUsageError())
        return UsageError;
    const QString method = ctx.parser.value(QStringLiteral("method")).toUpper();
    if (method != u"POST" && method != u"PUT" && method != u"PATCH")
        return ctx.usage(Cli::tr("--method takes POST, PUT or PATCH"));
    const QString resource = ctx.parser.value(QStringLiteral("resource"));
    if (resource != u"users" && resource != u"groups")
        return ctx.usage(Cli::tr("--resource takes users or groups"));
    const QString resourceId = ctx.parser.value(QStringLiteral("id"));
    if ((method == u"POST") != resourceId.isEmpty())
        return ctx.usage(method == u"POST" ? Cli::tr("a POST creates: give no --id")
                                           : Cli::tr("%1 changes a resource: give its --id").arg(method));
    QByteArray payload;
    if (ctx.parser.isSet(QStringLiteral("sample"))) {
        const Result<IdentityProvider> provider = ProviderProfile::fromName(ctx.parser.value(QStringLiteral("sample")));
        if (!provider)
            return ctx.fail(provider.error());
        payload = ProviderProfile::samplePayload(*provider, resource == u"groups");
        if (payload.isEmpty())
            return ctx.usage(Cli::tr("--sample takes entra or okta"));
    } else {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return ctx.usage(Cli::tr("give the payload on standard input, or --sample"));
        payload = input.readAll();
    }
    const Result<QUrl> base = baseUrl(ctx, id);
    if (!base)
        return ctx.fail(base.error());

    ScimRequest request;
    request.method = method;
    request.appId = id;
    request.path = (resource == u"users" ? QStringLiteral("/Users") : QStringLiteral("/Groups"))
                   + (resourceId.isEmpty() ? QString() : u'/' + resourceId);
    request.body = payload;
    request.contentType = QByteArrayLiteral("application/scim+json");
    request.baseUrl = base->toString();
    ScimEngine engine(ctx.db);
    const ScimResponse response = engine.preview(request);

    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const bool accepted = response.status < 300;
    QJsonObject json{{QStringLiteral("status"), response.status},
                     {QStringLiteral("accepted"), accepted},
                     {QStringLiteral("written"), false},
                     {accepted ? QStringLiteral("resource") : QStringLiteral("error"), body},
                     {QStringLiteral("notes"), QJsonArray::fromStringList(response.notes)}};
    QString text = accepted ? Cli::tr("%1 %2 would be answered %3:\n").arg(method, request.path).arg(response.status)
                            : Cli::tr("%1 %2 would be refused with %3 %4: %5\n")
                                  .arg(method, request.path)
                                  .arg(response.status)
                                  .arg(response.scimType, response.detail);
    if (accepted)
        text += QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented));
    if (!response.organization.isEmpty()) {
        json.insert(QStringLiteral("organization"), response.organization);
        text += Cli::tr("Organization: %1").arg(response.organization) + u'\n';
    }
    for (const QString &note : response.notes)
        text += Cli::tr("Note: %1").arg(note) + u'\n';
    text += Cli::tr("Nothing was written.");
    ctx.print(json, text);
    return accepted ? Success : Refused;
}

} // namespace

QList<Command> Cli::applicationCommands()
{
    return {
        {QStringLiteral("app"),
         QStringLiteral("create"),
         tr("Add an application."),
         {{QStringLiteral("name"), tr("The application's name."), tr("name")},
          QCommandLineOption(QStringLiteral("kind"), tr("standard (default) or custom."), tr("kind"),
                             QStringLiteral("standard"))},
         createApp},
        {QStringLiteral("app"), QStringLiteral("list"), tr("List the applications."), {}, listApps},
        {QStringLiteral("app"),
         QStringLiteral("show"),
         tr("Show an application's configuration."),
         {appOption()},
         showApp},
        {QStringLiteral("app"),
         QStringLiteral("permission"),
         tr("Set the SCIM API permission: all scenarios, none, or some."),
         {appOption(),
          {QStringLiteral("enable"), tr("Allow SCIM calls (all scenarios).")},
          {QStringLiteral("disable"), tr("Refuse SCIM calls with 403.")},
          {QStringLiteral("allow"),
           tr("Allow only this scenario: users:read, users:write, groups:read or groups:write (repeatable)."),
           tr("scenario")}},
         setPermission},
        {QStringLiteral("app"),
         QStringLiteral("suspend"),
         tr("Emergency stop: refuse every SCIM call of the application with 403, at once and on every instance."),
         {appOption()},
         [](CliContext &ctx) { return setSuspended(ctx, true); }},
        {QStringLiteral("app"),
         QStringLiteral("resume"),
         tr("Serve a suspended application's SCIM calls again."),
         {appOption()},
         [](CliContext &ctx) { return setSuspended(ctx, false); }},
        {QStringLiteral("app"),
         QStringLiteral("rename"),
         tr("Rename an application."),
         {appOption(), {QStringLiteral("name"), tr("The new name."), tr("name")}},
         renameApp},
        {QStringLiteral("app"),
         QStringLiteral("delete"),
         tr("Delete an application and its bearer tokens (the directory stays)."),
         {appOption()},
         deleteApp},
        {QStringLiteral("app"),
         QStringLiteral("set"),
         tr("Set the on-duplicate and unsupported-type policies."),
         {appOption(),
          {QStringLiteral("on-duplicate"), tr("update (default) or reject: what a create with a taken userName does."),
           tr("policy")},
          {QStringLiteral("unsupported-types"),
           tr("reject (default) or ignore: what an email or phone number of another type than work does."),
           tr("policy")}},
         setPolicies},
        {QStringLiteral("app"),
         QStringLiteral("scope"),
         tr("Replace the sync scope."),
         {appOption(),
          {QStringLiteral("org"), tr("An organization in scope, with its subtree (repeatable)."), tr("id")},
          {QStringLiteral("group"), tr("A group in scope (repeatable)."), tr("id")}},
         setScope},
        {QStringLiteral("app"),
         QStringLiteral("target"),
         tr("Set the sync target organization."),
         {appOption(),
          {QStringLiteral("org"), tr("An organization inside the sync scope."), tr("id")},
          {QStringLiteral("clear"), tr("Remove the sync target.")}},
         setTarget},
        {QStringLiteral("app"),
         QStringLiteral("connect"),
         tr("What connecting Microsoft Entra ID, Okta or another SCIM client takes: the settings it needs (--apply "
            "applies them) and the fields to paste into its admin page."),
         {appOption(),
          providerOption(),
          QCommandLineOption(QStringLiteral("auth"),
                             tr("token (default) or client-credentials (Entra ID and other clients)."), tr("method"),
                             QStringLiteral("token")),
          urlOption(),
          {QStringLiteral("entra-extension"), tr("Entra ID's custom extension name, for the custom-field namespace."),
           tr("name")},
          {QStringLiteral("apply"), tr("Apply the settings the provider needs to the application.")},
          {QStringLiteral("token-days"),
           tr("Create a bearer token (or client secret) valid this many days and show it in the fields, once."),
           tr("days")}},
         connectApp},
        {QStringLiteral("app"),
         QStringLiteral("self-test"),
         tr("Call the application's endpoint as the provider's connection test does; exit 0 only when every step "
            "passes."),
         {appOption(),
          providerOption(),
          {QStringLiteral("token"), tr("The bearer token the provider is given; - reads it from standard input."),
           tr("token")},
          {QStringLiteral("client-secret"),
           tr("Instead of --token, with client credentials: the client secret the provider is given (- reads it "
              "from standard input)."),
           tr("secret")},
          urlOption()},
         selfTest},
        {QStringLiteral("app"),
         QStringLiteral("preview"),
         tr("What a SCIM payload (standard input) would become for the application — the account or group, its "
            "extension values and organization — or the exact error the provider would get; nothing is written."),
         {appOption(),
          QCommandLineOption(QStringLiteral("method"), tr("POST (default), PUT or PATCH."), tr("method"),
                             QStringLiteral("POST")),
          QCommandLineOption(QStringLiteral("resource"), tr("users (default) or groups."), tr("resource"),
                             QStringLiteral("users")),
          {QStringLiteral("id"), tr("The resource a PUT or PATCH changes."), tr("id")},
          {QStringLiteral("sample"), tr("Instead of standard input, the sample payload of entra or okta."),
           tr("provider")},
          urlOption()},
         previewPayload},
        {QStringLiteral("app"),
         QStringLiteral("mapping"),
         tr("Set the custom-field namespace and mapped fields."),
         {appOption(),
          {QStringLiteral("namespace"),
           tr("The URN the identity provider sends; \"okta\" and \"entra:NAME\" are presets. Empty clears."),
           tr("urn")},
          {QStringLiteral("field"), tr("An extension field to write (repeatable)."), tr("name")}},
         setMapping},
    };
}

} // namespace ScimConsole::Cli
