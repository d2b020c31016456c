// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/Identifier.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace ScimConsole::Core;
using namespace Qt::StringLiterals;

class tst_Identifier : public QObject
{
    Q_OBJECT

private slots:
    /// U-01, G-01: a UUID, lower case, without braces; version 7 (RFC 9562 §5.7): its first 48 bits are the time in
    /// milliseconds, then the version, then random bits and the variant.
    void isAVersion7Uuid_carryingItsTime()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString id = newIdentifier();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        static const QRegularExpression form(
            u"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        QVERIFY2(form.match(id).hasMatch(), qPrintable(id));
        QVERIFY(!QUuid::fromString(id).isNull());
        const qint64 ms =
            QStringView(id).left(8).toLongLong(nullptr, 16) << 16 | QStringView(id).mid(9, 4).toLongLong(nullptr, 16);
        QVERIFY(ms >= before && ms <= after);
    }

    /// Issue 12: ids made later sort after earlier ones (a new row's key lands at the end of its index); those made
    /// within one millisecond differ by their random bits.
    void laterIdsSortLater_andNoneRepeat()
    {
        QSet<QString> seen;
        QString previous = newIdentifier();
        seen.insert(previous);
        for (int i = 0; i < 20000; ++i) {
            const QString id = newIdentifier();
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
            if (id.left(13) != previous.left(13)) // another millisecond
                QVERIFY2(id > previous, qPrintable(previous + u" then "_s + id));
            previous = id;
        }
        QTest::qWait(2);
        QVERIFY(newIdentifier() > previous);
    }
};

QTEST_GUILESS_MAIN(tst_Identifier)
#include "tst_Identifier.moc"
