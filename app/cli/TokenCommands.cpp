#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
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

int createToken(CliContext &ctx)
{
    const QString app = ctx.required(QStringLiteral("app"));
    const QString daysText = ctx.required(QStringLiteral("days"));
    if (ctx.hasUsageError())
        return UsageError;
    bool numeric = false;
    const int days = daysText.toInt(&numeric);
    if (!numeric)
        return ctx.usage(Cli::tr("--days takes a whole number of days, not \"%1\"").arg(daysText));
    const Result<IssuedToken> issued = TokenStore(ctx.db).issue(app, days);
    if (!issued)
        return ctx.fail(issued.error());
    // T-07: the one time the secret is shown.
    const QJsonObject json{{QStringLiteral("id"), issued->token.id},
                           {QStringLiteral("appId"), app},
                           {QStringLiteral("token"), issued->secret},
                           {QStringLiteral("prefix"), issued->token.prefix},
                           {QStringLiteral("expires"), timeJson(issued->token.expires)}};
    return ctx.print(json, Cli::tr("Bearer token %1 created, valid until %2.\n\n  %3\n\n"
                                   "Copy it now: it is shown only once and cannot be recovered.")
                               .arg(issued->token.id, issued->token.expires.toString(Qt::ISODate), issued->secret));
}

int listTokens(CliContext &ctx)
{
    const QString app = ctx.required(QStringLiteral("app"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<QList<BearerToken>> tokens = TokenStore(ctx.db).list(app);
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
        text = Cli::tr("This application has no bearer tokens.");
    return ctx.print(array, text);
}

int changeToken(CliContext &ctx, const QString &verb)
{
    const QString app = ctx.required(QStringLiteral("app"));
    const QString token = ctx.required(QStringLiteral("token"));
    if (ctx.hasUsageError())
        return UsageError;
    TokenStore tokens(ctx.db);
    if (verb == u"delete") {
        if (const Status removed = tokens.remove(app, token); !removed)
            return ctx.fail(removed.error());
        return ctx.print(QJsonObject{{QStringLiteral("id"), token}, {QStringLiteral("deleted"), true}},
                         Cli::tr("Bearer token %1 deleted.").arg(token));
    }
    const bool enable = verb == u"enable";
    const Result<BearerToken> changed = tokens.setEnabled(app, token, enable);
    if (!changed)
        return ctx.fail(changed.error());
    return ctx.print(toJson(changed.value()), enable ? Cli::tr("Bearer token %1 enabled.").arg(token)
                                                     : Cli::tr("Bearer token %1 disabled.").arg(token));
}

} // namespace

QList<Command> Cli::tokenCommands()
{
    const QList<QCommandLineOption> tokenOptions{appOption(), tokenOption()};
    return {
        {QStringLiteral("token"),
         QStringLiteral("create"),
         tr("Add a bearer token; prints its secret once."),
         {appOption(), {QStringLiteral("days"), tr("Validity: 1 day to 3 years."), tr("days")}},
         createToken},
        {QStringLiteral("token"),
         QStringLiteral("list"),
         tr("List an application's bearer tokens."),
         {appOption()},
         listTokens},
        {QStringLiteral("token"), QStringLiteral("enable"), tr("Enable a bearer token."), tokenOptions,
         [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("enable")); }},
        {QStringLiteral("token"), QStringLiteral("disable"), tr("Disable a bearer token (one must stay enabled)."),
         tokenOptions, [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("disable")); }},
        {QStringLiteral("token"), QStringLiteral("delete"), tr("Delete a disabled bearer token."), tokenOptions,
         [](CliContext &ctx) { return changeToken(ctx, QStringLiteral("delete")); }},
    };
}

} // namespace ScimConsole::Cli
