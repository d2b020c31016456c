// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/IdentityProvider.h"
#include "core/store/AccountStore.h"
#include "core/store/ApplicationStore.h"
#include "core/store/ClientCredentialStore.h"
#include "core/store/SyncLogStore.h"
#include "core/store/TokenStore.h"
#include "tests/support/RamTestDouble.h"
#include "tests/support/ScimTestServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSecrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

using namespace Qt::StringLiterals;

/// The real scim-console binary against a real store (SQLite file or PostgreSQL database), as an administrator
/// or a script would call it.
class tst_Cli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
        QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
    };

    std::unique_ptr<ScimConsole::Test::TestDatabase> m_db;

    /// Runs the binary on the test store, named in SCIM_CONSOLE_DB as a script or a service would (a PostgreSQL
    /// password in --db is warned about, rightly).
    Run cli(QStringList arguments, bool json = true, const QString &language = u"C"_s) const
    {
        if (json)
            arguments << u"--json"_s;
        QProcess process;
        process.setProgram(QStringLiteral(SCIM_CONSOLE_BINARY));
        process.setArguments(arguments);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"QT_LOGGING_RULES"_s); // as an administrator runs it: one line per error
        environment.insert(u"LANG"_s, language);
        environment.insert(u"LANGUAGE"_s, language);
        environment.remove(u"LC_ALL"_s);
        environment.remove(u"LC_MESSAGES"_s);
        environment.insert(u"SCIM_CONSOLE_DB"_s, m_db->spec());
        process.setProcessEnvironment(environment);
        process.start();
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    /// Runs a command that must succeed and returns its JSON object.
    QJsonObject ok(const QStringList &arguments) const
    {
        const Run run = cli(arguments);
        if (run.exitCode != 0)
            qWarning("%s failed (%d): %s", qPrintable(arguments.join(u' ')), run.exitCode, run.err.constData());
        return run.exitCode == 0 ? run.object() : QJsonObject();
    }

    /// Runs a command that must be refused: exit code 1, one line on stderr, nothing on stdout.
    static bool refused(const Run &run, const char *expected)
    {
        const QByteArray line = run.err.trimmed();
        const bool good = run.exitCode == 1 && run.out.isEmpty() && !line.contains('\n')
                          && line.startsWith("scim-console: error: ") && line.contains(expected);
        if (!good)
            qWarning("expected a refusal containing \"%s\", got exit %d, err \"%s\"", expected, run.exitCode,
                     run.err.constData());
        return good;
    }

    /// Runs the binary while this process's event loop keeps turning (for the RAM test double, which lives here).
    Run cliLive(QStringList arguments, const QByteArray &input = {}, const QProcessEnvironment &environment = {},
                bool json = true) const
    {
        if (json)
            arguments << u"--json"_s;
        QProcess process;
        QProcessEnvironment env = environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : environment;
        env.remove(u"QT_LOGGING_RULES"_s);
        env.insert(u"SCIM_CONSOLE_DB"_s, m_db->spec());
        env.insert(u"LANG"_s, u"C"_s);
        env.insert(u"LANGUAGE"_s, u"C"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SCIM_CONSOLE_BINARY), arguments);
        if (!process.waitForStarted())
            return {};
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        for (int waited = 0; process.state() != QProcess::NotRunning && waited < 60000; waited += 10)
            QTest::qWait(10);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QString newApp() const { return ok({u"app"_s, u"create"_s, u"--name"_s, u"Entra ID"_s}).value(u"id").toString(); }

private slots:
    void init()
    {
        m_db = std::make_unique<ScimConsole::Test::TestDatabase>();
        QVERIFY2(m_db->setupError().isEmpty(), qPrintable(m_db->setupError()));
    }

    void cleanup() { m_db.reset(); }

    void help_listsEveryCommand()
    {
        QProcess process;
        process.start(QStringLiteral(SCIM_CONSOLE_BINARY), {u"--help"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        for (const char *command :
             {"org create",   "org list",     "org rename",     "org move",     "org delete",   "app create",
              "app rename",   "app delete",   "app permission", "app scope",    "app target",   "app mapping",
              "field create", "field edit",   "field delete",   "group create", "group list",   "group show",
              "group rename", "group delete", "user list",      "user show",    "token create", "token rotate",
              "token delete", "demo"})
            QVERIFY2(out.contains(command), command);
    }

    void commonOptionsBeforeTheCommand_runTheCommand()
    {
        QVERIFY(!ok({u"org"_s, u"create"_s, u"--name"_s, u"Sales"_s}).isEmpty());
        for (const QStringList &arguments :
             {QStringList{u"--db"_s, m_db->spec(), u"--json"_s, u"org"_s, u"list"_s},
              QStringList{u"--json"_s, u"--db="_s + m_db->spec(), u"org"_s, u"list"_s}}) {
            QProcess process;
            process.start(QStringLiteral(SCIM_CONSOLE_BINARY), arguments);
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitCode(), 0);
            const QJsonArray orgs = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
            QVERIFY2(
                std::any_of(orgs.begin(), orgs.end(),
                            [](const QJsonValue &o) { return o.toObject().value(u"name").toString() == u"Sales"; }),
                qPrintable(arguments.join(u' ')));
        }
    }

    void usageErrors_exitTwo()
    {
        QCOMPARE(cli({u"frobnicate"_s, u"now"_s}).exitCode, 2);
        QCOMPARE(cli({u"app"_s, u"create"_s}).exitCode, 2);                      // missing --name
        QCOMPARE(cli({u"app"_s, u"create"_s, u"--nmae"_s, u"x"_s}).exitCode, 2); // unknown option
        const QString app = newApp();
        QCOMPARE(cli({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"ten"_s}).exitCode, 2);
        QCOMPARE(cli({u"app"_s, u"permission"_s, u"--app"_s, app}).exitCode, 2);
    }

    /// Every whole-number option says what it takes, with its range where the command knows it, and what it got;
    /// a number in range that a rule refuses is the rule's error (exit 1), in the rule's words.
    void wholeNumberOptions_sayWhatTheyTake()
    {
        const auto refusal = [this](const QStringList &arguments, int exitCode) {
            const Run run = cli(arguments);
            return run.exitCode == exitCode ? QString::fromUtf8(run.err.trimmed())
                                            : u"exit %1: %2"_s.arg(run.exitCode).arg(QString::fromUtf8(run.err));
        };
        QCOMPARE(refusal({u"log"_s, u"--lines"_s, u"many"_s}, 2),
                 u"scim-console: --lines takes a whole number from 1 to 100000, not \"many\" (see --help)"_s);
        QCOMPARE(refusal({u"user"_s, u"list"_s, u"--offset"_s, u"-1"_s}, 2),
                 u"scim-console: --offset takes a whole number from 0, not \"-1\" (see --help)"_s);
        QCOMPARE(refusal({u"log"_s, u"retention"_s, u"--max-events"_s, u"1e6"_s}, 2),
                 u"scim-console: --max-events takes a whole number, not \"1e6\" (see --help)"_s);
        QCOMPARE(refusal({u"log"_s, u"retention"_s, u"--days"_s, u"0"_s}, 1),
                 u"scim-console: error: Keep the sync log for 1 to 3650 days, not 0."_s);
        QCOMPARE(refusal({u"serve"_s, u"--workers"_s, u"0"_s}, 2),
                 u"scim-console: --workers takes a whole number from 1 to 64, not \"0\" (see --help)"_s);
    }

    void org_createAndList()
    {
        const QJsonObject sales = ok({u"org"_s, u"create"_s, u"--name"_s, u"Sales"_s});
        QVERIFY(!sales.value(u"id").toString().isEmpty());
        QCOMPARE(sales.value(u"path").toString(), u"Directory / Sales"_s);
        const QJsonObject emea =
            ok({u"org"_s, u"create"_s, u"--name"_s, u"EMEA"_s, u"--parent"_s, sales.value(u"id").toString()});
        QCOMPARE(emea.value(u"parentId").toString(), sales.value(u"id").toString());
        const QJsonArray all = cli({u"org"_s, u"list"_s}).array();
        QCOMPARE(all.size(), 3);
        QVERIFY(all.at(0).toObject().value(u"parentId").isNull());
        QVERIFY(refused(cli({u"org"_s, u"create"_s, u"--name"_s, u"sales"_s}), "already exists"));
        QVERIFY(refused(cli({u"org"_s, u"create"_s, u"--name"_s, u"X"_s, u"--parent"_s, u"ghost"_s}), "ghost"));
    }

    /// Issue 14 (M-02, I-01, U-11): app connect names what each provider's admin page asks for, in its words, and
    /// the settings the provider needs; --apply sets them, --token-days makes the credential and shows it once.
    void app_connect_fieldsAndSettingsPerProvider()
    {
        const QString app = newApp();
        const auto labels = [](const QJsonObject &connect) {
            QStringList result;
            for (const QJsonValue &field : connect.value(u"fields"_s).toArray())
                result << field.toObject().value(u"label"_s).toString();
            return result;
        };
        const auto field = [](const QJsonObject &connect, const QString &label) {
            for (const QJsonValue &value : connect.value(u"fields"_s).toArray()) {
                if (value.toObject().value(u"label"_s).toString() == label)
                    return value.toObject().value(u"value"_s).toString();
            }
            return QString();
        };
        const QString url = u"https://scim.example.com:8443"_s;
        const QJsonObject entra =
            ok({u"app"_s, u"connect"_s, u"--app"_s, app, u"--provider"_s, u"entra"_s, u"--url"_s, url});
        QCOMPARE(labels(entra), (QStringList{u"Tenant URL"_s, u"Secret Token"_s}));
        QCOMPARE(field(entra, u"Tenant URL"_s), url + u"/scim/v2/apps/"_s + app);
        QVERIFY(field(entra, u"Secret Token"_s).startsWith(u'<')); // no token made: a placeholder
        QCOMPARE(entra.value(u"warnings"_s).toArray().size(), 0);  // HTTPS on a public name
        QCOMPARE(entra.value(u"applied"_s).toBool(), false);
        QCOMPARE(ok({u"app"_s, u"show"_s, u"--app"_s, app}).value(u"onDuplicate"_s).toString(), u"update"_s);

        const QJsonObject okta =
            ok({u"app"_s, u"connect"_s, u"--app"_s, app, u"--provider"_s, u"okta"_s, u"--url"_s, url, u"--apply"_s});
        QCOMPARE(labels(okta), (QStringList{u"SCIM connector base URL"_s, u"Unique identifier field for users"_s,
                                            u"Supported provisioning actions"_s, u"Authentication Mode"_s,
                                            u"Authorization (Bearer)"_s}));
        QCOMPARE(field(okta, u"Unique identifier field for users"_s), u"userName"_s);
        QCOMPARE(field(okta, u"Authentication Mode"_s), u"HTTP Header"_s);
        const QJsonObject applied = ok({u"app"_s, u"show"_s, u"--app"_s, app});
        QCOMPARE(applied.value(u"onDuplicate"_s).toString(), u"reject"_s);
        QCOMPARE(applied.value(u"unsupportedTypes"_s).toString(), u"ignore"_s);
        QCOMPARE(applied.value(u"mapping"_s).toObject().value(u"namespace"_s).toString(),
                 u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s);

        // Client credentials, made here and shown this once; the default address warns twice.
        const QJsonObject credentials = ok({u"app"_s, u"connect"_s, u"--app"_s, app, u"--provider"_s, u"entra"_s,
                                            u"--auth"_s, u"client-credentials"_s, u"--token-days"_s, u"30"_s});
        QCOMPARE(labels(credentials),
                 (QStringList{u"Tenant URL"_s, u"Token endpoint"_s, u"Client identifier"_s, u"Client secret"_s}));
        QVERIFY(field(credentials, u"Token endpoint"_s).endsWith(u"/scim/v2/apps/"_s + app + u"/oauth2/token"_s));
        QVERIFY(!field(credentials, u"Client secret"_s).startsWith(u'<'));
        QVERIFY(!field(credentials, u"Client identifier"_s).startsWith(u'<'));
        QCOMPARE(credentials.value(u"warnings"_s).toArray().size(), 2); // 127.0.0.1, and no TLS

        QVERIFY(refused(cli({u"app"_s, u"connect"_s, u"--app"_s, app, u"--provider"_s, u"azure"_s}),
                        "Unknown identity provider"));
        QVERIFY(refused(cli({u"app"_s, u"connect"_s, u"--app"_s, app, u"--provider"_s, u"okta"_s, u"--auth"_s,
                             u"client-credentials"_s}),
                        "bearer token only"));
        QCOMPARE(cli({u"app"_s, u"connect"_s, u"--app"_s, app}).exitCode, 2);
    }

    /// Issue 14: app self-test calls the running server as the provider's connection test does: green for a
    /// configured application, red — with the reason — for a disabled token, the permission off, an empty scope.
    void app_selfTest_clientCredentials_tokenRequestFirst() // C-03, C-06
    {
        SCIM_START_TEST_SERVER(server);
        const QString url = server.base().section(u'/', 0, 2);
        const auto selfTest = [&](const QString &secret) {
            return cliLive({u"--db"_s, server.storeSpec(), u"app"_s, u"self-test"_s, u"--app"_s, server.appId(),
                            u"--provider"_s, u"entra"_s, u"--client-secret"_s, u"-"_s, u"--url"_s, url},
                           secret.toUtf8() + '\n');
        };
        using namespace ScimConsole::Core;
        QVERIFY(ClientCredentialStore(server.db()).ensure(server.appId()));
        const auto secret = TokenStore(server.db(), TokenKind::ClientSecret).issue(server.appId(), 30);
        QVERIFY(secret);
        QVERIFY(ClientCredentialStore(server.db()).setEnabled(server.appId(), true));

        const Run green = selfTest(secret->secret);
        QVERIFY2(green.exitCode == 0, green.out.constData());
        const QJsonArray steps = green.object().value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 3); // settings, the token request, Entra's filter
        QVERIFY(steps.at(1).toObject().value(u"step"_s).toString().endsWith(u"/oauth2/token"_s));
        QVERIFY(!green.out.contains(secret->secret.toUtf8()));

        const Run wrong = selfTest(u"not-the-secret"_s);
        QCOMPARE(wrong.exitCode, 1);
        const QJsonObject failed = wrong.object().value(u"steps"_s).toArray().at(1).toObject();
        QCOMPARE(failed.value(u"status"_s).toInt(), 401);
        QVERIFY(failed.value(u"fix"_s).toString().contains(u"client secret"_s));

        // One credential at a time.
        QCOMPARE(cliLive({u"--db"_s, server.storeSpec(), u"app"_s, u"self-test"_s, u"--app"_s, server.appId(),
                          u"--provider"_s, u"entra"_s, u"--token"_s, u"x"_s, u"--client-secret"_s, u"y"_s})
                     .exitCode,
                 2);
    }

    void app_selfTest_greenOnlyWhenTheProviderWouldConnect()
    {
        SCIM_START_TEST_SERVER(server);
        const QString url = server.base().section(u'/', 0, 2); // http://127.0.0.1:PORT
        const auto selfTest = [&](const QString &provider, const QString &token) {
            return cliLive({u"--db"_s, server.storeSpec(), u"app"_s, u"self-test"_s, u"--app"_s, server.appId(),
                            u"--provider"_s, provider, u"--token"_s, u"-"_s, u"--url"_s, url},
                           token.toUtf8() + '\n');
        };
        const auto failedStep = [](const Run &run) {
            for (const QJsonValue &step : run.object().value(u"steps"_s).toArray()) {
                if (!step.toObject().value(u"ok"_s).toBool())
                    return step.toObject();
            }
            return QJsonObject();
        };
        for (const QString &provider : {u"entra"_s, u"okta"_s, u"generic"_s}) {
            const Run green = selfTest(provider, server.token());
            QVERIFY2(green.exitCode == 0, green.out.constData());
            QVERIFY(green.object().value(u"ok"_s).toBool());
            QVERIFY(green.object().value(u"steps"_s).toArray().size() >= 2);
            QVERIFY(!green.out.contains(server.token().toUtf8()));
        }
        const QJsonArray entraSteps = selfTest(u"entra"_s, server.token()).object().value(u"steps"_s).toArray();
        QVERIFY(entraSteps.at(1).toObject().value(u"step"_s).toString().startsWith(u"GET /Users?filter=userName eq"));

        // A wrong token: the provider's first request fails with 401, and the fix names the tokens.
        const Run wrong = selfTest(u"okta"_s, u"scim_not-a-token"_s);
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(failedStep(wrong).value(u"status"_s).toInt(), 401);
        QVERIFY(failedStep(wrong).value(u"fix"_s).toString().contains(u"token"_s));

        // The token disabled (a second one stays enabled, as T-rules want one).
        const auto tokens = ScimConsole::Core::TokenStore(server.db()).list(server.appId());
        QVERIFY(tokens && tokens->size() == 1);
        QVERIFY(ScimConsole::Core::TokenStore(server.db()).issue(server.appId(), 30));
        QVERIFY(ScimConsole::Core::TokenStore(server.db()).setEnabled(server.appId(), tokens->first().id, false));
        const Run disabled = selfTest(u"entra"_s, server.token());
        QCOMPARE(disabled.exitCode, 1);
        QCOMPARE(failedStep(disabled).value(u"status"_s).toInt(), 401);
        QVERIFY(ScimConsole::Core::TokenStore(server.db()).setEnabled(server.appId(), tokens->first().id, true));
        QCOMPARE(selfTest(u"entra"_s, server.token()).exitCode, 0);

        // The permission off: said before any request is made.
        QCOMPARE(cliLive({u"--db"_s, server.storeSpec(), u"app"_s, u"permission"_s, u"--app"_s, server.appId(),
                          u"--disable"_s})
                     .exitCode,
                 0);
        const Run forbidden = selfTest(u"entra"_s, server.token());
        QCOMPARE(forbidden.exitCode, 1);
        QVERIFY(failedStep(forbidden).value(u"detail"_s).toString().contains(u"permission"_s));
        QCOMPARE(forbidden.object().value(u"steps"_s).toArray().size(), 1);
        QCOMPARE(cliLive({u"--db"_s, server.storeSpec(), u"app"_s, u"permission"_s, u"--app"_s, server.appId(),
                          u"--enable"_s})
                     .exitCode,
                 0);

        // An empty scope (the sync target, which must lie inside it, cleared first).
        QVERIFY(ScimConsole::Core::ApplicationStore(server.db()).setSyncTarget(server.appId(), QString()));
        QVERIFY(ScimConsole::Core::ApplicationStore(server.db()).setScope(server.appId(), {}));
        const Run unscoped = selfTest(u"okta"_s, server.token());
        QCOMPARE(unscoped.exitCode, 1);
        QVERIFY(failedStep(unscoped).value(u"detail"_s).toString().contains(u"scope"_s));

        // Nothing listening there.
        QVERIFY(ScimConsole::Core::ApplicationStore(server.db()).setScope(server.appId(), {{server.orgId()}, {}}));
        QVERIFY(ScimConsole::Core::ApplicationStore(server.db()).setSyncTarget(server.appId(), server.orgId()));
        const Run nobody =
            cliLive({u"--db"_s, server.storeSpec(), u"app"_s, u"self-test"_s, u"--app"_s, server.appId(),
                     u"--provider"_s, u"entra"_s, u"--token"_s, server.token(), u"--url"_s, u"http://127.0.0.1:1"_s});
        QCOMPARE(nobody.exitCode, 1);
        QCOMPARE(failedStep(nobody).value(u"status"_s).toInt(), 0);
        QVERIFY(failedStep(nobody).value(u"fix"_s).toString().contains(u"serve"_s));
    }

    /// Issue 14: app preview on Entra's and Okta's sample payloads gives what a real POST that follows it gives —
    /// and writes nothing; a payload the rules refuse gets the error the provider would.
    void app_preview_matchesTheRealPost_andWritesNothing()
    {
        SCIM_START_TEST_SERVER(server);
        const auto preview = [&](const QStringList &extra, const QByteArray &input = {}) {
            return cliLive(QStringList{u"--db"_s, server.storeSpec(), u"app"_s, u"preview"_s, u"--app"_s,
                                       server.appId(), u"--url"_s, server.base().section(u'/', 0, 2)}
                               + extra,
                           input);
        };
        const auto withoutServerFields = [](QJsonObject resource) {
            resource.remove(u"id"_s);
            resource.remove(u"meta"_s);
            return resource;
        };
        const auto total = [&] { return server.get(u"/Users"_s).json().value(u"totalResults"_s).toInt(-1); };
        // Entra's sample carries a mobile number: ignored under Entra's setting.
        QVERIFY(ScimConsole::Core::ApplicationStore(server.db())
                    .setPolicies(server.appId(), std::nullopt, ScimConsole::Core::UnsupportedTypePolicy::Ignore));
        for (const QString &provider : {u"entra"_s, u"okta"_s}) {
            const int before = total();
            const Run previewed = preview({u"--sample"_s, provider});
            QVERIFY2(previewed.exitCode == 0, previewed.out.constData());
            QCOMPARE(previewed.object().value(u"status"_s).toInt(), 201);
            QCOMPARE(previewed.object().value(u"written"_s).toBool(), false);
            QCOMPARE(total(), before); // nothing written
            // The organization it lands in, by its path (the test server's target).
            QVERIFY2(!previewed.object().value(u"organization"_s).toString().isEmpty(), previewed.out.constData());

            const QJsonObject sample =
                QJsonDocument::fromJson(ScimConsole::Core::ProviderProfile::samplePayload(
                                            *ScimConsole::Core::ProviderProfile::fromName(provider)))
                    .object();
            const ScimConsole::Test::HttpReply real = server.post(u"/Users"_s, sample);
            QCOMPARE(real.status, 201);
            QCOMPARE(withoutServerFields(previewed.object().value(u"resource"_s).toObject()),
                     withoutServerFields(real.json()));
            QCOMPARE(total(), before + 1);
        }
        // Groups too.
        const Run group = preview({u"--sample"_s, u"okta"_s, u"--resource"_s, u"groups"_s});
        QCOMPARE(group.object().value(u"status"_s).toInt(), 201);
        QCOMPARE(group.object().value(u"resource"_s).toObject().value(u"displayName"_s).toString(), u"Sales"_s);

        // Refused: the error the provider would get, and the same one a real POST gets.
        QVERIFY(ScimConsole::Core::ApplicationStore(server.db())
                    .setPolicies(server.appId(), std::nullopt, ScimConsole::Core::UnsupportedTypePolicy::Reject));
        const Run refusedPreview = preview({u"--sample"_s, u"entra"_s});
        QCOMPARE(refusedPreview.exitCode, 1);
        const QJsonObject error = refusedPreview.object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"status"_s).toString(), u"400"_s);
        QCOMPARE(error.value(u"scimType"_s).toString(), u"invalidValue"_s);
        QVERIFY(error.value(u"detail"_s).toString().contains(u"mobile"_s));
        QJsonObject again = QJsonDocument::fromJson(ScimConsole::Core::ProviderProfile::samplePayload(
                                                        ScimConsole::Core::IdentityProvider::Entra))
                                .object();
        again.insert(u"userName"_s, u"another@contoso.example"_s);
        const ScimConsole::Test::HttpReply realRefusal = server.post(u"/Users"_s, again);
        QCOMPARE(realRefusal.status, 400);
        QCOMPARE(realRefusal.json().value(u"scimType"_s).toString(), u"invalidValue"_s);

        // A payload on standard input; PUT needs the id of what it changes.
        const Run missing = preview({}, R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]})");
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.object().value(u"error"_s).toObject().value(u"status"_s).toString(), u"400"_s);
        QCOMPARE(preview({u"--method"_s, u"PUT"_s, u"--sample"_s, u"okta"_s}).exitCode, 2);
    }

    void app_createShowAndList() // A-01, A-02, A-03, A-04
    {
        const QJsonObject app = ok({u"app"_s, u"create"_s, u"--name"_s, u"Okta"_s, u"--kind"_s, u"custom"_s});
        const QString id = app.value(u"id").toString();
        QCOMPARE(app.value(u"kind").toString(), u"custom"_s);
        QCOMPARE(app.value(u"scimBasePath").toString(), u"/scim/v2/apps/"_s + id);
        QCOMPARE(app.value(u"scimPermission").toObject().value(u"usersRead").toBool(), false);
        QVERIFY(refused(cli({u"app"_s, u"create"_s, u"--name"_s, u"X"_s, u"--kind"_s, u"saml"_s}), "saml"));

        const QJsonObject enabled = ok({u"app"_s, u"permission"_s, u"--app"_s, id, u"--enable"_s});
        QCOMPARE(enabled.value(u"scimPermission").toObject().value(u"groupsWrite").toBool(), true);
        QCOMPARE(cli({u"app"_s, u"list"_s}).array().size(), 1);
        const QJsonObject shown = ok({u"app"_s, u"show"_s, u"--app"_s, id});
        QCOMPARE(shown.value(u"name").toString(), u"Okta"_s);
        QVERIFY(shown.value(u"tokens").isArray());
        QVERIFY(refused(cli({u"app"_s, u"show"_s, u"--app"_s, u"ghost"_s}), "ghost"));

        const Run text = cli({u"app"_s, u"show"_s, u"--app"_s, id}, false);
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("/scim/v2/apps/" + id.toLatin1()));
    }

    void app_setPolicies() // I-01, U-11
    {
        const QString id = newApp();
        const QJsonObject set = ok({u"app"_s, u"set"_s, u"--app"_s, id, u"--on-duplicate"_s, u"reject"_s,
                                    u"--unsupported-types"_s, u"ignore"_s});
        QCOMPARE(set.value(u"onDuplicate").toString(), u"reject"_s);
        QCOMPARE(set.value(u"unsupportedTypes").toString(), u"ignore"_s);
        QVERIFY(refused(cli({u"app"_s, u"set"_s, u"--app"_s, id, u"--on-duplicate"_s, u"merge"_s}), "merge"));
        QCOMPARE(ok({u"app"_s, u"show"_s, u"--app"_s, id}).value(u"onDuplicate").toString(), u"reject"_s);
    }

    void tokens_followThePolicy() // T-01, T-02, T-03, T-04, T-07
    {
        const QString app = newApp();
        QVERIFY(refused(cli({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"0"_s}), "1 day to 3 years"));
        QVERIFY(refused(cli({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"1097"_s}), "1 day to 3 years"));

        const QJsonObject day = ok({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"1"_s});
        const QString secret = day.value(u"token").toString();
        QVERIFY(secret.startsWith(u"scim_"));
        QVERIFY(secret.startsWith(day.value(u"prefix").toString()));
        QVERIFY(!day.value(u"expires").toString().isEmpty());
        const QString first = day.value(u"id").toString();

        const QJsonObject years = ok({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"1095"_s});
        const QString second = years.value(u"id").toString();
        QVERIFY(!second.isEmpty());

        QVERIFY(refused(cli({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"30"_s}), "at most 2"));
        QVERIFY(refused(cli({u"token"_s, u"delete"_s, u"--app"_s, app, u"--token"_s, first}), "Disable it first"));

        QCOMPARE(ok({u"token"_s, u"disable"_s, u"--app"_s, app, u"--token"_s, first}).value(u"enabled").toBool(true),
                 false);
        QVERIFY(refused(cli({u"token"_s, u"disable"_s, u"--app"_s, app, u"--token"_s, second}), "must stay enabled"));
        QVERIFY(refused(cli({u"token"_s, u"delete"_s, u"--app"_s, app, u"--token"_s, second}), "Disable it first"));
        QCOMPARE(ok({u"token"_s, u"delete"_s, u"--app"_s, app, u"--token"_s, first}).value(u"deleted").toBool(), true);

        const QJsonArray listed = cli({u"token"_s, u"list"_s, u"--app"_s, app}).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(u"id").toString(), second);
        QVERIFY2(!listed.at(0).toObject().contains(u"token"_s), "a listed token never carries its secret");
        QVERIFY(
            !cli({u"token"_s, u"list"_s, u"--app"_s, app}).out.contains(years.value(u"token").toString().toLatin1()));
    }

    void scopeAndTarget() // S-01, S-03, S-04, S-06
    {
        const QString app = newApp();
        const QString sales = ok({u"org"_s, u"create"_s, u"--name"_s, u"Sales"_s}).value(u"id").toString();
        const QString emea =
            ok({u"org"_s, u"create"_s, u"--name"_s, u"EMEA"_s, u"--parent"_s, sales}).value(u"id").toString();
        const QString eng = ok({u"org"_s, u"create"_s, u"--name"_s, u"Engineering"_s}).value(u"id").toString();

        const QJsonObject scoped = ok({u"app"_s, u"scope"_s, u"--app"_s, app, u"--org"_s, sales});
        QCOMPARE(scoped.value(u"scope").toObject().value(u"organizations").toArray().size(), 1);
        QCOMPARE(ok({u"app"_s, u"target"_s, u"--app"_s, app, u"--org"_s, emea}).value(u"syncTarget").toString(), emea);
        QVERIFY(refused(cli({u"app"_s, u"target"_s, u"--app"_s, app, u"--org"_s, eng}), "outside"));
        QCOMPARE(ok({u"app"_s, u"show"_s, u"--app"_s, app}).value(u"syncTarget").toString(), emea);
        QVERIFY(refused(cli({u"app"_s, u"scope"_s, u"--app"_s, app, u"--org"_s, eng}), "sync target"));
        QVERIFY(refused(cli({u"app"_s, u"scope"_s, u"--app"_s, app, u"--group"_s, u"ghost"_s}), "ghost"));
        QVERIFY(ok({u"app"_s, u"target"_s, u"--app"_s, app, u"--clear"_s}).value(u"syncTarget").isNull());
    }

    void fieldsAndMapping() // M-02, M-03, M-04
    {
        const QString app = newApp();
        QCOMPARE(ok({u"field"_s, u"create"_s, u"--name"_s, u"cost_center"_s, u"--type"_s, u"string"_s, u"--display"_s,
                     u"Cost center"_s})
                     .value(u"displayName")
                     .toString(),
                 u"Cost center"_s);
        QVERIFY(refused(cli({u"field"_s, u"create"_s, u"--name"_s, u"Cost"_s, u"--type"_s, u"string"_s}),
                        "not a valid field name"));
        QVERIFY(refused(cli({u"field"_s, u"create"_s, u"--name"_s, u"when"_s, u"--type"_s, u"date"_s}), "date"));
        QCOMPARE(cli({u"field"_s, u"list"_s}).array().size(), 1);

        const QJsonObject okta =
            ok({u"app"_s, u"mapping"_s, u"--app"_s, app, u"--namespace"_s, u"okta"_s, u"--field"_s, u"cost_center"_s});
        QCOMPARE(okta.value(u"mapping").toObject().value(u"namespace").toString(),
                 u"urn:ietf:params:scim:schemas:extension:customfield:2.0:User"_s);
        const QJsonObject entra = ok({u"app"_s, u"mapping"_s, u"--app"_s, app, u"--namespace"_s, u"entra:Contoso"_s});
        QCOMPARE(entra.value(u"mapping").toObject().value(u"namespace").toString(),
                 u"urn:ietf:params:scim:schemas:extension:Contoso:2.0:User"_s);
        QVERIFY(refused(
            cli({u"app"_s, u"mapping"_s, u"--app"_s, app, u"--namespace"_s, u"okta"_s, u"--field"_s, u"title"_s}),
            "title"));
        QVERIFY(refused(cli({u"app"_s, u"mapping"_s, u"--app"_s, app, u"--namespace"_s, u"custom"_s}),
                        "not a valid namespace"));
    }

    void app_renameDeleteAndPermissionPerScenario() // A-02, A-04
    {
        const QString app = newApp();
        QCOMPARE(ok({u"app"_s, u"rename"_s, u"--app"_s, app, u"--name"_s, u"  Okta  "_s}).value(u"name").toString(),
                 u"Okta"_s);
        QVERIFY(refused(cli({u"app"_s, u"rename"_s, u"--app"_s, app, u"--name"_s, u" "_s}), "name"));
        const QJsonObject some = ok({u"app"_s, u"permission"_s, u"--app"_s, app, u"--allow"_s, u"users:read"_s,
                                     u"--allow"_s, u"groups:write"_s});
        const QJsonObject permission = some.value(u"scimPermission").toObject();
        QVERIFY(permission.value(u"usersRead").toBool());
        QVERIFY(!permission.value(u"usersWrite").toBool());
        QVERIFY(!permission.value(u"groupsRead").toBool());
        QVERIFY(permission.value(u"groupsWrite").toBool());
        QCOMPARE(cli({u"app"_s, u"permission"_s, u"--app"_s, app, u"--allow"_s, u"users:delete"_s}).exitCode, 2);
        QCOMPARE(
            cli({u"app"_s, u"permission"_s, u"--app"_s, app, u"--enable"_s, u"--allow"_s, u"users:read"_s}).exitCode,
            2);
        QVERIFY(ok({u"app"_s, u"delete"_s, u"--app"_s, app}).value(u"deleted").toBool());
        QVERIFY(refused(cli({u"app"_s, u"show"_s, u"--app"_s, app}), app.toLatin1().constData()));
        QVERIFY(cli({u"app"_s, u"list"_s}).array().isEmpty());
    }

    void app_suspendAndResume() // issue 11 item 10
    {
        const QString app = newApp();
        const QJsonObject suspended = ok({u"app"_s, u"suspend"_s, u"--app"_s, app});
        QVERIFY(suspended.value(u"suspended").toBool());
        QVERIFY(!suspended.value(u"suspendedAt").toString().isEmpty());
        const Run shown = cli({u"app"_s, u"show"_s, u"--app"_s, app}, false);
        QVERIFY2(shown.out.contains("suspended:         yes, since"), shown.out.constData());
        const QJsonArray log = cli({u"log"_s, u"--app"_s, app}).array();
        QVERIFY(std::any_of(log.begin(), log.end(), [](const QJsonValue &event) {
            return event.toObject().value(u"method").toString() == u"SUSPEND";
        }));
        QVERIFY(!ok({u"app"_s, u"resume"_s, u"--app"_s, app}).value(u"suspended").toBool());
        QVERIFY(refused(cli({u"app"_s, u"suspend"_s, u"--app"_s, u"nonexistent"_s}), "nonexistent"));
    }

    void token_rotateInTwoSteps() // T-06
    {
        const QString app = newApp();
        QVERIFY(
            refused(cli({u"token"_s, u"rotate"_s, u"--app"_s, app, u"--days"_s, u"30"_s}), "no enabled bearer token"));
        const QString old =
            ok({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"30"_s}).value(u"id").toString();
        QVERIFY(refused(cli({u"token"_s, u"rotate"_s, u"--app"_s, app, u"--finish"_s}), "no new token"));
        const QJsonObject started = ok({u"token"_s, u"rotate"_s, u"--app"_s, app, u"--days"_s, u"90"_s});
        QCOMPARE(started.value(u"replaces").toString(), old);
        QVERIFY(started.value(u"token").toString().startsWith(u"scim_"_s));
        // The client has not used the new token: finishing would lock it out.
        QVERIFY(refused(cli({u"token"_s, u"rotate"_s, u"--app"_s, app, u"--finish"_s}), "not called"));
        QCOMPARE(cli({u"token"_s, u"list"_s, u"--app"_s, app}).array().size(), 2);
        // T-02 holds meanwhile.
        QVERIFY(refused(cli({u"token"_s, u"rotate"_s, u"--app"_s, app, u"--days"_s, u"90"_s}), "at most 2"));
        const QJsonObject finished = ok({u"token"_s, u"rotate"_s, u"--app"_s, app, u"--finish"_s, u"--force"_s});
        QCOMPARE(finished.value(u"retired").toArray(), QJsonArray{old});
        const QJsonArray left = cli({u"token"_s, u"list"_s, u"--app"_s, app}).array();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).toObject().value(u"id").toString(), started.value(u"id").toString());
    }

    void clientCredentials_fromTheCommandLine() // C-01, C-02, C-03, C-04, C-05, C-07
    {
        const QString app = newApp();
        QCOMPARE(cli({u"app"_s, u"credentials"_s, u"show"_s}).exitCode, 2); // --app is required
        QVERIFY(refused(cli({u"app"_s, u"credentials"_s, u"enable"_s, u"--app"_s, app}), "client secret first"));
        const QJsonObject shown = ok({u"app"_s, u"credentials"_s, u"show"_s, u"--app"_s, app});
        QVERIFY(shown.value(u"clientId").toString().startsWith(u"scimc_"_s));
        QCOMPARE(shown.value(u"enabled").toBool(), false);
        QCOMPARE(shown.value(u"tokenEndpoint").toString(), u"/scim/v2/apps/%1/oauth2/token"_s.arg(app));

        const QJsonObject secret = ok({u"client-secret"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"30"_s});
        QVERIFY(secret.value(u"secret").toString().startsWith(u"scimcs_"_s));
        const QJsonObject on =
            ok({u"app"_s, u"credentials"_s, u"enable"_s, u"--app"_s, app, u"--token-lifetime"_s, u"600"_s});
        QCOMPARE(on.value(u"enabled").toBool(), true);
        QCOMPARE(on.value(u"tokenLifetime").toInt(), 600);
        QCOMPARE(on.value(u"clientId").toString(), shown.value(u"clientId").toString()); // stable
        QVERIFY(refused(cli({u"app"_s, u"credentials"_s, u"show"_s, u"--app"_s, app, u"--token-lifetime"_s, u"60"_s}),
                        "5 minutes"));

        const QJsonArray listed = cli({u"client-secret"_s, u"list"_s, u"--app"_s, app}).array();
        QCOMPARE(listed.size(), 1);
        QVERIFY(!QJsonDocument(listed).toJson().contains(secret.value(u"secret").toString().toLatin1()));
        QVERIFY(cli({u"token"_s, u"list"_s, u"--app"_s, app}).array().isEmpty()); // not bearer tokens
        const QString id = secret.value(u"id").toString();
        QVERIFY(refused(cli({u"client-secret"_s, u"disable"_s, u"--app"_s, app, u"--secret-id"_s, id}),
                        "at least one client secret"));
        QVERIFY(refused(cli({u"client-secret"_s, u"delete"_s, u"--app"_s, app, u"--secret-id"_s, id}),
                        "client secret cannot be deleted"));
        QVERIFY(ok({u"app"_s, u"credentials"_s, u"disable"_s, u"--app"_s, app}).value(u"enabled") == false);
        QVERIFY(ok({u"client-secret"_s, u"disable"_s, u"--app"_s, app, u"--secret-id"_s, id}).value(u"enabled")
                == false);
        QVERIFY(
            ok({u"client-secret"_s, u"delete"_s, u"--app"_s, app, u"--secret-id"_s, id}).value(u"deleted").toBool());
    }

    void ramTest_againstTheConsolesOwnTokenEndpoint() // C-06, R-02, R-04
    {
        // The console's RAM client and its own token endpoint interoperate: a profile pointed at a running console's
        // application passes `ram test` (token, /ResourceTypes, /Schemas).
        SCIM_START_TEST_SERVER(server);
        const auto secret = ScimConsole::Core::TokenStore(server.db(), ScimConsole::Core::TokenKind::ClientSecret)
                                .issue(server.appId(), 30);
        QVERIFY(secret);
        ScimConsole::Core::ClientCredentialStore credentials(server.db());
        const QString clientId = credentials.ensure(server.appId())->clientId;
        QVERIFY(credentials.setEnabled(server.appId(), true));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SCIM_SELF_SECRET"_s, secret->secret);
        const Run set = cliLive({u"ram"_s, u"profile"_s, u"set"_s, u"--name"_s, u"self"_s, u"--client-id"_s, clientId,
                                 u"--token-url"_s, server.base() + u"/oauth2/token"_s, u"--scim-url"_s, server.base(),
                                 u"--secret-env"_s, u"SCIM_SELF_SECRET"_s},
                                {}, environment);
        QVERIFY2(set.exitCode == 0, set.err.constData());
        const Run test = cliLive({u"ram"_s, u"test"_s, u"--profile"_s, u"self"_s}, {}, environment);
        QVERIFY2(test.exitCode == 0, test.out.constData());
        const QJsonArray steps = test.object().value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 3);
        for (const QJsonValue &step : steps)
            QVERIFY(step.toObject().value(u"ok"_s).toBool());
        QVERIFY(!test.out.contains(secret->secret.toLatin1()));
    }

    void org_renameMoveDelete_withTheirRules()
    {
        const QString sales = ok({u"org"_s, u"create"_s, u"--name"_s, u"Sales"_s}).value(u"id").toString();
        const QString emea =
            ok({u"org"_s, u"create"_s, u"--name"_s, u"EMEA"_s, u"--parent"_s, sales}).value(u"id").toString();
        const QString support = ok({u"org"_s, u"create"_s, u"--name"_s, u"Support"_s}).value(u"id").toString();
        QCOMPARE(ok({u"org"_s, u"rename"_s, u"--org"_s, emea, u"--name"_s, u"Europe"_s}).value(u"path").toString(),
                 u"Directory / Sales / Europe"_s);
        QVERIFY(refused(cli({u"org"_s, u"move"_s, u"--org"_s, sales, u"--parent"_s, emea}), "below itself"));
        QCOMPARE(ok({u"org"_s, u"move"_s, u"--org"_s, emea, u"--parent"_s, support}).value(u"path").toString(),
                 u"Directory / Support / Europe"_s);
        QVERIFY(refused(cli({u"org"_s, u"delete"_s, u"--org"_s, support}), "below it"));
        const QString app = newApp();
        QVERIFY(!ok({u"app"_s, u"scope"_s, u"--app"_s, app, u"--org"_s, emea}).isEmpty());
        QVERIFY(refused(cli({u"org"_s, u"delete"_s, u"--org"_s, emea}), "Entra ID"));
        QVERIFY(!ok({u"app"_s, u"delete"_s, u"--app"_s, app}).isEmpty());
        QVERIFY(ok({u"org"_s, u"delete"_s, u"--org"_s, emea}).value(u"deleted").toBool());
        QVERIFY(ok({u"org"_s, u"delete"_s, u"--org"_s, support}).value(u"deleted").toBool());
        QCOMPARE(cli({u"org"_s, u"list"_s}).array().size(), 2); // the root and Sales
    }

    void group_createListShowRenameDelete() // G-01
    {
        const QString id = ok({u"group"_s, u"create"_s, u"--name"_s, u"Admins"_s}).value(u"id").toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(refused(cli({u"group"_s, u"create"_s, u"--name"_s, u"   "_s}), "displayName"));
        QCOMPARE(cli({u"group"_s, u"list"_s}).array().size(), 1);
        QCOMPARE(ok({u"group"_s, u"rename"_s, u"--group"_s, id, u"--name"_s, u"Administrators"_s})
                     .value(u"displayName")
                     .toString(),
                 u"Administrators"_s);
        QCOMPARE(ok({u"group"_s, u"show"_s, u"--group"_s, id}).value(u"members").toArray().size(), 0);
        // A group made here can be in a scope before the first sync (S-01).
        const QString app = newApp();
        QVERIFY(!ok({u"app"_s, u"scope"_s, u"--app"_s, app, u"--group"_s, id}).isEmpty());
        QVERIFY(ok({u"group"_s, u"delete"_s, u"--group"_s, id}).value(u"deleted").toBool());
        QVERIFY(refused(cli({u"group"_s, u"show"_s, u"--group"_s, id}), id.toLatin1().constData()));
        QVERIFY(
            ok({u"app"_s, u"show"_s, u"--app"_s, app}).value(u"scope").toObject().value(u"groups").toArray().isEmpty());
    }

    void user_listWithScimFilter_andShow()
    {
        {
            auto db = m_db->open();
            ScimConsole::Core::AccountStore accounts(*db);
            for (const auto &[name, active] :
                 {std::pair(u"ana@example.com"_s, true), std::pair(u"anabel@example.com"_s, false),
                  std::pair(u"budi@example.com"_s, true)}) {
                ScimConsole::Core::Account a;
                a.userName = name;
                a.email = name;
                a.active = active;
                QVERIFY(accounts.create(a));
            }
        }
        QCOMPARE(ok({u"user"_s, u"list"_s}).value(u"totalResults").toInt(), 3);
        const QJsonObject ana = ok({u"user"_s, u"list"_s, u"--filter"_s, u"userName sw \"ana\""_s});
        QCOMPARE(ana.value(u"totalResults").toInt(), 2);
        QCOMPARE(ana.value(u"users").toArray().at(0).toObject().value(u"userName").toString(), u"ana@example.com"_s);
        QCOMPARE(ok({u"user"_s, u"list"_s, u"--filter"_s, u"userName sw \"ana\" and active eq false"_s})
                     .value(u"totalResults")
                     .toInt(),
                 1);
        const QJsonObject paged = ok({u"user"_s, u"list"_s, u"--offset"_s, u"2"_s, u"--limit"_s, u"5"_s});
        QCOMPARE(paged.value(u"users").toArray().size(), 1);
        QCOMPARE(cli({u"user"_s, u"list"_s, u"--filter"_s, u"userName zz 1"_s}).exitCode, 2);
        QCOMPARE(cli({u"user"_s, u"list"_s, u"--limit"_s, u"0"_s}).exitCode, 2);
        const QJsonObject shown = ok({u"user"_s, u"show"_s, u"--user-name"_s, u"BUDI@example.com"_s});
        QCOMPARE(shown.value(u"userName").toString(), u"budi@example.com"_s);
        QCOMPARE(ok({u"user"_s, u"show"_s, u"--user"_s, shown.value(u"id").toString()}).value(u"email").toString(),
                 u"budi@example.com"_s);
        QVERIFY(refused(cli({u"user"_s, u"show"_s, u"--user-name"_s, u"ghost"_s}), "ghost"));
        QCOMPARE(cli({u"user"_s, u"show"_s}).exitCode, 2);
    }

    void field_editAndDelete() // M-03, M-04
    {
        QVERIFY(!ok({u"field"_s, u"create"_s, u"--name"_s, u"badge"_s, u"--type"_s, u"string"_s}).isEmpty());
        QCOMPARE(ok({u"field"_s, u"edit"_s, u"--name"_s, u"badge"_s, u"--display"_s, u"Badge"_s})
                     .value(u"displayName")
                     .toString(),
                 u"Badge"_s);
        const QString app = newApp();
        QVERIFY(!ok({u"app"_s, u"mapping"_s, u"--app"_s, app, u"--namespace"_s, u"okta"_s, u"--field"_s, u"badge"_s})
                     .isEmpty());
        QVERIFY(refused(cli({u"field"_s, u"delete"_s, u"--name"_s, u"badge"_s}), "Entra ID"));
        QVERIFY(!ok({u"app"_s, u"mapping"_s, u"--app"_s, app, u"--namespace"_s, u""_s}).isEmpty());
        QVERIFY(ok({u"field"_s, u"delete"_s, u"--name"_s, u"badge"_s}).value(u"deleted").toBool());
        QVERIFY(refused(cli({u"field"_s, u"edit"_s, u"--name"_s, u"badge"_s, u"--display"_s, u"B"_s}), "badge"));
    }

    void demo_fillsAnEmptyStoreOnce()
    {
        const QJsonObject filled = ok({u"demo"_s, u"--users"_s, u"50"_s});
        QCOMPARE(filled.value(u"users").toInt(), 50);
        QCOMPARE(ok({u"user"_s, u"list"_s}).value(u"totalResults").toInt(), 50);
        QVERIFY(cli({u"app"_s, u"list"_s}).array().size() >= 3);
        QVERIFY(cli({u"group"_s, u"list"_s}).array().size() >= 3);
        QVERIFY(refused(cli({u"demo"_s}), "already holds"));
        QCOMPARE(cli({u"demo"_s, u"--users"_s, u"-1"_s}).exitCode, 2);
    }

    void chineseLocale_translatesMessages()
    {
        const QString app = newApp();
        const Run run = cli({u"token"_s, u"create"_s, u"--app"_s, app, u"--days"_s, u"0"_s}, false, u"zh_CN.UTF-8"_s);
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(u"令牌有效期为 1 天至 3 年"_s), qPrintable(err));
    }

    void log_filtersFollowAndRetention() // I-02, I-03
    {
        const QString app = newApp();
        const auto call = [&app](int status, const QString &path, qint64 agoSecs) {
            ScimConsole::Core::SyncEvent e;
            e.at = QDateTime::currentDateTimeUtc().addSecs(-agoSecs);
            e.appId = app;
            e.method = u"GET"_s;
            e.path = path;
            e.status = status;
            e.scimType = status == 409 ? u"uniqueness"_s : QString();
            return e;
        };
        {
            auto db = m_db->open();
            QVERIFY(ScimConsole::Core::SyncLogStore(*db).append({call(200, u"/Users/old"_s, 3 * 86400),
                                                                 call(409, u"/Users/taken"_s, 600),
                                                                 call(200, u"/Users/new"_s, 5)}));
        }
        QCOMPARE(cli({u"log"_s}).array().size(), 3);
        const QJsonArray conflicts = cli({u"log"_s, u"--status"_s, u"4xx"_s}).array();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.at(0).toObject().value(u"scimType").toString(), u"uniqueness"_s);
        QCOMPARE(conflicts.at(0).toObject().value(u"source").toString(), u"Entra ID"_s);
        QCOMPARE(cli({u"log"_s, u"--since"_s, u"1h"_s}).array().size(), 2);
        QCOMPARE(cli({u"log"_s, u"--lines"_s, u"1"_s}).array().at(0).toObject().value(u"path").toString(),
                 u"/Users/new"_s);
        QVERIFY(cli({u"log"_s, u"--app"_s, u"ghost"_s}).exitCode == 1);
        // The console's filter, on the command line too.
        QCOMPARE(cli({u"log"_s, u"--find"_s, u"TAKEN"_s}).array().size(), 1);
        QCOMPARE(cli({u"log"_s, u"--until"_s, u"1h"_s}).array().size(), 1);
        QCOMPARE(cli({u"log"_s, u"--method"_s, u"get"_s, u"--direction"_s, u"in"_s}).array().size(), 3);
        QCOMPARE(cli({u"log"_s, u"--direction"_s, u"out"_s}).array().size(), 0);
        QCOMPARE(cli({u"log"_s, u"--direction"_s, u"sideways"_s}).exitCode, 2);
        QCOMPARE(cli({u"log"_s, u"--status"_s, u"404"_s}).exitCode, 2);
        QCOMPARE(cli({u"log"_s, u"--since"_s, u"yesterday"_s}).exitCode, 2);
        const Run text = cli({u"log"_s, u"--status"_s, u"4xx"_s}, false);
        QVERIFY2(text.out.contains("409") && text.out.contains("uniqueness") && text.out.contains("Entra ID"),
                 text.out.constData());

        // --follow prints what arrives, until SIGTERM.
        QProcess follow;
        follow.start(QStringLiteral(SCIM_CONSOLE_BINARY),
                     {u"log"_s, u"--follow"_s, u"--lines"_s, u"1"_s, u"--json"_s, u"--db"_s, m_db->spec()});
        QVERIFY(follow.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(follow.canReadLine(), 20000);
        QVERIFY(follow.readLine().contains("/Users/new"));
        {
            auto db = m_db->open();
            QVERIFY(ScimConsole::Core::SyncLogStore(*db).append({call(201, u"/Users/live"_s, 0)}));
        }
        QTRY_VERIFY_WITH_TIMEOUT(follow.canReadLine(), 20000);
        const QJsonObject live = QJsonDocument::fromJson(follow.readLine()).object();
        QCOMPARE(live.value(u"path").toString(), u"/Users/live"_s);
        QCOMPARE(live.value(u"status").toInt(), 201);
        follow.terminate();
        QVERIFY(follow.waitForFinished(20000));
        QCOMPARE(follow.exitCode(), 0);

        // Retention: shown, set, validated.
        QCOMPARE(ok({u"log"_s, u"retention"_s}).value(u"days").toInt(), 30);
        const QJsonObject set = ok({u"log"_s, u"retention"_s, u"--days"_s, u"7"_s, u"--max-events"_s, u"50000"_s});
        QCOMPARE(set.value(u"days").toInt(), 7);
        QCOMPARE(set.value(u"maxEvents").toInteger(), 50000);
        QVERIFY(refused(cli({u"log"_s, u"retention"_s, u"--days"_s, u"0"_s}), "1 to 3650 days"));
        QVERIFY(refused(cli({u"log"_s, u"retention"_s, u"--max-events"_s, u"10"_s}), "1,000"));
        QCOMPARE(ok({u"log"_s, u"retention"_s}).value(u"days").toInt(), 7);
    }

    void serve_listensAndStopsCleanlyOnSigterm()
    {
        QProcess server;
        server.setProgram(QStringLiteral(SCIM_CONSOLE_BINARY));
        server.setArguments({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, m_db->spec()});
        server.start();
        QVERIFY(server.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 20000);
        const QByteArray line = server.readLine().trimmed();
        QVERIFY2(line.startsWith("listening on http://127.0.0.1:"), line.constData());
        // Issue 11 item 7: the server, holding token hashes and secrets, never writes a core dump.
        QFile limits(u"/proc/%1/limits"_s.arg(server.processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QByteArray table = limits.readAll();
        const qsizetype core = table.indexOf("Max core file size");
        QVERIFY(core >= 0);
        QCOMPARE(table.mid(core, table.indexOf('\n', core) - core).simplified(),
                 QByteArray("Max core file size 0 0 bytes"));
        server.terminate(); // SIGTERM
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void postgresPasswordOnTheCommandLine_isWarnedAbout() // issue 11 item 7
    {
        QProcess process;
        process.start(QStringLiteral(SCIM_CONSOLE_BINARY),
                      {u"--db"_s, u"postgresql://scim:s3cr3t-pw@127.0.0.1:1/none"_s, u"app"_s, u"list"_s});
        QVERIFY(process.waitForFinished(30000));
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("PGPASSWORD"), err.constData());
        QVERIFY2(!err.contains("s3cr3t-pw"), "the warning must not repeat the password");
        QCOMPARE(process.exitCode(), 3); // and the unreachable store is the usual error
    }

    void serve_selfSignedCertificate_isMadeOnceAndShown()
    {
        QTemporaryDir data;
        const auto start = [&](QProcess &server) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"XDG_DATA_HOME"_s, data.path());
            environment.insert(u"LANG"_s, u"C"_s);
            environment.insert(u"LANGUAGE"_s, u"C"_s);
            server.setProcessEnvironment(environment);
            server.start(QStringLiteral(SCIM_CONSOLE_BINARY), {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s,
                                                               u"--tls-self-signed"_s, u"--db"_s, m_db->spec()});
        };
        QProcess first;
        start(first);
        QTRY_VERIFY_WITH_TIMEOUT(first.canReadLine(), 30000);
        QVERIFY(first.readLine().startsWith("listening on https://127.0.0.1:"));
        first.terminate();
        QVERIFY(first.waitForFinished(20000));
        const QString err = QString::fromUtf8(first.readAllStandardError());
        const QRegularExpression fingerprint(u"SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})"_s);
        const QRegularExpressionMatch match = fingerprint.match(err);
        QVERIFY2(match.hasMatch(), qPrintable(err));

        const QString key = data.path() + u"/ScimConsole/scim-console/tls/scim-console.key.pem"_s;
        QVERIFY(QFile::exists(key));
        QCOMPARE(QFile::permissions(key) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        QProcess second; // the same certificate again
        start(second);
        QTRY_VERIFY_WITH_TIMEOUT(second.canReadLine(), 30000);
        second.terminate();
        QVERIFY(second.waitForFinished(20000));
        QVERIFY(QString::fromUtf8(second.readAllStandardError()).contains(match.captured(1)));
    }

    void serve_refusesPlainHttpOnANetworkAddress()
    {
        const Run refusedRun = cli({u"serve"_s, u"--listen"_s, u"0.0.0.0:0"_s}, false);
        QVERIFY(refused(refusedRun, "TLS"));
        QCOMPARE(cli({u"serve"_s, u"--listen"_s, u"nonsense"_s}, false).exitCode, 2);
        QVERIFY(
            refused(cli({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--tls-cert"_s, u"/nonexistent.pem"_s}, false),
                    "certificate and a key"));
    }

    /// Issue 13: `--secret-stdin` on a terminal asks for the secret and reads one line without echoing it (it
    /// used to wait for end of input, echoing whatever was typed).
    void ram_secretStdinOnATerminal_isAskedWithoutEcho()
    {
        const QString secret = ScimConsole::Test::testRamSecret();
        ScimConsole::Test::RamTestDouble::Options options;
        options.secret = secret;
        ScimConsole::Test::RamTestDouble ram(options);
        QVERIFY(ram.start());
        const QString app = newApp();
        const QByteArray database = m_db->spec().toUtf8();
        const QList<QByteArray> arguments{QByteArrayLiteral(SCIM_CONSOLE_BINARY),
                                          "ram",
                                          "profile",
                                          "set",
                                          "--name",
                                          "Typed",
                                          "--client-id",
                                          "ram-client-id",
                                          "--token-url",
                                          ram.tokenUrl().toUtf8(),
                                          "--scim-url",
                                          ram.scimUrl().toUtf8(),
                                          "--app",
                                          app.toUtf8(),
                                          "--secret-stdin",
                                          "--json"};
        int terminal = -1;
        const pid_t child = forkpty(&terminal, nullptr, nullptr, nullptr);
        QVERIFY(child >= 0);
        if (child == 0) {
            setenv("SCIM_CONSOLE_DB", database.constData(), 1);
            setenv("LANG", "C", 1);
            setenv("LANGUAGE", "C", 1);
            std::vector<char *> argv;
            for (const QByteArray &argument : arguments)
                argv.push_back(const_cast<char *>(argument.constData()));
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        // Everything the terminal shows, until the program ends.
        QByteArray shown;
        const auto readFor = [&](int milliseconds, const QByteArray &until) {
            QDeadlineTimer deadline(milliseconds);
            while (!deadline.hasExpired() && (until.isEmpty() || !shown.contains(until))) {
                pollfd ready{terminal, POLLIN, 0};
                if (poll(&ready, 1, 100) <= 0)
                    continue;
                char buffer[4096];
                const ssize_t got = read(terminal, buffer, sizeof buffer);
                if (got <= 0)
                    return; // the program has ended
                shown.append(buffer, got);
            }
        };
        readFor(20000, "(not shown): ");
        QVERIFY2(shown.contains("App secret of Typed (not shown): "), shown.constData());
        const QByteArray typed = secret.toUtf8() + "\n";
        QCOMPARE(write(terminal, typed.constData(), size_t(typed.size())), ssize_t(typed.size()));
        readFor(30000, {});
        // Never wait for ever: a program still waiting for its input fails the test instead of hanging it.
        int status = 0;
        pid_t ended = 0;
        for (QDeadlineTimer deadline(30000); ended == 0 && !deadline.hasExpired(); QTest::qWait(50))
            ended = waitpid(child, &status, WNOHANG);
        if (ended == 0) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
        }
        close(terminal);
        QVERIFY2(ended == child, shown.constData());
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, shown.constData());
        QVERIFY2(!shown.contains(secret.toUtf8()), "the secret was echoed");
        QVERIFY2(shown.contains("\"secretSource\": \"keychain\""), shown.constData());
        // And it is the secret RAM accepts.
        QCOMPARE(cliLive({u"ram"_s, u"test"_s, u"--profile"_s, u"Typed"_s}).exitCode, 0);
    }

    void ram_profileTestPushPull() // R-01 R-02 R-04 R-06 R-07 R-08 R-10 R-11
    {
        const QString secret = ScimConsole::Test::testRamSecret();
        ScimConsole::Test::RamTestDouble::Options options;
        options.secret = secret;
        ScimConsole::Test::RamTestDouble ram(options);
        QVERIFY(ram.start());

        const QString app = newApp();
        const QString org = ok({u"org"_s, u"create"_s, u"--name"_s, u"People"_s}).value(u"id").toString();
        QVERIFY(!ok({u"app"_s, u"scope"_s, u"--app"_s, app, u"--org"_s, org}).isEmpty());
        {
            auto db = m_db->open();
            ScimConsole::Core::AccountStore accounts(*db);
            for (const QString &name : {u"alice@example.com"_s, u"bob@example.com"_s, u"bad name@example.com"_s}) {
                ScimConsole::Core::Account account;
                account.userName = name;
                account.orgId = org;
                QVERIFY(accounts.create(account));
            }
        }

        // Issue 11 item 7: the client secret never goes to a remote host over plain http.
        const Run plain = cliLive({u"ram"_s, u"profile"_s, u"set"_s, u"--name"_s, u"Plain"_s, u"--client-id"_s,
                                   u"ram-client-id"_s, u"--token-url"_s, u"http://oauth.example.com/v1/token"_s,
                                   u"--scim-url"_s, ram.scimUrl(), u"--app"_s, app, u"--secret-stdin"_s},
                                  secret.toUtf8() + "\n");
        QCOMPARE(plain.exitCode, 1);
        QVERIFY2(plain.err.contains("not an https URL"), plain.err.constData());
        QVERIFY(cliLive({u"ram"_s, u"profile"_s, u"list"_s}).array().isEmpty());

        const QStringList profile{u"--profile"_s, u"P"_s};
        const Run set = cliLive({u"ram"_s, u"profile"_s, u"set"_s, u"--name"_s, u"P"_s, u"--client-id"_s,
                                 u"ram-client-id"_s, u"--token-url"_s, ram.tokenUrl(), u"--scim-url"_s, ram.scimUrl(),
                                 u"--app"_s, app, u"--secret-stdin"_s},
                                secret.toUtf8() + "\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QCOMPARE(set.object().value(u"secretSource").toString(), u"keychain"_s);
        QVERIFY(!set.out.contains(secret.toUtf8()) && !set.err.contains(secret.toUtf8()));
        QCOMPARE(cliLive({u"ram"_s, u"profile"_s, u"list"_s}).array().size(), 1);

        const Run test = cliLive(QStringList{u"ram"_s, u"test"_s} + profile);
        QCOMPARE(test.exitCode, 0);
        QCOMPARE(test.object().value(u"steps"_s).toArray().size(), 3);
        QCOMPARE(ram.tokensIssued, 1);

        const Run preview = cliLive(QStringList{u"ram"_s, u"push"_s, u"--dry-run"_s} + profile);
        QCOMPARE(preview.exitCode, 0);
        QCOMPARE(preview.object().value(u"counts"_s).toObject().value(u"create"_s).toInt(), 2);
        QCOMPARE(preview.object().value(u"counts"_s).toObject().value(u"conflict"_s).toInt(), 1);
        QCOMPARE(ram.writes(), 0);

        const Run pushed = cliLive(QStringList{u"ram"_s, u"push"_s} + profile);
        QCOMPARE(pushed.exitCode, 1); // the conflict was not sent: not every item succeeded
        QCOMPARE(pushed.object().value(u"created"_s).toInt(), 2);
        QCOMPARE(ram.users.size(), 2);
        // Issue 13: with --json, progress is one JSON object per line on stderr, ending with each stage done.
        const QList<QByteArray> progress = pushed.err.trimmed().split('\n');
        QVERIFY(!progress.isEmpty());
        for (const QByteArray &line : progress) {
            const QJsonObject step = QJsonDocument::fromJson(line).object();
            QVERIFY2(step.contains(u"stage"_s) && step.contains(u"done"_s) && step.contains(u"total"_s),
                     line.constData());
        }
        const QJsonObject lastStep = QJsonDocument::fromJson(progress.constLast()).object();
        QCOMPARE(lastStep.value(u"stage"_s).toString(), u"push"_s);
        QCOMPARE(lastStep.value(u"done"_s).toInt(), lastStep.value(u"total"_s).toInt());
        const Run plainPush = cliLive(QStringList{u"ram"_s, u"push"_s} + profile, {}, {}, false);
        QCOMPARE(plainPush.exitCode, 1); // the conflict again
        // Not a terminal: plain lines, no carriage returns or escape sequences for a log to keep.
        QVERIFY2(!plainPush.err.contains('\r') && !plainPush.err.contains('\033'), plainPush.err.constData());
        QVERIFY2(plainPush.err.contains("reading RAM users:"), plainPush.err.constData());
        QCOMPARE(cliLive(QStringList{u"ram"_s, u"push"_s} + profile).object().value(u"created"_s).toInt(), 0);

        const Run pulled = cliLive(QStringList{u"ram"_s, u"pull"_s} + profile);
        QCOMPARE(pulled.exitCode, 0);
        // Issue 13: pull read an option only push declares, and Qt said so on stderr.
        QVERIFY2(!pulled.err.contains("QCommandLineParser"), pulled.err.constData());
        QCOMPARE(pulled.object().value(u"linked"_s).toArray().size(), 2);
        QCOMPARE(pulled.object().value(u"directoryOnly"_s).toArray().size(), 1);

        // A secret file must be the owner's alone.
        QTemporaryDir dir;
        QFile file(dir.filePath(u"secret"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(secret.toUtf8());
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        const QStringList fileSource{u"ram"_s, u"profile"_s,       u"set"_s,       u"--name"_s,
                                     u"P"_s,   u"--secret-file"_s, file.fileName()};
        QVERIFY(refused(cliLive(fileSource), "0600"));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(cliLive(fileSource).exitCode, 0);
        QCOMPARE(cliLive(QStringList{u"ram"_s, u"test"_s} + profile).exitCode, 0);

        QVERIFY(cliLive({u"ram"_s, u"profile"_s, u"delete"_s, u"--profile"_s, u"P"_s}).exitCode == 0);
        QCOMPARE(cliLive({u"ram"_s, u"profile"_s, u"list"_s}).array().size(), 0);
    }

    /// Issue 11, "nothing lost": `ram push` killed in the middle, then started again, ends with every account in RAM
    /// exactly once — users RAM wrote before the kill but whose answers never arrived are recognised by externalId.
    void ram_pushKilledMidway_restartedCompletesWithoutDuplicates() // R-06 R-11
    {
        const QString secret = ScimConsole::Test::testRamSecret();
        ScimConsole::Test::RamTestDouble::Options options;
        options.secret = secret;
        options.latencyMs = 2; // a push that takes long enough to be killed in its middle
        ScimConsole::Test::RamTestDouble ram(options);
        QVERIFY(ram.start());
        const QString app = newApp();
        const QString org = ok({u"org"_s, u"create"_s, u"--name"_s, u"People"_s}).value(u"id").toString();
        QVERIFY(!ok({u"app"_s, u"scope"_s, u"--app"_s, app, u"--org"_s, org}).isEmpty());
        constexpr int Accounts = 300;
        QSet<QString> accountIds;
        {
            auto db = m_db->open();
            ScimConsole::Core::AccountStore accounts(*db);
            for (int i = 0; i < Accounts; ++i) {
                ScimConsole::Core::Account account;
                account.userName = u"user%1@example.com"_s.arg(i);
                account.orgId = org;
                const auto created = accounts.create(account);
                QVERIFY(created);
                accountIds.insert(created->id);
            }
        }
        const Run set = cliLive({u"ram"_s, u"profile"_s, u"set"_s, u"--name"_s, u"P"_s, u"--client-id"_s,
                                 u"ram-client-id"_s, u"--token-url"_s, ram.tokenUrl(), u"--scim-url"_s, ram.scimUrl(),
                                 u"--app"_s, app, u"--secret-stdin"_s},
                                secret.toUtf8() + "\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());

        QProcess push;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SCIM_CONSOLE_DB"_s, m_db->spec());
        push.setProcessEnvironment(env);
        push.start(QStringLiteral(SCIM_CONSOLE_BINARY), {u"ram"_s, u"push"_s, u"--profile"_s, u"P"_s, u"--json"_s});
        QVERIFY(push.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(ram.writes() >= Accounts / 3, 60000);
        push.kill();
        QVERIFY(push.waitForFinished(10000));
        QCOMPARE(push.exitStatus(), QProcess::CrashExit);
        const qsizetype before = ram.users.size();
        QVERIFY2(before < Accounts, "killed before the end");

        const Run again = cliLive({u"ram"_s, u"push"_s, u"--profile"_s, u"P"_s});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY(again.object().value(u"created"_s).toInt() <= Accounts - before);
        QCOMPARE(again.object().value(u"failed"_s).toArray().size(), 0);
        QCOMPARE(ram.users.size(), Accounts);
        QSet<QString> names, externalIds;
        for (const ScimConsole::Core::RamUser &user : std::as_const(ram.users)) {
            names.insert(user.userName.toLower());
            externalIds.insert(user.externalId);
        }
        QCOMPARE(names.size(), Accounts);
        QCOMPARE(externalIds, accountIds);
        QCOMPARE(cliLive({u"ram"_s, u"push"_s, u"--profile"_s, u"P"_s}).object().value(u"created"_s).toInt(), 0);
    }

    /// One error vocabulary (issue 12) gives each outcome its exit code: a push cancelled by SIGTERM exits 130 with
    /// its summary, a RAM nobody answers exits 4.
    void ram_cancelledPushExits130_unreachableRamExits4()
    {
        const QString secret = ScimConsole::Test::testRamSecret();
        ScimConsole::Test::RamTestDouble::Options options;
        options.secret = secret;
        options.latencyMs = 5;
        const QString app = newApp();
        const QString org = ok({u"org"_s, u"create"_s, u"--name"_s, u"People"_s}).value(u"id").toString();
        QVERIFY(!ok({u"app"_s, u"scope"_s, u"--app"_s, app, u"--org"_s, org}).isEmpty());
        {
            auto db = m_db->open();
            ScimConsole::Core::AccountStore accounts(*db);
            for (int i = 0; i < 200; ++i) {
                ScimConsole::Core::Account account;
                account.userName = u"user%1@example.com"_s.arg(i);
                account.orgId = org;
                QVERIFY(accounts.create(account));
            }
        }
        const auto setProfile = [&](const QString &name, const ScimConsole::Test::RamTestDouble &ram) {
            return cliLive({u"ram"_s, u"profile"_s, u"set"_s, u"--name"_s, name, u"--client-id"_s, u"ram-client-id"_s,
                            u"--token-url"_s, ram.tokenUrl(), u"--scim-url"_s, ram.scimUrl(), u"--app"_s, app,
                            u"--secret-stdin"_s},
                           secret.toUtf8() + "\n");
        };
        {
            ScimConsole::Test::RamTestDouble gone(options);
            QVERIFY(gone.start());
            QCOMPARE(setProfile(u"Gone"_s, gone).exitCode, 0);
        } // nothing listens there any more
        const Run unreachable = cliLive({u"ram"_s, u"pull"_s, u"--profile"_s, u"Gone"_s});
        QVERIFY2(unreachable.exitCode == 4, unreachable.err.constData());
        QVERIFY(unreachable.err.contains("Cannot reach"));

        ScimConsole::Test::RamTestDouble ram(options);
        QVERIFY(ram.start());
        QCOMPARE(setProfile(u"P"_s, ram).exitCode, 0);
        QProcess push;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SCIM_CONSOLE_DB"_s, m_db->spec());
        push.setProcessEnvironment(env);
        push.start(QStringLiteral(SCIM_CONSOLE_BINARY), {u"ram"_s, u"push"_s, u"--profile"_s, u"P"_s, u"--json"_s});
        QVERIFY(push.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(ram.writes() >= 20, 60000);
        push.terminate(); // SIGTERM
        QTRY_VERIFY_WITH_TIMEOUT(push.state() == QProcess::NotRunning, 20000);
        QCOMPARE(push.exitStatus(), QProcess::NormalExit);
        QCOMPARE(push.exitCode(), 130);
        const QJsonObject summary = QJsonDocument::fromJson(push.readAllStandardOutput()).object();
        QVERIFY(summary.value(u"cancelled"_s).toBool());
        QVERIFY(ram.users.size() < 200);
    }

    void ram_withoutAKeychain_saysSoPlainly() // R-01
    {
        QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
        noBus.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        noBus.remove(u"DISPLAY"_s);
        noBus.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s);
        const Run run = cliLive(
            {u"ram"_s, u"profile"_s, u"set"_s, u"--name"_s, u"Q"_s, u"--client-id"_s, u"id"_s, u"--secret-stdin"_s},
            "some-secret\n", noBus);
        QVERIFY(refused(run, "keychain"));
        QVERIFY(run.err.contains("environment variable"));
        QCOMPARE(cliLive({u"ram"_s, u"profile"_s, u"list"_s}).array().size(), 0); // nothing half-saved
    }

    void unreachableStore_exitThree()
    {
        QProcess process;
        process.start(QStringLiteral(SCIM_CONSOLE_BINARY),
                      {u"app"_s, u"list"_s, u"--db"_s, u"postgresql://nobody:topsecret@127.0.0.1:1/none"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 3);
        const QByteArray err = process.readAllStandardError();
        QVERIFY(err.contains("127.0.0.1"));
        QVERIFY2(!err.contains("topsecret"), "the database password never reaches output");
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
