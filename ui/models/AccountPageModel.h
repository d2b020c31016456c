// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/Account.h"
#include "core/store/AccountStore.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

/// The directory's accounts, for a table that stays smooth at 100,000 rows and more: the row count comes from one
/// COUNT, and rows are fetched a page at a time on the store's thread when the view first asks for them. At most
/// MaxCachedPages pages are kept; a row not yet fetched shows a placeholder until its page arrives.
class AccountPageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountPageModel)

public:
    enum class Column {
        UserName,
        DisplayName,
        Email,
        Organization,
        Status,
        Count,
    };
    static constexpr int PageSize = 200;
    static constexpr int MaxCachedPages = 40;

    explicit AccountPageModel(Core::AsyncStore &store, QObject *parent = nullptr);

    /// Counts again and drops every fetched page.
    void setFilter(const Core::AccountFilter &filter);
    void reload() { setFilter(m_filter); }
    void setOrganizationNames(const QHash<QString, QString> &pathsById);
    /// The account at `row` if its page has arrived.
    std::optional<Core::Account> accountAt(int row) const;
    qint64 total() const { return m_total; }
    /// Pages fetched since the last setFilter(), for tests: proof that not every row was read.
    int fetchedPages() const { return m_fetched; }
    int cachedPages() const { return int(m_pages.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// The count for the current filter arrived (and the model was reset to it).
    void counted(qint64 total);
    void failed(const QString &message);

private:
    void requestPage(int page) const;

    Core::AsyncStore &m_store;
    Core::AccountFilter m_filter;
    QHash<QString, QString> m_orgPaths;
    qint64 m_total = 0;
    int m_generation = 0;
    mutable QHash<int, QList<Core::Account>> m_pages;
    mutable QList<int> m_pageOrder; // least recently fetched first
    mutable QSet<int> m_inFlight;
    mutable int m_fetched = 0;
};

} // namespace ScimConsole::Gui
