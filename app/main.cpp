#include "app/cli/Cli.h"
#include "core/store/DatabaseLocation.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

QStringList rawArguments(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

/// Qt's own strings and ours, in the system language when a translation exists.
void installTranslators(QCoreApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("scim-console"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
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

    ScimConsole::Core::ServerOptions options;
    if (parser.isSet(QStringLiteral("listen")) && !options.setListen(parser.value(QStringLiteral("listen")))) {
        std::fprintf(stderr, "scim-console: --listen takes ADDRESS:PORT\n");
        return 2;
    }
    ScimConsole::Gui::MainWindow window(location.value(), options);
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("ScimConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("scim-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCIM_CONSOLE_VERSION));

    if (!ScimConsole::Cli::Cli::isCommandLine(rawArguments(argc, argv)))
        return runGui(argc, argv);

    QCoreApplication app(argc, argv);
    installTranslators(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return ScimConsole::Cli::Cli::run(QCoreApplication::arguments(), out, err);
}
