// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/models/SyncEventModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ScimConsole::Core;
using namespace ScimConsole::Gui;
using namespace Qt::StringLiterals;

class tst_SyncEventModel : public QObject
{
    Q_OBJECT

private:
    static QList<SyncEvent> events(int count, int first = 0)
    {
        QList<SyncEvent> result;
        for (int i = 0; i < count; ++i) {
            SyncEvent e;
            e.at = QDateTime::currentDateTimeUtc();
            e.method = u"GET"_s;
            e.path = u"/Users/%1"_s.arg(first + i);
            e.status = i % 2 ? 200 : 404;
            e.latencyUs = 1500;
            result.append(e);
        }
        return result;
    }

private slots:
    void append_isBoundedAndConsistent() // I-02
    {
        SyncEventModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(events(10));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.data(model.index(3, int(SyncEventModel::Column::Path))).toString(), u"/Users/3"_s);
        QCOMPARE(model.data(model.index(0, int(SyncEventModel::Column::Latency))).toString(), u"1.5 ms"_s);
        QVERIFY(model.data(model.index(0, int(SyncEventModel::Column::Status)), Qt::ForegroundRole).isValid());

        model.append(events(SyncEventModel::MaxEvents, 10));
        QCOMPARE(model.rowCount(), SyncEventModel::MaxEvents);
        QCOMPARE(model.eventAt(0).path, u"/Users/10"_s); // the oldest went first
        model.append(events(SyncEventModel::MaxEvents + 5, 100000));
        QCOMPARE(model.rowCount(), SyncEventModel::MaxEvents);
        QCOMPARE(model.eventAt(0).path, u"/Users/100005"_s);
    }
};

QTEST_MAIN(tst_SyncEventModel)
#include "tst_SyncEventModel.moc"
