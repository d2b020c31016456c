// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ApplicationsPage.h"

#include "core/OnResult.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"
#include "ui/Icons.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/models/ApplicationListModel.h"
#include "ui/pages/ApplicationPanel.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
QWidget *emptyState(const QString &text, QPushButton *action, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *label = new QLabel(text, widget);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(widget);
    layout->addStretch();
    layout->addWidget(label);
    if (action)
        layout->addWidget(action, 0, Qt::AlignCenter);
    layout->addStretch();
    return widget;
}
} // namespace

ApplicationsPage::ApplicationsPage(AsyncStore &store, ServerController &server, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_model(new ApplicationListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_listStack(new QStackedWidget(this))
    , m_detailStack(new QStackedWidget(this))
    , m_panel(new ApplicationPanel(store, server, this))
    , m_message(new InlineMessage(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_search->setObjectName(QStringLiteral("applicationSearchLineEdit"));
    m_search->setAccessibleName(tr("Find application"));
    m_search->setPlaceholderText(tr("Find application"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("applicationView"));
    m_view->setAccessibleName(tr("Applications"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(int(ApplicationListModel::Column::Name), Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ApplicationsPage::showSelected);

    auto *add = new QPushButton(icon(QStringLiteral("add")), tr("&Add Application…"), this);
    add->setObjectName(QStringLiteral("addApplicationButton"));
    connect(add, &QPushButton::clicked, this, &ApplicationsPage::addApplication);
    auto *addFromEmpty = new QPushButton(icon(QStringLiteral("add")), tr("Add Application…"), this);
    addFromEmpty->setObjectName(QStringLiteral("addFirstApplicationButton"));
    connect(addFromEmpty, &QPushButton::clicked, this, &ApplicationsPage::addApplication);

    m_listStack->addWidget(emptyState(tr("No applications yet. An application is what an identity provider such as "
                                         "Microsoft Entra ID or Okta connects to: add one to get its SCIM base URL "
                                         "and a bearer token."),
                                      addFromEmpty, m_listStack));
    m_listStack->addWidget(m_view);
    m_detailStack->addWidget(emptyState(tr("Select an application to see its sync scope, bearer tokens and SCIM "
                                           "endpoint."),
                                        nullptr, m_detailStack));
    m_detailStack->addWidget(m_panel);

    // The list across the top (an administrator has a handful of applications, and every column fits), the
    // selected application's page below it.
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(add);
    topLayout->addLayout(searchRow);
    topLayout->addWidget(m_listStack, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("applicationsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({190, 600});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_panel, &ApplicationPanel::deleted, this, [this] {
        m_detailStack->setCurrentIndex(0);
        refresh();
    });
    connect(m_panel, &ApplicationPanel::manageFieldsRequested, this, &ApplicationsPage::manageFieldsRequested);
    connect(&m_store, &AsyncStore::changed, this, &ApplicationsPage::refresh);
}

void ApplicationsPage::refresh()
{
    const auto loading = m_store.run([](Database &db) -> Result<QList<ApplicationRow>> {
        const auto apps = ApplicationStore(db).list();
        if (!apps)
            return apps.error();
        // "Today" in the administrator's time zone.
        const QDateTime midnight = QDateTime(QDate::currentDate(), QTime(0, 0)).toUTC();
        const auto today = SyncLogStore(db).callsSince(midnight);
        if (!today)
            return today.error();
        QList<ApplicationRow> rows;
        TokenStore tokens(db);
        for (const AppRegistration &app : apps.value()) {
            const auto appTokens = tokens.list(app.id);
            if (!appTokens)
                return appTokens.error();
            rows.append({app, appTokens.value(), today->value(app.id)});
        }
        return rows;
    });
    onResult(loading, this, [this](const Result<QList<ApplicationRow>> &rows) {
        if (!rows) {
            m_message->showMessage(rows.error().message);
            return;
        }
        m_message->hide();
        const QString current = m_pendingSelection.isEmpty() ? m_panel->appId() : m_pendingSelection;
        m_model->setRows(rows.value());
        m_listStack->setCurrentIndex(rows->isEmpty() ? 0 : 1);
        if (const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(current)); index.isValid()) {
            m_pendingSelection.clear();
            m_view->selectionModel()->setCurrentIndex(index,
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        } else if (!current.isEmpty() && m_pendingSelection.isEmpty()) {
            m_detailStack->setCurrentIndex(0);
        }
        emit refreshed();
    });
}

bool ApplicationsPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
    return true;
}

void ApplicationsPage::selectApplication(const QString &appId)
{
    m_pendingSelection = appId;
    refresh();
}

void ApplicationsPage::addApplication()
{
    NameDialog dialog(tr("Add Application"), tr("&Name:"), &AppRegistration::validateName, this);
    dialog.setChoices(tr("&Kind:"), {{tr("Standard protocol (SCIM)"), AppRegistration::kindName(AppKind::Standard)},
                                     {tr("Custom (self-developed)"), AppRegistration::kindName(AppKind::Custom)}});
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    const AppKind kind = AppRegistration::kindFromName(dialog.choice()).value();
    onResult(m_store.write([name, kind](Database &db) { return ApplicationStore(db).create(name, kind); }), this,
             [this](const Result<AppRegistration> &app) {
                 if (!app) {
                     m_message->showMessage(tr("%1 (rules A-01, A-02)").arg(app.error().message));
                     return;
                 }
                 selectApplication(app->id);
             });
}

void ApplicationsPage::showSelected()
{
    const QString id = m_model->appIdAt(m_proxy->mapToSource(m_view->currentIndex()));
    if (id.isEmpty()) {
        m_detailStack->setCurrentIndex(0);
        return;
    }
    m_detailStack->setCurrentIndex(1);
    if (id != m_panel->appId())
        m_panel->showApplication(id);
}

} // namespace ScimConsole::Gui
