// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "core/domain/TokenPolicy.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"

#include <QJsonArray>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

QCommandLineOption appOption()
{
    return {QStringLiteral("app"), Cli::tr("The application's id."), Cli::tr("id")};
}

QCommandLineOption tokenOption()
{
    return {QStringLiteral("token"), Cli::tr("The token's id (not its secret)."), Cli::tr("id")};
}

/// --days as a whole number (T-01 checks the range); none after reporting a usage error.
std::optional<int> validityDays(CliContext &ctx)
{
    ctx.required(QStringLiteral("days"));
    if (ctx.hasUsageError())
        return std::nullopt;
    const std::optional<qint64> days = ctx.wholeNumber(QStringLiteral("days"), 0);
    if (!days)
        return std::nullopt;
    return int(*days);
}

/// The option that names one token (or client secret) by its id.
QString idOptionName(TokenKind kind)
{
    return kind == TokenKind::Bearer ? QStringLiteral("token") : QStringLiteral("secret-id");
}

int createToken(CliContext &ctx, TokenKind kind)
{
    const QString app = ctx.required(QStringLiteral("app"));
    const std::optional<int> days = validityDays(ctx);
    if (!days)
        return UsageError;
    const Result<IssuedToken> issued = TokenStore(ctx.db, kind).issue(app, *days);
    if (!issued)
        return ctx.fail(issued.error());
    // T-07, C-05: the one time the secret is shown.
    const bool bearer = kind == TokenKind::Bearer;
    QJsonObject json{{QStringLiteral("id"), issued->token.id},
                     {QStringLiteral("appId"), app},
                     {bearer ? QStringLiteral("token") : QStringLiteral("secret"), issued->secret},
                     {QStringLiteral("prefix"), issued->token.prefix},
                     {QStringLiteral("expires"), timeJson(issued->token.expires)}};
    const QString created = (bearer ? Cli::tr("Bearer token %1 created, valid until %2.")
                                    : Cli::tr("Client secret %1 created, valid until %2."))
                                .arg(issued->token.id, issued->token.expires.toString(Qt::ISODate));
    return ctx.print(
        json,
        created
            + Cli::tr("\n\n  %1\n\nCopy it now: it is shown only once and cannot be recovered.").arg(issued->secret));
}

int listTokens(CliContext &ctx, TokenKind kind)
{
    const QString app = ctx.required(QStringLiteral("app"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<QList<BearerToken>> tokens = TokenStore(ctx.db, kind).list(app);
    if (!tokens)
        return ctx.fail(tokens.error());
    QJsonArray array;
    QString text;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const BearerToken &token : tokens.value()) {
        array.append(toJson(token));
        const QString state = token.isExpired(now) ? Cli::tr("expired")
                              : token.enabled      ? Cli::tr("enabled")
                                                   : Cli::tr("disabled");
        text += Cli::tr("%1  %2…  %3  expires %4\n")
                    .arg(token.id, token.prefix, state.leftJustified(8), token.expires.toString(Qt::ISODate));
    }
    if (tokens->isEmpty())
        text = kind == TokenKind::Bearer ? Cli::tr("This application has no bearer tokens.")
                                         : Cli::tr("This application has no client secrets.");
    return ctx.print(array, text);
}

int changeToken(CliContext &ctx, const QString &verb, TokenKind kind)
{
    const QString app = ctx.required(QStringLiteral("app"));
    const QString token = ctx.required(idOptionName(kind));
    if (ctx.hasUsageError())
        return UsageError;
    TokenStore tokens(ctx.db, kind);
    const bool bearer = kind == TokenKind::Bearer;
    if (verb == u"delete") {
        if (const Status removed = tokens.remove(app, token); !removed)
            return ctx.fail(removed.error());
        return ctx.print(
            QJsonObject{{QStringLiteral("id"), token}, {QStringLiteral("deleted"), true}},
            (bearer ? Cli::tr("Bearer token %1 deleted.") : Cli::tr("Client secret %1 deleted.")).arg(token));
    }
    const bool enable = verb == u"enable";
    const Result<BearerToken> changed = tokens.setEnabled(app, token, enable);
    if (!changed)
        return ctx.fail(changed.error());
    const QString done = bearer
                             ? (enable ? Cli::tr("Bearer token %1 enabled.") : Cli::tr("Bearer token %1 disabled."))
                             : (enable ? Cli::tr("Client secret %1 enabled.") : Cli::tr("Client secret %1 disabled."));
    return ctx.print(toJson(changed.value()), done.arg(token));
}

/// C-01, C-03, C-07: `app credentials show|enable|disable --app X [--token-lifetime S]`.
int credentials(CliContext &ctx, const QString &verb)
{
    const QString app = ctx.required(QStringLiteral("app"));
    if (ctx.hasUsageError())
        return UsageError;
    ClientCredentialStore store(ctx.db);
    Result<ClientCredentials> credentials = store.ensure(app);
    if (credentials && ctx.parser.isSet(QStringLiteral("token-lifetime"))) {
        const std::optional<qint64> seconds = ctx.wholeNumber(QStringLiteral("token-lifetime"), 0);
        if (!seconds)
            return UsageError;
        credentials = store.setTokenLifetime(app, int(*seconds));
    }
    if (credentials && verb != u"show")
        credentials = store.setEnabled(app, verb == u"enable");
    if (!credentials)
        return ctx.fail(credentials.error());
    const QString endpoint = QStringLiteral("/scim/v2/apps/%1/oauth2/token").arg(app);
    return ctx.print(QJsonObject{{QStringLiteral("appId"), app},
                                 {QStringLiteral("clientId"), credentials->clientId},
                                 {QStringLiteral("enabled"), credentials->enabled},
                                 {QStringLiteral("tokenLifetime"), credentials->tokenLifetimeSeconds},
                                 {QStringLiteral("tokenEndpoint"), endpoint}},
                     Cli::tr("Client credentials %1.\n  Client ID:       %2\n  Token endpoint:  <server>%3\n"
                             "  Access tokens live %4 s.")
                         .arg(credentials->enabled ? Cli::tr("on") : Cli::tr("off"), credentials->clientId, endpoint)
                         .arg(credentials->tokenLifetimeSeconds));
}

/// T-06 on the command line, in two steps like the console's guided flow: `token rotate --app X --days N` adds the new
/// token and prints it once; `token rotate --app X --finish` retires the old one once the client has called with the
/// new one (the sync log says so), or at once with --force.
int rotateToken(CliContext &ctx)
{
    const QString app = ctx.required(QStringLiteral("app"));
    if (ctx.hasUsageError())
        return UsageError;
    TokenStore tokens(ctx.db);
    const Result<QList<BearerToken>> existing = tokens.list(app);
    if (!existing)
        return ctx.fail(existing.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<BearerToken> old = TokenPolicy::rotationCandidate(existing.value(), now);
    if (!old)
        return ctx.fail(old.error());

    if (!ctx.parser.isSet(QStringLiteral("finish"))) {
        const std::optional<int> days = validityDays(ctx);
        if (!days)
            return UsageError;
        const Result<IssuedToken> issued = tokens.issue(app, *days, now);
        if (!issued)
            return ctx.fail(issued.error());
        const QJsonObject json{{QStringLiteral("id"), issued->token.id},
                               {QStringLiteral("token"), issued->secret},
                               {QStringLiteral("prefix"), issued->token.prefix},
                               {QStringLiteral("expires"), timeJson(issued->token.expires)},
                               {QStringLiteral("replaces"), old->id}};
        return ctx.print(json, Cli::tr("New bearer token %1, valid until %2:\n\n  %3\n\n"
                                       "Copy it now: it is shown only once. Give it to the SCIM client, then run\n"
                                       "  scim-console token rotate --app %4 --finish\n"
                                       "to disable and delete the old token %5… once the client uses the new one.")
                                   .arg(issued->token.id, issued->token.expires.toString(Qt::ISODate), issued->secret,
                                        app, old->prefix));
    }

    // --finish: the newest usable token is the new one; every other one goes.
    const BearerToken *newest = nullptr;
    for (const BearerToken &token : existing.value()) {
        if (token.isUsable(now) && (!newest || token.created > newest->created))
            newest = &token;
    }
    if (existing->size() < 2 || !newest || newest->id == old->id)
        return ctx.fail(makeError(ErrorCode::InvalidInput,
                                  Cli::tr("There is no new token to rotate to: start with `token rotate --days N`.")));
    const Result<QHash<QString, QDateTime>> lastUse = SyncLogStore(ctx.db).lastTokenUse(app);
    if (!lastUse)
        return ctx.fail(lastUse.error());
    if (!lastUse->contains(newest->prefix) && !ctx.parser.isSet(QStringLiteral("force"))) {
        return ctx.fail(makeError(ErrorCode::Conflict,
                                  Cli::tr("The client has not called with the new token %1… yet: retiring the old one "
                                          "now would lock it out. Wait for its next sync, or add --force.")
                                      .arg(newest->prefix)));
    }
    QJsonArray retired;
    for (const BearerToken &token : existing.value()) {
        if (token.id == newest->id)
            continue;
        if (const Status done = tokens.retire(app, token.id); !done)
            return ctx.fail(done.error());
        retired.append(token.id);
    }
    return ctx.print(QJsonObject{{QStringLiteral("id"), newest->id}, {QStringLiteral("retired"), retired}},
                     Cli::tr("Rotation complete: %1… is the application's token; the old one is disabled and "
                             "deleted.")
                         .arg(newest->prefix));
}

} // namespace

QList<Command> Cli::tokenCommands()
{
    const QList<QCommandLineOption> tokenOptions{appOption(), tokenOption()};
    const QList<QCommandLineOption> secretOptions{
        appOption(), {QStringLiteral("secret-id"), tr("The client secret's id (not the secret)."), tr("id")}};
    const QList<QCommandLineOption> credentialOptions{
        appOption(),
        {QStringLiteral("token-lifetime"), tr("How long access tokens live: 300 to 86400 seconds (default 3600)."),
         tr("seconds")}};
    return {
        {QStringLiteral("token"),
         QStringLiteral("create"),
         tr("Add a bearer token; prints its secret once."),
         {appOption(), {QStringLiteral("days"), tr("Validity: 1 day to 3 years."), tr("days")}},
         [](CliContext &ctx) { return createToken(ctx, TokenKind::Bearer); }},
        {QStringLiteral("token"),
         QStringLiteral("list"),
         tr("List an application's bearer tokens."),
         {appOption()},
         [](CliContext &ctx) { return listTokens(ctx, TokenKind::Bearer); }},
        {QStringLiteral("token"), QStringLiteral("enable"), tr("Enable a bearer token."), tokenOptions,
         [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("enable"), TokenKind::Bearer); }},
        {QStringLiteral("token"), QStringLiteral("disable"), tr("Disable a bearer token (one must stay enabled)."),
         tokenOptions, [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("disable"), TokenKind::Bearer); }},
        {QStringLiteral("token"), QStringLiteral("delete"), tr("Delete a disabled bearer token."), tokenOptions,
         [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("delete"), TokenKind::Bearer); }},
        {QStringLiteral("client-secret"),
         QStringLiteral("create"),
         tr("Add an OAuth client secret; prints it once."),
         {appOption(), {QStringLiteral("days"), tr("Validity: 1 day to 3 years."), tr("days")}},
         [](CliContext &ctx) { return createToken(ctx, TokenKind::ClientSecret); }},
        {QStringLiteral("client-secret"),
         QStringLiteral("list"),
         tr("List an application's OAuth client secrets."),
         {appOption()},
         [](CliContext &ctx) { return listTokens(ctx, TokenKind::ClientSecret); }},
        {QStringLiteral("client-secret"), QStringLiteral("enable"), tr("Enable a client secret."), secretOptions,
         [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("enable"), TokenKind::ClientSecret); }},
        {QStringLiteral("client-secret"), QStringLiteral("disable"),
         tr("Disable a client secret (while client credentials are on, one must stay enabled); its access tokens "
            "stop at once."),
         secretOptions,
         [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("disable"), TokenKind::ClientSecret); }},
        {QStringLiteral("client-secret"), QStringLiteral("delete"), tr("Delete a disabled client secret."),
         secretOptions,
         [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("delete"), TokenKind::ClientSecret); }},
        {QStringLiteral("app"), QStringLiteral("credentials show"),
         tr("Show the application's OAuth client id, token endpoint and access-token lifetime."), credentialOptions,
         [](CliContext &ctx) { return credentials(ctx, QStringLiteral("show")); }},
        {QStringLiteral("app"), QStringLiteral("credentials enable"),
         tr("Let SCIM clients obtain access tokens with the client id and a client secret."), credentialOptions,
         [](CliContext &ctx) { return credentials(ctx, QStringLiteral("enable")); }},
        {QStringLiteral("app"), QStringLiteral("credentials disable"),
         tr("Switch client credentials off; every access token stops at once."), credentialOptions,
         [](CliContext &ctx) { return credentials(ctx, QStringLiteral("disable")); }},
        {QStringLiteral("token"),
         QStringLiteral("rotate"),
         tr("Rotate the bearer token: --days N adds the new one; --finish retires the old one."),
         {appOption(),
          {QStringLiteral("days"), tr("Validity of the new token: 1 day to 3 years."), tr("days")},
          {QStringLiteral("finish"), tr("Disable and delete the old token once the client uses the new one.")},
          {QStringLiteral("force"), tr("With --finish: even if the client has not called with the new token yet.")}},
         rotateToken},
    };
}

} // namespace ScimConsole::Cli
