// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/TerminationSignals.h"
#include "core/ram/RamClient.h"
#include "core/ram/RamConnectionCheck.h"
#include "core/ram/RamImport.h"
#include "core/ram/RamSync.h"
#include "core/secrets/KeychainSecretStore.h"
#include "core/secrets/SecretSource.h"
#include "core/store/RamProfileStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

const QString ProfileOption = QStringLiteral("profile");

termios g_terminalBeforeSecret; // restored if the prompt is interrupted

/// The secret on standard input: on a terminal, asked for with `prompt` and read without echo up to the end of the
/// line (Ctrl-C restores the terminal); from a pipe or a file, all of it.
QString readSecret(const QString &prompt)
{
    if (isatty(STDIN_FILENO) != 1) {
        QFile in;
        return in.open(stdin, QIODevice::ReadOnly) ? QString::fromUtf8(in.readAll()).trimmed() : QString();
    }
    // Echo off before the prompt shows, and without discarding input: whatever is typed once the prompt is there
    // (or pasted at once) is the secret.
    const bool silenced = tcgetattr(STDIN_FILENO, &g_terminalBeforeSecret) == 0;
    struct sigaction interrupted = {};
    struct sigaction before = {};
    if (silenced) {
        termios silent = g_terminalBeforeSecret;
        silent.c_lflag &= ~tcflag_t(ECHO);
        interrupted.sa_handler = [](int signal) {
            tcsetattr(STDIN_FILENO, TCSANOW, &g_terminalBeforeSecret);
            ::signal(signal, SIG_DFL);
            ::raise(signal);
        };
        sigaction(SIGINT, &interrupted, &before);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::fprintf(stderr, "%s", qPrintable(prompt));
    std::fflush(stderr);
    QByteArray line;
    char buffer[256];
    while (!line.endsWith('\n') && std::fgets(buffer, sizeof buffer, stdin))
        line += buffer;
    if (silenced) {
        tcsetattr(STDIN_FILENO, TCSANOW, &g_terminalBeforeSecret);
        sigaction(SIGINT, &before, nullptr);
    }
    std::fprintf(stderr, "\n");
    const QString secret = QString::fromUtf8(line).trimmed();
    line.fill('\0');
    return secret;
}

/// Waits for a future on this (command-line) thread's event loop. A cancelled future gives `T{}`, or an error.
template <typename T>
T waitFor(QFuture<T> future)
{
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (future.resultCount() > 0)
        return future.result();
    if constexpr (std::is_default_constructible_v<T>)
        return T{};
    else
        return T(makeError(ErrorCode::SecretStore, Cli::tr("The operation was cancelled.")));
}

QJsonObject profileJson(const RamProfile &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("site"), RamProfile::siteName(p.site)},
            {QStringLiteral("tokenUrl"), p.tokenUrl},
            {QStringLiteral("scimUrl"), p.scimUrl},
            {QStringLiteral("clientId"), p.clientId},
            {QStringLiteral("secretSource"), p.secretSource},
            {QStringLiteral("source"),
             QJsonObject{{QStringLiteral("app"), p.sourceAppId.isEmpty() ? QJsonValue() : QJsonValue(p.sourceAppId)},
                         {QStringLiteral("organizations"), QJsonArray::fromStringList(p.sourceOrganizationIds)},
                         {QStringLiteral("groups"), QJsonArray::fromStringList(p.sourceGroupIds)}}},
            {QStringLiteral("userNameRule"), p.userNameRule},
            {QStringLiteral("disabledAccounts"), RamProfile::disabledActionName(p.disabledAction)},
            {QStringLiteral("concurrency"), p.concurrency},
            {QStringLiteral("created"), timeJson(p.created)},
            {QStringLiteral("modified"), timeJson(p.modified)}};
}

Result<RamProfile> loadProfile(CliContext &ctx)
{
    return RamProfileStore(ctx.db).byName(ctx.parser.value(ProfileOption));
}

/// The profile's app secret, from the keychain or from the environment variable or file the profile names.
Result<QString> loadSecret(const RamProfile &profile)
{
    KeychainSecretStore keychain;
    Result<QString> secret = waitFor(SecretSource::read(profile.secretSource, profile.secretKey(), keychain));
    if (!secret && secret.error().code == ErrorCode::NotFound) {
        return makeError(ErrorCode::SecretStore,
                         Cli::tr("No app secret is stored for the profile \"%1\": run `scim-console ram profile set "
                                 "--name %1 --secret-stdin`.")
                             .arg(profile.name));
    }
    return secret;
}

/// The --profile named on the command line and its secret.
Result<std::pair<RamProfile, QString>> profileAndSecret(CliContext &ctx)
{
    const Result<RamProfile> profile = loadProfile(ctx);
    if (!profile)
        return profile.error();
    const Result<QString> secret = loadSecret(profile.value());
    if (!secret)
        return secret.error();
    return std::pair{profile.value(), secret.value()};
}

int setProfile(CliContext &ctx)
{
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    const QCommandLineParser &p = ctx.parser;
    RamProfileStore store(ctx.db);
    const Result<RamProfile> existing = store.byName(name);
    if (!existing && existing.error().code != ErrorCode::NotFound)
        return ctx.fail(existing.error());
    RamProfile profile = existing ? existing.value() : RamProfile();
    profile.name = name;
    const bool isNew = !existing;

    if (p.isSet(QStringLiteral("client-id")))
        profile.clientId = p.value(QStringLiteral("client-id"));
    else if (isNew)
        return ctx.usage(Cli::tr("missing --%1").arg(QStringLiteral("client-id")));

    const bool customUrls = p.isSet(QStringLiteral("token-url")) || p.isSet(QStringLiteral("scim-url"));
    if (customUrls && p.isSet(QStringLiteral("site")))
        return ctx.usage(Cli::tr("give either --site or --token-url and --scim-url"));
    if (customUrls) {
        if (!p.isSet(QStringLiteral("token-url")) || !p.isSet(QStringLiteral("scim-url")))
            return ctx.usage(Cli::tr("custom endpoints need both --token-url and --scim-url"));
        profile.site = RamSite::Custom;
        profile.tokenUrl = p.value(QStringLiteral("token-url"));
        profile.scimUrl = p.value(QStringLiteral("scim-url"));
    } else if (p.isSet(QStringLiteral("site")) || isNew) {
        const Result<RamSite> site = RamProfile::siteFromName(
            p.isSet(QStringLiteral("site")) ? p.value(QStringLiteral("site")) : QStringLiteral("cn"));
        if (!site)
            return ctx.fail(site.error());
        if (site.value() == RamSite::Custom)
            return ctx.usage(Cli::tr("custom endpoints need both --token-url and --scim-url"));
        profile.site = site.value();
        std::tie(profile.tokenUrl, profile.scimUrl) = RamProfile::endpoints(site.value());
    }

    if (p.isSet(QStringLiteral("app")) && (p.isSet(QStringLiteral("org")) || p.isSet(QStringLiteral("group"))))
        return ctx.usage(Cli::tr("give either --app or --org/--group as the source"));
    if (p.isSet(QStringLiteral("app"))) {
        profile.sourceAppId = p.value(QStringLiteral("app"));
        profile.sourceOrganizationIds.clear();
        profile.sourceGroupIds.clear();
    } else if (p.isSet(QStringLiteral("org")) || p.isSet(QStringLiteral("group"))) {
        profile.sourceAppId.clear();
        profile.sourceOrganizationIds = p.values(QStringLiteral("org"));
        profile.sourceGroupIds = p.values(QStringLiteral("group"));
    }
    if (p.isSet(QStringLiteral("user-name-rule")))
        profile.userNameRule = p.value(QStringLiteral("user-name-rule"));
    if (p.isSet(QStringLiteral("disabled"))) {
        const Result<DisabledAction> action = RamProfile::disabledActionFromName(p.value(QStringLiteral("disabled")));
        if (!action)
            return ctx.fail(action.error());
        profile.disabledAction = action.value();
    }
    const std::optional<qint64> concurrency =
        ctx.wholeNumber(QStringLiteral("concurrency"), profile.concurrency, 1, RamProfile::MaxConcurrency);
    if (!concurrency)
        return UsageError;
    profile.concurrency = int(*concurrency);

    const int secretOptions = int(p.isSet(QStringLiteral("secret-stdin"))) + int(p.isSet(QStringLiteral("secret-env")))
                              + int(p.isSet(QStringLiteral("secret-file")));
    if (secretOptions > 1)
        return ctx.usage(Cli::tr("give one of --secret-stdin, --secret-env and --secret-file"));
    QString secret;
    if (p.isSet(QStringLiteral("secret-stdin"))) {
        profile.secretSource = QStringLiteral("keychain");
        secret = readSecret(Cli::tr("App secret of %1 (not shown): ").arg(profile.name));
        if (secret.isEmpty())
            return ctx.usage(Cli::tr("--secret-stdin read no secret from standard input"));
    } else if (p.isSet(QStringLiteral("secret-env"))) {
        profile.secretSource = QStringLiteral("env:") + p.value(QStringLiteral("secret-env"));
    } else if (p.isSet(QStringLiteral("secret-file"))) {
        profile.secretSource =
            QStringLiteral("file:") + QDir::current().absoluteFilePath(p.value(QStringLiteral("secret-file")));
        if (const Result<QString> readable = SecretSource::readLocal(profile.secretSource); !readable)
            return ctx.fail(readable.error());
    }

    const Result<RamProfile> saved = store.save(profile);
    if (!saved)
        return ctx.fail(saved.error());
    QString note;
    if (!secret.isEmpty()) {
        KeychainSecretStore keychain;
        const Status written = waitFor(keychain.write(saved->secretKey(), secret));
        if (!written) {
            if (isNew)
                (void)store.remove(saved->id);
            return ctx.fail(written.error());
        }
        note = Cli::tr("The app secret is in the OS keychain.");
    } else if (saved->secretSource == u"keychain" && isNew) {
        note = Cli::tr("No app secret yet: give it with --secret-stdin (kept in the OS keychain).");
    } else if (saved->secretSource != u"keychain") {
        note = Cli::tr("The app secret is read from %1 when needed; the console does not keep it.")
                   .arg(saved->secretSource);
    }
    return ctx.print(profileJson(saved.value()),
                     Cli::tr("Saved RAM profile %1 (%2 → %3).").arg(saved->name, saved->tokenUrl, saved->scimUrl)
                         + (note.isEmpty() ? QString() : u'\n' + note));
}

int listProfiles(CliContext &ctx)
{
    const Result<QList<RamProfile>> profiles = RamProfileStore(ctx.db).list();
    if (!profiles)
        return ctx.fail(profiles.error());
    QJsonArray array;
    QString text;
    for (const RamProfile &profile : profiles.value()) {
        array.append(profileJson(profile));
        text += QStringLiteral("%1  %2  %3\n")
                    .arg(profile.name.leftJustified(20), RamProfile::siteName(profile.site).leftJustified(7),
                         profile.scimUrl);
    }
    if (profiles->isEmpty())
        text = Cli::tr("No RAM profiles yet: add one with `scim-console ram profile set`.");
    return ctx.print(array, text);
}

int deleteProfile(CliContext &ctx)
{
    if (ctx.required(ProfileOption), ctx.hasUsageError())
        return UsageError;
    const Result<RamProfile> profile = loadProfile(ctx);
    if (!profile)
        return ctx.fail(profile.error());
    if (profile->secretSource == u"keychain") {
        KeychainSecretStore keychain;
        if (const Status removed = waitFor(keychain.remove(profile->secretKey())); !removed)
            return ctx.fail(removed.error());
    }
    if (const Status removed = RamProfileStore(ctx.db).remove(profile->id); !removed)
        return ctx.fail(removed.error());
    return ctx.print(QJsonObject{{QStringLiteral("name"), profile->name}, {QStringLiteral("deleted"), true}},
                     Cli::tr("Deleted RAM profile %1 and its secret.").arg(profile->name));
}

int testConnection(CliContext &ctx)
{
    if (ctx.required(ProfileOption), ctx.hasUsageError())
        return UsageError;
    const auto loaded = profileAndSecret(ctx);
    if (!loaded)
        return ctx.fail(loaded.error());

    // a token, then what the endpoint says it supports.
    RamClient client(loaded->first, loaded->second);
    QList<ConnectionStep> steps;
    QEventLoop loop;
    RamConnectionCheck::run(client, [&](const QList<ConnectionStep> &result) {
        steps = result;
        loop.quit();
    });
    if (steps.isEmpty())
        loop.exec();
    return ctx.printSteps(steps);
}

/// Runs a pull, preview or push to its end, with progress on stderr and Ctrl-C to cancel.
int runSync(CliContext &ctx, RamSync::Mode mode, const std::function<int(const RamSync &)> &report)
{
    if (ctx.required(ProfileOption), ctx.hasUsageError())
        return UsageError;
    const auto loaded = profileAndSecret(ctx);
    if (!loaded)
        return ctx.fail(loaded.error());

    RamClient client(loaded->first, loaded->second);
    RamSync sync(ctx.db, loaded->first, client);
    QEventLoop loop;
    Status finished = ok();
    QObject::connect(&sync, &RamSync::finished, &loop, [&](const Status &status) {
        finished = status;
        loop.quit();
    });
    // Progress on stderr: rewritten in place on a terminal; elsewhere (a log, a pipe) a plain line at most once a
    // second and at the end of each stage, or with --json one JSON object per line for a program to follow.
    const bool terminal = isatty(fileno(stderr)) == 1;
    const bool json = ctx.json();
    QElapsedTimer sinceLine;
    QObject::connect(&sync, &RamSync::progress, &sync,
                     [&, terminal, json](const QString &stage, int done, int total, double rate, int eta) {
                         const bool last = done >= total;
                         if (!terminal && sinceLine.isValid() && sinceLine.elapsed() < 1000 && !last)
                             return;
                         sinceLine.start();
                         QByteArray line;
                         if (json) {
                             line = QJsonDocument(QJsonObject{{QStringLiteral("stage"), stage},
                                                              {QStringLiteral("done"), done},
                                                              {QStringLiteral("total"), total},
                                                              {QStringLiteral("ratePerSecond"), rate},
                                                              {QStringLiteral("etaSeconds"), eta}})
                                        .toJson(QJsonDocument::Compact);
                         } else if (stage == u"pull") {
                             line = Cli::tr("reading RAM users: %1 of %2").arg(done).arg(total).toLocal8Bit();
                         } else {
                             line = Cli::tr("pushing: %1 of %2, %3/s, %4 s left")
                                        .arg(done)
                                        .arg(total)
                                        .arg(rate, 0, 'f', 0)
                                        .arg(eta)
                                        .toLocal8Bit();
                         }
                         if (terminal && !json)
                             std::fprintf(stderr, "\r\033[K%s", line.constData());
                         else
                             std::fprintf(stderr, "%s\n", line.constData());
                         std::fflush(stderr);
                     });
    watchTerminationSignals(&sync, [&sync] { sync.cancel(); });
    // Only push (and its dry run) has --adopt; asking the parser about it for a pull makes Qt complain on stderr.
    sync.start(mode, mode != RamSync::Mode::Pull && ctx.parser.isSet(QStringLiteral("adopt")));
    loop.exec();
    if (terminal && !json)
        std::fprintf(stderr, "\r\033[K");
    if (!finished)
        return ctx.fail(finished.error());
    return report(sync);
}

int pull(CliContext &ctx)
{
    return runSync(ctx, RamSync::Mode::Pull, [&ctx](const RamSync &sync) {
        const PullReport report = sync.report();
        QJsonArray linked, ramOnly, directoryOnly;
        for (const auto &[account, user] : report.linked)
            linked.append(QJsonObject{{QStringLiteral("accountId"), account.id},
                                      {QStringLiteral("userName"), account.userName},
                                      {QStringLiteral("ramId"), user.id},
                                      {QStringLiteral("ramUserName"), user.userName}});
        for (const RamUser &user : report.ramOnly)
            ramOnly.append(QJsonObject{{QStringLiteral("ramId"), user.id},
                                       {QStringLiteral("ramUserName"), user.userName},
                                       {QStringLiteral("externalId"), user.externalId}});
        for (const Account &account : report.directoryOnly)
            directoryOnly.append(
                QJsonObject{{QStringLiteral("accountId"), account.id}, {QStringLiteral("userName"), account.userName}});
        QString text = Cli::tr("%1 linked, %2 only in RAM, %3 only in the directory.\n")
                           .arg(report.linked.size())
                           .arg(report.ramOnly.size())
                           .arg(report.directoryOnly.size());
        for (const RamUser &user : report.ramOnly)
            text += Cli::tr("  only in RAM:       %1 (%2)\n").arg(user.userName, user.id);
        for (const Account &account : report.directoryOnly)
            text += Cli::tr("  only in directory: %1\n").arg(account.userName);
        return ctx.print(QJsonObject{{QStringLiteral("linked"), linked},
                                     {QStringLiteral("ramOnly"), ramOnly},
                                     {QStringLiteral("directoryOnly"), directoryOnly}},
                         text);
    });
}

int push(CliContext &ctx)
{
    const bool dryRun = ctx.parser.isSet(QStringLiteral("dry-run"));
    return runSync(ctx, dryRun ? RamSync::Mode::Preview : RamSync::Mode::Push, [&ctx, dryRun](const RamSync &sync) {
        const PushPlan &plan = sync.plan();
        QJsonArray items;
        QString text;
        for (const PlanItem &item : plan.items) {
            items.append(QJsonObject{{QStringLiteral("action"), PushPlan::actionName(item.action)},
                                     {QStringLiteral("accountId"), item.accountId},
                                     {QStringLiteral("userName"), item.directoryUserName},
                                     {QStringLiteral("ramUserName"), item.ramUserName},
                                     {QStringLiteral("ramId"), item.ramId},
                                     {QStringLiteral("changedFields"), QJsonArray::fromStringList(item.changedFields)},
                                     {QStringLiteral("reason"), item.reason}});
            if (item.action != PlanAction::Unchanged)
                text += QStringLiteral("  %1 %2 → %3: %4\n")
                            .arg(PushPlan::actionName(item.action).leftJustified(9), item.directoryUserName,
                                 item.ramUserName, item.reason);
        }
        const int conflicts = plan.count(PlanAction::Conflict);
        QJsonObject counts{{QStringLiteral("create"), plan.count(PlanAction::Create)},
                           {QStringLiteral("update"), plan.count(PlanAction::Update)},
                           {QStringLiteral("delete"), plan.count(PlanAction::Delete)},
                           {QStringLiteral("unchanged"), plan.count(PlanAction::Unchanged)},
                           {QStringLiteral("conflict"), conflicts}};
        const QString planLine = Cli::tr("%1 to create, %2 to update, %3 to delete, %4 unchanged, %5 conflicts.")
                                     .arg(plan.count(PlanAction::Create))
                                     .arg(plan.count(PlanAction::Update))
                                     .arg(plan.count(PlanAction::Delete))
                                     .arg(plan.count(PlanAction::Unchanged))
                                     .arg(conflicts);
        if (dryRun) {
            ctx.print(QJsonObject{{QStringLiteral("plan"), items}, {QStringLiteral("counts"), counts}},
                      text + planLine);
            return Success;
        }
        const PushSummary &summary = sync.summary();
        QJsonArray failures;
        QString failureText;
        for (const PushSummary::Failure &failure : summary.failures) {
            failures.append(QJsonObject{{QStringLiteral("userName"), failure.userName},
                                        {QStringLiteral("action"), PushPlan::actionName(failure.action)},
                                        {QStringLiteral("error"), failure.error}});
            failureText += Cli::tr("  FAILED %1 %2: %3\n")
                               .arg(PushPlan::actionName(failure.action), failure.userName, failure.error);
        }
        for (const PlanItem &item : plan.items) {
            if (item.action == PlanAction::Conflict)
                failureText += Cli::tr("  not sent (conflict) %1: %2\n").arg(item.directoryUserName, item.reason);
        }
        ctx.print(
            QJsonObject{{QStringLiteral("created"), summary.created},
                        {QStringLiteral("updated"), summary.updated},
                        {QStringLiteral("deleted"), summary.deleted},
                        {QStringLiteral("failed"), failures},
                        {QStringLiteral("conflicts"), conflicts},
                        {QStringLiteral("retries"), summary.retries},
                        {QStringLiteral("cancelled"), summary.cancelled},
                        {QStringLiteral("notSent"), summary.notSent},
                        {QStringLiteral("elapsedMs"), summary.elapsedMs}},
            failureText
                + Cli::tr("Pushed: %1 created, %2 updated, %3 deleted, %4 failed, %5 conflicts; %6 retries; %7 ms.%8")
                      .arg(summary.created)
                      .arg(summary.updated)
                      .arg(summary.deleted)
                      .arg(summary.failures.size())
                      .arg(conflicts)
                      .arg(summary.retries)
                      .arg(summary.elapsedMs)
                      .arg(summary.cancelled ? Cli::tr(" Cancelled: %1 not sent.").arg(summary.notSent) : QString()));
        if (summary.cancelled)
            return Interrupted;
        return summary.failures.isEmpty() && conflicts == 0 ? Success : Refused;
    });
}

int importUsers(CliContext &ctx)
{
    const QString org = ctx.required(QStringLiteral("org"));
    if (ctx.hasUsageError())
        return UsageError;
    const QStringList chosen = ctx.parser.values(QStringLiteral("ram-id"));
    return runSync(ctx, RamSync::Mode::Pull, [&ctx, &org, &chosen](const RamSync &sync) {
        QList<RamUser> users;
        for (const RamUser &user : sync.report().ramOnly) {
            if (chosen.isEmpty() || chosen.contains(user.id))
                users.append(user);
        }
        for (const QString &id : chosen) {
            if (std::none_of(users.cbegin(), users.cend(), [&](const RamUser &u) { return u.id == id; }))
                return ctx.fail(
                    makeError(ErrorCode::NotFound, Cli::tr("%1 is not a RAM-only user of this profile.").arg(id)));
        }
        const Result<RamProfile> profile = loadProfile(ctx);
        const Result<QList<Account>> imported = RamImport::import(ctx.db, profile->id, users, org);
        if (!imported)
            return ctx.fail(imported.error());
        QJsonArray array;
        for (const Account &account : imported.value())
            array.append(
                QJsonObject{{QStringLiteral("id"), account.id}, {QStringLiteral("userName"), account.userName}});
        return ctx.print(array, Cli::tr("Imported %n RAM user(s) into the directory; the next push links them.",
                                        nullptr, int(imported->size())));
    });
}

} // namespace

QList<Command> Cli::ramCommands()
{
    const QCommandLineOption profile{ProfileOption, tr("The profile's name."), tr("name")};
    return {
        {QStringLiteral("ram"),
         QStringLiteral("profile set"),
         tr("Add or change a RAM push profile."),
         {{QStringLiteral("name"), tr("The profile's name."), tr("name")},
          {QStringLiteral("client-id"), tr("client_id of the OAuth server application."), tr("id")},
          {QStringLiteral("site"), tr("cn (default) or intl."), tr("site")},
          {QStringLiteral("token-url"), tr("Custom OAuth token URL."), tr("url")},
          {QStringLiteral("scim-url"), tr("Custom SCIM URL."), tr("url")},
          {QStringLiteral("app"), tr("Push the accounts of this application's scope."), tr("id")},
          {QStringLiteral("org"), tr("Push the accounts of this organization and its subtree (repeatable)."), tr("id")},
          {QStringLiteral("group"), tr("Push the members of this group (repeatable)."), tr("id")},
          {QStringLiteral("secret-stdin"),
           tr("Read the app secret from standard input and keep it in the OS keychain.")},
          {QStringLiteral("secret-env"),
           tr("Read the app secret from this environment variable when needed (servers)."), tr("name")},
          {QStringLiteral("secret-file"), tr("Read the app secret from this file of mode 0600 when needed (servers)."),
           tr("path")},
          {QStringLiteral("user-name-rule"), tr("local-part (default: before \"@\", lower-cased) or as-is."),
           tr("rule")},
          {QStringLiteral("disabled"), tr("What a disabled account becomes in RAM: delete (default) or keep."),
           tr("action")},
          {QStringLiteral("concurrency"), tr("Requests at once (default 4)."), tr("n")}},
         setProfile},
        {QStringLiteral("ram"), QStringLiteral("profile list"), tr("List the RAM profiles."), {}, listProfiles},
        {QStringLiteral("ram"),
         QStringLiteral("profile delete"),
         tr("Delete a RAM profile and its secret."),
         {profile},
         deleteProfile},
        {QStringLiteral("ram"),
         QStringLiteral("test"),
         tr("Test a profile: token, /ResourceTypes, /Schemas."),
         {profile},
         testConnection},
        {QStringLiteral("ram"),
         QStringLiteral("pull"),
         tr("Read every RAM user and link them to directory accounts."),
         {profile},
         pull},
        {QStringLiteral("ram"),
         QStringLiteral("import"),
         tr("Import RAM-only users into a directory organization."),
         {profile,
          {QStringLiteral("org"), tr("The organization the new accounts go to."), tr("id")},
          {QStringLiteral("ram-id"), tr("Only this RAM user (repeatable; default: every RAM-only user)."), tr("id")}},
         importUsers},
        {QStringLiteral("ram"),
         QStringLiteral("push"),
         tr("Push the profile's accounts to RAM."),
         {profile,
          {QStringLiteral("dry-run"), tr("Only show the plan: create, update, delete, unchanged, conflicts.")},
          {QStringLiteral("adopt"), tr("Take over RAM users of the same name that have another or no externalId.")}},
         push},
    };
}

} // namespace ScimConsole::Cli
