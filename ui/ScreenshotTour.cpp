// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/ScreenshotTour.h"

#include "core/domain/BearerToken.h"
#include "ui/MainWindow.h"
#include "ui/MessageBox.h"
#include "ui/dialogs/ConnectProviderWizard.h"
#include "ui/dialogs/ExtensionFieldDialog.h"
#include "ui/dialogs/NameDialog.h"
#include "ui/dialogs/PayloadPreviewDialog.h"
#include "ui/dialogs/RotateTokenDialog.h"
#include "ui/dialogs/SyncScopeDialog.h"
#include "ui/dialogs/TokenDialog.h"
#include "ui/dialogs/TokenRevealDialog.h"
#include "ui/models/ApplicationListModel.h"
#include "ui/pages/ApplicationPanel.h"
#include "ui/pages/ApplicationsPage.h"
#include "ui/pages/DirectoryPage.h"
#include "ui/pages/RamPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QNetworkReply>
#include <QPointer>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QWindow>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
constexpr int SettleMs = 900;
}

ScreenshotTour::ScreenshotTour(MainWindow &window, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_folder(folder)
{}

void ScreenshotTour::start()
{
    QDir().mkpath(m_folder);
    const auto page = [this](MainWindow::PageId id, const QString &name) {
        m_steps.append([this, id] { m_window.showPage(id); });
        m_steps.append([this, name] { grab(&m_window, name); });
    };
    // The first application with its page open.
    m_steps.append([this] { m_window.showPage(MainWindow::PageId::Applications); });
    m_steps.append([this] {
        ApplicationsPage *apps = m_window.applicationsPage();
        if (apps->model()->rowCount() > 0)
            apps->selectApplication(apps->model()->appIdAt(apps->model()->index(0, 0)));
    });
    m_steps.append([this] { grab(&m_window, QStringLiteral("applications")); });
    m_steps.append([this] {
        m_window.applicationsPage()
            ->panel()
            ->findChild<QTabWidget *>(QStringLiteral("applicationTabs"))
            ->setCurrentIndex(1);
    });
    m_steps.append([this] { grab(&m_window, QStringLiteral("application-advanced")); });
    m_steps.append([this] {
        m_window.applicationsPage()
            ->panel()
            ->findChild<QTabWidget *>(QStringLiteral("applicationTabs"))
            ->setCurrentIndex(0);
    });
    page(MainWindow::PageId::Directory, QStringLiteral("directory"));
    m_steps.append([this] {
        auto *view = m_window.directoryPage()->findChild<QTableView *>(QStringLiteral("accountView"));
        view->selectRow(2);
    });
    m_steps.append([this] { grab(&m_window, QStringLiteral("directory-account")); });
    m_steps.append([this] {
        m_window.directoryPage()->findChild<QTabWidget *>(QStringLiteral("directoryTabs"))->setCurrentIndex(1);
        m_window.directoryPage()->findChild<QTableWidget *>(QStringLiteral("groupTable"))->setCurrentCell(1, 0);
    });
    m_steps.append([this] { grab(&m_window, QStringLiteral("directory-groups")); });
    m_steps.append([this] {
        m_window.directoryPage()->findChild<QTabWidget *>(QStringLiteral("directoryTabs"))->setCurrentIndex(0);
    });
    m_steps.append([this] { m_window.showPage(MainWindow::PageId::SyncLog); });
    m_steps.append([this] {
        auto *view = m_window.findChild<QTableView *>(QStringLiteral("syncLogView"));
        view->selectRow(view->model()->rowCount() - 3);
    });
    m_steps.append([this] { grab(&m_window, QStringLiteral("sync-log")); });
    m_steps.append([this] { m_window.findChild<QTabWidget *>(QStringLiteral("syncLogTabs"))->setCurrentIndex(1); });
    m_steps.append([this] { grab(&m_window, QStringLiteral("sync-log-rates")); });
    m_steps.append([this] { m_window.findChild<QTabWidget *>(QStringLiteral("syncLogTabs"))->setCurrentIndex(0); });

    // RAM: with a profile (scripts/screenshots.sh points one at a local test double), its connection test, the
    // preview and a push under way; without one, the empty page.
    m_steps.append([this] { m_window.showPage(MainWindow::PageId::Ram); });
    m_steps.append([this] { m_window.ramPage()->testConnection(); });
    m_steps.append([this] { grab(&m_window, QStringLiteral("ram")); });
    m_steps.append([this] { m_window.ramPage()->preview(); });
    m_steps.append([] {}); // the preview reads every RAM user first
    m_steps.append([this] { grab(&m_window, QStringLiteral("ram-preview")); });
    m_steps.append([this] {
        MessageBox::setNextAnswer(QMessageBox::Yes);
        m_window.ramPage()->push();
    });
    m_steps.append([] {});
    m_steps.append([this] { grab(&m_window, QStringLiteral("ram-push")); });
    m_steps.append([this] { m_window.ramPage()->cancelTask(); });
    page(MainWindow::PageId::Server, QStringLiteral("server"));

    // The main dialogs, each shown over the window.
    const auto dialog = [this](const QString &name, std::function<QDialog *()> make) {
        auto shown = std::make_shared<QDialog *>(nullptr);
        m_steps.append([shown, make] {
            *shown = make();
            (*shown)->show();
        });
        m_steps.append([this, shown, name] {
            grab(*shown, name);
            (*shown)->done(QDialog::Rejected); // done(), not close(): the token reveal refuses to close uncopied
            (*shown)->deleteLater();
        });
    };
    m_steps.append([this] { m_window.showPage(MainWindow::PageId::Applications); });
    dialog(QStringLiteral("dialog-add-application"), [this] {
        auto *d = new NameDialog(tr("Add Application"), tr("&Name:"), &AppRegistration::validateName, &m_window);
        d->setChoices(tr("&Kind:"), {{tr("Standard protocol (SCIM)"), QString()}});
        d->setName(QStringLiteral("Workday"));
        return d;
    });
    dialog(QStringLiteral("dialog-sync-scope"), [this] {
        const ApplicationDetails &details = m_window.applicationsPage()->panel()->details();
        return new SyncScopeDialog(*m_window.store(), details.tree, details.groups, details.scope,
                                   details.app.syncTargetOrgId, &m_window);
    });
    dialog(QStringLiteral("dialog-add-token"), [this] { return new TokenDialog(TokenKind::Bearer, &m_window); });
    dialog(QStringLiteral("dialog-token-reveal"), [this] {
        // A freshly generated secret that belongs to no token: only its picture is kept.
        return new TokenRevealDialog(BearerToken::generateSecret().secret, QDateTime::currentDateTimeUtc().addYears(1),
                                     TokenKind::Bearer, &m_window);
    });
    dialog(QStringLiteral("dialog-rotate-token"), [this] {
        return new RotateTokenDialog(*m_window.store(), m_window.applicationsPage()->panel()->appId(), &m_window);
    });
    dialog(QStringLiteral("dialog-extension-field"), [this] { return new ExtensionFieldDialog(&m_window); });
    // The mapping preview, with Entra ID's sample user run through the rules.
    auto preview = std::make_shared<PayloadPreviewDialog *>(nullptr);
    m_steps.append([this, preview] {
        const QString appId = m_window.applicationsPage()->panel()->appId();
        *preview = new PayloadPreviewDialog(
            *m_window.store(), appId, QStringLiteral("https://scim.example.com/scim/v2/apps/") + appId, &m_window);
        (*preview)->show();
        auto *sample = (*preview)->findChild<QComboBox *>(QStringLiteral("sampleComboBox"));
        sample->setCurrentIndex(1);
        emit sample->activated(1);
        (*preview)->preview();
    });
    m_steps.append([] {}); // the engine runs on the store's thread
    m_steps.append([this, preview] {
        grab(*preview, QStringLiteral("dialog-payload-preview"));
        (*preview)->deleteLater();
    });
    // Connecting an identity provider (issue 14), every step: Entra ID against this console's own server.
    auto wizard = std::make_shared<QPointer<ConnectProviderWizard>>();
    const auto wizardStep = [this, wizard](const QString &name, std::function<void(ConnectProviderWizard *)> act) {
        m_steps.append([this, wizard, name] {
            if (*wizard)
                grab(*wizard, name);
        });
        m_steps.append([wizard, act] {
            if (*wizard)
                act(*wizard);
        });
    };
    m_steps.append([this, wizard] {
        *wizard = m_window.applicationsPage()->panel()->connectProvider();
        (*wizard)->findChild<QLineEdit *>(QStringLiteral("entraExtensionLineEdit"))->setText(QStringLiteral("Contoso"));
        emit(*wizard)
            ->findChild<QLineEdit *>(QStringLiteral("entraExtensionLineEdit"))
            ->textEdited(QStringLiteral("Contoso"));
    });
    wizardStep(QStringLiteral("connect-1-provider"), [](ConnectProviderWizard *w) { w->next(); });
    wizardStep(QStringLiteral("connect-2-scope"), [](ConnectProviderWizard *w) {
        w->next();
        w->issueCredential(365);
    });
    wizardStep(QStringLiteral("connect-3-credentials"), [](ConnectProviderWizard *w) { w->next(); });
    wizardStep(QStringLiteral("connect-4-paste"), [](ConnectProviderWizard *w) { w->next(); });
    m_steps.append([] {}); // the self-test's requests
    wizardStep(QStringLiteral("connect-5-self-test"), [](ConnectProviderWizard *w) { w->next(); });
    wizardStep(QStringLiteral("connect-6-waiting"), [this](ConnectProviderWizard *w) {
        // The provider's first call, as Entra ID makes it.
        QNetworkRequest request(QUrl(w->baseUrl().toString()
                                     + QStringLiteral("/Users?filter=userName+eq+%22"
                                                      "ana%40example.com%22")));
        request.setRawHeader("Authorization", "Bearer " + w->secret().toUtf8());
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Azure AD SCIM Provisioning"));
        QNetworkReply *reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    });
    wizardStep(QStringLiteral("connect-6-first-call"), [](ConnectProviderWizard *w) { w->accept(); });

    m_steps.append([this] { m_window.showPage(MainWindow::PageId::Ram); });
    dialog(QStringLiteral("dialog-ram-profile"), [this] { return m_window.ramPage()->createProfileDialog(false); });
    // exit(), not quit(): quit() asks every window to close first, and the window may ask to keep serving.
    m_steps.append([] { QCoreApplication::exit(0); });
    QTimer::singleShot(SettleMs * 2, this, &ScreenshotTour::next);
}

void ScreenshotTour::next()
{
    if (m_steps.isEmpty())
        return;
    m_steps.takeFirst()();
    QTimer::singleShot(SettleMs, this, &ScreenshotTour::next);
}

void ScreenshotTour::grab(QWidget *widget, const QString &name)
{
    // The screen's pixels, window frame excluded: what the administrator sees, fonts and all.
    const QPixmap picture = widget->grab();
    picture.save(QDir(m_folder).filePath(name + QStringLiteral(".png")));
}

} // namespace ScimConsole::Gui
