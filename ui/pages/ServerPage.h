// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "ui/Settings.h"
#include "ui/pages/Page.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ScimConsole::Gui {

class CopyField;
class InlineMessage;
class ServerController;

/// The embedded server: its state, start and stop, listen address and port, TLS (certificate files or a
/// self-signed certificate, with fingerprint and expiry), plain HTTP as an explicit, warned choice.
class ServerPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPage)

public:
    explicit ServerPage(ServerController &server, QWidget *parent = nullptr);

    /// The preferences as the form shows them; validated by apply().
    Settings::ServerPreferences preferences() const;
    void setPreferences(const Settings::ServerPreferences &preferences);
    /// Shows the address and port the server runs with in this session (--listen may differ from the preferences).
    void showOptions(const Core::ServerOptions &options);
    QString stateText() const;
    QString messageText() const;

public slots:
    /// Saves the form and restarts the server with it.
    void apply();
    void toggleServer();

private:
    void updateState();
    void updateTlsControls();
    void showCertificate(const QString &path);
    /// Makes (or finds) the console's self-signed certificate on a pool thread and fills the form; then `then`.
    void makeSelfSigned(std::function<void()> then);

    ServerController &m_server;
    QLabel *m_state;
    CopyField *m_url;
    QPushButton *m_startStop;
    QPushButton *m_startHere;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QSpinBox *m_workers;
    QComboBox *m_tls;
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QPushButton *m_browseCertificate;
    QPushButton *m_browseKey;
    QPushButton *m_selfSigned;
    CopyField *m_fingerprint;
    QLabel *m_expiry;
    QCheckBox *m_allowPlain;
    QCheckBox *m_startOnLaunch;
    QList<QSpinBox *> m_limits; // in the order of ServerLimits::fields()
    InlineMessage *m_message;
    QFormLayout *m_tlsForm = nullptr;
};

} // namespace ScimConsole::Gui
