// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamClient.h"
#include "core/ram/RamImport.h"
#include "core/ram/RamSync.h"
#include "core/store/RamProfileStore.h"
#include "core/store/SyncLogStore.h"
#include "tests/support/RamTestDouble.h"
#include "tests/support/TestSecrets.h"
#include "tests/support/ScimTestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Test;
using namespace Qt::StringLiterals;

namespace {
const QString Secret = ScimConsole::Test::testRamSecret();
}

/// Pushing to RAM end to end: a directory filled through the console's own SCIM server, pushed into the RAM test
/// double (DOMAIN.md R-05…R-12).
class tst_RamPush : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScimTestServer> m_scim;
    std::unique_ptr<RamTestDouble> m_ram;
    RamProfile m_profile;
    QStringList m_ids;

    RamTestDouble::Options ramOptions() const
    {
        RamTestDouble::Options options;
        options.secret = Secret;
        return options;
    }

    bool fill(int count)
    {
        m_ids.clear();
        for (int i = 0; i < count; ++i) {
            const QString id = m_scim->createUser(u"user%1@example.com"_s.arg(i, 4, 10, QChar(u'0')),
                                                  {{u"displayName"_s, u"User %1"_s.arg(i)}});
            if (id.isEmpty())
                return false;
            m_ids.append(id);
        }
        return true;
    }

    /// Runs one push (or pull) to its end and returns the sync object for its results.
    std::unique_ptr<RamSync> run(RamClient &client, RamSync::Mode mode)
    {
        auto sync = std::make_unique<RamSync>(m_scim->db(), m_profile, client);
        QSignalSpy finished(sync.get(), &RamSync::finished);
        sync->start(mode);
        if (!finished.wait(120000) || !finished.first().first().toString().isEmpty())
            qWarning("run failed: %s",
                     finished.isEmpty() ? "timeout" : qPrintable(finished.first().first().toString()));
        return sync;
    }

    void patchUser(const QString &id, const QJsonObject &operation)
    {
        const QJsonObject body{{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:api:messages:2.0:PatchOp"_s}},
                               {u"Operations"_s, QJsonArray{operation}}};
        QCOMPARE(m_scim->patch(u"/Users/"_s + id, body).status, 204);
    }

private slots:
    void init()
    {
        m_scim = std::make_unique<ScimTestServer>();
        QVERIFY2(m_scim->setupError().isEmpty(), qPrintable(m_scim->setupError()));
        m_ram = std::make_unique<RamTestDouble>(ramOptions());
        QVERIFY(m_ram->start());
        RamProfile profile = m_ram->profile();
        profile.sourceAppId = m_scim->appId();
        const auto saved = RamProfileStore(m_scim->db()).save(profile);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        m_profile = saved.value();
    }

    void cleanup()
    {
        m_ram.reset();
        m_scim.reset();
    }

    void push_thousandAccounts_thenChanges_thenNothing() // R-05 R-06 R-09 R-11
    {
        QVERIFY(fill(1000));
        RamClient client(m_profile, Secret);

        QElapsedTimer clock;
        clock.start();
        auto first = run(client, RamSync::Mode::Push);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(first->summary().created, 1000);
        QVERIFY(first->summary().failures.isEmpty());
        QCOMPARE(m_ram->users.size(), 1000);
        qInfo("pushed 1000 accounts in %lld ms: %.0f writes/s (%d concurrent)", elapsed,
              1000.0 * 1000 / std::max<qint64>(elapsed, 1), m_profile.concurrency);
        for (const RamUser &user : std::as_const(m_ram->users)) {
            const qsizetype index = m_ids.indexOf(user.externalId);
            QVERIFY2(index >= 0, "externalId is the account id");
            QCOMPARE(user.userName, u"user%1"_s.arg(index, 4, 10, QChar(u'0')));
            QCOMPARE(user.displayName, u"User %1"_s.arg(index));
        }

        // Change 10, disable 5.
        for (int i = 0; i < 10; ++i)
            patchUser(m_ids.at(i),
                      {{u"op"_s, u"replace"_s}, {u"path"_s, u"displayName"_s}, {u"value"_s, u"Changed %1"_s.arg(i)}});
        for (int i = 10; i < 15; ++i)
            patchUser(m_ids.at(i), {{u"op"_s, u"replace"_s}, {u"path"_s, u"active"_s}, {u"value"_s, false}});
        int writesBefore = m_ram->writes();
        auto second = run(client, RamSync::Mode::Push);
        QCOMPARE(second->summary().updated, 10);
        QCOMPARE(second->summary().deleted, 5);
        QCOMPARE(second->summary().created, 0);
        QCOMPARE(m_ram->writes() - writesBefore, 15);
        QCOMPARE(m_ram->users.size(), 995);

        writesBefore = m_ram->writes();
        auto third = run(client, RamSync::Mode::Push);
        QCOMPARE(third->summary().done(), 0);
        QCOMPARE(m_ram->writes(), writesBefore);

        auto pull = run(client, RamSync::Mode::Pull);
        const PullReport report = pull->report();
        QCOMPARE(report.linked.size(), 995);
        QCOMPARE(report.ramOnly.size(), 0);
        QCOMPARE(report.directoryOnly.size(), 5);
        QVERIFY2(m_ram->requests.value(u"GET"_s) > 995 / 30, "the pull pages through ListResponse (R-08)");

        // Every outbound call is in the sync log.
        QVERIFY(SyncLogStore(m_scim->db()).recent(100000)->size() > 2000);
    }

    void push_withFaults_endsWithEveryAccount() // R-03, retries
    {
        QVERIFY(fill(1000));
        m_ram->options().faultEvery = 20;
        m_ram->options().faultStatus = 503;
        RamClient client(m_profile, Secret);
        client.setRetryPolicy({6, 20, 200});
        auto sync = run(client, RamSync::Mode::Push);
        QCOMPARE(sync->summary().created, 1000);
        QVERIFY(sync->summary().failures.isEmpty());
        QVERIFY(m_ram->faultsInjected >= 50);
        QVERIFY2(sync->summary().retries >= m_ram->faultsInjected - 5, "the summary counts the retries");
        QCOMPARE(m_ram->users.size(), 1000);
    }

    /// Issue 11, "nothing lost": the network fails after RAM wrote a user and before its answer came back. The client
    /// retries, RAM says the name is taken, and the push recognises its own user by externalId: every account
    /// created once, no failure, no duplicate; a push started again has nothing to do.
    void push_answersLost_makesNoDuplicates() // R-06 R-11
    {
        QVERIFY(fill(200));
        m_ram->options().loseAnswerEvery = 7;
        RamClient client(m_profile, Secret);
        client.setRetryPolicy({6, 20, 200});
        auto sync = run(client, RamSync::Mode::Push);
        QVERIFY(m_ram->answersLost >= 20);
        QVERIFY2(sync->summary().failures.isEmpty(),
                 sync->summary().failures.isEmpty() ? "" : qPrintable(sync->summary().failures.first().error));
        QCOMPARE(sync->summary().created, 200);
        QCOMPARE(m_ram->users.size(), 200);
        QSet<QString> names, externalIds;
        for (const RamUser &user : std::as_const(m_ram->users)) {
            names.insert(user.userName.toLower());
            externalIds.insert(user.externalId);
        }
        QCOMPARE(names.size(), 200);
        QCOMPARE(externalIds, QSet<QString>(m_ids.cbegin(), m_ids.cend()));

        m_ram->options().loseAnswerEvery = 0;
        const int writesBefore = m_ram->writes();
        auto again = run(client, RamSync::Mode::Push);
        QCOMPARE(again->summary().done(), 0);
        QCOMPARE(m_ram->writes(), writesBefore);
        QCOMPARE(run(client, RamSync::Mode::Pull)->report().linked.size(), 200);
    }

    void refusedDelete_isReportedAndThePushGoesOn()
    {
        QVERIFY(fill(4));
        RamClient client(m_profile, Secret);
        run(client, RamSync::Mode::Push);
        m_ram->options().undeletable = {u"user0000"_s};
        for (const QString &id : m_ids.mid(0, 3))
            patchUser(id, {{u"op"_s, u"replace"_s}, {u"path"_s, u"active"_s}, {u"value"_s, false}});
        auto sync = run(client, RamSync::Mode::Push);
        QCOMPARE(sync->summary().deleted, 2);
        QCOMPARE(sync->summary().failures.size(), 1);
        QCOMPARE(sync->summary().failures.first().userName, u"user0000"_s);
        QVERIFY(sync->summary().failures.first().error.contains(u"AccessKeys"_s));
        QCOMPARE(m_ram->users.size(), 2);
    }

    void preview_sendsNothing_andShowsConflicts()
    {
        QVERIFY(fill(3));
        m_ram->addUser(u"user0001"_s); // made in the RAM console: no externalId
        RamClient client(m_profile, Secret);
        auto preview = run(client, RamSync::Mode::Preview);
        QCOMPARE(preview->plan().count(PlanAction::Create), 2);
        QCOMPARE(preview->plan().count(PlanAction::Conflict), 1);
        QCOMPARE(m_ram->writes(), 0);
        QCOMPARE(m_ram->users.size(), 1);
    }

    void import_ramOnlyUsers_thenPushAdoptsThem()
    {
        QVERIFY(fill(2));
        const QString manual = m_ram->addUser(u"console.made"_s); // made in the RAM console
        RamClient client(m_profile, Secret);
        auto pull = run(client, RamSync::Mode::Pull);
        QCOMPARE(pull->report().ramOnly.size(), 1);
        const auto imported = RamImport::import(m_scim->db(), m_profile.id, pull->report().ramOnly, m_scim->orgId());
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        QCOMPARE(imported->size(), 1);
        QCOMPARE(imported->first().userName, u"console.made"_s);

        auto push = run(client, RamSync::Mode::Push);
        QCOMPARE(push->summary().created, 2);
        QCOMPARE(push->summary().updated, 1); // writes our externalId into the imported user
        QCOMPARE(m_ram->users.value(manual).externalId, imported->first().id);
        QCOMPARE(run(client, RamSync::Mode::Pull)->report().linked.size(), 3);
    }

    void cancel_stopsSending()
    {
        QVERIFY(fill(200));
        m_profile.concurrency = 1;
        RamClient client(m_profile, Secret);
        RamSync sync(m_scim->db(), m_profile, client);
        QSignalSpy finished(&sync, &RamSync::finished);
        connect(&sync, &RamSync::progress, &sync, [&sync](const QString &stage, int done) {
            if (stage == u"push" && done == 10)
                sync.cancel();
        });
        sync.start(RamSync::Mode::Push);
        QVERIFY(finished.wait(60000));
        QVERIFY(sync.summary().cancelled);
        QCOMPARE(sync.summary().created, 10);
        QCOMPARE(sync.summary().notSent, 190);
        QCOMPARE(m_ram->users.size(), 10);
    }
};

QTEST_GUILESS_MAIN(tst_RamPush)
#include "tst_RamPush.moc"
