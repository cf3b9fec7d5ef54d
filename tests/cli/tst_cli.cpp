#include "clirun.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// The msalqt program as a script uses it: real processes against the in-process emulator.
class tst_Cli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void help();
    void usageErrors_data();
    void usageErrors();
    void clientCredentialsJson();
    void clientCredentialsPlain();
    void serviceErrorJson();
    void malformedAnswerIsNoCrash();
    void deviceCode();
    void interruptCancels();
    void usernamePassword_data();
    void usernamePassword();
    void usernamePasswordRefused_data();
    void usernamePasswordRefused();
    void usernamePasswordPlain();
    void passwordIsNoArgument();
    void authorityKinds_data();
    void authorityKinds();
    void throttledJson();
    void serverFailureJson();
    void cacheNotSaved_data();
    void cacheNotSaved();
    void cacheUnreadable_data();
    void cacheUnreadable();
    void cacheMovedAside();
    void accountsCacheFault();

private:
    QStringList clientCredentialArgs() const;
    QStringList usernamePasswordArgs(const QString &tenant, const QString &username) const;

    MsalQt::Emulator::Server m_emulator;
};

void tst_Cli::initTestCase()
{
    QVERIFY(m_emulator.listen());
    qputenv("MSALQT_TEST_SECRET", m_emulator.confidentialClientSecret().toUtf8());
    QVERIFY(!qEnvironmentVariableIsSet("MSALQT_TEST_PASSWORD")); // set for the child alone (withPassword)
}

void tst_Cli::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setDeviceCodeTiming(1, 60);
}

QStringList tst_Cli::clientCredentialArgs() const
{
    return {"token", "--authority", m_emulator.authorityUrl().toString(), "--client-id",
            m_emulator.confidentialClientId(), "--scope", "https://graph.microsoft.com/.default",
            "--flow", "client-credentials", "--client-secret-env", "MSALQT_TEST_SECRET"};
}

// The password is read from MSALQT_TEST_PASSWORD, which only the child's environment holds.
QStringList tst_Cli::usernamePasswordArgs(const QString &tenant, const QString &username) const
{
    return {"token", "--authority", m_emulator.authorityUrl(tenant).toString(), "--client-id",
            m_emulator.publicClientId(), "--scope", "User.Read", "--flow", "username-password",
            "--username", username, "--password-env", "MSALQT_TEST_PASSWORD", "--json"};
}

static QProcessEnvironment withPassword(const QString &password)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("MSALQT_TEST_PASSWORD", password);
    return env;
}

void tst_Cli::help()
{
    const Run result = run({"--help"});
    QCOMPARE(result.exitCode, 0);
    for (const char *option : {"--authority", "--oidc-authority", "--client-id", "--scope", "--flow",
                               "--client-secret-env", "--json", "device-code", "client-credentials",
                               "username-password", "--username", "--password-env", "integrated"}) {
        QVERIFY2(result.out.contains(option), option);
    }
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("no command") << QStringList{} << "token";
    QTest::newRow("unknown option") << QStringList{"token", "--frobnicate"} << "frobnicate";
    QTest::newRow("no authority") << QStringList{"token", "--client-id", "x", "--flow", "device-code"} << "--authority";
    QTest::newRow("http authority") << QStringList{"token", "--authority", "http://login.microsoftonline.com/common",
                                                   "--client-id", "x", "--flow", "device-code"} << "https";
    QTest::newRow("--ciam without --authority") << QStringList{"token", "--ciam", "--oidc-authority", "https://id.example.com",
                                                               "--client-id", "x", "--flow", "device-code"} << "--ciam";
    QTest::newRow("--ciam with an audience") << QStringList{"token", "--ciam", "--authority", "https://login.contoso.com/common",
                                                           "--client-id", "x", "--flow", "device-code"} << "workforce";
    QTest::newRow("unknown flow") << QStringList{"token", "--authority", "https://login.microsoftonline.com/common",
                                                 "--client-id", "x", "--flow", "magic"} << "--flow";
    QTest::newRow("secret variable unset") << QStringList{"token", "--authority", "https://login.microsoftonline.com/contoso.com",
                                                          "--client-id", "x", "--flow", "client-credentials",
                                                          "--client-secret-env", "MSALQT_NO_SUCH_VARIABLE"} << "MSALQT_NO_SUCH_VARIABLE";
    const QStringList ropc{"token", "--authority", "https://login.microsoftonline.com/contoso.com", "--client-id", "x",
                           "--flow", "username-password"};
    QTest::newRow("no password variable") << (QStringList(ropc) << "--username" << alice()) << "--password-env";
    QTest::newRow("no username") << (QStringList(ropc) << "--password-env" << "MSALQT_TEST_SECRET") << "--username";
    QTest::newRow("password variable unset") << (QStringList(ropc) << "--username" << alice() << "--password-env"
                                                                   << "MSALQT_NO_SUCH_VARIABLE") << "MSALQT_NO_SUCH_VARIABLE";
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
}

void tst_Cli::clientCredentialsJson()
{
    const Run result = run(clientCredentialArgs() << "--json");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!object.value("access_token").toString().isEmpty());
    QCOMPARE(object.value("token_type").toString(), QString("Bearer"));
    QVERIFY(object.value("expires_on").toInteger() > QDateTime::currentSecsSinceEpoch());
    QVERIFY(object.value("scopes").isArray());
    QVERIFY(object.value("account").isNull());
    QCOMPARE(object.value("from_cache").toBool(true), false);
    QVERIFY(!object.contains("cache_error")); // only when the storage failed
    QVERIFY(!result.err.contains(m_emulator.confidentialClientSecret().toUtf8()));
}

void tst_Cli::clientCredentialsPlain()
{
    const Run result = run(clientCredentialArgs());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(isBareToken(result.out), result.out.constData());
}

void tst_Cli::serviceErrorJson()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("MSALQT_TEST_SECRET", "wrong");
    const Run result = run(clientCredentialArgs() << "--json", env);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error").toString(), QString("invalid_client"));
    QVERIFY(error.value("error_codes").toArray().contains(7000215));
    QVERIFY(!error.value("correlation_id").toString().isEmpty());
    QVERIFY(error.value("error_description").toString().contains("AADSTS7000215"));
}

void tst_Cli::malformedAnswerIsNoCrash()
{
    for (auto kind : {Fault::MalformedJson, Fault::TruncatedJson, Fault::CloseConnection}) {
        Fault fault;
        fault.kind = kind;
        fault.path = "/oauth2/v2.0/token";
        fault.times = -1;
        m_emulator.clearFaults();
        m_emulator.addFault(fault);
        const Run result = run(clientCredentialArgs() << "--json");
        QCOMPARE(result.exitCode, 1);
        const QJsonObject error = QJsonDocument::fromJson(result.err).object();
        QVERIFY2(!error.value("error").toString().isEmpty(), result.err.constData());
    }
}

void tst_Cli::deviceCode()
{
    QProcess process;
    process.start(MSALQT_CLI_PATH, {"token", "--authority", m_emulator.authorityUrl("organizations").toString(),
                                    "--client-id", m_emulator.publicClientId(), "--scope", "User.Read",
                                    "--flow", "device-code", "--json"});
    // The instructions arrive on stderr while the CLI polls.
    QString userCode;
    QRegularExpression codePattern("enter the code ([A-Z0-9-]+)");
    QSignalSpy stderrReady(&process, &QProcess::readyReadStandardError);
    QByteArray err;
    while (userCode.isEmpty() && stderrReady.wait(15000)) {
        err += process.readAllStandardError();
        const auto match = codePattern.match(QString::fromUtf8(err));
        if (match.hasMatch())
            userCode = match.captured(1);
    }
    QVERIFY2(!userCode.isEmpty(), err.constData());
    QVERIFY(m_emulator.approveDeviceCode(userCode, alice()));
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonObject object = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(object.value("account").toObject().value("username").toString(), alice());
    QCOMPARE(object.value("id_token_claims").toObject().value("preferred_username").toString(), alice());
}

void tst_Cli::interruptCancels()
{
    QProcess process;
    process.start(MSALQT_CLI_PATH, {"token", "--authority", m_emulator.authorityUrl("organizations").toString(),
                                    "--client-id", m_emulator.publicClientId(), "--scope", "User.Read",
                                    "--flow", "device-code", "--json"});
    QSignalSpy stderrReady(&process, &QProcess::readyReadStandardError);
    QVERIFY(stderrReady.wait(15000)); // the code is shown: polling
    process.terminate();              // SIGTERM, as Ctrl+C would send SIGINT
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QVERIFY(process.readAllStandardError().contains("Cancelled"));
}

void tst_Cli::usernamePassword_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("grantType");
    QTest::addColumn<QStringList>("federationPaths"); // what the federation server must have seen
    QTest::addColumn<bool>("passwordToPlatform");      // a federated user's only goes to its federation server

    QTest::newRow("managed") << QString() << alice() << "password" << QStringList() << true;
    QTest::newRow("federated") << "organizations" << "dave@woodgrove.com" << "urn:ietf:params:oauth:grant-type:saml1_1-bearer"
                               << QStringList{"/adfs/services/trust/mex", "/adfs/services/trust/13/usernamemixed"} << false;
}

void tst_Cli::usernamePassword()
{
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(QString, grantType);
    QFETCH(QStringList, federationPaths);
    QFETCH(bool, passwordToPlatform);

    const Run result = run(usernamePasswordArgs(tenant, username), withPassword(password()));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!object.value("access_token").toString().isEmpty());
    QCOMPARE(object.value("token_type").toString(), QString("Bearer"));
    QCOMPARE(object.value("account").toObject().value("username").toString(), username);
    QCOMPARE(object.value("id_token_claims").toObject().value("preferred_username").toString(), username);
    QCOMPARE(object.value("from_cache").toBool(true), false);
    QVERIFY(!result.out.contains(password().toUtf8()));
    QVERIFY(!result.err.contains(password().toUtf8()));

    QStringList paths;
    QString grant;
    bool formsCarryPassword = false;
    for (const auto &r : m_emulator.requests()) {
        paths << r.path;
        if (r.path.endsWith("/oauth2/v2.0/token"))
            grant = r.form.queryItemValue("grant_type", QUrl::FullyDecoded);
        formsCarryPassword |= r.form.toString(QUrl::FullyDecoded).contains(password());
    }
    const QString seen = paths.join(' ');
    QCOMPARE(grant, grantType);
    QVERIFY2(paths.filter(QRegularExpression("^/common/userrealm/")).size() == 1, qPrintable(seen));
    for (const QString &path : federationPaths)
        QVERIFY2(paths.contains(path), qPrintable(seen));
    if (federationPaths.isEmpty())
        QVERIFY2(paths.filter(QRegularExpression("^/adfs/")).isEmpty(), qPrintable(seen));
    QCOMPARE(formsCarryPassword, passwordToPlatform);
}

// --authority with --ciam (External ID on the emulator's customer tenant) and
// --no-instance-discovery (issue 18): the sign-in works, and instance discovery is asked only
// when it may be.
void tst_Cli::authorityKinds_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<int>("instanceDiscoveries");

    QTest::newRow("workforce tenant") << QStringList{} << QString() << alice() << 1;
    QTest::newRow("--no-instance-discovery") << QStringList{"--no-instance-discovery"} << QString() << alice() << 0;
    QTest::newRow("External ID (--ciam)") << QStringList{"--ciam"} << "fabrikamcustomers.onmicrosoft.com"
                                          << "erin@fabrikamcustomers.onmicrosoft.com" << 0;
}

void tst_Cli::authorityKinds()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(int, instanceDiscoveries);

    const Run result = run(usernamePasswordArgs(tenant, username) + extra, withPassword(password()));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!object.value("access_token").toString().isEmpty());
    QCOMPARE(object.value("account").toObject().value("username").toString(), username);
    int seen = 0;
    for (const auto &r : m_emulator.requests())
        seen += r.path == QLatin1String("/common/discovery/instance") ? 1 : 0;
    QCOMPARE(seen, instanceDiscoveries);
}

void tst_Cli::usernamePasswordRefused_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<int>("aadsts");           // 0: none expected
    QTest::addColumn<QString>("says");         // in error_description
    QTest::addColumn<bool>("passwordToPlatform");

    const QString wrong = QStringLiteral("Not-The-Passw0rd");
    QTest::newRow("wrong password") << QString() << alice() << wrong << "ServiceError" << 50126 << "AADSTS50126" << true;
    QTest::newRow("mfa required") << QString() << "bob@contoso.com" << password() << "UiRequired" << 50076 << "AADSTS50076"
                                  << true;
    QTest::newRow("federated, wrong password") << "organizations" << "dave@woodgrove.com" << wrong << "ServiceError" << 0
                                               << QString() << false;
    QTest::newRow("personal account") << "common" << carol() << password() << "InvalidConfiguration" << 0
                                      << "personal Microsoft account" << false;
    QTest::newRow("consumers authority") << "consumers" << carol() << password() << "UnsupportedAuthority" << 0
                                         << "/consumers" << false;
    QTest::newRow("no domain in username") << QString() << "alice" << password() << "InvalidConfiguration" << 0
                                           << "full username" << false;
}

void tst_Cli::usernamePasswordRefused()
{
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QString, errorType);
    QFETCH(int, aadsts);
    QFETCH(QString, says);
    QFETCH(bool, passwordToPlatform);

    const Run result = run(usernamePasswordArgs(tenant, username), withPassword(password));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), errorType);
    QVERIFY(!error.value("error").toString().isEmpty());
    const QString description = error.value("error_description").toString();
    QVERIFY2(description.contains(says), qPrintable(description));
    if (aadsts)
        QVERIFY2(error.value("error_codes").toArray().contains(aadsts), result.err.constData());
    QVERIFY(!result.err.contains(password.toUtf8()));

    bool formsCarryPassword = false;
    for (const auto &r : m_emulator.requests())
        formsCarryPassword |= r.form.toString(QUrl::FullyDecoded).contains(password);
    QCOMPARE(formsCarryPassword, passwordToPlatform);
}

// Without --json: the token alone on stdout, and one "msalqt: <type>: <message>" line on stderr.
void tst_Cli::usernamePasswordPlain()
{
    QStringList arguments = usernamePasswordArgs(QString(), alice());
    QVERIFY(arguments.removeAll("--json") == 1);
    const Run success = run(arguments, withPassword(password()));
    QVERIFY2(success.exitCode == 0, success.err.constData());
    QVERIFY2(isBareToken(success.out), success.out.constData());
    QVERIFY2(success.err.isEmpty(), success.err.constData());

    arguments = usernamePasswordArgs(QString(), "bob@contoso.com");
    arguments.removeAll("--json");
    const Run mfa = run(arguments, withPassword(password()));
    QCOMPARE(mfa.exitCode, 1);
    QVERIFY(mfa.out.isEmpty());
    QVERIFY2(mfa.err.startsWith("msalqt: UiRequired: ") && mfa.err.contains("AADSTS50076"), mfa.err.constData());
    QVERIFY(!mfa.err.contains(password().toUtf8()));
}

// Secrets never go on the command line, where other users of the machine can read them:
// there is no --password option, and the refusal does not echo the value.
void tst_Cli::passwordIsNoArgument()
{
    const QString secret = QStringLiteral("Cmdline-Passw0rd");
    const QStringList base{"token", "--authority", m_emulator.authorityUrl().toString(), "--client-id",
                           m_emulator.publicClientId(), "--scope", "User.Read", "--flow", "username-password",
                           "--username", alice(), "--json"};
    for (const QStringList &option : {QStringList{"--password", secret}, QStringList{"--password=" + secret}}) {
        const Run result = run(QStringList(base) << option);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        const QJsonObject error = QJsonDocument::fromJson(result.err).object();
        QCOMPARE(error.value("error").toString(), QString("usage_error"));
        QVERIFY2(error.value("error_description").toString().contains("'password'"), result.err.constData());
        QVERIFY(!result.err.contains(secret.toUtf8()));
    }
    QVERIFY(m_emulator.requests().isEmpty());
}

// Issue 15: the error JSON says when to come back (retry_after, ISO 8601 UTC) and what the
// server answered (http_status).
void tst_Cli::throttledJson()
{
    Fault fault;
    fault.kind = Fault::Throttle;
    fault.path = "/oauth2/v2.0/token";
    fault.retryAfterSeconds = 30;
    m_emulator.addFault(fault);
    const Run result = run(clientCredentialArgs() << "--json");
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("Throttled"));
    QCOMPARE(error.value("http_status").toInt(), 429);
    const QString retryAfter = error.value("retry_after").toString();
    QVERIFY2(retryAfter.endsWith('Z'), result.err.constData()); // UTC
    const QDateTime when = QDateTime::fromString(retryAfter, Qt::ISODate);
    QVERIFY2(when.isValid(), result.err.constData());
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(when);
    QVERIFY2(wait >= 20 && wait <= 30, qPrintable(QString::number(wait)));
    QVERIFY(!error.value("correlation_id").toString().isEmpty()); // the fields there were are kept
    QVERIFY(!error.contains("cache_error"));
}

// A 503 without Retry-After: a failure of the service, with its status and no time to come back.
void tst_Cli::serverFailureJson()
{
    Fault fault;
    fault.kind = Fault::HttpStatus;
    fault.path = "/oauth2/v2.0/token";
    fault.status = 503;
    fault.times = -1;
    m_emulator.addFault(fault);
    const Run result = run(clientCredentialArgs() << "--json");
    QCOMPARE(result.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("ServiceError"));
    QCOMPARE(error.value("error").toString(), QString("temporarily_unavailable"));
    QCOMPARE(error.value("http_status").toInt(), 503);
    QVERIFY2(!error.contains("retry_after"), result.err.constData());
}

// A --cache the token cannot be saved in, while there is nothing to read (so the load succeeds),
// without root tricks: a path whose parent is a regular file, a directory that cannot be created
// (not even by root, in /proc), an encrypted cache without a keychain. The token is still printed, the fault is typed in the JSON
// (or a warning line in plain output), and the exit code is 3.
void tst_Cli::cacheNotSaved_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("type");
    for (const bool json : {true, false}) {
        const char *output = json ? "json" : "plain";
        QTest::addRow("parent is a file, %s", output) << "parent is a file" << json << "StorageError";
        QTest::addRow("directory not created, %s", output) << "/proc" << json << "StorageError";
        QTest::addRow("no keychain, %s", output) << "no keychain" << json << "KeychainUnavailable";
    }
}

void tst_Cli::cacheNotSaved()
{
    QFETCH(QString, kind);
    QFETCH(bool, json);
    QFETCH(QString, type);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList arguments = clientCredentialArgs();
    auto env = QProcessEnvironment::systemEnvironment();
    QString where;
    if (kind == "no keychain") {
        // Nothing stored yet: the load needs no key; the save asks the keychain, which is gone.
        arguments << "--cache" << dir.filePath("cache.bin");
        env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        where = dir.filePath("cache.bin");
    } else if (kind == "parent is a file") {
        QFile file(dir.filePath("file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        where = dir.filePath("file");
        arguments << "--cache" << where + "/cache.json" << "--cache-unencrypted";
    } else {
        if (!QFileInfo::exists("/proc/self/status"))
            QSKIP("no /proc here");
        where = QString("/proc/msalqt-test-%1").arg(QCoreApplication::applicationPid());
        arguments << "--cache" << where + "/cache.json" << "--cache-unencrypted";
    }
    if (json)
        arguments << "--json";
    const Run result = run(arguments, env);
    QVERIFY2(result.exitCode == 3, result.err.constData());
    if (json) {
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QVERIFY(!object.value("access_token").toString().isEmpty());
        const QJsonObject fault = object.value("cache_error").toObject();
        QCOMPARE(fault.value("type").toString(), type);
        QVERIFY2(!fault.value("message").toString().isEmpty(), result.out.constData());
        QVERIFY2(fault.value("message").toString().contains(where), result.out.constData());
        const QJsonArray all = object.value("cache_errors").toArray();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.last().toObject(), fault);
        QVERIFY2(result.err.isEmpty(), result.err.constData()); // all of it in the JSON
    } else {
        QVERIFY2(isBareToken(result.out), result.out.constData());
        // A line of its own (after the library's log lines, which plain output keeps).
        QVERIFY2(("\n" + result.err).contains("\nmsalqt: warning: " + type.toUtf8() + ": "), result.err.constData());
        QVERIFY2(result.err.contains("not saved"), result.err.constData());
    }
    QVERIFY(!QFileInfo::exists(dir.filePath("cache.bin")));
    QVERIFY(!result.err.contains(m_emulator.confidentialClientSecret().toUtf8()));
}

// A --cache that cannot be read: a directory, a symbolic link. The
// fault is typed in the JSON whatever the outcome: the error's (exit 1) while a failed load
// fails the request, the result's with exit 3 once the request goes on in memory
// (TokenRequest::cacheError()).
void tst_Cli::cacheUnreadable_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a directory") << "a directory";
    QTest::newRow("a symbolic link") << "a symbolic link";
}

void tst_Cli::cacheUnreadable()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString cache = dir.filePath("cache.json");
    if (kind == "a directory") {
        QVERIFY(QDir().mkdir(cache));
    } else {
        QVERIFY(QFile::link(dir.filePath("elsewhere.json"), cache));
    }
    const Run result = run(clientCredentialArgs() << "--cache" << cache << "--cache-unencrypted" << "--json");
    // The token is printed: a cache that cannot be read never costs it.
    QVERIFY2(result.exitCode == 3, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!object.value("access_token").toString().isEmpty());
    const QJsonObject fault = object.value("cache_error").toObject();
    QCOMPARE(fault.value("type").toString(), QString("StorageError"));
    QVERIFY2(fault.value("message").toString().contains(cache), qPrintable(result.out + result.err));
    const QJsonArray all = object.value("cache_errors").toArray();
    QVERIFY(!all.isEmpty());
    for (qsizetype i = 0; i < all.size(); ++i) {
        for (qsizetype j = i + 1; j < all.size(); ++j)
            QVERIFY2(all.at(i) != all.at(j), qPrintable(result.out + result.err)); // deduplicated
    }
    QVERIFY(!result.err.contains(m_emulator.confidentialClientSecret().toUtf8()));
}

// The fault of a file moved aside: CacheReset, said of a cache started anew.
static bool isCacheWarning(const QJsonObject &fault)
{
    return fault.value("type").toString() == "CacheReset" && !fault.value("message").toString().isEmpty();
}

// A cache file that is not JSON is moved aside and the cache starts empty: a warning, and the
// token saved in a new file (exit 0).
void tst_Cli::cacheMovedAside()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cache = dir.filePath("cache.json");
    QFile file(cache);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not json");
    file.close();
    const Run result = run(clientCredentialArgs() << "--cache" << cache << "--cache-unencrypted" << "--json");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!object.value("access_token").toString().isEmpty());
    QVERIFY2(isCacheWarning(object.value("cache_error").toObject()), result.out.constData());
    QVERIFY2(QDir(dir.path()).entryList({"cache.json.corrupt-*"}, QDir::Files).size() == 1,
             qPrintable(QDir(dir.path()).entryList().join(' ')));
    QVERIFY(QFile(cache).size() > 0); // saved after all
}

// accounts: a warning does not end it (the list stays an array on stdout, the fault goes to
// stderr as an object); a cache that cannot be read does, with the fault typed.
void tst_Cli::accountsCacheFault()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList app{"--authority", m_emulator.authorityUrl().toString(), "--client-id", m_emulator.publicClientId(),
                          "--cache-unencrypted", "--json"};
    const QString corrupt = dir.filePath("corrupt.json");
    QFile file(corrupt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[1, 2, 3]");
    file.close();
    const Run movedAside = run(QStringList{"accounts", "--cache", corrupt} << app);
    QVERIFY2(movedAside.exitCode == 0, movedAside.err.constData());
    QVERIFY(QJsonDocument::fromJson(movedAside.out).isArray());
    QVERIFY2(isCacheWarning(QJsonDocument::fromJson(movedAside.err).object().value("cache_error").toObject()),
             movedAside.err.constData());

    const QString directory = dir.filePath("directory.json");
    QVERIFY(QDir().mkdir(directory));
    const Run unreadable = run(QStringList{"accounts", "--cache", directory} << app);
    QCOMPARE(unreadable.exitCode, 1);
    QVERIFY(unreadable.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(unreadable.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("StorageError"));
    QCOMPARE(error.value("cache_error").toObject().value("type").toString(), QString("StorageError"));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
