// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/models/AccountPageModel.h"

#include "core/OnResult.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"

#include <QPalette>

namespace ScimConsole::Gui {

using namespace Core;

AccountPageModel::AccountPageModel(AsyncStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

void AccountPageModel::setFilter(const AccountFilter &filter)
{
    m_filter = filter;
    const int generation = ++m_generation;
    onResult(m_store.run([filter](Database &db) { return AccountStore(db).count(filter); }), this,
             [this, generation](const Result<qint64> &total) {
                 if (generation != m_generation)
                     return; // a newer filter is being counted
                 if (!total) {
                     emit failed(total.error().message);
                     return;
                 }
                 beginResetModel();
                 m_total = total.value();
                 m_pages.clear();
                 m_pageOrder.clear();
                 m_inFlight.clear();
                 m_fetched = 0;
                 endResetModel();
                 emit counted(m_total);
             });
}

void AccountPageModel::setOrganizationNames(const QHash<QString, QString> &pathsById)
{
    m_orgPaths = pathsById;
    if (m_total > 0)
        emit dataChanged(index(0, int(Column::Organization)), index(rowCount() - 1, int(Column::Organization)));
}

std::optional<Account> AccountPageModel::accountAt(int row) const
{
    const auto page = m_pages.constFind(row / PageSize);
    if (page == m_pages.cend() || row % PageSize >= page->size())
        return std::nullopt;
    return page->at(row % PageSize);
}

int AccountPageModel::rowCount(const QModelIndex &parent) const
{
    // A QAbstractItemView asks for rows as int: beyond that the table would need paging of its own.
    return parent.isValid() ? 0 : int(std::min<qint64>(m_total, std::numeric_limits<int>::max()));
}

int AccountPageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant AccountPageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole)
        return {};
    const std::optional<Account> account = accountAt(index.row());
    if (!account) {
        if (role == Qt::DisplayRole) {
            requestPage(index.row() / PageSize);
            return index.column() == 0 ? tr("Loading…") : QString();
        }
        return {};
    }
    if (role == Qt::ForegroundRole)
        return account->active ? QVariant() : QVariant(QPalette().brush(QPalette::Disabled, QPalette::Text));
    switch (Column(index.column())) {
    case Column::UserName:
        return account->userName;
    case Column::DisplayName:
        return account->displayName;
    case Column::Email:
        return account->email;
    case Column::Organization:
        return account->orgId.isEmpty() ? tr("(none)") : m_orgPaths.value(account->orgId, account->orgId);
    case Column::Status:
        return account->active ? tr("Enabled") : tr("Disabled");
    case Column::Count:
        break;
    }
    return {};
}

QVariant AccountPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (Column(section)) {
    case Column::UserName:
        return tr("User name");
    case Column::DisplayName:
        return tr("Display name");
    case Column::Email:
        return tr("Email");
    case Column::Organization:
        return tr("Organization");
    case Column::Status:
        return tr("Status");
    case Column::Count:
        break;
    }
    return {};
}

void AccountPageModel::requestPage(int page) const
{
    if (m_inFlight.contains(page) || m_pages.contains(page))
        return;
    m_inFlight.insert(page);
    const int generation = m_generation;
    const AccountFilter filter = m_filter;
    auto *self = const_cast<AccountPageModel *>(this);
    onResult(m_store.run(
                 [filter, page](Database &db) { return AccountStore(db).browse(filter, page * PageSize, PageSize); }),
             self, [self, page, generation](const Result<QList<Account>> &accounts) {
                 if (generation != self->m_generation)
                     return;
                 self->m_inFlight.remove(page);
                 if (!accounts) {
                     emit self->failed(accounts.error().message);
                     return;
                 }
                 // Keep memory bounded: the page fetched longest ago goes first.
                 while (self->m_pageOrder.size() >= MaxCachedPages)
                     self->m_pages.remove(self->m_pageOrder.takeFirst());
                 self->m_pages.insert(page, accounts.value());
                 self->m_pageOrder.append(page);
                 ++self->m_fetched;
                 const int first = page * PageSize;
                 const int last = std::min(first + PageSize, self->rowCount()) - 1;
                 if (last >= first)
                     emit self->dataChanged(self->index(first, 0), self->index(last, int(Column::Count) - 1));
             });
}

} // namespace ScimConsole::Gui
