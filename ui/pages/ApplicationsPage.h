// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "ui/pages/Page.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class ApplicationListModel;
class ApplicationPanel;
class InlineMessage;
class ServerController;

/// Applications (seed 000, steps 1-3): the list, and the selected application's page beside it.
class ApplicationsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationsPage)

public:
    ApplicationsPage(Core::AsyncStore &store, ServerController &server, QWidget *parent = nullptr);

    void refresh() override;
    bool focusSearch() override;
    void addApplication();
    void selectApplication(const QString &appId);

    ApplicationListModel *model() const { return m_model; }
    ApplicationPanel *panel() const { return m_panel; }

signals:
    void refreshed();
    void manageFieldsRequested();

private:
    void showSelected();

    Core::AsyncStore &m_store;
    ApplicationListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_view;
    QStackedWidget *m_listStack;
    QStackedWidget *m_detailStack;
    ApplicationPanel *m_panel;
    InlineMessage *m_message;
    QString m_pendingSelection;
};

} // namespace ScimConsole::Gui
