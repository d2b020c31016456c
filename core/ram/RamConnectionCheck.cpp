// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamConnectionCheck.h"

#include "core/OnResult.h"
#include "core/ram/RamClient.h"

#include <QJsonArray>

#include <memory>

namespace ScimConsole::Core {

namespace {

/// Whether a ListResponse names `wanted` as a resource's id or name.
bool listsResource(const QJsonObject &list, const QString &wanted)
{
    const QJsonArray resources = list.value(u"Resources").toArray();
    return std::any_of(resources.cbegin(), resources.cend(), [&wanted](const QJsonValue &resource) {
        const QJsonObject object = resource.toObject();
        return object.value(u"id").toString() == wanted || object.value(u"name").toString() == wanted;
    });
}

} // namespace

void RamConnectionCheck::run(RamClient &client, std::function<void(const QList<ConnectionStep> &)> done)
{
    auto steps = std::make_shared<QList<ConnectionStep>>(QList<ConnectionStep>{
        {tr("OAuth token"), ConnectionStep::Outcome::NotTried, 0, {}, {}},
        {QStringLiteral("GET /ResourceTypes"), ConnectionStep::Outcome::NotTried, 0, {}, {}},
        {QStringLiteral("GET /Schemas"), ConnectionStep::Outcome::NotTried, 0, {}, {}},
    });
    const auto fail = [steps](int index, const RamReply &reply, const QString &detail, const QString &fix) {
        ConnectionStep &step = (*steps)[index];
        step.outcome = ConnectionStep::Outcome::Failed;
        step.status = reply.status;
        step.detail = detail;
        step.fix = fix;
    };
    const auto pass = [steps](int index, const RamReply &reply, const QString &detail) {
        ConnectionStep &step = (*steps)[index];
        step.outcome = ConnectionStep::Outcome::Passed;
        step.status = reply.status;
        step.detail = detail;
    };

    onResult(client.fetchToken(), &client, [&client, steps, done, fail, pass](const RamReply &token) {
        if (!token.ok()) {
            fail(0, token, token.message(),
                 tr("Check the client id and the app secret (Replace it in the profile), and that the token URL is "
                    "the one of your site."));
            return done(*steps);
        }
        const QString scope = token.json.value(u"scope").toString();
        if (!scope.isEmpty() && !scope.split(u' ').contains(QLatin1String(ExpectedScope))) {
            fail(0, token, tr("The token's scope is \"%1\", not %2.").arg(scope, QLatin1String(ExpectedScope)),
                 tr("In the RAM console, give the OAuth application the %1 scope.").arg(QLatin1String(ExpectedScope)));
            return done(*steps);
        }
        pass(0, token,
             scope.isEmpty() ? tr("Token obtained (the answer named no scope).")
                             : tr("Token obtained, scope %1.").arg(scope));
        onResult(
            client.request("GET", QStringLiteral("/ResourceTypes")), &client,
            [&client, steps, done, fail, pass](const RamReply &types) {
                const QString scimFix = tr("Check the SCIM URL: it is the SCIM endpoint of your site, without /Users.");
                if (!types.ok())
                    fail(1, types, types.message(), scimFix);
                else if (!listsResource(types.json, QStringLiteral("User")))
                    fail(1, types, tr("The endpoint lists no User resource type."), scimFix);
                else
                    pass(1, types, tr("Lists the User resource type."));
                onResult(client.request("GET", QStringLiteral("/Schemas")), &client,
                         [steps, done, fail, pass, scimFix](const RamReply &schemas) {
                             if (!schemas.ok())
                                 fail(2, schemas, schemas.message(), scimFix);
                             else if (!listsResource(schemas.json, QLatin1String(UserSchema)))
                                 fail(2, schemas, tr("The endpoint has no %1 schema.").arg(QLatin1String(UserSchema)),
                                      scimFix);
                             else
                                 pass(2, schemas, tr("Has the core User schema."));
                             done(*steps);
                         });
            });
    });
}

} // namespace ScimConsole::Core
