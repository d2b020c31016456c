// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/AppRegistration.h"
#include "core/domain/BearerToken.h"
#include "core/store/SyncLogStore.h"

#include <QAbstractTableModel>

namespace ScimConsole::Gui {

/// One row of the applications list: the application, its tokens and today's calls.
struct ApplicationRow
{
    Core::AppRegistration app;
    QList<Core::BearerToken> tokens;
    Core::CallCounts today;
};

/// The applications list: name, kind, SCIM permission, token state (a token expiring within 14 days is marked),
/// calls and failures today.
class ApplicationListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationListModel)

public:
    enum class Column {
        Name,
        Kind,
        Permission,
        Tokens,
        CallsToday,
        FailuresToday,
        Count,
    };
    static constexpr int ExpiryWarningDays = 14;

    explicit ApplicationListModel(QObject *parent = nullptr);

    void setRows(const QList<ApplicationRow> &rows, const QDateTime &now = QDateTime::currentDateTimeUtc());
    QString appIdAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &appId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString permissionText(const Core::ScimPermission &permission);
    static QString kindText(Core::AppKind kind);
    struct TokenSummary
    {
        QString text;              // "1 enabled", "No token", "Expires in 3 days"
        bool warning = false;      // no usable token, or expiring soon
        bool expiringSoon = false; // the last usable token expires within ExpiryWarningDays
    };
    static TokenSummary tokenSummary(const QList<Core::BearerToken> &tokens, const QDateTime &now);

private:
    QList<ApplicationRow> m_rows;
    QDateTime m_now;
};

} // namespace ScimConsole::Gui
