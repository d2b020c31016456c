// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/pages/ServerPage.h"

#include "core/OnResult.h"
#include "core/server/SelfSignedCertificate.h"
#include "ui/Icons.h"
#include "ui/ServerController.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/CopyField.h"
#include "ui/widgets/InlineMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPromise>
#include <QPushButton>
#include <QSpinBox>
#include <QSslCertificate>
#include <QThreadPool>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;
using Settings::TlsMode;

ServerPage::ServerPage(ServerController &server, QWidget *parent)
    : Page(parent)
    , m_server(server)
    , m_state(new QLabel(this))
    , m_url(new CopyField(tr("Server URL"), this))
    , m_startStop(new QPushButton(this))
    , m_startHere(new QPushButton(tr("Serve Here &Too"), this))
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_workers(new QSpinBox(this))
    , m_tls(new QComboBox(this))
    , m_certificate(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_browseCertificate(new QPushButton(tr("Browse…"), this))
    , m_browseKey(new QPushButton(tr("Browse…"), this))
    , m_selfSigned(new QPushButton(tr("Make &Self-Signed Certificate"), this))
    , m_fingerprint(new CopyField(tr("Certificate fingerprint (SHA-256)"), this))
    , m_expiry(new QLabel(this))
    , m_allowPlain(new QCheckBox(tr("Allow plain &HTTP on a network address"), this))
    , m_startOnLaunch(new QCheckBox(tr("Start the server when the console opens"), this))
    , m_message(new InlineMessage(this))
{
    m_state->setObjectName(QStringLiteral("serverStateLabel"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setObjectName(QStringLiteral("serverUrlField"));
    m_startStop->setObjectName(QStringLiteral("startStopButton"));
    m_startHere->setObjectName(QStringLiteral("startHereButton"));
    m_startHere->setToolTip(tr("Another instance serves this store. Start this console's server as well, on its own "
                               "address."));
    connect(m_startStop, &QPushButton::clicked, this, &ServerPage::toggleServer);
    connect(m_startHere, &QPushButton::clicked, this, [this] {
        m_server.setOptions(preferences().options);
        m_server.start();
    });
    m_address->setObjectName(QStringLiteral("addressLineEdit"));
    m_address->setAccessibleName(tr("Listen address"));
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_port->setObjectName(QStringLiteral("portSpinBox"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_workers->setObjectName(QStringLiteral("workersSpinBox"));
    m_workers->setAccessibleName(tr("Workers"));
    m_workers->setRange(0, ServerOptions::MaxWorkers);
    m_workers->setSpecialValueText(tr("one per core (%n)", nullptr, ScimServer::workerCount({})));
    m_workers->setToolTip(tr("Threads that serve requests, each with its own store connection. A slow request "
                             "holds up only its own worker."));
    m_tls->setObjectName(QStringLiteral("tlsComboBox"));
    m_tls->setAccessibleName(tr("TLS"));
    m_tls->addItem(tr("No TLS (this computer only)"), int(TlsMode::None));
    m_tls->addItem(tr("Certificate and key files"), int(TlsMode::Files));
    m_tls->addItem(tr("Self-signed certificate"), int(TlsMode::SelfSigned));
    m_certificate->setObjectName(QStringLiteral("certificateLineEdit"));
    m_certificate->setAccessibleName(tr("Certificate file (PEM)"));
    m_key->setObjectName(QStringLiteral("keyLineEdit"));
    m_key->setAccessibleName(tr("Private key file (PEM)"));
    m_browseCertificate->setAccessibleName(tr("Browse for the certificate file"));
    m_browseKey->setAccessibleName(tr("Browse for the private key file"));
    m_selfSigned->setObjectName(QStringLiteral("selfSignedButton"));
    m_fingerprint->setObjectName(QStringLiteral("fingerprintField"));
    m_expiry->setObjectName(QStringLiteral("expiryLabel"));
    m_allowPlain->setObjectName(QStringLiteral("allowPlainHttpCheckBox"));
    m_allowPlain->setToolTip(tr("Bearer tokens then cross the network in clear. Use it only behind a TLS-terminating "
                                "proxy on the same host."));
    m_startOnLaunch->setObjectName(QStringLiteral("startOnLaunchCheckBox"));

    connect(m_tls, &QComboBox::currentIndexChanged, this, &ServerPage::updateTlsControls);
    connect(m_certificate, &QLineEdit::textChanged, this, &ServerPage::showCertificate);
    connect(m_browseCertificate, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("TLS Certificate"), m_certificate->text(),
                                                          tr("PEM files (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_certificate->setText(path);
    });
    connect(m_browseKey, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("TLS Private Key"), m_key->text(),
                                                          tr("PEM files (*.pem *.key);;All files (*)"));
        if (!path.isEmpty())
            m_key->setText(path);
    });
    connect(m_selfSigned, &QPushButton::clicked, this, [this] { makeSelfSigned({}); });
    connect(m_allowPlain, &QCheckBox::toggled, this, [this](bool allowed) {
        if (allowed)
            m_message->showMessage(tr("Plain HTTP on a network address sends bearer tokens and passwords in clear. "
                                      "Prefer TLS."),
                                   InlineMessage::Kind::Warning);
        else
            m_message->hide();
    });

    auto *stateBox = new QGroupBox(tr("State"), this);
    auto *stateButtons = new QHBoxLayout;
    stateButtons->addWidget(m_startStop);
    stateButtons->addWidget(m_startHere);
    stateButtons->addStretch();
    auto *stateForm = new QFormLayout(stateBox);
    stateForm->addRow(tr("Server:"), m_state);
    stateForm->addRow(buddyLabel(tr("&URL:"), m_url, stateBox), m_url);
    stateForm->addRow(QString(), stateButtons);

    auto *listenBox = new QGroupBox(tr("Listen"), this);
    auto *listenForm = new QFormLayout(listenBox);
    listenForm->addRow(buddyLabel(tr("&Address:"), m_address, listenBox), m_address);
    listenForm->addRow(buddyLabel(tr("&Port:"), m_port, listenBox), m_port);
    listenForm->addRow(buddyLabel(tr("&Workers:"), m_workers, listenBox), m_workers);
    listenForm->addRow(QString(), m_startOnLaunch);

    // The wire limits, two to a row: rarely changed, so compact.
    auto *limitsBox = new QGroupBox(tr("Limits per request and connection"), this);
    limitsBox->setObjectName(QStringLiteral("limitsBox"));
    auto *limitsGrid = new QGridLayout(limitsBox);
    const QList<ServerLimits::Field> &limitFields = ServerLimits::fields();
    for (qsizetype i = 0; i < limitFields.size(); ++i) {
        const ServerLimits::Field &field = limitFields.at(i);
        auto *spin = new QSpinBox(limitsBox);
        spin->setObjectName(QLatin1StringView(field.key) + QStringLiteral("SpinBox"));
        spin->setAccessibleName(ServerLimits::label(field));
        spin->setToolTip(ServerLimits::description(field));
        spin->setRange(int(field.minimum), int(field.maximum));
        spin->setGroupSeparatorShown(true);
        switch (field.unit) {
        case ServerLimits::Unit::Bytes:
            spin->setSuffix(tr(" bytes"));
            break;
        case ServerLimits::Unit::Seconds:
            spin->setSuffix(tr(" s"));
            break;
        case ServerLimits::Unit::Connections:
            break;
        }
        m_limits.append(spin);
        const int row = int(i / 2);
        const int column = int(i % 2) * 2;
        limitsGrid->addWidget(buddyLabel(tr("%1:").arg(ServerLimits::label(field)), spin, limitsBox), row, column);
        limitsGrid->addWidget(spin, row, column + 1);
    }
    limitsGrid->setColumnStretch(1, 1);
    limitsGrid->setColumnStretch(3, 1);

    auto *tlsBox = new QGroupBox(tr("TLS"), this);
    const auto fileRow = [](QLineEdit *edit, QPushButton *browse) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        return row;
    };
    auto *tlsForm = new QFormLayout(tlsBox);
    m_tlsForm = tlsForm;
    tlsForm->addRow(buddyLabel(tr("&Mode:"), m_tls, tlsBox), m_tls);
    tlsForm->addRow(buddyLabel(tr("&Certificate:"), m_certificate, tlsBox),
                    fileRow(m_certificate, m_browseCertificate));
    tlsForm->addRow(buddyLabel(tr("&Key:"), m_key, tlsBox), fileRow(m_key, m_browseKey));
    tlsForm->addRow(QString(), m_selfSigned);
    tlsForm->addRow(buddyLabel(tr("&Fingerprint:"), m_fingerprint, tlsBox), m_fingerprint);
    tlsForm->addRow(tr("Valid until:"), m_expiry);
    tlsForm->addRow(QString(), m_allowPlain);

    auto *applyButton = new QPushButton(icon(QStringLiteral("refresh")), tr("&Apply and Restart"), this);
    applyButton->setObjectName(QStringLiteral("applyButton"));
    connect(applyButton, &QPushButton::clicked, this, &ServerPage::apply);
    // A readable column, not a form stretched across a wide screen.
    auto *column = new QWidget(this);
    column->setMaximumWidth(820);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(stateBox);
    columnLayout->addWidget(listenBox);
    columnLayout->addWidget(tlsBox);
    columnLayout->addWidget(limitsBox);
    columnLayout->addWidget(m_message);
    columnLayout->addWidget(applyButton, 0, Qt::AlignRight);
    columnLayout->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(column, 1);
    layout->addStretch(0);

    connect(&m_server, &ServerController::stateChanged, this, &ServerPage::updateState);
    setPreferences(Settings::serverPreferences());
    updateState();
}

Settings::ServerPreferences ServerPage::preferences() const
{
    Settings::ServerPreferences preferences;
    ServerOptions &options = preferences.options;
    options.address =
        QHostAddress(m_address->text().trimmed().isEmpty() ? QStringLiteral("127.0.0.1") : m_address->text().trimmed());
    options.port = quint16(m_port->value());
    options.workers = m_workers->value();
    preferences.tlsMode = TlsMode(m_tls->currentData().toInt());
    if (preferences.tlsMode != TlsMode::None) {
        options.tlsCertificatePath = m_certificate->text().trimmed();
        options.tlsKeyPath = m_key->text().trimmed();
    }
    options.allowPlainHttp = m_allowPlain->isChecked();
    for (qsizetype i = 0; i < m_limits.size(); ++i)
        ServerLimits::set(ServerLimits::fields().at(i), options.limits, m_limits.at(i)->value());
    preferences.startOnLaunch = m_startOnLaunch->isChecked();
    return preferences;
}

void ServerPage::setPreferences(const Settings::ServerPreferences &preferences)
{
    m_address->setText(preferences.options.address.toString());
    m_port->setValue(preferences.options.port);
    m_workers->setValue(preferences.options.workers);
    m_tls->setCurrentIndex(m_tls->findData(int(preferences.tlsMode)));
    m_certificate->setText(preferences.options.tlsCertificatePath);
    m_key->setText(preferences.options.tlsKeyPath);
    {
        const QSignalBlocker blocker(m_allowPlain);
        m_allowPlain->setChecked(preferences.options.allowPlainHttp);
    }
    m_startOnLaunch->setChecked(preferences.startOnLaunch);
    for (qsizetype i = 0; i < m_limits.size(); ++i)
        m_limits.at(i)->setValue(int(ServerLimits::shown(ServerLimits::fields().at(i), preferences.options.limits)));
    updateTlsControls();
}

void ServerPage::showOptions(const ServerOptions &options)
{
    m_address->setText(options.address.toString());
    m_port->setValue(options.port);
}

QString ServerPage::stateText() const
{
    return m_state->text();
}

QString ServerPage::messageText() const
{
    return m_message->text();
}

void ServerPage::apply()
{
    // Self-signed without a certificate yet: make it first (off this thread), then apply.
    if (TlsMode(m_tls->currentData().toInt()) == TlsMode::SelfSigned
        && (m_certificate->text().trimmed().isEmpty() || m_key->text().trimmed().isEmpty())) {
        makeSelfSigned([this] { apply(); });
        return;
    }
    const Settings::ServerPreferences chosen = preferences();
    if (QHostAddress(m_address->text().trimmed()).isNull() && !m_address->text().trimmed().isEmpty()) {
        m_message->showMessage(tr("“%1” is not an IP address. Use 127.0.0.1 for this computer only, or 0.0.0.0 for "
                                  "every network interface.")
                                   .arg(m_address->text()));
        return;
    }
    if (const Status valid = ScimServer::validate(chosen.options); !valid) {
        m_message->showMessage(valid.error().message);
        return;
    }
    m_message->hide();
    Settings::setServerPreferences(chosen);
    m_server.stop();
    m_server.setOptions(chosen.options);
    m_server.start();
}

void ServerPage::toggleServer()
{
    if (m_server.isActive()) {
        m_server.stop();
        return;
    }
    m_server.setOptions(preferences().options);
    m_server.startOrAttach();
}

void ServerPage::updateState()
{
    using State = ServerController::State;
    const State state = m_server.state();
    QString text;
    switch (state) {
    case State::Stopped:
        text = tr("Stopped");
        break;
    case State::Checking:
        text = tr("Checking whether another instance serves this store…");
        break;
    case State::Starting:
        text = tr("Starting…");
        break;
    case State::Running:
        text = tr("Running");
        break;
    case State::Attached:
        text = tr("Following another instance");
        break;
    case State::Failed:
        text = tr("Not running");
        break;
    }
    if (!m_server.message().isEmpty())
        text += QStringLiteral(" — ") + m_server.message();
    m_state->setText(text);
    m_url->setText(m_server.url().isValid() ? m_server.url().toString() : QString());
    const bool active = m_server.isActive();
    m_startStop->setText(active ? tr("S&top Server") : tr("S&tart Server"));
    m_startStop->setIcon(icon(active ? QStringLiteral("stop") : QStringLiteral("start")));
    m_startHere->setVisible(state == State::Attached);
}

void ServerPage::updateTlsControls()
{
    const auto mode = TlsMode(m_tls->currentData().toInt());
    for (QWidget *widget : {static_cast<QWidget *>(m_certificate), static_cast<QWidget *>(m_key),
                            static_cast<QWidget *>(m_browseCertificate), static_cast<QWidget *>(m_browseKey)})
        widget->setEnabled(mode == TlsMode::Files);
    // Without TLS there is no certificate to show: only the plain-HTTP choice remains.
    for (QWidget *field : {static_cast<QWidget *>(m_certificate), static_cast<QWidget *>(m_key),
                           static_cast<QWidget *>(m_fingerprint), static_cast<QWidget *>(m_expiry)}) {
        for (int row = 0; row < m_tlsForm->rowCount(); ++row) {
            QLayoutItem *item = m_tlsForm->itemAt(row, QFormLayout::FieldRole);
            if (item && (item->widget() == field || (item->layout() && item->layout()->indexOf(field) >= 0)))
                m_tlsForm->setRowVisible(row, mode != TlsMode::None);
        }
    }
    m_selfSigned->setVisible(mode == TlsMode::SelfSigned);
    m_allowPlain->setVisible(mode == TlsMode::None);
    showCertificate(mode == TlsMode::None ? QString() : m_certificate->text());
}

void ServerPage::showCertificate(const QString &path)
{
    const QList<QSslCertificate> certificates =
        path.isEmpty() ? QList<QSslCertificate>() : QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty()) {
        m_fingerprint->setText(QString());
        m_expiry->setText(path.isEmpty() ? tr("—") : tr("No PEM certificate in this file."));
        return;
    }
    const QSslCertificate &certificate = certificates.first();
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (int i = 0; i < digest.size(); i += 2)
        pairs << QString::fromLatin1(digest.mid(i, 2));
    m_fingerprint->setText(pairs.join(u':'));
    const QDateTime expiry = certificate.expiryDate();
    m_expiry->setText(expiry < QDateTime::currentDateTimeUtc()
                          ? tr("%1 (expired)").arg(QLocale().toString(expiry.toLocalTime(), QLocale::LongFormat))
                          : QLocale().toString(expiry.toLocalTime(), QLocale::LongFormat));
}

void ServerPage::makeSelfSigned(std::function<void()> then)
{
    // Making a key runs the openssl tool: a pool thread does it, never this one.
    m_selfSigned->setEnabled(false);
    auto promise = std::make_shared<QPromise<Result<SelfSignedCertificate>>>();
    QFuture<Result<SelfSignedCertificate>> future = promise->future();
    promise->start();
    const QString host = QHostInfo::localHostName();
    QThreadPool::globalInstance()->start([promise, host] {
        promise->addResult(SelfSignedCertificate::ensure(SelfSignedCertificate::defaultFolder(), host));
        promise->finish();
    });
    onResult(future, this, [this, then = std::move(then)](const Result<SelfSignedCertificate> &made) {
        m_selfSigned->setEnabled(true);
        if (!made)
            return m_message->showMessage(made.error().message);
        m_certificate->setText(made->certificatePath);
        m_key->setText(made->keyPath);
        if (then)
            return then();
        m_message->showMessage(tr("The self-signed certificate is ready. Give its fingerprint to the identity "
                                  "provider if it asks, then Apply and Restart."),
                               InlineMessage::Kind::Information);
    });
}

} // namespace ScimConsole::Gui
