// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "core/domain/FieldMapping.h"
#include "core/store/ApplicationStore.h"
#include "core/store/TokenStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

const QString AppOption = QStringLiteral("app");

QCommandLineOption appOption()
{
    return {AppOption, Cli::tr("The application's id."), Cli::tr("id")};
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
