// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/models/TokenModel.h"

#include <QLocale>
#include <QPalette>

namespace ScimConsole::Gui {

using namespace Core;

TokenModel::TokenModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TokenModel::setTokens(const QList<BearerToken> &tokens, const QHash<QString, QDateTime> &lastUse,
                           const QDateTime &now)
{
    beginResetModel();
    m_tokens = tokens;
    m_lastUse = lastUse;
    m_now = now;
    endResetModel();
}

QString TokenModel::tokenIdAt(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_tokens.size() ? m_tokens.at(index.row()).id : QString();
}

QModelIndex TokenModel::indexOf(const QString &tokenId) const
{
    for (int row = 0; row < m_tokens.size(); ++row) {
        if (m_tokens.at(row).id == tokenId)
            return index(row, 0);
    }
    return {};
}

int TokenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int TokenModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString TokenModel::statusText(const BearerToken &token, const QDateTime &now)
{
    if (token.isExpired(now))
        return tr("Expired");
    return token.enabled ? tr("Enabled") : tr("Disabled");
}

QVariant TokenModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BearerToken &token = m_tokens.at(index.row());
    const auto when = [](const QDateTime &time) {
        return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    };
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Column::Prefix:
            return tr("%1…").arg(token.prefix);
        case Column::Status:
            return statusText(token, m_now);
        case Column::Created:
            return when(token.created);
        case Column::Expires:
            return when(token.expires);
        case Column::LastUsed: {
            const QDateTime used = m_lastUse.value(token.prefix);
            return used.isValid() ? when(used) : tr("Never");
        }
        case Column::Count:
            break;
        }
    }
    if (role == Qt::ToolTipRole && Column(index.column()) == Column::Prefix)
        return tr(
            "Only the first characters are kept to recognise the token; the secret itself is never stored (T-07).");
    if (role == Qt::ForegroundRole && !token.isUsable(m_now))
        return QPalette().brush(QPalette::Disabled, QPalette::Text);
    return {};
}

QVariant TokenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Prefix:
        return m_kind == Core::TokenKind::Bearer ? tr("Token") : tr("Secret");
    case Column::Status:
        return tr("Status");
    case Column::Created:
        return tr("Created");
    case Column::Expires:
        return tr("Expires");
    case Column::LastUsed:
        return tr("Last used");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ScimConsole::Gui
