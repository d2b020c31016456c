// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/store/SyncLogStore.h"

#include "core/log/SyncLogExport.h"
#include "tests/support/TestDatabase.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

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

    /// A request path with %00 must not cost the log its batch (PostgreSQL text cannot hold NUL): it is kept,
    /// with the NUL shown as U+FFFD, beside the other events of the batch.
    void append_nulInAField_keepsTheBatch()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        QList<SyncEvent> batch;
        for (const QString &path : {u"/scim/v2/apps/x/Users/a"_s, u"/scim/v2/apps/x/Users/a"_s + QChar(0) + u"b"_s}) {
            SyncEvent e;
            e.at = QDateTime::currentDateTimeUtc();
            e.method = u"GET"_s;
            e.path = path;
            e.detail = u"id"_s + QChar(0);
            e.status = 404;
            batch.append(e);
        }
        const Status appended = log.append(batch);
        QVERIFY2(appended, appended ? "" : qPrintable(appended.error().detail));
        const auto recent = log.recent(10);
        QCOMPARE(recent->size(), 2);
        QCOMPARE(recent->first().path, u"/scim/v2/apps/x/Users/a\uFFFDb"_s);
        QCOMPARE(recent->first().detail, u"id\uFFFD"_s);
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
        const auto newest = log.newest({.appId = u"a"_s, .statusClass = 4}, 100);
        QVERIFY(newest);
        for (const SyncEvent &e : newest.value())
            QVERIFY(e.appId == u"a"_s && e.status == 404);
        QVERIFY(!newest->isEmpty());
        QCOMPARE(log.newest({.since = now.addSecs(-3 * 3600 - 1)}, 100)->size(), 4);
        const auto lastTwo = log.newest({}, 2);
        QCOMPARE(lastTwo->size(), 2);
        QVERIFY(lastTwo->first().id < lastTwo->last().id); // oldest first
        QCOMPARE(log.after(lastTwo->first().id, {}, 10)->size(), 1);
        QCOMPARE(log.after(0, {.statusClass = 5}, 10)->size(), 4);

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

    /// I-04, issue 12: a server deletes a large excess in steps (the oldest events first), so that no one DELETE
    /// holds the write lock while its log waits to be stored.
    void applyRetention_inSteps_oldestFirst()
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<SyncEvent> events;
        for (int i = 0; i < 20; ++i) {
            SyncEvent e;
            e.at = now.addSecs(-3600 * (20 - i)); // 20 h ago … 1 h ago
            e.path = u"/Users/%1"_s.arg(i);
            e.status = 200;
            events.append(e);
        }
        QVERIFY(log.append(events));
        LogRetention retention;
        retention.days = 1;
        retention.maxEvents = 1000;
        const QDateTime later = now.addDays(1).addSecs(-10 * 3600); // the 10 events older than 10 h are due
        QCOMPARE(log.applyRetention(retention, later, 4).value(), 4);
        QCOMPARE(log.recent(100)->constLast().path, u"/Users/4"_s); // the oldest went first
        QCOMPARE(log.applyRetention(retention, later, 4).value(), 4);
        QCOMPARE(log.applyRetention(retention, later, 4).value(), 2); // fewer than the step: done
        QCOMPARE(log.applyRetention(retention, later, 4).value(), 0);
        // Then beyond the count, in a step shared with the age limit.
        retention.maxEvents = 3;
        QCOMPARE(log.applyRetention(retention, later, 5).value(), 5);
        QCOMPARE(log.applyRetention(retention, later, 5).value(), 2);
        const auto kept = log.recent(100);
        QCOMPARE(kept->size(), 3);
        QCOMPARE(kept->constLast().path, u"/Users/17"_s);
    }

    void everyFilter_sameInSqlAndInMemory() // I-02, I-03
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QStringList methods{u"GET"_s, u"POST"_s, u"PATCH"_s, u"DELETE"_s};
        const QList<int> statuses{200, 201, 204, 400, 404, 409, 500, 0};
        QList<SyncEvent> events;
        for (int i = 0; i < 240; ++i) {
            SyncEvent e;
            e.at = now.addSecs(-60 * (239 - i));
            e.direction = i % 7 == 0 ? SyncDirection::Outbound : SyncDirection::Inbound;
            e.appId = e.direction == SyncDirection::Inbound ? (i % 2 ? u"entra"_s : u"okta"_s) : QString();
            e.profile = e.direction == SyncDirection::Outbound ? u"Prod_RAM"_s : QString();
            e.method = methods.at(i % methods.size());
            e.status = statuses.at(i % statuses.size());
            e.path = u"/Users/%1"_s.arg(i);
            e.requestId = u"req-%1"_s.arg(i);
            e.scimType = e.status == 409 ? u"uniqueness"_s : QString();
            e.detail = i % 11 == 0 ? u"Ünïcode 100%_detail"_s : QString();
            events.append(e);
        }
        QVERIFY(log.append(events));
        const QList<SyncLogFilter> filters{
            {},
            {.appId = u"entra"_s},
            {.profile = u"Prod_RAM"_s},
            {.direction = SyncDirection::Outbound},
            {.method = u"PATCH"_s},
            {.statusClass = 4},
            {.statusClass = 0},
            {.since = now.addSecs(-3600), .until = now.addSecs(-1800)},
            {.requestId = u"req-17"_s},
            {.text = u"UNIQUENESS"_s},
            {.text = u"ünïcode 100%_"_s}, // LIKE's own characters are literal; case ignored beyond ASCII
            {.text = u"prod_ram"_s},
            {.appId = u"okta"_s, .method = u"GET"_s, .statusClass = 2, .text = u"/users/1"_s},
        };
        const Result<QList<SyncEvent>> stored = log.newest({}, 1000);
        QCOMPARE(stored->size(), 240);
        for (const SyncLogFilter &filter : filters) {
            QList<qint64> inMemory;
            for (const SyncEvent &e : stored.value()) {
                if (filter.matches(e))
                    inMemory << e.id;
            }
            QList<qint64> inSql;
            const Result<QList<SyncEvent>> found = log.newest(filter, 1000);
            for (const SyncEvent &e : found.value())
                inSql << e.id;
            QCOMPARE(inSql, inMemory);
            QCOMPARE(log.count(filter).value(), qint64(inMemory.size()));
            QVERIFY(!inMemory.isEmpty());
        }

        // before(): the page above a window, oldest first.
        const qint64 boundary = stored->at(100).id;
        const auto above = log.before(boundary, {.statusClass = 2}, 5);
        QCOMPARE(above->size(), 5);
        QVERIFY(above->last().id < boundary);
        QVERIFY(above->first().id < above->last().id);
        for (const SyncEvent &e : above.value())
            QVERIFY(e.status >= 200 && e.status < 300);
    }

    void callRates_perBucketAndSource() // I-02
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        const QDateTime minute =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() / 60 * 60 - 600, QTimeZone::utc());
        QList<SyncEvent> events;
        const auto add = [&](int seconds, const QString &app, const QString &profile, int status) {
            SyncEvent e;
            e.at = minute.addSecs(seconds);
            e.direction = profile.isEmpty() ? SyncDirection::Inbound : SyncDirection::Outbound;
            e.appId = app;
            e.profile = profile;
            e.status = status;
            events.append(e);
        };
        add(1, u"a"_s, {}, 200);
        add(30, u"a"_s, {}, 409);
        add(59, u"b"_s, {}, 200);
        add(61, u"a"_s, {}, 0); // no answer counts as a failure
        add(62, {}, u"prod"_s, 503);
        QVERIFY(log.append(events));
        const auto rates = log.callRates(minute.addSecs(-60), 60);
        QVERIFY(rates);
        QCOMPARE(rates->size(), 4);
        const auto find = [&](int bucket, const QString &source) {
            for (const CallBucket &b : rates.value()) {
                if (b.start == minute.addSecs(60 * bucket) && b.source == source)
                    return b;
            }
            return CallBucket{};
        };
        QCOMPARE(find(0, u"a"_s).calls, 2);
        QCOMPARE(find(0, u"a"_s).failures, 1);
        QCOMPARE(find(0, u"b"_s).calls, 1);
        QCOMPARE(find(1, u"a"_s).failures, 1);
        QCOMPARE(find(1, u"prod"_s).direction, SyncDirection::Outbound);
        QCOMPARE(find(1, u"prod"_s).failures, 1);
    }

    void export_csvAndJson_streamed_cancellable() // I-02
    {
        SCIM_OPEN_TEST_DATABASE(db, database);
        SyncLogStore log(*database);
        QList<SyncEvent> events;
        for (int i = 0; i < 12001; ++i) {
            SyncEvent e;
            e.at = QDateTime::currentDateTimeUtc();
            e.appId = u"app-1"_s;
            e.method = u"GET"_s;
            e.path = i == 0 ? u"=cmd|' /C calc'!A0"_s : u"/Users/%1"_s.arg(i);
            e.detail = i == 1 ? u"say \"hi\", then\nbye"_s : QString();
            e.status = 200;
            events.append(e);
        }
        QVERIFY(log.append(events));
        const QHash<QString, QString> names{{u"app-1"_s, u"Okta"_s}};

        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        qint64 lastDone = -1;
        const auto written =
            SyncLogExport::write(*database, {}, SyncLogExport::Format::Csv, names, csv, [&](qint64 done, qint64 total) {
                lastDone = done;
                return total == 12001;
            });
        QCOMPARE(written.value(), 12001);
        QCOMPARE(lastDone, 12001);
        const QByteArray text = csv.data();
        QCOMPARE(text.count("\r\n"),
                 1 + 12001); // the header and the rows: the detail's own line break stays inside its quotes
        QVERIFY(text.contains("\"'=cmd|' /C calc'!A0\"")); // no formula for a spreadsheet to run
        QVERIFY(text.contains("\"say \"\"hi\"\", then\nbye\""));
        QVERIFY(text.contains(",\"Okta\","));

        QBuffer json;
        json.open(QIODevice::WriteOnly);
        QCOMPARE(
            SyncLogExport::write(*database, {.text = u"/Users/1"_s}, SyncLogExport::Format::Json, names, json).value(),
            qint64(1 + 10 + 100 + 1000 + 2001)); // /Users/1, 1x, 1xx, 1xxx, 10000 to 12000
        const QJsonArray array = QJsonDocument::fromJson(json.data()).array();
        QCOMPARE(array.size(), 3112);
        QCOMPARE(array.first().toObject().value(u"source"_s).toString(), u"Okta"_s);

        QBuffer cancelled;
        cancelled.open(QIODevice::WriteOnly);
        const auto stopped = SyncLogExport::write(*database, {}, SyncLogExport::Format::Json, names, cancelled,
                                                  [](qint64 done, qint64) { return done < 5000; });
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
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
