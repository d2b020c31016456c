// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "core/scim/UserResource.h"
#include "core/store/AccountStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

constexpr int DefaultLimit = 100;
constexpr int MaxLimit = 10000;

QJsonObject accountJson(const Account &account, const OrganizationTree &tree)
{
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{QStringLiteral("id"), account.id},
            {QStringLiteral("userName"), account.userName},
            {QStringLiteral("displayName"), orNull(account.displayName)},
            {QStringLiteral("givenName"), orNull(account.givenName)},
            {QStringLiteral("familyName"), orNull(account.familyName)},
            {QStringLiteral("email"), orNull(account.email)},
            {QStringLiteral("phoneNumber"), orNull(account.phoneNumber)},
            {QStringLiteral("phoneRegion"), orNull(account.phoneRegion)},
            {QStringLiteral("externalId"), orNull(account.externalId)},
            {QStringLiteral("active"), account.active},
            {QStringLiteral("organization"), orNull(account.orgId)},
            {QStringLiteral("organizationPath"),
             account.orgId.isEmpty() ? QJsonValue() : QJsonValue(tree.path(account.orgId))},
            {QStringLiteral("extension"), account.extensionValues},
            {QStringLiteral("created"), timeJson(account.created)},
            {QStringLiteral("modified"), timeJson(account.modified)}};
}

/// `user list [--filter F] [--org ID] [--offset N] [--limit N]`: accounts by userName, a page at a time.
int listUsers(CliContext &ctx)
{
    AccountFilter filter;
    if (ctx.parser.isSet(QStringLiteral("filter"))) {
        const Result<ResourceFilter, ScimError> condition =
            UserResource::directoryFilter(ctx.parser.value(QStringLiteral("filter")));
        if (!condition)
            return ctx.usage(Cli::tr("--filter: %1").arg(condition.error().detail));
        filter.condition = condition.value();
    }
    const Result<OrganizationTree> tree = OrganizationStore(ctx.db).tree();
    if (!tree)
        return ctx.fail(tree.error());
    if (ctx.parser.isSet(QStringLiteral("org"))) {
        const QString org = ctx.parser.value(QStringLiteral("org"));
        if (!tree->contains(org))
            return ctx.fail(makeError(ErrorCode::NotFound, Cli::tr("There is no organization with id %1.").arg(org)));
        const QSet<QString> subtree = tree->subtree(org);
        filter.orgIds = QStringList(subtree.cbegin(), subtree.cend());
    }
    const std::optional<qint64> pageSize = ctx.wholeNumber(QStringLiteral("limit"), DefaultLimit, 1, MaxLimit);
    const std::optional<qint64> skipped = pageSize ? ctx.wholeNumber(QStringLiteral("offset"), 0, 0) : std::nullopt;
    if (!pageSize || !skipped)
        return UsageError;
    const int limit = int(*pageSize);
    const int offset = int(*skipped);

    AccountStore accounts(ctx.db);
    const Result<qint64> total = accounts.count(filter);
    if (!total && total.error().code == ErrorCode::InvalidFilter)
        return ctx.usage(Cli::tr("--filter: %1").arg(total.error().message));
    if (!total)
        return ctx.fail(total.error());
    const Result<QList<Account>> page = accounts.browse(filter, offset, limit);
    if (!page)
        return ctx.fail(page.error());
    QJsonArray array;
    QString text;
    for (const Account &account : page.value()) {
        array.append(accountJson(account, tree.value()));
        text +=
            QStringLiteral("%1  %2  %3  %4\n")
                .arg(account.id, account.userName.leftJustified(32),
                     (account.active ? Cli::tr("enabled") : Cli::tr("disabled")).leftJustified(8), account.displayName);
    }
    text += Cli::tr("%1 to %2 of %n account(s)", nullptr, int(total.value()))
                .arg(page->isEmpty() ? 0 : offset + 1)
                .arg(offset + page->size());
    return ctx.print(QJsonObject{{QStringLiteral("totalResults"), total.value()},
                                 {QStringLiteral("offset"), offset},
                                 {QStringLiteral("users"), array}},
                     text);
}

int showUser(CliContext &ctx)
{
    const QString id = ctx.parser.value(QStringLiteral("user"));
    const QString userName = ctx.parser.value(QStringLiteral("user-name"));
    if (id.isEmpty() == userName.isEmpty())
        return ctx.usage(Cli::tr("give either --user ID or --user-name NAME"));
    AccountStore accounts(ctx.db);
    const Result<Account> account = id.isEmpty() ? accounts.findByUserName(userName) : accounts.get(id);
    if (!account)
        return ctx.fail(account.error());
    const Result<OrganizationTree> tree = OrganizationStore(ctx.db).tree();
    if (!tree)
        return ctx.fail(tree.error());
    const Result<QStringList> groupIds = accounts.groupIds(account->id);
    if (!groupIds)
        return ctx.fail(groupIds.error());
    QJsonObject json = accountJson(account.value(), tree.value());
    QStringList groupNames;
    for (const QString &groupId : groupIds.value()) {
        if (const Result<Group> group = GroupStore(ctx.db).get(groupId))
            groupNames << group->displayName;
    }
    json.insert(QStringLiteral("groups"), QJsonArray::fromStringList(groupIds.value()));
    QString text = Cli::tr("%1 (%2)\n"
                           "  display name:  %3\n"
                           "  email:         %4\n"
                           "  phone:         %5\n"
                           "  external id:   %6\n"
                           "  status:        %7\n"
                           "  organization:  %8\n"
                           "  groups:        %9")
                       .arg(account->userName, account->id, account->displayName, account->email, account->phoneNumber,
                            account->externalId, account->active ? Cli::tr("enabled") : Cli::tr("disabled"),
                            account->orgId.isEmpty() ? QString() : tree->path(account->orgId),
                            groupNames.join(QStringLiteral(", ")));
    for (auto it = account->extensionValues.constBegin(); it != account->extensionValues.constEnd(); ++it)
        text += QStringLiteral("\n  %1: %2").arg(it.key(), it.value().toVariant().toString());
    return ctx.print(json, text);
}

} // namespace

QList<Command> Cli::userCommands()
{
    return {
        {QStringLiteral("user"),
         QStringLiteral("list"),
         tr("List accounts by userName, a page at a time."),
         {{QStringLiteral("filter"), tr("A SCIM filter, e.g. 'userName sw \"ana\" and active eq true'."), tr("filter")},
          {QStringLiteral("org"), tr("Only accounts in this organization or below it."), tr("id")},
          {QStringLiteral("offset"), tr("Skip this many accounts."), tr("count")},
          {QStringLiteral("limit"), tr("At most this many accounts (default %1).").arg(DefaultLimit), tr("count")}},
         listUsers},
        {QStringLiteral("user"),
         QStringLiteral("show"),
         tr("Show an account with every synced field, its groups and extension values."),
         {{QStringLiteral("user"), tr("The account's id."), tr("id")},
          {QStringLiteral("user-name"), tr("The account's userName."), tr("name")}},
         showUser},
    };
}

} // namespace ScimConsole::Cli
