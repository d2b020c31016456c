// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/domain/BearerToken.h"
#include "core/domain/TokenPolicy.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ScimConsole::Gui {

/// An application's bearer tokens: prefix, status, created, expires, last used (read from the sync log).
class TokenModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenModel)

public:
    enum class Column {
        Prefix,
        Status,
        Created,
        Expires,
        LastUsed,
        Count,
    };

    explicit TokenModel(QObject *parent = nullptr);

    /// Client secrets are listed the same way, under their own name.
    void setKind(Core::TokenKind kind) { m_kind = kind; }

    void setTokens(const QList<Core::BearerToken> &tokens, const QHash<QString, QDateTime> &lastUse,
                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    const QList<Core::BearerToken> &tokens() const { return m_tokens; }
    QString tokenIdAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &tokenId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const Core::BearerToken &token, const QDateTime &now);

private:
    QList<Core::BearerToken> m_tokens;
    QHash<QString, QDateTime> m_lastUse;
    QDateTime m_now;
    Core::TokenKind m_kind = Core::TokenKind::Bearer;
};

} // namespace ScimConsole::Gui
