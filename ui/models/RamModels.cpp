// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/models/RamModels.h"

namespace ScimConsole::Gui {

using namespace Core;

PushPlanModel::PushPlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PushPlanModel::setPlan(const PushPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    endResetModel();
}

QString PushPlanModel::actionText(PlanAction action)
{
    switch (action) {
    case PlanAction::Create:
        return tr("Create");
    case PlanAction::Update:
        return tr("Update");
    case PlanAction::Delete:
        return tr("Delete");
    case PlanAction::Unchanged:
        return tr("Unchanged");
    case PlanAction::Conflict:
        return tr("Conflict");
    }
    return {};
}

int PushPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.items.size());
}

int PushPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant PushPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanItem &item = m_plan.items.at(index.row());
    if (role == KindRole)
        return int(item.action);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Column::Action:
        return actionText(item.action);
    case Column::UserName:
        return item.directoryUserName;
    case Column::RamUserName:
        return item.ramUserName;
    case Column::Changes:
        return item.changedFields.join(QStringLiteral(", "));
    case Column::Reason:
        return item.reason;
    case Column::Count:
        break;
    }
    return {};
}

QVariant PushPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Action:
        return tr("Action");
    case Column::UserName:
        return tr("Directory user");
    case Column::RamUserName:
        return tr("RAM user");
    case Column::Changes:
        return tr("Changed fields");
    case Column::Reason:
        return tr("Reason");
    case Column::Count:
        break;
    }
    return {};
}

PullReportModel::PullReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PullReportModel::setReport(const PullReport &report)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &[account, user] : report.linked)
        m_rows.append({Kind::Linked, account.userName, user});
    for (const RamUser &user : report.ramOnly)
        m_rows.append({Kind::RamOnly, {}, user});
    for (const Account &account : report.directoryOnly)
        m_rows.append({Kind::DirectoryOnly, account.userName, {}});
    endResetModel();
}

int PullReportModel::count(Kind kind) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [kind](const Row &row) { return row.kind == kind; }));
}

QString PullReportModel::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Linked:
        return tr("Linked");
    case Kind::RamOnly:
        return tr("Only in RAM");
    case Kind::DirectoryOnly:
        return tr("Only in the directory");
    }
    return {};
}

int PullReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PullReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant PullReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == KindRole)
        return int(row.kind);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Column::State:
        return kindText(row.kind);
    case Column::UserName:
        return row.userName;
    case Column::RamUserName:
        return row.ramUser.userName;
    case Column::RamId:
        return row.ramUser.id;
    case Column::ExternalId:
        return row.ramUser.externalId;
    case Column::Count:
        break;
    }
    return {};
}

QVariant PullReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::State:
        return tr("State");
    case Column::UserName:
        return tr("Directory user");
    case Column::RamUserName:
        return tr("RAM user");
    case Column::RamId:
        return tr("RAM id");
    case Column::ExternalId:
        return tr("externalId");
    case Column::Count:
        break;
    }
    return {};
}

KindFilterModel::KindFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void KindFilterModel::setKind(std::optional<int> kind)
{
    m_kind = kind;
    invalidateRowsFilter();
}

void KindFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool KindFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    if (m_kind && source->index(sourceRow, 0, sourceParent).data(KindRole).toInt() != *m_kind)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < source->columnCount(sourceParent); ++column) {
        if (source->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace ScimConsole::Gui
