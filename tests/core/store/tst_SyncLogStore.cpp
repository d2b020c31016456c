#include "core/store/SyncLogStore.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_SyncLogStore : public QObject
{
    Q_OBJECT

private slots:
    void append_batchAndReadNewestFirst() // I-02, I-03
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        QList<SyncEvent> batch;
        const QDateTime start = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 50; ++i) {
            SyncEvent e;
            e.at = start.addMSecs(i);
            e.appId = i % 2 ? u"app-a"_s : u"app-b"_s;
            e.method = u"POST"_s;
            e.path = u"/scim/v2/apps/x/Users"_s;
            e.status = i == 49 ? 409 : 201;
            e.scimType = i == 49 ? u"uniqueness"_s : QString();
            e.latencyUs = 1500 + i;
            e.tokenPrefix = u"scim_abcdefg"_s;
            batch.append(e);
        }
        QVERIFY(log.append(batch));
        const auto recent = log.recent(10);
        QCOMPARE(recent->size(), 10);
        QCOMPARE(recent->first().status, 409);
        QCOMPARE(recent->first().scimType, u"uniqueness"_s);
        QCOMPARE(recent->first().latencyUs, 1549);
        QCOMPARE(recent->first().direction, SyncDirection::Inbound);
        QCOMPARE(log.recent(100, u"app-a"_s)->size(), 25);
    }

    void callsSince_andLastTokenUse_readTheLogItself()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto event = [&](const QString &app, int status, qint64 agoSecs, const QString &prefix) {
            SyncEvent e;
            e.at = now.addSecs(-agoSecs);
            e.appId = app;
            e.status = status;
            e.tokenPrefix = prefix;
            return e;
        };
        SyncEvent outbound = event(QString(), 500, 1, QString());
        outbound.direction = SyncDirection::Outbound;
        QVERIFY(log.append({event(u"a"_s, 200, 10, u"scim_1"_s), event(u"a"_s, 404, 20, u"scim_1"_s),
                            event(u"a"_s, 401, 5, u"scim_2"_s), event(u"b"_s, 201, 30, u"scim_3"_s),
                            event(u"a"_s, 200, 90000, u"scim_2"_s), outbound}));
        const auto counts = log.callsSince(now.addSecs(-3600));
        QVERIFY(counts);
        QCOMPARE(counts->size(), 2);
        QCOMPARE(counts->value(u"a"_s).calls, 3);
        QCOMPARE(counts->value(u"a"_s).failures, 2);
        QCOMPARE(counts->value(u"b"_s).calls, 1);
        QCOMPARE(counts->value(u"b"_s).failures, 0);

        // A refused call (401) is not a use of the token.
        const auto lastUse = log.lastTokenUse(u"a"_s);
        QCOMPARE(lastUse->value(u"scim_1"_s).toSecsSinceEpoch(), now.addSecs(-10).toSecsSinceEpoch());
        QCOMPARE(lastUse->value(u"scim_2"_s).toSecsSinceEpoch(), now.addSecs(-90000).toSecsSinceEpoch());
        QVERIFY(!lastUse->contains(u"scim_3"_s));
    }

    void filteredReads_andRetention() // I-02
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<SyncEvent> events;
        for (int i = 0; i < 20; ++i) {
            SyncEvent e;
            e.at = now.addSecs(-3600 * (19 - i)); // one an hour, the newest now
            e.appId = i % 2 ? u"a"_s : u"b"_s;
            e.status = i % 5 == 0 ? 500 : i % 3 == 0 ? 404 : 200;
            events.append(e);
        }
        QVERIFY(log.append(events));
        const auto newest = log.newest({u"a"_s, 4, {}}, 100);
        QVERIFY(newest);
        for (const SyncEvent &e : newest.value())
            QVERIFY(e.appId == u"a"_s && e.status == 404);
        QVERIFY(!newest->isEmpty());
        QCOMPARE(log.newest({{}, {}, now.addSecs(-3 * 3600 - 1)}, 100)->size(), 4);
        const auto lastTwo = log.newest({}, 2);
        QCOMPARE(lastTwo->size(), 2);
        QVERIFY(lastTwo->first().id < lastTwo->last().id); // oldest first
        QCOMPARE(log.after(lastTwo->first().id, {}, 10)->size(), 1);
        QCOMPARE(log.after(0, {{}, 5, {}}, 10)->size(), 4);

        // Retention: nothing older than 10 hours, then at most 6 events.
        LogRetention retention;
        retention.days = 1;
        retention.maxEvents = 1000;
        QCOMPARE(log.applyRetention(retention, now.addDays(1).addSecs(-10 * 3600)).value(), 9); // older than 10 h
        retention.maxEvents = 6;
        QCOMPARE(log.applyRetention(retention, now).value(), 5); // 11 left, 6 kept
        QCOMPARE(log.recent(100)->size(), 6);
        QCOMPARE(log.recent(1)->first().at.toSecsSinceEpoch(), now.toSecsSinceEpoch());
    }

    void prune_dropsOldEvents()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        SyncEvent old;
        old.at = QDateTime::currentDateTimeUtc().addDays(-40);
        old.direction = SyncDirection::Outbound;
        SyncEvent fresh;
        fresh.at = QDateTime::currentDateTimeUtc();
        QVERIFY(log.append({old, fresh}));
        QCOMPARE(log.prune(QDateTime::currentDateTimeUtc().addDays(-30)).value(), 1);
        QCOMPARE(log.recent(10)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SyncLogStore)
#include "tst_SyncLogStore.moc"
