// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/models/ApplicationListModel.h"

#include "ui/Icons.h"

#include <QLocale>

namespace ScimConsole::Gui {

using namespace Core;

ApplicationListModel::ApplicationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ApplicationListModel::setRows(const QList<ApplicationRow> &rows, const QDateTime &now)
{
    beginResetModel();
    m_rows = rows;
    m_now = now;
    endResetModel();
}

QString ApplicationListModel::appIdAt(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_rows.size() ? m_rows.at(index.row()).app.id : QString();
}

QModelIndex ApplicationListModel::indexOf(const QString &appId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).app.id == appId)
            return index(row, 0);
    }
    return {};
}

int ApplicationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApplicationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString ApplicationListModel::permissionText(const ScimPermission &permission)
{
    if (permission.isAll())
        return tr("All scenarios");
    if (!permission.isEnabled())
        return tr("Off");
    QStringList parts;
    if (permission.usersRead || permission.usersWrite)
        parts << tr("users %1")
                     .arg(permission.usersWrite ? (permission.usersRead ? tr("read/write") : tr("write")) : tr("read"));
    if (permission.groupsRead || permission.groupsWrite)
        parts << tr("groups %1")
                     .arg(permission.groupsWrite ? (permission.groupsRead ? tr("read/write") : tr("write"))
                                                 : tr("read"));
    //: separates the scenarios of a partial SCIM permission
    return parts.join(tr(", "));
}

QString ApplicationListModel::kindText(AppKind kind)
{
    return kind == AppKind::Custom ? tr("Custom") : tr("Standard protocol");
}

ApplicationListModel::TokenSummary ApplicationListModel::tokenSummary(const QList<BearerToken> &tokens,
                                                                      const QDateTime &now)
{
    QDateTime latest;
    int usable = 0;
    for (const BearerToken &token : tokens) {
        if (!token.isUsable(now))
            continue;
        ++usable;
        if (!latest.isValid() || token.expires > latest)
            latest = token.expires;
    }
    if (tokens.isEmpty())
        return {tr("No token"), true, false};
    if (usable == 0)
        return {tr("None usable"), true, false};
    const qint64 days = now.daysTo(latest);
    if (days < ExpiryWarningDays)
        return {tr("Expires in %n day(s)", nullptr, int(days)), true, true};
    return {tr("%n enabled", nullptr, usable), false, false};
}

QVariant ApplicationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApplicationRow &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    const TokenSummary tokens = tokenSummary(row.tokens, m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Name:
            return row.app.name;
        case Column::Kind:
            return kindText(row.app.kind);
        case Column::Permission:
            return row.app.isSuspended() ? tr("Suspended") : permissionText(row.app.permission);
        case Column::Tokens:
            return tokens.text;
        case Column::CallsToday:
            return QLocale().toString(row.today.calls);
        case Column::FailuresToday:
            return QLocale().toString(row.today.failures);
        case Column::Count:
            break;
        }
        break;
    case Qt::DecorationRole:
        if ((column == Column::Tokens && tokens.warning) || (column == Column::Permission && row.app.isSuspended()))
            return icon(QStringLiteral("warning"));
        break;
    case Qt::ToolTipRole:
        if (column == Column::Tokens && tokens.expiringSoon)
            return tr("A bearer token expires within %n day(s): rotate it before the client is locked out (T-06).",
                      nullptr, ExpiryWarningDays);
        break;
    case Qt::TextAlignmentRole:
        if (column == Column::CallsToday || column == Column::FailuresToday)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ApplicationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Kind:
        return tr("Kind");
    case Column::Permission:
        return tr("SCIM permission");
    case Column::Tokens:
        return tr("Bearer tokens");
    case Column::CallsToday:
        return tr("Calls today");
    case Column::FailuresToday:
        return tr("Failures today");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ScimConsole::Gui
