// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "core/domain/FieldMapping.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/Database.h"
#include "core/store/ExtensionFieldStore.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace ScimConsole::Cli {

using namespace Core;
using namespace Qt::StringLiterals;

namespace {

constexpr int DefaultUsers = 2500;
constexpr int MaxUsers = 1000000;

/// The made-up company: departments with teams, so that the tree, scopes and targets look like a real one.
const QList<std::pair<QString, QStringList>> Departments{
    {QStringLiteral("Engineering"), {QStringLiteral("Platform"), QStringLiteral("Identity"), QStringLiteral("Mobile")}},
    {QStringLiteral("Sales"), {QStringLiteral("EMEA"), QStringLiteral("Asia Pacific"), QStringLiteral("Americas")}},
    {QStringLiteral("Finance"), {QStringLiteral("Accounting"), QStringLiteral("Procurement")}},
    {QStringLiteral("People"), {QStringLiteral("Recruiting")}},
    {QStringLiteral("Support"), {}},
};
const QStringList GivenNames{
    QStringLiteral("Ana"),    QStringLiteral("Wei"),    QStringLiteral("Siti"),  QStringLiteral("James"),
    QStringLiteral("Li"),     QStringLiteral("Budi"),   QStringLiteral("Maria"), QStringLiteral("Chen"),
    QStringLiteral("Dewi"),   QStringLiteral("Oliver"), QStringLiteral("Yan"),   QStringLiteral("Rina"),
    QStringLiteral("Sophie"), QStringLiteral("Hao"),    QStringLiteral("Agus"),  QStringLiteral("Emma"),
    QStringLiteral("Jun"),    QStringLiteral("Putri"),  QStringLiteral("Lucas"), QStringLiteral("Mei"),
};
const QStringList FamilyNames{
    QStringLiteral("Wang"),   QStringLiteral("Santoso"), QStringLiteral("Smith"),  QStringLiteral("Zhang"),
    QStringLiteral("Wijaya"), QStringLiteral("Garcia"),  QStringLiteral("Liu"),    QStringLiteral("Hartono"),
    QStringLiteral("Müller"), QStringLiteral("Chen"),    QStringLiteral("Kusuma"), QStringLiteral("Brown"),
    QStringLiteral("Zhao"),   QStringLiteral("Pratama"), QStringLiteral("Martin"), QStringLiteral("Huang"),
};

Status fill(Database &db, int users)
{
    QRandomGenerator random(20261202);
    Transaction tx(db);
    if (!tx)
        return tx.error();

    // The tree.
    OrganizationStore orgs(db);
    QStringList teams;
    QHash<QString, QString> orgByName;
    for (const auto &[department, departmentTeams] : Departments) {
        const auto created = orgs.create(department);
        if (!created)
            return created.error();
        orgByName.insert(department, created->id);
        if (departmentTeams.isEmpty())
            teams << created->id;
        for (const QString &team : departmentTeams) {
            const auto child = orgs.create(team, created->id);
            if (!child)
                return child.error();
            orgByName.insert(team, child->id);
            teams << child->id;
        }
    }

    ExtensionFieldStore fields(db);
    for (const auto &[name, type, display] :
         {std::tuple(QStringLiteral("cost_center"), FieldType::String, QStringLiteral("Cost center")),
          std::tuple(QStringLiteral("employee_number"), FieldType::Number, QStringLiteral("Employee number")),
          std::tuple(QStringLiteral("contractor"), FieldType::Boolean, QStringLiteral("Contractor"))}) {
        if (const auto created = fields.create(name, type, display); !created)
            return created.error();
    }

    // The accounts.
    AccountStore accounts(db);
    QStringList accountIds;
    accountIds.reserve(users);
    QSet<QString> takenNames;
    for (int i = 0; i < users; ++i) {
        const QString given = GivenNames.at(random.bounded(int(GivenNames.size())));
        const QString family = FamilyNames.at(random.bounded(int(FamilyNames.size())));
        Account account;
        const QString base = given.toLower() + u'.' + QString(family).toLower().replace(u'ü', u'u');
        // The first of a name keeps it plain, as in a real directory; later ones get a number.
        account.userName = (takenNames.contains(base) ? base + QString::number(i) : base) + u"@example.com"_s;
        takenNames.insert(base);
        account.givenName = given;
        account.familyName = family;
        account.displayName = given + u' ' + family;
        account.formattedName = account.displayName;
        account.email = account.userName;
        account.externalId = QStringLiteral("EMP%1").arg(10000 + i);
        account.active = random.bounded(100) >= 4;
        account.orgId = teams.at(random.bounded(int(teams.size())));
        account.extensionValues.insert(QStringLiteral("cost_center"),
                                       QStringLiteral("CC-%1").arg(100 + random.bounded(40)));
        account.extensionValues.insert(QStringLiteral("employee_number"), 10000 + i);
        if (i % 3 == 0) {
            account.phoneNumber =
                QStringLiteral("+86 138 %1 %2").arg(1000 + random.bounded(9000)).arg(1000 + random.bounded(9000));
            account.phoneDigits = QString(account.phoneNumber).remove(u' ').mid(3);
            account.phoneRegion = QStringLiteral("86");
        }
        const auto created = accounts.create(account);
        if (!created)
            return created.error();
        accountIds << created->id;
    }

    // Groups, some with members.
    GroupStore groups(db);
    QHash<QString, QString> groupByName;
    for (const QString &name :
         {QStringLiteral("All Staff"), QStringLiteral("Administrators"), QStringLiteral("Alibaba Cloud Users"),
          QStringLiteral("Contractors"), QStringLiteral("On-call Engineers")}) {
        Group group;
        group.displayName = name;
        const int members = name == u"All Staff" ? std::min<int>(users, 400) : random.bounded(5, 60);
        for (int m = 0; m < members && m < accountIds.size(); ++m)
            group.memberIds << accountIds.at(random.bounded(int(accountIds.size())));
        group.memberIds.removeDuplicates();
        const auto created = groups.create(group);
        if (!created)
            return created.error();
        groupByName.insert(name, created->id);
    }

    // Applications as an administrator would have set them up.
    ApplicationStore apps(db);
    TokenStore tokens(db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    struct DemoApp
    {
        QString name;
        AppKind kind;
        QStringList scopeOrgs;
        QStringList scopeGroups;
        QString target;
        QString namespaceUrn;
        QStringList fields;
        QList<int> tokenDays; // validity of each token, issued some time ago
        ScimPermission permission;
    };
    const QList<DemoApp> demoApps{
        {QStringLiteral("Microsoft Entra ID"),
         AppKind::Standard,
         {orgByName.value(QStringLiteral("Engineering")), orgByName.value(QStringLiteral("Sales"))},
         {groupByName.value(QStringLiteral("Alibaba Cloud Users"))},
         orgByName.value(QStringLiteral("Platform")),
         FieldMapping::entraNamespace(QStringLiteral("contoso")).value(),
         {QStringLiteral("cost_center"), QStringLiteral("employee_number")},
         {730},
         ScimPermission::all()},
        {QStringLiteral("Okta"),
         AppKind::Standard,
         {orgByName.value(QStringLiteral("Finance")), orgByName.value(QStringLiteral("People"))},
         {},
         orgByName.value(QStringLiteral("Finance")),
         FieldMapping::oktaNamespace(),
         {QStringLiteral("cost_center")},
         {10},
         ScimPermission::all()},
        {QStringLiteral("HR Portal"),
         AppKind::Custom,
         {orgByName.value(QStringLiteral("Support"))},
         {},
         QString(),
         QString(),
         {},
         {},
         ScimPermission{true, false, true, false}},
    };
    QStringList appIds;
    for (const DemoApp &demo : demoApps) {
        const auto app = apps.create(demo.name, demo.kind);
        if (!app)
            return app.error();
        appIds << app->id;
        if (const Status scoped = apps.setScope(app->id, SyncScope{demo.scopeOrgs, demo.scopeGroups}); !scoped)
            return scoped;
        if (!demo.target.isEmpty()) {
            if (const auto target = apps.setSyncTarget(app->id, demo.target); !target)
                return target.error();
        }
        if (!demo.namespaceUrn.isEmpty()) {
            if (const auto mapped = apps.setMapping(app->id, demo.namespaceUrn, demo.fields); !mapped)
                return mapped.error();
        }
        if (const auto permitted = apps.setPermission(app->id, demo.permission); !permitted)
            return permitted.error();
        for (const int days : demo.tokenDays) {
            // Issued `days - remaining` days ago, so that one of Okta's expires soon.
            const int age = days == 10 ? 0 : random.bounded(20, 90);
            if (const auto issued = tokens.issue(app->id, days, now.addDays(-age)); !issued)
                return issued.error();
        }
    }

    // A day of sync-log history: Entra every 40 minutes, Okta's hourly runs, a few failures.
    QList<SyncEvent> events;
    const QList<std::tuple<QString, QString, int>> calls{
        {QStringLiteral("GET"), QStringLiteral("/Users?filter=userName%20eq%20%22ana.wang%40example.com%22"), 200},
        {QStringLiteral("POST"), QStringLiteral("/Users"), 201},
        {QStringLiteral("PATCH"), QStringLiteral("/Users/%1"), 200},
        {QStringLiteral("PATCH"), QStringLiteral("/Groups/%1"), 204},
        {QStringLiteral("POST"), QStringLiteral("/Users"), 409},
        {QStringLiteral("GET"), QStringLiteral("/Groups?filter=displayName%20eq%20%22Contractors%22"), 200},
        {QStringLiteral("PUT"), QStringLiteral("/Users/%1"), 400},
    };
    // A call every seven minutes over the day, and the last hour busy, as during an initial sync.
    for (qint64 ago = 24 * 3600; ago > 0; ago -= ago > 3600 ? 420 : 4 + random.bounded(10)) {
        const int appIndex = random.bounded(2);
        const auto appTokens = tokens.list(appIds.at(appIndex));
        if (!appTokens || appTokens->isEmpty())
            continue;
        // Most calls succeed; now and then a conflict or a refused value, as in a real day.
        const int pick = random.bounded(100);
        const auto &[method, path, status] = calls.at(pick < 92 ? pick % 4 : 4 + pick % 3);
        SyncEvent event;
        event.at = now.addMSecs(-ago * 1000 + random.bounded(ago > 3600 ? 60000 : 4000));
        event.appId = appIds.at(appIndex);
        event.requestId = QStringLiteral("%1").arg(random.generate64(), 16, 16, QLatin1Char('0'));
        event.tokenPrefix = appTokens->first().prefix;
        event.clientAddress = appIndex == 0 ? QStringLiteral("20.42.130.7") : QStringLiteral("3.19.88.212");
        event.userAgent =
            appIndex == 0 ? QStringLiteral("Azure AD SCIM Provisioning") : QStringLiteral("Okta SCIM Client 1.0.0");
        event.method = method;
        event.path =
            QStringLiteral("/scim/v2/apps/%1").arg(event.appId)
            + (path.contains(u"%1") ? path.arg(accountIds.value(random.bounded(int(accountIds.size())))) : path);
        event.status = status;
        event.scimType = status == 409   ? QStringLiteral("uniqueness")
                         : status == 400 ? QStringLiteral("invalidValue")
                                         : QString();
        event.latencyUs = 800 + random.bounded(9000);
        event.bytesIn = method == u"GET" ? 0 : 300 + random.bounded(900);
        event.bytesOut = status >= 400 ? 180 : 600 + random.bounded(1800);
        events.append(event);
    }
    if (const Status logged = SyncLogStore(db).append(events); !logged)
        return logged;
    return tx.commit();
}

int demo(CliContext &ctx)
{
    const std::optional<qint64> userCount = ctx.wholeNumber(QStringLiteral("users"), DefaultUsers, 0, MaxUsers);
    if (!userCount)
        return UsageError;
    const int users = int(*userCount);
    const Result<QList<AppRegistration>> existing = ApplicationStore(ctx.db).list();
    if (!existing)
        return ctx.fail(existing.error());
    if (!existing->isEmpty()) {
        return ctx.fail(makeError(
            ErrorCode::Conflict, Cli::tr("The store already holds applications: the demo fills only an empty store.")));
    }
    if (const Status filled = fill(ctx.db, users); !filled)
        return ctx.fail(filled.error());
    qsizetype organizations = Departments.size();
    for (const auto &department : Departments)
        organizations += department.second.size();
    return ctx.print(QJsonObject{{QStringLiteral("users"), users}, {QStringLiteral("organizations"), organizations}},
                     Cli::tr("Filled the store with a demo directory: %n account(s) in %1 organizations, with groups, "
                             "applications, tokens and a day of sync log.",
                             nullptr, users)
                         .arg(organizations));
}

} // namespace

QList<Command> Cli::demoCommands()
{
    return {
        {QStringLiteral("demo"),
         QString(),
         tr("Fill an empty store with a believable demo directory, for trying the console."),
         {{QStringLiteral("users"), tr("How many accounts (default %1).").arg(DefaultUsers), tr("count")}},
         demo},
    };
}

} // namespace ScimConsole::Cli
