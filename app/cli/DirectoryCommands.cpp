#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/OrganizationStore.h"

#include <QJsonArray>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

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
        {QStringLiteral("field"),
         QStringLiteral("create"),
         tr("Define an extension field."),
         {{QStringLiteral("name"), tr("Lowercase letters and \"_\", at most 40."), tr("name")},
          {QStringLiteral("type"), tr("string, number or boolean."), tr("type")},
          {QStringLiteral("display"), tr("The name shown to administrators."), tr("text")}},
         createField},
        {QStringLiteral("field"), QStringLiteral("list"), tr("List the extension fields."), {}, listFields},
    };
}

} // namespace ScimConsole::Cli
