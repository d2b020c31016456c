// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ram/PushPlan.h"
#include "core/ram/RamSync.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <optional>

namespace ScimConsole::Gui {

/// The role both RAM result models answer with each row's kind (a PlanAction, or a PullReportModel::Kind), for
/// KindFilterModel.
constexpr int KindRole = Qt::UserRole + 1;

/// A push plan as a table: what happens to each user, what changes, and why (the preview, R-09, R-11).
class PushPlanModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushPlanModel)

public:
    enum class Column {
        Action,
        UserName,
        RamUserName,
        Changes,
        Reason,
        Count,
    };

    explicit PushPlanModel(QObject *parent = nullptr);

    void setPlan(const Core::PushPlan &plan);
    const Core::PushPlan &plan() const { return m_plan; }
    static QString actionText(Core::PlanAction action);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Core::PushPlan m_plan;
};

/// What a pull found, one row per user: linked (in both), only in RAM, only in the directory.
class PullReportModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullReportModel)

public:
    enum class Kind {
        Linked,
        RamOnly,
        DirectoryOnly,
    };
    enum class Column {
        State,
        UserName,
        RamUserName,
        RamId,
        ExternalId,
        Count,
    };

    explicit PullReportModel(QObject *parent = nullptr);

    void setReport(const Core::PullReport &report);
    int count(Kind kind) const;
    Kind kindAt(int row) const { return m_rows.at(row).kind; }
    /// The RAM user of a row (empty for a directory-only row).
    const Core::RamUser &ramUserAt(int row) const { return m_rows.at(row).ramUser; }
    static QString kindText(Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Kind kind;
        QString userName; // the directory's
        Core::RamUser ramUser;
    };
    QList<Row> m_rows;
};

/// Shows the rows of one kind (KindRole) whose text contains a search string, in any column.
class KindFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KindFilterModel)

public:
    explicit KindFilterModel(QObject *parent = nullptr);

    void setKind(std::optional<int> kind);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<int> m_kind;
    QString m_text;
};

} // namespace ScimConsole::Gui
