// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/RamPage.h"

#include "core/OnResult.h"
#include "core/log/Csv.h"
#include "core/ram/RamImport.h"
#include "core/secrets/SecretSource.h"
#include "core/secrets/SecretStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/GroupStore.h"
#include "core/store/OrganizationStore.h"
#include "core/store/RamProfileStore.h"
#include "ui/Icons.h"
#include "ui/MessageBox.h"
#include "ui/StoreAction.h"
#include "ui/models/RamModels.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/ConnectionStepsView.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {

/// Everything the page lists, read in one job.
struct RamPageData
{
    QList<RamProfile> profiles;
    RamProfileChoices choices;
};

Result<RamPageData> loadPageData(Database &db)
{
    RamPageData data;
    Result<QList<RamProfile>> profiles = RamProfileStore(db).list();
    if (!profiles)
        return profiles.error();
    data.profiles = std::move(profiles).value();
    Result<QList<AppRegistration>> apps = ApplicationStore(db).list();
    if (!apps)
        return apps.error();
    data.choices.applications = std::move(apps).value();
    Result<OrganizationTree> tree = OrganizationStore(db).tree();
    if (!tree)
        return tree.error();
    data.choices.tree = std::move(tree).value();
    Result<QList<Group>> groups = GroupStore(db).list(0, 100000, false);
    if (!groups)
        return groups.error();
    data.choices.groups = std::move(groups).value();
    for (const RamProfile &profile : std::as_const(data.profiles))
        data.choices.profileNames << profile.name;
    return data;
}

/// The organizations of `tree`, depth first, as (path, id).
void addOrganizations(QComboBox *combo, const OrganizationTree &tree, const QString &id)
{
    if (!tree.contains(id))
        return;
    combo->addItem(tree.path(id), id);
    for (const Organization &child : tree.children(id))
        addOrganizations(combo, tree, child.id);
}

QTableView *makeTable(QAbstractItemModel *model, const QString &objectName, const QString &accessibleName,
                      QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSortingEnabled(true);
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the plan's own order until a click
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultSectionSize(170);
    return view;
}

} // namespace

RamPage::RamPage(AsyncStore &store, SyncLog &log, SecretStore &secrets, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_log(log)
    , m_secrets(secrets)
    , m_profileList(new QListWidget(this))
    , m_add(new QPushButton(icon(QStringLiteral("add")), tr("&Add…"), this))
    , m_edit(new QPushButton(icon(QStringLiteral("edit")), tr("&Edit…"), this))
    , m_delete(new QPushButton(icon(QStringLiteral("remove")), tr("De&lete"), this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_test(new QPushButton(icon(QStringLiteral("refresh")), tr("&Test Connection"), this))
    , m_preview(new QPushButton(icon(QStringLiteral("find")), tr("Pre&view"), this))
    , m_push(new QPushButton(icon(QStringLiteral("start")), tr("P&ush…"), this))
    , m_pull(new QPushButton(icon(QStringLiteral("directory")), tr("P&ull"), this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_cancel(new QPushButton(icon(QStringLiteral("stop")), tr("&Cancel"), this))
    , m_message(new InlineMessage(this))
    , m_tabs(new QTabWidget(this))
    , m_steps(new ConnectionStepsView(this))
    , m_planModel(new PushPlanModel(this))
    , m_planFilter(new KindFilterModel(this))
    , m_planKind(new QComboBox(this))
    , m_planSearch(new QLineEdit(this))
    , m_planCounts(new QLabel(this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
    , m_planView(makeTable(m_planFilter, QStringLiteral("planView"), tr("Push plan"), this))
    , m_pushSummary(new QLabel(this))
    , m_failures(new QTableWidget(0, 3, this))
    , m_pullModel(new PullReportModel(this))
    , m_pullFilter(new KindFilterModel(this))
    , m_pullKind(new QComboBox(this))
    , m_pullSearch(new QLineEdit(this))
    , m_pullView(makeTable(m_pullFilter, QStringLiteral("pullView"), tr("RAM users and directory accounts"), this))
    , m_importOrg(new QComboBox(this))
    , m_import(new QPushButton(icon(QStringLiteral("add")), tr("&Import"), this))
    , m_stack(new QStackedWidget(this))
    , m_details(new QWidget(this))
    , m_empty(new QLabel(this))
{
    // The profiles.
    m_profileList->setObjectName(QStringLiteral("profileList"));
    m_profileList->setAccessibleName(tr("RAM profiles"));
    m_add->setObjectName(QStringLiteral("addProfileButton"));
    m_add->setAccessibleName(tr("Add a RAM profile"));
    m_edit->setObjectName(QStringLiteral("editProfileButton"));
    m_edit->setAccessibleName(tr("Edit the RAM profile"));
    m_delete->setObjectName(QStringLiteral("deleteProfileButton"));
    m_delete->setAccessibleName(tr("Delete the RAM profile"));
    connect(m_profileList, &QListWidget::currentRowChanged, this, &RamPage::showProfile);
    connect(m_profileList, &QListWidget::itemActivated, this, &RamPage::editProfile);
    connect(m_add, &QPushButton::clicked, this, &RamPage::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &RamPage::editProfile);
    connect(m_delete, &QPushButton::clicked, this, &RamPage::deleteProfile);
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(new QLabel(tr("<b>Profiles</b>"), this));
    listLayout->addWidget(m_profileList, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_edit);
    listButtons->addWidget(m_delete);
    listLayout->addLayout(listButtons);

    // The chosen profile and what can be done with it.
    m_title->setObjectName(QStringLiteral("profileTitle"));
    m_summary->setObjectName(QStringLiteral("profileSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setToolTip(tr("Get a token and read what the SCIM endpoint supports (R-04)"));
    m_preview->setObjectName(QStringLiteral("previewButton"));
    m_preview->setToolTip(tr("Read RAM and show what a push would change, without changing anything"));
    m_push->setObjectName(QStringLiteral("pushButton"));
    m_push->setToolTip(tr("Create, update and delete RAM users so that RAM matches the directory"));
    m_pull->setObjectName(QStringLiteral("pullButton"));
    m_pull->setToolTip(tr("Read every RAM user and compare with the directory"));
    connect(m_test, &QPushButton::clicked, this, &RamPage::testConnection);
    connect(m_preview, &QPushButton::clicked, this, &RamPage::preview);
    connect(m_push, &QPushButton::clicked, this, &RamPage::push);
    connect(m_pull, &QPushButton::clicked, this, &RamPage::pull);
    m_progress->setObjectName(QStringLiteral("ramProgressBar"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progressLabel->setObjectName(QStringLiteral("ramProgressLabel"));
    m_cancel->setObjectName(QStringLiteral("cancelTaskButton"));
    m_cancel->setAccessibleName(tr("Cancel the running operation"));
    connect(m_cancel, &QPushButton::clicked, this, &RamPage::cancelTask);
    auto *actions = new QHBoxLayout;
    for (QPushButton *button : {m_test, m_preview, m_push, m_pull})
        actions->addWidget(button);
    actions->addStretch();
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progress, 2);
    progress->addWidget(m_progressLabel, 3);
    progress->addWidget(m_cancel);

    // Test connection: one row per step.
    m_steps->setObjectName(QStringLiteral("connectionSteps"));

    // Preview: the plan, filtered by action and text, exportable.
    m_planFilter->setSourceModel(m_planModel);
    m_planKind->setObjectName(QStringLiteral("planActionComboBox"));
    m_planKind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_planKind->setAccessibleName(tr("Show actions"));
    m_planSearch->setObjectName(QStringLiteral("planSearchLineEdit"));
    m_planSearch->setAccessibleName(tr("Find in the plan"));
    m_planSearch->setPlaceholderText(tr("Find a user"));
    m_planSearch->setClearButtonEnabled(true);
    m_planCounts->setObjectName(QStringLiteral("planCountsLabel"));
    m_export->setObjectName(QStringLiteral("exportPlanButton"));
    m_export->setAccessibleName(tr("Export the plan as CSV"));
    connect(m_planKind, &QComboBox::currentIndexChanged, this, [this] { applyKind(m_planKind, m_planFilter); });
    connect(m_planSearch, &QLineEdit::textChanged, m_planFilter, &KindFilterModel::setText);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the Push Plan"), tr("push-plan.csv"),
                                                          tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (const Status written = exportPlan(path); !written)
            m_message->showMessage(written.error().message);
        else
            m_message->showMessage(
                tr("Exported %n row(s) to %1.", nullptr, m_planFilter->rowCount()).arg(QDir::toNativeSeparators(path)),
                InlineMessage::Kind::Information);
    });
    auto *planPage = new QWidget(this);
    auto *planLayout = new QVBoxLayout(planPage);
    auto *planFilters = new QHBoxLayout;
    planFilters->addWidget(m_planKind);
    planFilters->addWidget(m_planSearch, 1);
    planFilters->addWidget(m_export);
    planLayout->addWidget(m_planCounts);
    planLayout->addLayout(planFilters);
    planLayout->addWidget(m_planView, 1);

    // Push: the summary and every failure.
    m_pushSummary->setObjectName(QStringLiteral("pushSummaryLabel"));
    m_pushSummary->setWordWrap(true);
    m_pushSummary->setText(tr("Push sends the preview's creates, updates and deletes to RAM. The plan is made anew "
                              "when the push starts."));
    m_failures->setObjectName(QStringLiteral("pushFailures"));
    m_failures->setAccessibleName(tr("Push failures"));
    m_failures->setHorizontalHeaderLabels({tr("User"), tr("Action"), tr("Reason")});
    m_failures->horizontalHeader()->setStretchLastSection(true);
    m_failures->horizontalHeader()->resizeSection(0, 200);
    m_failures->verticalHeader()->hide();
    m_failures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *pushPage = new QWidget(this);
    auto *pushLayout = new QVBoxLayout(pushPage);
    pushLayout->addWidget(m_pushSummary);
    pushLayout->addWidget(m_failures, 1);

    // Pull: what is where, and Import of RAM-only users.
    m_pullFilter->setSourceModel(m_pullModel);
    m_pullView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_pullKind->setObjectName(QStringLiteral("pullStateComboBox"));
    m_pullKind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pullKind->setAccessibleName(tr("Show users"));
    m_pullSearch->setObjectName(QStringLiteral("pullSearchLineEdit"));
    m_pullSearch->setAccessibleName(tr("Find in the pull"));
    m_pullSearch->setPlaceholderText(tr("Find a user"));
    m_pullSearch->setClearButtonEnabled(true);
    m_importOrg->setObjectName(QStringLiteral("importOrganizationComboBox"));
    m_importOrg->setAccessibleName(tr("Organization to import into"));
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setAccessibleName(tr("Import the selected RAM-only users"));
    m_import->setToolTip(tr("Make a directory account of each selected user that is only in RAM, linked to it"));
    connect(m_pullKind, &QComboBox::currentIndexChanged, this, [this] { applyKind(m_pullKind, m_pullFilter); });
    connect(m_pullSearch, &QLineEdit::textChanged, m_pullFilter, &KindFilterModel::setText);
    connect(m_pullView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RamPage::updateActions);
    connect(m_import, &QPushButton::clicked, this, &RamPage::importSelected);
    auto *pullPage = new QWidget(this);
    auto *pullLayout = new QVBoxLayout(pullPage);
    auto *pullFilters = new QHBoxLayout;
    pullFilters->addWidget(m_pullKind);
    pullFilters->addWidget(m_pullSearch, 1);
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(buddyLabel(tr("Import the selected RAM-only users &into:"), m_importOrg, this));
    importRow->addWidget(m_importOrg, 1);
    importRow->addWidget(m_import);
    pullLayout->addLayout(pullFilters);
    pullLayout->addWidget(m_pullView, 1);
    pullLayout->addLayout(importRow);

    m_tabs->setObjectName(QStringLiteral("ramTabs"));
    m_tabs->addTab(m_steps, tr("Connection"));
    m_tabs->addTab(planPage, tr("Preview"));
    m_tabs->addTab(pushPage, tr("Push"));
    m_tabs->addTab(pullPage, tr("Pull"));

    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addLayout(actions);
    detailsLayout->addLayout(progress);
    detailsLayout->addWidget(m_message);
    detailsLayout->addWidget(m_tabs, 1);

    m_empty->setObjectName(QStringLiteral("noProfileLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("<h3>Alibaba Cloud RAM</h3><p>Add a profile with the client ID and app secret of an OAuth "
                        "server application (scope <code>/acs/scim</code>), and choose which accounts it pushes.</p>"
                        "<p>Then test the connection, preview what a push would change, and push or pull.</p>"));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_details);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(listPane);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 900});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    fillCountFilter(m_planKind, m_planFilter, {}, 0);
    fillCountFilter(m_pullKind, m_pullFilter, {}, 0);
    m_progress->hide();
    m_progressLabel->hide();
    m_cancel->hide();
    updateActions();
    connect(&m_store, &AsyncStore::changed, this, &RamPage::refresh);
    refresh();
}

RamPage::~RamPage() = default;

void RamPage::refresh()
{
    onResult(m_store.run(loadPageData), this, [this](const Result<RamPageData> &data) {
        if (!data)
            return m_message->showMessage(data.error().message);
        const QString chosen = currentProfile() ? currentProfile()->id : QString();
        m_profiles = data->profiles;
        m_choices = data->choices;
        m_loaded = true;
        {
            const QSignalBlocker blocker(m_profileList);
            m_profileList->clear();
            for (const RamProfile &profile : std::as_const(m_profiles)) {
                auto *item = new QListWidgetItem(icon(QStringLiteral("ram")), profile.name, m_profileList);
                item->setData(Qt::UserRole, profile.id);
                item->setToolTip(profile.scimUrl);
                if (profile.id == chosen)
                    m_profileList->setCurrentItem(item);
            }
            if (!m_profileList->currentItem() && m_profileList->count() > 0)
                m_profileList->setCurrentRow(0);
        }
        const QString org = m_importOrg->currentData().toString();
        m_importOrg->clear();
        addOrganizations(m_importOrg, m_choices.tree, m_choices.tree.rootId());
        m_importOrg->setCurrentIndex(std::max(0, m_importOrg->findData(org)));
        showProfile(); // the list's signals were blocked while it was filled
        emit profilesLoaded();
    });
}

bool RamPage::focusSearch()
{
    QLineEdit *search = m_tabs->currentIndex() == 3 ? m_pullSearch : m_planSearch;
    if (!search->isVisible())
        return false;
    search->setFocus(Qt::ShortcutFocusReason);
    search->selectAll();
    return true;
}

bool RamPage::isBusy() const
{
    return m_task && m_task->isRunning() && m_task->outcome().kind != RamTask::Kind::TestConnection;
}

void RamPage::cancelTask()
{
    if (!m_task || !m_task->isRunning())
        return;
    m_task->cancel();
    m_cancel->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling: the requests in flight finish first…"));
}

QString RamPage::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

std::optional<RamProfile> RamPage::currentProfile() const
{
    const QListWidgetItem *item = m_profileList->currentItem();
    if (!item)
        return std::nullopt;
    const QString id = item->data(Qt::UserRole).toString();
    for (const RamProfile &profile : m_profiles) {
        if (profile.id == id)
            return profile;
    }
    return std::nullopt;
}

void RamPage::selectProfile(const QString &name)
{
    const QList<QListWidgetItem *> found = m_profileList->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_profileList->setCurrentItem(found.first());
}

void RamPage::addProfile()
{
    if (m_loaded)
        openProfileDialog(RamProfile());
}

void RamPage::editProfile()
{
    if (const auto profile = currentProfile())
        openProfileDialog(*profile);
}

RamProfileDialog *RamPage::createProfileDialog(bool forNew) const
{
    const auto current = currentProfile();
    return new RamProfileDialog(m_store, m_choices, forNew || !current ? RamProfile() : *current,
                                const_cast<RamPage *>(this));
}

void RamPage::openProfileDialog(const RamProfile &profile)
{
    RamProfileDialog dialog(m_store, m_choices, profile, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    saveProfile(dialog.profile(), dialog.secret());
}

void RamPage::saveProfile(const RamProfile &profile, const QString &secret)
{
    const bool isNew = profile.id.isEmpty();
    onResult(m_store.write([profile](Database &db) { return RamProfileStore(db).save(profile); }), this,
             [this, isNew, secret](const Result<RamProfile> &saved) {
                 if (!saved)
                     return m_message->showMessage(saved.error().message);
                 const RamProfile profile = saved.value();
                 const auto done = [this, profile] {
                     m_message->hide();
                     refresh();
                     selectProfile(profile.name);
                 };
                 if (secret.isEmpty())
                     return done();
                 // the secret goes to the keychain only; a new profile without its secret is not kept.
                 onResult(m_secrets.write(profile.secretKey(), secret), this,
                          [this, profile, isNew, done](const Status &kept) {
                              if (kept)
                                  return done();
                              m_message->showMessage(
                                  tr("The profile was not saved: the app secret could not be written to the "
                                     "OS keychain. %1")
                                      .arg(kept.error().message));
                              if (isNew) {
                                  const QString id = profile.id;
                                  m_store.write([id](Database &db) { return RamProfileStore(db).remove(id); });
                              }
                          });
             });
}

void RamPage::deleteProfile()
{
    const auto profile = currentProfile();
    if (!profile)
        return;
    const auto answer = MessageBox::question(
        this, tr("Delete RAM Profile?"),
        tr("Delete the profile “%1” and its app secret? RAM users stay as they are in RAM; the links to them are "
           "forgotten.")
            .arg(profile->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Delete"));
    if (answer != QMessageBox::Yes)
        return;
    const RamProfile deleted = *profile;
    const auto removeProfile = [this, deleted] {
        applyChange(
            m_store, this, m_message, [id = deleted.id](Database &db) { return RamProfileStore(db).remove(id); },
            [this] { refresh(); });
    };
    if (deleted.secretSource != u"keychain")
        return removeProfile();
    onResult(m_secrets.remove(deleted.secretKey()), this, [this, removeProfile](const Status &removed) {
        if (!removed && removed.error().code != ErrorCode::NotFound)
            return m_message->showMessage(
                tr("The app secret could not be removed from the OS keychain, so the profile stays. %1")
                    .arg(removed.error().message));
        removeProfile();
    });
}

void RamPage::testConnection()
{
    runTask(RamTask::Kind::TestConnection);
}

void RamPage::preview()
{
    runTask(RamTask::Kind::Preview);
}

void RamPage::pull()
{
    runTask(RamTask::Kind::Pull);
}

void RamPage::push()
{
    const auto profile = currentProfile();
    if (!profile)
        return;
    QString plan;
    if (m_planProfileId == profile->id && !m_planModel->plan().items.isEmpty()) {
        const PushPlan &p = m_planModel->plan();
        plan = tr("The last preview: %1 to create, %2 to update, %3 to delete.")
                   .arg(p.count(PlanAction::Create))
                   .arg(p.count(PlanAction::Update))
                   .arg(p.count(PlanAction::Delete))
               + u' ';
    }
    const auto answer = MessageBox::question(
        this, tr("Push to RAM?"),
        tr("Push the accounts of “%1” to Alibaba Cloud RAM at %2? RAM users are created, updated and deleted so "
           "that RAM matches the directory. %3The plan is made anew when the push starts.")
            .arg(profile->name, profile->scimUrl, plan),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Push"));
    if (answer == QMessageBox::Yes)
        runTask(RamTask::Kind::Push);
}

void RamPage::runTask(RamTask::Kind kind)
{
    const auto profile = currentProfile();
    if (!profile || m_readingSecret || (m_task && m_task->isRunning()))
        return;
    m_message->hide();
    m_tabs->setCurrentIndex(kind == RamTask::Kind::TestConnection ? 0
                            : kind == RamTask::Kind::Preview      ? 1
                            : kind == RamTask::Kind::Push         ? 2
                                                                  : 3);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_progressLabel->setText(tr("Reading the app secret…"));
    m_progressLabel->show();
    m_cancel->setVisible(kind != RamTask::Kind::TestConnection);
    m_cancel->setEnabled(true);
    m_readingSecret = true; // busy while the keychain answers
    m_task.reset();
    updateActions();

    const RamProfile chosen = *profile;
    onResult(
        SecretSource::read(chosen.secretSource, chosen.secretKey(), m_secrets), this,
        [this, chosen, kind](const Result<QString> &secret) {
            m_readingSecret = false;
            if (!secret) {
                m_progress->hide();
                m_progressLabel->hide();
                m_cancel->hide();
                m_message->showMessage(
                    secret.error().code == ErrorCode::NotFound
                        ? tr("No app secret for “%1” is in the OS keychain: edit the profile and Replace the secret.")
                              .arg(chosen.name)
                        : tr("The app secret could not be read: %1").arg(secret.error().message));
                updateActions();
                emit taskFinished();
                return;
            }
            m_task = std::make_unique<RamTask>(m_store.location(), chosen, secret.value(), &m_log);
            connect(m_task.get(), &RamTask::progress, this, &RamPage::taskProgress);
            connect(m_task.get(), &RamTask::finished, this, &RamPage::finishTask);
            m_progressLabel->setText(kind == RamTask::Kind::TestConnection ? tr("Testing the connection…")
                                                                           : tr("Reading RAM users…"));
            m_task->start(kind);
            updateActions();
        });
}

void RamPage::taskProgress(const QString &stage, int done, int total, double rate, int eta)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    if (stage == u"pull") {
        m_progressLabel->setText(tr("Reading RAM users: %1 of %2").arg(done).arg(total));
        return;
    }
    const QString left = eta >= 60 ? tr("%1 min %2 s left").arg(eta / 60).arg(eta % 60) : tr("%1 s left").arg(eta);
    m_progressLabel->setText(
        tr("Pushing: %1 of %2 · %3/s · %4").arg(done).arg(total).arg(rate, 0, 'f', rate < 10 ? 1 : 0).arg(left));
}

void RamPage::finishTask()
{
    const RamTask::Outcome outcome = m_task->outcome();
    const RamProfile profile = m_task->profile();
    m_progress->hide();
    m_progressLabel->hide();
    m_cancel->hide();
    if (outcome.error)
        m_message->showMessage(outcome.error->message);
    switch (outcome.kind) {
    case RamTask::Kind::TestConnection:
        showConnection(outcome.steps);
        break;
    case RamTask::Kind::Preview:
        if (!outcome.error) {
            m_planProfileId = profile.id;
            showPlan(outcome.plan);
        }
        break;
    case RamTask::Kind::Push:
        if (!outcome.error || !outcome.plan.items.isEmpty()) {
            m_planProfileId = profile.id;
            showPlan(outcome.plan);
            showSummary(outcome.summary, outcome.plan);
        }
        if (!outcome.error) {
            const PushSummary &s = outcome.summary;
            emit notify(tr("Push to RAM finished"),
                        s.cancelled ? tr("“%1”: cancelled after %2 changes.").arg(profile.name).arg(s.done())
                                    : tr("“%1”: %2 created, %3 updated, %4 deleted, %5 failed.")
                                          .arg(profile.name)
                                          .arg(s.created)
                                          .arg(s.updated)
                                          .arg(s.deleted)
                                          .arg(s.failures.size()));
        } else {
            emit notify(tr("Push to RAM failed"), outcome.error->message);
        }
        break;
    case RamTask::Kind::Pull:
        if (!outcome.error)
            showPull(outcome.report);
        break;
    }
    updateActions();
    emit taskFinished();
}

void RamPage::showProfile()
{
    const auto profile = currentProfile();
    m_stack->setCurrentWidget(profile ? m_details : static_cast<QWidget *>(m_empty));
    updateActions();
    if (!profile)
        return;
    m_title->setText(QStringLiteral("<h2>%1</h2>").arg(profile->name.toHtmlEscaped()));
    QString source;
    if (!profile->sourceAppId.isEmpty()) {
        const auto app = std::find_if(m_choices.applications.cbegin(), m_choices.applications.cend(),
                                      [&profile](const AppRegistration &a) { return a.id == profile->sourceAppId; });
        source = tr("the sync scope of %1")
                     .arg(app != m_choices.applications.cend() ? app->name : profile->sourceAppId)
                     .toHtmlEscaped();
    } else {
        //: "3 organizations and 1 group"
        source = tr("%1 and %2")
                     .arg(tr("%n organization(s)", nullptr, int(profile->sourceOrganizationIds.size())),
                          tr("%n group(s)", nullptr, int(profile->sourceGroupIds.size())));
    }
    const QString secret = profile->secretSource == u"keychain"
                               ? tr("in the OS keychain")
                               : tr("read from %1").arg(profile->secretSource.toHtmlEscaped());
    m_summary->setText(
        tr("<b>SCIM:</b> %1 &nbsp; <b>Client ID:</b> %2 &nbsp; <b>App secret:</b> %3<br><b>Pushes:</b> %4 · "
           "<b>RAM user names:</b> %5 · <b>Disabled accounts:</b> %6 · %n request(s) at once",
           nullptr, profile->concurrency)
            .arg(profile->scimUrl.toHtmlEscaped(), profile->clientId.toHtmlEscaped(), secret, source,
                 profile->userNameRule == u"local-part" ? tr("part before “@”") : tr("as in the directory"),
                 profile->disabledAction == DisabledAction::Delete ? tr("deleted in RAM") : tr("left in RAM")));
    if (m_planProfileId != profile->id) {
        m_planModel->setPlan({});
        fillCountFilter(m_planKind, m_planFilter, {}, 0);
        m_planCounts->clear();
        m_pullModel->setReport({});
        fillCountFilter(m_pullKind, m_pullFilter, {}, 0);
        m_steps->clear();
    }
}

void RamPage::showConnection(const QList<ConnectionStep> &steps)
{
    m_steps->showSteps(steps);
}

void RamPage::applyKind(QComboBox *combo, KindFilterModel *filter)
{
    const QVariant kind = combo->currentData();
    filter->setKind(kind.isValid() ? std::optional<int>(kind.toInt()) : std::nullopt);
}

void RamPage::fillCountFilter(QComboBox *combo, KindFilterModel *filter, const QList<std::pair<QString, int>> &kinds,
                              int total)
{
    const QVariant chosen = combo->currentData();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("All (%1)").arg(total));
    for (const auto &[text, kind] : kinds)
        combo->addItem(text, kind);
    combo->setCurrentIndex(std::max(0, combo->findData(chosen)));
    applyKind(combo, filter);
}

void RamPage::showPlan(const PushPlan &plan)
{
    m_planModel->setPlan(plan);
    QList<std::pair<QString, int>> kinds;
    for (const PlanAction action :
         {PlanAction::Create, PlanAction::Update, PlanAction::Delete, PlanAction::Unchanged, PlanAction::Conflict})
        kinds.append({tr("%1 (%2)").arg(PushPlanModel::actionText(action)).arg(plan.count(action)), int(action)});
    fillCountFilter(m_planKind, m_planFilter, kinds, int(plan.items.size()));
    m_planCounts->setText(tr("<b>%1</b> to create · <b>%2</b> to update · <b>%3</b> to delete · %4 unchanged · "
                             "<b>%5</b> conflicts (never sent)")
                              .arg(plan.count(PlanAction::Create))
                              .arg(plan.count(PlanAction::Update))
                              .arg(plan.count(PlanAction::Delete))
                              .arg(plan.count(PlanAction::Unchanged))
                              .arg(plan.count(PlanAction::Conflict)));
    m_planView->resizeColumnToContents(int(PushPlanModel::Column::Action));
}

void RamPage::showSummary(const PushSummary &summary, const PushPlan &plan)
{
    const int conflicts = plan.count(PlanAction::Conflict);
    QString text = summary.cancelled
                       ? tr("<b>Cancelled</b> after %1 s: %2 created, %3 updated, %4 deleted; %5 not sent.")
                             .arg(summary.elapsedMs / 1000.0, 0, 'f', 1)
                             .arg(summary.created)
                             .arg(summary.updated)
                             .arg(summary.deleted)
                             .arg(summary.notSent)
                       : tr("<b>Done</b> in %1 s: %2 created, %3 updated, %4 deleted.")
                             .arg(summary.elapsedMs / 1000.0, 0, 'f', 1)
                             .arg(summary.created)
                             .arg(summary.updated)
                             .arg(summary.deleted);
    text += u' ' + tr("%n failed", nullptr, int(summary.failures.size()));
    if (conflicts > 0)
        text += u' ' + tr("and %n conflict(s) were not sent (see the Preview tab)", nullptr, conflicts);
    text += u'.';
    if (summary.retries > 0)
        text += u' '
                + tr("RAM asked to slow down or failed briefly %n time(s); those requests were retried.", nullptr,
                     summary.retries);
    m_pushSummary->setText(text);
    m_failures->setRowCount(int(summary.failures.size()));
    for (int row = 0; row < summary.failures.size(); ++row) {
        const PushSummary::Failure &failure = summary.failures.at(row);
        m_failures->setItem(row, 0, new QTableWidgetItem(failure.userName));
        m_failures->setItem(row, 1, new QTableWidgetItem(PushPlanModel::actionText(failure.action)));
        auto *reason = new QTableWidgetItem(failure.error);
        reason->setToolTip(failure.error);
        m_failures->setItem(row, 2, reason);
    }
}

void RamPage::showPull(const PullReport &report)
{
    m_pullModel->setReport(report);
    QList<std::pair<QString, int>> kinds;
    for (const auto kind :
         {PullReportModel::Kind::Linked, PullReportModel::Kind::RamOnly, PullReportModel::Kind::DirectoryOnly})
        kinds.append({tr("%1 (%2)").arg(PullReportModel::kindText(kind)).arg(m_pullModel->count(kind)), int(kind)});
    fillCountFilter(m_pullKind, m_pullFilter, kinds, m_pullModel->rowCount());
    updateActions();
}

void RamPage::updateActions()
{
    const bool chosen = currentProfile().has_value();
    const bool running = m_readingSecret || (m_task && m_task->isRunning());
    for (QPushButton *button : {m_test, m_preview, m_push, m_pull})
        button->setEnabled(chosen && !running);
    m_edit->setEnabled(chosen && !running);
    m_delete->setEnabled(chosen && !running);
    m_add->setEnabled(m_loaded && !running); // the dialog offers what the first load read
    m_export->setEnabled(m_planModel->rowCount() > 0);
    bool ramOnlySelected = false;
    for (const QModelIndex &index : m_pullView->selectionModel()->selectedRows()) {
        ramOnlySelected =
            ramOnlySelected
            || m_pullModel->kindAt(m_pullFilter->mapToSource(index).row()) == PullReportModel::Kind::RamOnly;
    }
    m_import->setEnabled(ramOnlySelected && !running && m_importOrg->count() > 0);
}

void RamPage::importSelected()
{
    const auto profile = currentProfile();
    if (!profile)
        return;
    QList<RamUser> users;
    for (const QModelIndex &index : m_pullView->selectionModel()->selectedRows()) {
        const int row = m_pullFilter->mapToSource(index).row();
        if (m_pullModel->kindAt(row) == PullReportModel::Kind::RamOnly)
            users.append(m_pullModel->ramUserAt(row));
    }
    const QString orgId = m_importOrg->currentData().toString();
    const QString orgPath = m_importOrg->currentText();
    if (users.isEmpty() || orgId.isEmpty())
        return;
    const auto importing = m_store.write([profileId = profile->id, users, orgId](Database &db) {
        return RamImport::import(db, profileId, users, orgId);
    });
    onResult(importing, this, [this, orgPath](const Result<QList<Account>> &imported) {
        if (!imported)
            return m_message->showMessage(imported.error().message);
        pull(); // shows them as linked
        m_message->showMessage(tr("Imported %n account(s) into %1, linked to their RAM users: the next push "
                                  "adopts them.",
                                  nullptr, int(imported->size()))
                                   .arg(orgPath),
                               InlineMessage::Kind::Information);
    });
}

Status RamPage::exportPlan(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::InvalidInput, tr("Cannot write %1: %2").arg(path, file.errorString()));
    const QAbstractItemModel *model = m_planFilter;
    QStringList fields;
    for (int column = 0; column < model->columnCount(); ++column)
        fields << model->headerData(column, Qt::Horizontal).toString();
    file.write(Csv::line(fields));
    for (int row = 0; row < model->rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < model->columnCount(); ++column)
            fields << model->index(row, column).data().toString();
        file.write(Csv::line(fields));
    }
    if (!file.commit())
        return makeError(ErrorCode::InvalidInput, tr("Cannot write %1: %2").arg(path, file.errorString()));
    return ok();
}

} // namespace ScimConsole::Gui
