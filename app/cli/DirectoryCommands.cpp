// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/OrganizationStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

QCommandLineOption orgOption()
{
    return {QStringLiteral("org"), Cli::tr("The organization's id."), Cli::tr("id")};
}

int createOrganization(CliContext &ctx)
{
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    OrganizationStore orgs(ctx.db);
    const Result<Organization> org = orgs.create(name, ctx.parser.value(QStringLiteral("parent")));
    if (!org)
        return ctx.fail(org.error());
    const Result<OrganizationTree> tree = orgs.tree();
    if (!tree)
        return ctx.fail(tree.error());
    return ctx.print(toJson(org.value(), tree.value()),
                     Cli::tr("Created organization %1 (%2)").arg(tree->path(org->id), org->id));
}

int listOrganizations(CliContext &ctx)
{
    OrganizationStore orgs(ctx.db);
    const Result<OrganizationTree> tree = orgs.tree();
    if (!tree)
        return ctx.fail(tree.error());
    QJsonArray array;
    QString text;
    // Depth-first from the root, so that the text reads as an indented tree.
    const std::function<void(const QString &, int)> visit = [&](const QString &id, int depth) {
        const Organization *org = tree->find(id);
        array.append(toJson(*org, tree.value()));
        text += QString(depth * 2, u' ') + org->name + QStringLiteral("  (%1)\n").arg(org->id);
        QList<Organization> children = tree->children(id);
        std::sort(children.begin(), children.end(), [](const Organization &a, const Organization &b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
        for (const Organization &child : children)
            visit(child.id, depth + 1);
    };
    visit(tree->rootId(), 0);
    return ctx.print(array, text);
}

/// Prints `org` as it now is, with `headline`.
int printOrganization(CliContext &ctx, const Organization &org, const QString &headline)
{
    const Result<OrganizationTree> tree = OrganizationStore(ctx.db).tree();
    if (!tree)
        return ctx.fail(tree.error());
    return ctx.print(toJson(org, tree.value()), headline.arg(tree->path(org.id), org.id));
}

int renameOrganization(CliContext &ctx)
{
    const QString id = ctx.required(QStringLiteral("org"));
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<Organization> org = OrganizationStore(ctx.db).rename(id, name);
    if (!org)
        return ctx.fail(org.error());
    return printOrganization(ctx, org.value(), Cli::tr("Renamed organization %1 (%2)"));
}

int moveOrganization(CliContext &ctx)
{
    const QString id = ctx.required(QStringLiteral("org"));
    const QString parent = ctx.required(QStringLiteral("parent"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<Organization> org = OrganizationStore(ctx.db).move(id, parent);
    if (!org)
        return ctx.fail(org.error());
    return printOrganization(ctx, org.value(), Cli::tr("Moved organization to %1 (%2)"));
}

int deleteOrganization(CliContext &ctx)
{
    const QString id = ctx.required(QStringLiteral("org"));
    if (ctx.hasUsageError())
        return UsageError;
    if (const Status removed = OrganizationStore(ctx.db).remove(id); !removed)
        return ctx.fail(removed.error());
    return ctx.print(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}},
                     Cli::tr("Organization %1 deleted.").arg(id));
}

int createField(CliContext &ctx)
{
    const QString name = ctx.required(QStringLiteral("name"));
    const QString typeName = ctx.required(QStringLiteral("type"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<FieldType> type = ExtensionField::typeFromName(typeName);
    if (!type)
        return ctx.fail(type.error());
    const Result<ExtensionField> field =
        ExtensionFieldStore(ctx.db).create(name, type.value(), ctx.parser.value(QStringLiteral("display")));
    if (!field)
        return ctx.fail(field.error());
    return ctx.print(
        toJson(field.value()),
        Cli::tr("Created extension field %1 (%2)").arg(field->name, ExtensionField::typeName(field->type)));
}

int listFields(CliContext &ctx)
{
    const Result<QList<ExtensionField>> fields = ExtensionFieldStore(ctx.db).list();
    if (!fields)
        return ctx.fail(fields.error());
    QJsonArray array;
    QString text;
    for (const ExtensionField &field : fields.value()) {
        array.append(toJson(field));
        text += QStringLiteral("%1  %2  %3\n")
                    .arg(field.name.leftJustified(24), ExtensionField::typeName(field.type).leftJustified(8),
                         field.displayName);
    }
    if (fields->isEmpty())
        text = Cli::tr("No extension fields are defined.");
    return ctx.print(array, text);
}

int editField(CliContext &ctx)
{
    const QString name = ctx.required(QStringLiteral("name"));
    const QString display = ctx.required(QStringLiteral("display"));
    if (ctx.hasUsageError())
        return UsageError;
    const Result<ExtensionField> field = ExtensionFieldStore(ctx.db).setDisplayName(name, display);
    if (!field)
        return ctx.fail(field.error());
    return ctx.print(toJson(field.value()),
                     Cli::tr("Extension field %1 is now shown as \"%2\".").arg(field->name, field->displayName));
}

int deleteField(CliContext &ctx)
{
    const QString name = ctx.required(QStringLiteral("name"));
    if (ctx.hasUsageError())
        return UsageError;
    ExtensionFieldStore fields(ctx.db);
    const Result<qint64> values = fields.valueCount(name);
    if (!values)
        return ctx.fail(values.error());
    if (const Status removed = fields.remove(name); !removed)
        return ctx.fail(removed.error());
    return ctx.print(
        QJsonObject{{QStringLiteral("name"), name},
                    {QStringLiteral("deleted"), true},
                    {QStringLiteral("valuesErased"), values.value()}},
        Cli::tr("Extension field %1 deleted, with the values of %n account(s).", nullptr, int(values.value()))
            .arg(name));
}

} // namespace

QList<Command> Cli::directoryCommands()
{
    return {
        {QStringLiteral("org"),
         QStringLiteral("create"),
         tr("Add an organization to the directory tree."),
         {{QStringLiteral("name"), tr("The organization's name."), tr("name")},
          {QStringLiteral("parent"), tr("The parent organization (default: the root)."), tr("id")}},
         createOrganization},
        {QStringLiteral("org"), QStringLiteral("list"), tr("Show the organization tree."), {}, listOrganizations},
        {QStringLiteral("org"),
         QStringLiteral("rename"),
         tr("Rename an organization."),
         {orgOption(), {QStringLiteral("name"), tr("The new name."), tr("name")}},
         renameOrganization},
        {QStringLiteral("org"),
         QStringLiteral("move"),
         tr("Move an organization, with everything below it, under another."),
         {orgOption(), {QStringLiteral("parent"), tr("The new parent organization."), tr("id")}},
         moveOrganization},
        {QStringLiteral("org"),
         QStringLiteral("delete"),
         tr("Delete an empty organization that no application's scope or target names."),
         {orgOption()},
         deleteOrganization},
        {QStringLiteral("field"),
         QStringLiteral("create"),
         tr("Define an extension field."),
         {{QStringLiteral("name"), tr("Lowercase letters and \"_\", at most 40."), tr("name")},
          {QStringLiteral("type"), tr("string, number or boolean."), tr("type")},
          {QStringLiteral("display"), tr("The name shown to administrators."), tr("text")}},
         createField},
        {QStringLiteral("field"), QStringLiteral("list"), tr("List the extension fields."), {}, listFields},
        {QStringLiteral("field"),
         QStringLiteral("edit"),
         tr("Change an extension field's display name (its name and type stay)."),
         {{QStringLiteral("name"), tr("The field's name."), tr("name")},
          {QStringLiteral("display"), tr("The name shown to administrators."), tr("text")}},
         editField},
        {QStringLiteral("field"),
         QStringLiteral("delete"),
         tr("Delete an extension field no application writes into, and its values."),
         {{QStringLiteral("name"), tr("The field's name."), tr("name")}},
         deleteField},
    };
}

} // namespace ScimConsole::Cli
