// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "core/store/AccountStore.h"
#include "core/store/GroupStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

constexpr int MaxGroupsListed = 100000;

QCommandLineOption groupOption()
{
    return {QStringLiteral("group"), Cli::tr("The group's id."), Cli::tr("id")};
}

QJsonObject groupJson(const Group &group)
{
    return {{QStringLiteral("id"), group.id},
            {QStringLiteral("displayName"), group.displayName},
            {QStringLiteral("externalId"), group.externalId.isEmpty() ? QJsonValue() : QJsonValue(group.externalId)},
            {QStringLiteral("members"), QJsonArray::fromStringList(group.memberIds)},
            {QStringLiteral("created"), timeJson(group.created)}};
}

int createGroup(CliContext &ctx)
{
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<QString> valid = Group::validateDisplayName(name);
    if (!valid)
        return ctx.fail(valid.error());
    Group group;
    group.displayName = valid.value();
    const Result<Group> created = GroupStore(ctx.db).create(group);
    if (!created)
        return ctx.fail(created.error());
    return ctx.print(groupJson(created.value()),
                     Cli::tr("Created group %1 (%2).").arg(created->displayName, created->id));
}

int listGroups(CliContext &ctx)
{
    const Result<QList<Group>> groups = GroupStore(ctx.db).list(0, MaxGroupsListed, true);
    if (!groups)
        return ctx.fail(groups.error());
    QJsonArray array;
    QString text;
    for (const Group &group : groups.value()) {
        array.append(groupJson(group));
        text +=
            Cli::tr("%1  %2  (%n member(s))\n", nullptr, int(group.memberIds.size())).arg(group.id, group.displayName);
    }
    if (groups->isEmpty())
        text = Cli::tr("No groups yet: create one with `scim-console group create --name NAME`.");
    return ctx.print(array, text);
}

int showGroup(CliContext &ctx)
{
    const QString id = ctx.required(QStringLiteral("group"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<Group> group = GroupStore(ctx.db).get(id);
    if (!group)
        return ctx.fail(group.error());
    QString text =
        Cli::tr("%1 (%2), %n member(s)\n", nullptr, int(group->memberIds.size())).arg(group->displayName, group->id);
    AccountStore accounts(ctx.db);
    for (const QString &member : group->memberIds) {
        const Result<Account> account = accounts.get(member);
        text += QStringLiteral("  %1  %2\n").arg(member, account ? account->userName : QString());
    }
    return ctx.print(groupJson(group.value()), text);
}

int renameGroup(CliContext &ctx)
{
    const QString id = ctx.required(QStringLiteral("group"));
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<Group> group = GroupStore(ctx.db).rename(id, name);
    if (!group)
        return ctx.fail(group.error());
    return ctx.print(groupJson(group.value()), Cli::tr("Renamed group %1 to %2.").arg(group->id, group->displayName));
}

int deleteGroup(CliContext &ctx)
{
    const QString id = ctx.required(QStringLiteral("group"));
    if (ctx.hasUsageError())
        return UsageError;
    if (const Status removed = GroupStore(ctx.db).remove(id); !removed)
        return ctx.fail(removed.error());
    return ctx.print(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}},
                     Cli::tr("Group %1 deleted; its members stay in the directory.").arg(id));
}

} // namespace

QList<Command> Cli::groupCommands()
{
    return {
        {QStringLiteral("group"),
         QStringLiteral("create"),
         tr("Create a group, so that a sync scope can name it before the first sync."),
         {{QStringLiteral("name"), tr("The group's display name."), tr("name")}},
         createGroup},
        {QStringLiteral("group"), QStringLiteral("list"), tr("List the groups."), {}, listGroups},
        {QStringLiteral("group"),
         QStringLiteral("show"),
         tr("Show a group and its members."),
         {groupOption()},
         showGroup},
        {QStringLiteral("group"),
         QStringLiteral("rename"),
         tr("Rename a group."),
         {groupOption(), {QStringLiteral("name"), tr("The new display name."), tr("name")}},
         renameGroup},
        {QStringLiteral("group"),
         QStringLiteral("delete"),
         tr("Delete a group (its members stay)."),
         {groupOption()},
         deleteGroup},
    };
}

} // namespace ScimConsole::Cli
