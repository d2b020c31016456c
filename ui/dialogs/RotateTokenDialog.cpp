// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/RotateTokenDialog.h"

#include "core/OnResult.h"
#include "core/domain/TokenPolicy.h"
#include "core/store/AsyncStore.h"
#include "core/store/Database.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"
#include "ui/widgets/CopyField.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/InlineMessage.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

namespace {
QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}
} // namespace

RotateTokenDialog::RotateTokenDialog(AsyncStore &store, const QString &appId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_appId(appId)
    , m_steps(new QStackedWidget(this))
    , m_message(new InlineMessage(this))
{
    setWindowTitle(tr("Rotate Bearer Token"));

    // 1. What will happen, and the new token's validity.
    auto *explain = new QWidget(m_steps);
    m_explanation = wrapped(QString(), explain);
    m_explanation->setObjectName(QStringLiteral("rotationExplanation"));
    m_days = new QSpinBox(explain);
    m_days->setObjectName(QStringLiteral("rotationDaysSpinBox"));
    m_days->setAccessibleName(tr("Validity of the new token in days"));
    m_days->setRange(TokenPolicy::MinValidityDays, 3 * 366);
    m_days->setValue(365);
    m_days->setSuffix(tr(" days"));
    m_create = new QPushButton(tr("&Create New Token"), explain);
    m_create->setObjectName(QStringLiteral("createNewTokenButton"));
    connect(m_create, &QPushButton::clicked, this, &RotateTokenDialog::createToken);
    auto *explainForm = new QFormLayout;
    explainForm->addRow(buddyLabel(tr("New token &valid for:"), m_days, explain), m_days);
    auto *explainLayout = new QVBoxLayout(explain);
    explainLayout->addWidget(m_explanation);
    explainLayout->addLayout(explainForm);
    explainLayout->addWidget(m_create, 0, Qt::AlignLeft);
    explainLayout->addStretch();

    // 2. The one-time reveal.
    auto *reveal = new QWidget(m_steps);
    m_secret = new CopyField(tr("New bearer token"), reveal);
    m_secret->setObjectName(QStringLiteral("newTokenField"));
    auto *revealLayout = new QVBoxLayout(reveal);
    revealLayout->addWidget(wrapped(tr("<b>Copy the new token now. It will not be shown again (T-07).</b> Replace "
                                       "the old token with it in the identity provider's provisioning settings."),
                                    reveal));
    revealLayout->addWidget(m_secret);
    revealLayout->addStretch();

    // 3. Waiting for the client's first call with the new token.
    auto *wait = new QWidget(m_steps);
    m_waitStatus = wrapped(QString(), wait);
    m_waitStatus->setObjectName(QStringLiteral("waitStatusLabel"));
    auto *waitLayout = new QVBoxLayout(wait);
    waitLayout->addWidget(wrapped(tr("Run a provisioning cycle or “Test Connection” in the identity provider. The old "
                                     "token keeps working until you retire it."),
                                  wait));
    waitLayout->addWidget(m_waitStatus);
    waitLayout->addStretch();

    // 4. Retire the old token: disable, then delete (T-03, T-04).
    auto *retire = new QWidget(m_steps);
    m_retireText = wrapped(QString(), retire);
    m_retire = new QPushButton(tr("&Disable and Delete Old Token"), retire);
    m_retire->setObjectName(QStringLiteral("retireButton"));
    connect(m_retire, &QPushButton::clicked, this, &RotateTokenDialog::retireOldToken);
    auto *retireLayout = new QVBoxLayout(retire);
    retireLayout->addWidget(m_retireText);
    retireLayout->addWidget(m_retire, 0, Qt::AlignLeft);
    retireLayout->addStretch();

    for (QWidget *page : {explain, reveal, wait, retire})
        m_steps->addWidget(page);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_next = buttons->addButton(tr("&Next"), QDialogButtonBox::ActionRole);
    m_next->setObjectName(QStringLiteral("nextButton"));
    connect(m_next, &QPushButton::clicked, this, [this] { goTo(Step(m_steps->currentIndex() + 1)); });
    connect(buttons, &QDialogButtonBox::rejected, this, &RotateTokenDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    m_poll.setInterval(3000);
    connect(&m_poll, &QTimer::timeout, this, &RotateTokenDialog::pollLastUse);
    goTo(Explain);
    load();
    resize(560, 340);
}

RotateTokenDialog::Step RotateTokenDialog::step() const
{
    return Step(m_steps->currentIndex());
}

QString RotateTokenDialog::revealedSecret() const
{
    return m_secret->text();
}

QString RotateTokenDialog::messageText() const
{
    return m_message->text();
}

void RotateTokenDialog::load()
{
    m_create->setEnabled(false);
    const QString app = m_appId;
    onResult(m_store.run([app](Database &db) { return TokenStore(db).list(app); }), this,
             [this](const Result<QList<BearerToken>> &tokens) {
                 if (!tokens)
                     return m_message->showMessage(tokens.error().message);
                 const Result<BearerToken> old =
                     TokenPolicy::rotationCandidate(tokens.value(), QDateTime::currentDateTimeUtc());
                 if (!old)
                     return m_message->showMessage(old.error().message);
                 m_oldToken = old.value();
                 m_explanation->setText(
                     tr("Rotation replaces the token %1… without interrupting the sync (T-06):<ol><li>add a new "
                        "token</li><li>give it to the client</li><li>wait for the client's first call with it</li>"
                        "<li>disable and delete the old token</li></ol>")
                         .arg(m_oldToken.prefix));
                 if (const Status allowed = TokenPolicy::canAdd(tokens.value()); !allowed)
                     return m_message->showMessage(tr("%1 (rule T-02)").arg(allowed.error().message));
                 m_create->setEnabled(true);
             });
}

void RotateTokenDialog::createToken()
{
    m_create->setEnabled(false);
    const QString app = m_appId;
    const int days = m_days->value();
    onResult(m_store.write([app, days](Database &db) { return TokenStore(db).issue(app, days); }), this,
             [this](const Result<IssuedToken> &issued) {
                 if (!issued) {
                     m_create->setEnabled(true);
                     return m_message->showMessage(tr("%1 (rules T-01, T-02)").arg(issued.error().message));
                 }
                 m_newToken = issued->token;
                 m_secret->setText(issued->secret);
                 goTo(Reveal);
             });
}

void RotateTokenDialog::pollLastUse()
{
    const QString app = m_appId;
    onResult(m_store.run([app](Database &db) { return SyncLogStore(db).lastTokenUse(app); }), this,
             [this](const Result<QHash<QString, QDateTime>> &lastUse) {
                 if (!lastUse)
                     return;
                 const QDateTime used = lastUse->value(m_newToken.prefix);
                 if (!used.isValid()) {
                     m_waitStatus->setText(
                         tr("Waiting for the first call with the new token %1…").arg(m_newToken.prefix));
                     return;
                 }
                 m_poll.stop();
                 m_waitStatus->setText(tr("✔ The client now uses the new token: its first call arrived at %1.")
                                           .arg(QLocale().toString(used.toLocalTime(), QLocale::LongFormat)));
             });
}

void RotateTokenDialog::retireOldToken()
{
    m_retire->setEnabled(false);
    const QString app = m_appId;
    const QString old = m_oldToken.id;
    onResult(m_store.write([app, old](Database &db) { return TokenStore(db).retire(app, old); }), this,
             [this](const Status &retired) {
                 if (!retired) {
                     m_retire->setEnabled(true);
                     return m_message->showMessage(tr("%1 (rules T-03, T-04)").arg(retired.error().message));
                 }
                 m_message->hide();
                 m_retireText->setText(
                     tr("✔ The old token %1… is disabled and deleted. Rotation complete.").arg(m_oldToken.prefix));
             });
}

void RotateTokenDialog::goTo(Step step)
{
    m_steps->setCurrentIndex(step);
    m_message->hide();
    m_next->setVisible(step == Reveal || step == WaitForClient);
    if (step == WaitForClient) {
        m_waitStatus->setText(tr("Waiting for the first call with the new token %1…").arg(m_newToken.prefix));
        pollLastUse();
        m_poll.start();
    } else {
        m_poll.stop();
    }
    if (step == Retire) {
        m_retireText->setText(tr("Disable and delete the old token %1…. A client still holding it is refused from "
                                 "now on.")
                                  .arg(m_oldToken.prefix));
        m_retire->setEnabled(true);
    }
}

} // namespace ScimConsole::Gui
