// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "app/cli/CliContext.h"
#include "app/cli/TerminationSignals.h"
#include "core/log/Logging.h"
#include "core/server/ScimServer.h"
#include "core/server/SelfSignedCertificate.h"
#include "core/store/Database.h"

#include <QJsonObject>
#include <QTimer>

namespace ScimConsole::Cli {

using namespace Core;

namespace {

int serve(CliContext &ctx)
{
    ServerOptions options;
    const QString listen = ctx.parser.value(QStringLiteral("listen"));
    if (!listen.isEmpty() && !options.setListen(listen))
        return ctx.usage(Cli::tr("--listen takes ADDRESS:PORT, such as 127.0.0.1:8080 or [::1]:8443"));
    options.tlsCertificatePath = ctx.parser.value(QStringLiteral("tls-cert"));
    options.tlsKeyPath = ctx.parser.value(QStringLiteral("tls-key"));
    // A self-signed certificate is made when missing and made anew within SelfSignedCertificate::RenewDays of its
    // end: at start, and twice a day while serving (connections accepted afterwards get the new one).
    const bool selfSigned = ctx.parser.isSet(QStringLiteral("tls-self-signed"));
    const QString certificateHost =
        options.address.isLoopback() || options.address == QHostAddress::AnyIPv4 || options.address == QHostAddress::Any
            ? QStringLiteral("localhost")
            : options.address.toString();
    QString fingerprint;
    if (selfSigned) {
        if (!options.tlsCertificatePath.isEmpty())
            return ctx.usage(Cli::tr("give either --tls-self-signed or --tls-cert/--tls-key"));
        const Result<SelfSignedCertificate> certificate =
            SelfSignedCertificate::ensure(SelfSignedCertificate::defaultFolder(), certificateHost);
        if (!certificate)
            return ctx.fail(certificate.error());
        options.tlsCertificatePath = certificate->certificatePath;
        options.tlsKeyPath = certificate->keyPath;
        fingerprint = certificate->fingerprint;
        if (!ctx.json()) {
            QTextStream err(stderr);
            err << Cli::tr("TLS certificate %1\nSHA-256 fingerprint: %2")
                       .arg(certificate->certificatePath, certificate->fingerprint)
                << Qt::endl;
        }
    }
    options.allowPlainHttp = ctx.parser.isSet(QStringLiteral("allow-plain-http"));
    for (const ServerLimits::Field &field : ServerLimits::fields()) {
        const QString key = QString::fromLatin1(field.key);
        if (!ctx.parser.isSet(key))
            continue;
        const std::optional<qint64> value = ctx.wholeNumber(key, 0, field.minimum, field.maximum);
        if (!value)
            return UsageError;
        ServerLimits::set(field, options.limits, *value);
    }
    const std::optional<qint64> workers =
        ctx.wholeNumber(QStringLiteral("workers"), options.workers, 1, ServerOptions::MaxWorkers);
    if (!workers)
        return UsageError;
    options.workers = int(*workers);
    if (const Status valid = ScimServer::validate(options); !valid)
        return ctx.fail(valid.error());

    // No live log: nothing here shows one, and the store keeps every event (a console reads them from there).
    ScimServer server(ctx.db.location(), options);
    int exitCode = Success;
    QObject::connect(&server, &ScimServer::started, &server, [&](const QUrl &url) {
        // Not translated: service managers and scripts wait for exactly this line.
        ctx.print(QJsonObject{{QStringLiteral("listening"), url.toString()}},
                  QStringLiteral("listening on %1").arg(url.toString()));
    });
    QObject::connect(&server, &ScimServer::failed, &server, [&](const Error &error) {
        exitCode = ctx.fail(error);
        QCoreApplication::exit(exitCode);
    });
    watchTerminationSignals(&server, [] { QCoreApplication::exit(Success); });
    QTimer renewal;
    if (selfSigned) {
        renewal.setInterval(std::chrono::hours(12));
        QObject::connect(&renewal, &QTimer::timeout, &server, [&] {
            const Result<SelfSignedCertificate> certificate =
                SelfSignedCertificate::ensure(SelfSignedCertificate::defaultFolder(), certificateHost);
            if (!certificate) {
                qCWarning(lcServer) << "cannot renew the TLS certificate:" << certificate.error().message;
                return;
            }
            if (certificate->fingerprint == fingerprint)
                return;
            fingerprint = certificate->fingerprint;
            server.reloadTls();
            qCInfo(lcServer) << "TLS certificate renewed, SHA-256 fingerprint" << fingerprint << "until"
                             << certificate->expires.toString(Qt::ISODate);
        });
        renewal.start();
    }
    server.start();
    const int loopResult = QCoreApplication::exec();
    server.stop();
    return exitCode != Success ? exitCode : loopResult;
}

} // namespace

QList<Command> Cli::serverCommands()
{
    QList<QCommandLineOption> options{
        {QStringLiteral("listen"), tr("Address and port (default 127.0.0.1:8080)."), tr("address:port")},
        {QStringLiteral("tls-cert"), tr("PEM certificate (chain) for HTTPS."), tr("file")},
        {QStringLiteral("tls-key"), tr("PEM private key for HTTPS."), tr("file")},
        {QStringLiteral("tls-self-signed"),
         tr("HTTPS with a self-signed certificate that the console makes once and keeps; its fingerprint is shown.")},
        {QStringLiteral("allow-plain-http"), tr("Allow plain HTTP on an address other machines can reach.")},
        {QStringLiteral("workers"),
         tr("Threads that serve requests, each with its own store connection. Default: one per core (%1 here).")
             .arg(ScimServer::workerCount({})),
         tr("count")}};
    const ServerLimits defaults;
    for (const ServerLimits::Field &field : ServerLimits::fields()) {
        options.append(
            {QString::fromLatin1(field.key),
             tr("%1 Default %2.").arg(ServerLimits::description(field)).arg(ServerLimits::shown(field, defaults)),
             field.unit == ServerLimits::Unit::Seconds ? tr("seconds")
             : field.unit == ServerLimits::Unit::Bytes ? tr("bytes")
                                                       : tr("count")});
    }
    return {
        {QStringLiteral("serve"), QString(), tr("Run the SCIM server without a window until SIGTERM or SIGINT."),
         options, serve},
    };
}

} // namespace ScimConsole::Cli
