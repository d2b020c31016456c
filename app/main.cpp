// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "app/cli/Cli.h"
#include "core/store/DatabaseLocation.h"
#include "ui/MainWindow.h"
#include "ui/ScreenshotTour.h"
#include "ui/Settings.h"
#include "ui/SingleInstance.h"

#include <QApplication>
#include <QIcon>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <clocale>
#include <cstdio>

#include <langinfo.h>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace {

QStringList rawArguments(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

/// Qt needs a UTF-8 locale and, from 6.5 on, switches to one with a four-line warning on stderr when it has none —
/// the "C" locale a systemd service or a minimal system runs in. This makes the same switch quietly first, so that
/// every command's error output stays its own. Other categories (messages, numbers) keep the user's setting.
void useUtf8Locale()
{
    std::setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (qstricmp(codeset, "UTF-8") == 0 || qstricmp(codeset, "utf8") == 0)
        return;
    // QCoreApplication reads the locale from the environment again; LC_ALL, when set, overrides LC_CTYPE.
    qputenv(qEnvironmentVariableIsEmpty("LC_ALL") ? "LC_CTYPE" : "LC_ALL", "C.UTF-8");
}

/// Qt's own strings and ours, in the system language when a translation exists.
void installTranslators(QCoreApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // Without a translation for the system language, English: its plural forms ("1 account", "2 accounts").
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("scim-console"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral(":/i18n/scim-console_en.qm")))
        QCoreApplication::installTranslator(own);
}

int runGui(int argc, char *argv[])
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/scim-console.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.scimconsole.ScimConsole")); // resources/linux
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "SCIM Console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), QCoreApplication::translate("main", "The store to open."),
                      QCoreApplication::translate("main", "location")});
    parser.addOption({QStringLiteral("listen"),
                      QCoreApplication::translate("main", "Where the SCIM server listens (default 127.0.0.1:8080)."),
                      QCoreApplication::translate("main", "address:port")});
    // For scripts/screenshots.sh: save a picture of every page and main dialog into DIR, then quit.
    QCommandLineOption tour(QStringLiteral("screenshot-tour"), QString(), QStringLiteral("dir"));
    tour.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(tour);
    parser.process(app);

    QString spec = parser.value(QStringLiteral("db"));
    if (spec.isEmpty())
        spec = qEnvironmentVariable("SCIM_CONSOLE_DB");
    const auto location = spec.isEmpty() ? ScimConsole::Core::Result<ScimConsole::Core::DatabaseLocation>(
                              ScimConsole::Core::DatabaseLocation::defaultLocation())
                                         : ScimConsole::Core::DatabaseLocation::parse(spec);
    if (!location) {
        std::fprintf(stderr, "scim-console: error: %s\n", qPrintable(location.error().message));
        return 2;
    }
    if (parser.isSet(QStringLiteral("db")) && !location->password.isEmpty())
        std::fprintf(stderr, "scim-console: warning: %s\n",
                     qPrintable(ScimConsole::Core::DatabaseLocation::commandLinePasswordWarning()));

    // The Server page's preferences, unless --listen says otherwise for this run.
    const ScimConsole::Gui::Settings::ServerPreferences preferences = ScimConsole::Gui::Settings::serverPreferences();
    ScimConsole::Core::ServerOptions options = preferences.options;
    if (parser.isSet(QStringLiteral("listen")) && !options.setListen(parser.value(QStringLiteral("listen")))) {
        std::fprintf(stderr, "scim-console: --listen takes ADDRESS:PORT\n");
        return 2;
    }

    // One console per user and store: a second launch raises the first window.
    const QString storeKey = QString::fromLatin1(
        QCryptographicHash::hash(location->displayName().toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    ScimConsole::Gui::SingleInstance instance(QStringLiteral("scim-console-") + storeKey);
    if (!instance.claim())
        return 0;

    app.setQuitOnLastWindowClosed(false); // the window may keep serving from the tray
    ScimConsole::Gui::MainWindow window(location.value(), options,
                                        preferences.startOnLaunch || parser.isSet(QStringLiteral("listen")));
    QObject::connect(&instance, &ScimConsole::Gui::SingleInstance::activationRequested, &window,
                     &ScimConsole::Gui::MainWindow::activate);
    window.show();
    std::unique_ptr<ScimConsole::Gui::ScreenshotTour> screenshots;
    if (parser.isSet(tour)) {
        screenshots = std::make_unique<ScimConsole::Gui::ScreenshotTour>(window, parser.value(tour));
        screenshots->start();
    }
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // The process holds bearer-token hashes, RAM secrets read from the keychain and database passwords: a core dump
    // (or another process of the same user attaching to this one) would write them out.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    useUtf8Locale();

    QCoreApplication::setOrganizationName(QStringLiteral("ScimConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("scim-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCIM_CONSOLE_VERSION));

    if (!ScimConsole::Cli::Cli::isCommandLine(rawArguments(argc, argv)))
        return runGui(argc, argv);

    // The headless server runs on Qt's own event loop rather than GLib's, which wakes a thread with a write() to its
    // eventfd on every change of a socket notifier: 1.6 system calls more per request (issue 12: 3% of a GET's
    // CPU). Not the other commands: QtKeychain's libsecret answers through GLib's loop.
    if (ScimConsole::Cli::Cli::isServe(rawArguments(argc, argv)))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    installTranslators(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return ScimConsole::Cli::Cli::run(QCoreApplication::arguments(), out, err);
}
