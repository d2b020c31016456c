// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamSync.h"

#include "core/log/Logging.h"
#include "core/ram/RamClient.h"
#include "core/ram/RamPullJob.h"
#include "core/ram/RamSource.h"
#include "core/ram/RamUserName.h"
#include "core/store/Database.h"
#include "core/store/RamProfileStore.h"
#include "core/store/SyncLogStore.h"

#include <QSet>
#include <QTimer>

namespace ScimConsole::Core {

namespace {
constexpr int EventFlushMs = 2000;
} // namespace

RamSync::RamSync(Database &db, const RamProfile &profile, RamClient &client, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_profile(profile)
    , m_client(client)
    , m_eventTimer(new QTimer(this))
{
    m_eventTimer->setInterval(EventFlushMs);
    connect(m_eventTimer, &QTimer::timeout, this, &RamSync::storeEvents);
}

RamSync::~RamSync() = default;

void RamSync::start(Mode mode, bool adopt)
{
    m_mode = mode;
    m_adopt = adopt;
    const Result<QList<Account>> accounts = RamSource::accounts(m_db, m_profile);
    if (!accounts) {
        // Asynchronous like every other outcome, so that callers connect before anything is emitted.
        QTimer::singleShot(0, this, [this, error = accounts.error()] { finish(error); });
        return;
    }
    m_accounts = accounts.value();
    m_eventTimer->start();
    m_pull = new RamPullJob(m_client, this);
    connect(m_pull, &RamPullJob::progress, this,
            [this](int read, int total) { emit progress(QStringLiteral("pull"), read, total, 0, 0); });
    connect(m_pull, &RamPullJob::finished, this, &RamSync::pulled);
    m_pull->start();
}

void RamSync::cancel()
{
    m_cancelled = true;
    if (m_pull)
        m_pull->cancel();
    if (m_push)
        m_push->cancel();
}

void RamSync::pulled(const Status &status)
{
    m_ramUsers = m_pull->users();
    if (!status || m_mode == Mode::Pull) {
        finish(status);
        return;
    }
    RamProfileStore profiles(m_db);
    const Result<QHash<QString, QString>> links = profiles.links(m_profile.id);
    if (!links) {
        finish(links.error());
        return;
    }
    m_plan = PushPlan::make(m_accounts, m_ramUsers, links.value(), m_profile, m_adopt);
    if (m_mode == Mode::Preview || m_cancelled) {
        finish(ok());
        return;
    }

    const QString profileId = m_profile.id;
    m_push = new RamPushJob(
        m_client, m_plan.work(), m_profile.concurrency,
        [this, profileId](const PlanItem &item, const QString &ramId) {
            RamProfileStore store(m_db);
            const Status kept = item.action == PlanAction::Delete ? store.removeLink(profileId, item.accountId)
                                                                  : store.setLink(profileId, item.accountId, ramId);
            if (!kept)
                qCWarning(lcRam) << "could not keep the link of" << item.accountId << kept.error().detail;
        },
        this);
    connect(m_push, &RamPushJob::progress, this, [this](int done, int total, double rate, int eta) {
        emit progress(QStringLiteral("push"), done, total, rate, eta);
    });
    connect(m_push, &RamPushJob::finished, this, [this] {
        m_summary = m_push->summary();
        finish(ok());
    });
    m_push->start();
}

void RamSync::storeEvents()
{
    if (const Status stored = SyncLogStore(m_db).append(m_client.takeEvents()); !stored)
        qCWarning(lcRam) << "could not store the sync-log events:" << stored.error().detail;
}

void RamSync::finish(const Status &status)
{
    m_eventTimer->stop();
    storeEvents();
    emit finished(status);
}

PullReport RamSync::report() const
{
    PullReport report;
    QHash<QString, const Account *> byId;
    QHash<QString, const Account *> byRamName;
    for (const Account &account : m_accounts) {
        byId.insert(account.id, &account);
        if (const Result<QString> name = RamUserName::map(account.userName, m_profile.userNameRule))
            byRamName.insert(name->toLower(), &account);
    }
    QSet<QString> linkedAccounts;
    for (const RamUser &user : m_ramUsers) {
        const Account *account = byId.value(user.externalId);
        if (!account)
            account = byRamName.value(user.userName.toLower());
        if (account && !linkedAccounts.contains(account->id)) {
            linkedAccounts.insert(account->id);
            report.linked.append({*account, user});
        } else {
            report.ramOnly.append(user);
        }
    }
    for (const Account &account : m_accounts) {
        if (!linkedAccounts.contains(account.id))
            report.directoryOnly.append(account);
    }
    return report;
}

} // namespace ScimConsole::Core
