// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/Settings.h"

namespace ScimConsole::Gui::Settings {

namespace {
const QString Address = QStringLiteral("server/address");
const QString Port = QStringLiteral("server/port");
const QString Tls = QStringLiteral("server/tls");
const QString TlsCertificate = QStringLiteral("server/tlsCertificate");
const QString TlsKey = QStringLiteral("server/tlsKey");
const QString AllowPlainHttp = QStringLiteral("server/allowPlainHttp");
const QString Workers = QStringLiteral("server/workers");
const QString StartOnLaunch = QStringLiteral("server/startOnLaunch");
const QString Close = QStringLiteral("ui/closeAction");
const QString Limits = QStringLiteral("server/limits/");
} // namespace

ServerPreferences serverPreferences()
{
    QSettings settings;
    ServerPreferences preferences;
    Core::ServerOptions &options = preferences.options;
    options.address = QHostAddress(settings.value(Address, options.address.toString()).toString());
    if (options.address.isNull())
        options.address = QHostAddress::LocalHost;
    options.port = quint16(settings.value(Port, options.port).toUInt());
    options.workers = std::clamp(settings.value(Workers, 0).toInt(), 0, Core::ServerOptions::MaxWorkers);
    preferences.tlsMode = TlsMode(std::clamp(settings.value(Tls, 0).toInt(), 0, 2));
    options.tlsCertificatePath = settings.value(TlsCertificate).toString();
    options.tlsKeyPath = settings.value(TlsKey).toString();
    options.allowPlainHttp = settings.value(AllowPlainHttp, false).toBool();
    preferences.startOnLaunch = settings.value(StartOnLaunch, true).toBool();
    for (const Core::ServerLimits::Field &field : Core::ServerLimits::fields()) {
        const QVariant stored = settings.value(Limits + QLatin1StringView(field.key));
        if (stored.isValid())
            Core::ServerLimits::set(field, options.limits, stored.toLongLong());
    }
    if (preferences.tlsMode == TlsMode::None) {
        options.tlsCertificatePath.clear();
        options.tlsKeyPath.clear();
    }
    return preferences;
}

void setServerPreferences(const ServerPreferences &preferences)
{
    QSettings settings;
    settings.setValue(Address, preferences.options.address.toString());
    settings.setValue(Port, preferences.options.port);
    settings.setValue(Workers, preferences.options.workers);
    settings.setValue(Tls, int(preferences.tlsMode));
    settings.setValue(TlsCertificate, preferences.options.tlsCertificatePath);
    settings.setValue(TlsKey, preferences.options.tlsKeyPath);
    settings.setValue(AllowPlainHttp, preferences.options.allowPlainHttp);
    settings.setValue(StartOnLaunch, preferences.startOnLaunch);
    for (const Core::ServerLimits::Field &field : Core::ServerLimits::fields())
        settings.setValue(Limits + QLatin1StringView(field.key),
                          Core::ServerLimits::shown(field, preferences.options.limits));
}

CloseAction closeAction()
{
    return CloseAction(std::clamp(QSettings().value(Close, 0).toInt(), 0, 2));
}

void setCloseAction(CloseAction action)
{
    QSettings().setValue(Close, int(action));
}

} // namespace ScimConsole::Gui::Settings
