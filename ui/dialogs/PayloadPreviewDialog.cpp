// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/PayloadPreviewDialog.h"

#include "core/OnResult.h"
#include "core/domain/IdentityProvider.h"
#include "core/scim/ScimEngine.h"
#include "core/store/AsyncStore.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

PayloadPreviewDialog::PayloadPreviewDialog(AsyncStore &store, const QString &appId, const QString &baseUrl,
                                           QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_appId(appId)
    , m_baseUrl(baseUrl)
    , m_sample(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_resource(new QComboBox(this))
    , m_resourceId(new QLineEdit(this))
    , m_payload(new QPlainTextEdit(this))
    , m_run(new QPushButton(tr("&Preview"), this))
    , m_verdict(new InlineMessage(this))
    , m_result(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Preview a Payload"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_sample->setObjectName(QStringLiteral("sampleComboBox"));
    m_sample->setAccessibleName(tr("Sample payload"));
    m_sample->addItem(tr("Your own payload"));
    for (const IdentityProvider provider : {IdentityProvider::Entra, IdentityProvider::Okta}) {
        m_sample->addItem(tr("%1 user").arg(ProviderProfile::displayName(provider)),
                          QVariant::fromValue(int(provider) * 2));
        m_sample->addItem(tr("%1 group").arg(ProviderProfile::displayName(provider)),
                          QVariant::fromValue(int(provider) * 2 + 1));
    }
    m_method->setObjectName(QStringLiteral("methodComboBox"));
    m_method->setAccessibleName(tr("Method"));
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH")});
    m_resource->setObjectName(QStringLiteral("resourceComboBox"));
    m_resource->setAccessibleName(tr("Resource"));
    m_resource->addItem(tr("Users"), QStringLiteral("/Users"));
    m_resource->addItem(tr("Groups"), QStringLiteral("/Groups"));
    m_resourceId->setObjectName(QStringLiteral("resourceIdLineEdit"));
    m_resourceId->setAccessibleName(tr("Resource id"));
    m_resourceId->setPlaceholderText(tr("the id a PUT or PATCH changes"));
    m_payload->setObjectName(QStringLiteral("payloadEdit"));
    m_payload->setAccessibleName(tr("Payload"));
    m_payload->setFont(fixed);
    m_payload->setPlaceholderText(
        tr("Paste a SCIM User or Group as the identity provider sends it, or pick a sample."));
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_run->setObjectName(QStringLiteral("previewButton"));
    m_run->setDefault(true);
    m_verdict->setObjectName(QStringLiteral("previewVerdict"));
    m_verdict->hide();
    m_result->setObjectName(QStringLiteral("previewResult"));
    m_result->setAccessibleName(tr("Result"));
    m_result->setReadOnly(true);
    m_result->setFont(fixed);
    m_result->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_result->setPlaceholderText(tr("The account or group it would become appears here. Nothing is written."));

    auto *request = new QHBoxLayout;
    request->addWidget(buddyLabel(tr("&Sample:"), m_sample, this));
    request->addWidget(m_sample, 1);
    request->addWidget(buddyLabel(tr("&Method:"), m_method, this));
    request->addWidget(m_method);
    request->addWidget(buddyLabel(tr("&Resource:"), m_resource, this));
    request->addWidget(m_resource);
    request->addWidget(m_resourceId, 1);
    auto *payloadBox = new QWidget(this);
    auto *payloadLayout = new QVBoxLayout(payloadBox);
    payloadLayout->setContentsMargins(0, 0, 0, 0);
    payloadLayout->addWidget(buddyLabel(tr("Pa&yload:"), m_payload, this));
    payloadLayout->addWidget(m_payload);
    auto *resultBox = new QWidget(this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(buddyLabel(tr("Resul&t:"), m_result, this));
    resultLayout->addWidget(m_verdict);
    resultLayout->addWidget(m_result);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(payloadBox);
    splitter->addWidget(resultBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &PayloadPreviewDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("What this application would make of a request from its identity provider: the "
                                "account or group, with every mapped field, its extension values and organization — "
                                "or the exact error the provider would get. The real rules run, and nothing is "
                                "written."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(request);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(980, 620);

    connect(m_sample, &QComboBox::activated, this, &PayloadPreviewDialog::loadSample);
    connect(m_method, &QComboBox::currentIndexChanged, this, &PayloadPreviewDialog::updateControls);
    connect(m_payload, &QPlainTextEdit::textChanged, this, &PayloadPreviewDialog::updateControls);
    connect(m_resourceId, &QLineEdit::textChanged, this, &PayloadPreviewDialog::updateControls);
    connect(m_run, &QPushButton::clicked, this, &PayloadPreviewDialog::preview);
    updateControls();
}

PayloadPreviewDialog::~PayloadPreviewDialog() = default;

void PayloadPreviewDialog::loadSample()
{
    if (m_sample->currentIndex() == 0)
        return;
    const int value = m_sample->currentData().toInt();
    const auto provider = IdentityProvider(value / 2);
    const bool group = value % 2 == 1;
    m_payload->setPlainText(QString::fromUtf8(ProviderProfile::samplePayload(provider, group)));
    m_method->setCurrentIndex(0); // the samples are creates
    m_resource->setCurrentIndex(group ? 1 : 0);
}

void PayloadPreviewDialog::updateControls()
{
    const bool create = m_method->currentIndex() == 0;
    m_resourceId->setEnabled(!create);
    m_run->setEnabled(!m_payload->toPlainText().trimmed().isEmpty()
                      && (create || !m_resourceId->text().trimmed().isEmpty()));
}

void PayloadPreviewDialog::preview()
{
    ScimRequest request;
    request.method = m_method->currentText();
    request.appId = m_appId;
    request.path = m_resource->currentData().toString();
    if (m_method->currentIndex() != 0)
        request.path += u'/' + m_resourceId->text().trimmed();
    request.body = m_payload->toPlainText().toUtf8();
    request.contentType = QByteArrayLiteral("application/scim+json");
    request.baseUrl = m_baseUrl;
    m_run->setEnabled(false);
    m_verdict->showMessage(tr("Running the rules…"), InlineMessage::Kind::Information);
    const auto previewing = m_store.run([request](Database &db) -> Result<ScimResponse> {
        ScimEngine engine(db);
        return engine.preview(request);
    });
    onResult(previewing, this, [this, request](const Result<ScimResponse> &answer) {
        updateControls();
        if (!answer) {
            m_verdict->showMessage(answer.error().message);
            m_result->clear();
            return;
        }
        const ScimResponse &response = answer.value();
        const QString shown = QString::fromUtf8(QJsonDocument::fromJson(response.body).toJson(QJsonDocument::Indented));
        QString notes;
        for (const QString &note : response.notes)
            notes += QStringLiteral("\n• ") + note;
        if (response.status < 300) {
            const QString answered = response.organization.isEmpty()
                                         ? tr("%1 %2 would be answered %3.")
                                               .arg(request.method, request.path.section(u'/', 0, 1))
                                               .arg(response.status)
                                         : tr("%1 %2 would be answered %3, the account in the organization “%4”.")
                                               .arg(request.method, request.path.section(u'/', 0, 1))
                                               .arg(response.status)
                                               .arg(response.organization);
            m_verdict->showMessage(tr("%1 Nothing was written.%2").arg(answered, notes),
                                   notes.isEmpty() ? InlineMessage::Kind::Information : InlineMessage::Kind::Warning);
        } else {
            m_verdict->showMessage(
                tr("The provider would get %1 %2: %3").arg(response.status).arg(response.scimType, response.detail));
        }
        m_result->setPlainText(shown);
    });
}

} // namespace ScimConsole::Gui
