#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace TestSupport;

// The programs of examples/ as a person runs them: real processes, given the in-process
// emulator's authority and client ids on their command line. A device code is approved (or
// declined) on the emulator when the program shows it; the browsers are fake-browser.py as
// xdg-open (the system browser) and the real SignInDialog under Xvfb, with the emulator signing
// in at once.
class tst_Examples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void deviceCode();
    void deviceCodeDeclined();
    void clientCredentials_data();
    void clientCredentials();
    void usernamePassword_data();
    void usernamePassword();
    void onBehalfOf();
    void silentFirst_data();
    void silentFirst();
    void systemBrowser();
    void signInDialog();
    void usage_data();
    void usage();

private:
    struct Run
    {
        int exitCode = -1; // -1: did not end in time (killed), -2: crashed
        QByteArray out;
        QByteArray err;
    };
    using StderrWatcher = std::function<void(const QByteArray &errSoFar)>;
    Run run(const QString &example, const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
            const StderrWatcher &watcher = {});
    static QProcessEnvironment environment(const QList<std::pair<QString, QString>> &variables = {});
    StderrWatcher deviceCodeAnswer(bool approve, int *shown);
    QStringList publicArgs() const;

    MsalQt::Emulator::Server m_emulator;
};

static bool isBareToken(const QByteArray &out)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n$"));
    return token.match(QString::fromLatin1(out)).hasMatch();
}

void tst_Examples::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_Examples::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setDeviceCodeTiming(1, 60);
    m_emulator.setAutoSignIn({});
}

QProcessEnvironment tst_Examples::environment(const QList<std::pair<QString, QString>> &variables)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : variables)
        env.insert(name, value);
    return env;
}

tst_Examples::Run tst_Examples::run(const QString &example, const QStringList &arguments,
                                    const QProcessEnvironment &env, const StderrWatcher &watcher)
{
    const QString program = QStringLiteral(MSALQT_EXAMPLES_DIR "/example-") + example;
    QProcess process;
    process.setProcessEnvironment(env);
    QByteArray err;
    connect(&process, &QProcess::readyReadStandardError, this, [&] {
        err += process.readAllStandardError();
        if (watcher)
            watcher(err);
    });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!finished.wait(90000)) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(), err + process.readAllStandardError()};
    }
    err += process.readAllStandardError();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(), err};
}

// Approves or declines the device code on the emulator once the program has shown it.
tst_Examples::StderrWatcher tst_Examples::deviceCodeAnswer(bool approve, int *shown)
{
    return [this, approve, shown](const QByteArray &err) {
        static const QRegularExpression codePattern(QStringLiteral("enter the code ([A-Z0-9-]+)"));
        const QRegularExpressionMatch match = codePattern.match(QString::fromUtf8(err));
        if (!match.hasMatch() || *shown > 0)
            return;
        ++*shown;
        if (approve)
            m_emulator.approveDeviceCode(match.captured(1), alice());
        else
            m_emulator.declineDeviceCode(match.captured(1));
    };
}

QStringList tst_Examples::publicArgs() const
{
    return {QStringLiteral("--authority"), m_emulator.authorityUrl(QStringLiteral("organizations")).toString(),
            QStringLiteral("--client-id"), m_emulator.publicClientId()};
}

void tst_Examples::deviceCode()
{
    int shown = 0;
    const Run result = run(QStringLiteral("devicecode"), publicArgs(), environment(), deviceCodeAnswer(true, &shown));
    QCOMPARE(shown, 1);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(isBareToken(result.out), result.out.constData());
    QVERIFY2(result.err.contains("Signed in as alice@contoso.com"), result.err.constData());
}

void tst_Examples::deviceCodeDeclined()
{
    int shown = 0;
    const Run result = run(QStringLiteral("devicecode"), publicArgs(), environment(), deviceCodeAnswer(false, &shown));
    QCOMPARE(shown, 1);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY(!result.err.trimmed().endsWith("enter the code")); // an error message follows the instructions
}

void tst_Examples::clientCredentials_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<bool>("rightSecret");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("token") << QString() << true << 0;
    QTest::newRow("wrong secret") << QString() << false << 1;
    QTest::newRow("no tenant: /organizations") << QStringLiteral("organizations") << true << 1;
}

void tst_Examples::clientCredentials()
{
    QFETCH(QString, tenant);
    QFETCH(bool, rightSecret);
    QFETCH(int, exitCode);

    const QString secret = rightSecret ? m_emulator.confidentialClientSecret() : QStringLiteral("not-the-secret");
    const Run result = run(QStringLiteral("clientcredentials"),
                           {QStringLiteral("--authority"), m_emulator.authorityUrl(tenant).toString(),
                            QStringLiteral("--client-id"), m_emulator.confidentialClientId()},
                           environment({{QStringLiteral("MSALQT_CLIENT_SECRET"), secret}}));
    QVERIFY2(result.exitCode == exitCode, result.err.constData());
    if (exitCode == 0) {
        QVERIFY2(isBareToken(result.out), result.out.constData());
    } else {
        QVERIFY(result.out.isEmpty());
        QVERIFY(!result.err.trimmed().isEmpty());
    }
    QVERIFY(!result.out.contains(secret.toUtf8()));
    QVERIFY(!result.err.contains(secret.toUtf8()));
}

void tst_Examples::usernamePassword_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("userPassword");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("managed user") << alice() << password() << 0;
    QTest::newRow("federated user (WS-Trust)") << QStringLiteral("dave@woodgrove.com") << password() << 0;
    QTest::newRow("wrong password") << alice() << QStringLiteral("not-the-password") << 1;
}

void tst_Examples::usernamePassword()
{
    QFETCH(QString, username);
    QFETCH(QString, userPassword);
    QFETCH(int, exitCode);

    const Run result = run(QStringLiteral("usernamepassword"),
                           publicArgs() << QStringLiteral("--username") << username,
                           environment({{QStringLiteral("MSALQT_PASSWORD"), userPassword}}));
    QVERIFY2(result.exitCode == exitCode, result.err.constData());
    if (exitCode == 0) {
        QVERIFY2(isBareToken(result.out), result.out.constData());
        QVERIFY2(result.err.contains("Signed in as " + username.toUtf8()), result.err.constData());
    } else {
        QVERIFY(result.out.isEmpty());
    }
    QVERIFY(!result.err.contains(userPassword.toUtf8()));
}

// The user's token for the middle tier comes from the username/password example.
void tst_Examples::onBehalfOf()
{
    const QString apiScope = QStringLiteral("api://%1/access_as_user").arg(m_emulator.confidentialClientId());
    const Run user = run(QStringLiteral("usernamepassword"),
                         publicArgs() << QStringLiteral("--username") << alice() << QStringLiteral("--scope") << apiScope,
                         environment({{QStringLiteral("MSALQT_PASSWORD"), password()}}));
    QVERIFY2(user.exitCode == 0, user.err.constData());
    QVERIFY(isBareToken(user.out));

    const Run result = run(QStringLiteral("onbehalfof"),
                           {QStringLiteral("--authority"), m_emulator.authorityUrl(QStringLiteral("organizations")).toString(),
                            QStringLiteral("--client-id"), m_emulator.confidentialClientId()},
                           environment({{QStringLiteral("MSALQT_CLIENT_SECRET"), m_emulator.confidentialClientSecret()},
                                        {QStringLiteral("MSALQT_USER_TOKEN"), QString::fromLatin1(user.out.trimmed())}}));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(isBareToken(result.out), result.out.constData());
    QVERIFY(result.out != user.out);
    QVERIFY2(result.err.contains("On behalf of alice@contoso.com"), result.err.constData());
}

void tst_Examples::silentFirst_data()
{
    QTest::addColumn<bool>("keychain");
    QTest::newRow("FileCacheStorage") << false;
    QTest::newRow("KeychainCacheStorage") << true;
}

// First run: nobody in the cache, a device code sign-in. Second run: the token from the file,
// with no request to the emulator at all.
void tst_Examples::silentFirst()
{
    QFETCH(bool, keychain);
    if (keychain && !qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No session bus: run under tests/storage/with-keyring.sh (ctest does)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList arguments = publicArgs() << QStringLiteral("--cache") << dir.filePath(QStringLiteral("cache.bin"));
    if (keychain)
        arguments << QStringLiteral("--keychain");

    int shown = 0;
    const Run first = run(QStringLiteral("silentfirst"), arguments, environment(), deviceCodeAnswer(true, &shown));
    QCOMPARE(shown, 1);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(isBareToken(first.out), first.out.constData());
    QVERIFY2(first.err.contains("From the server: alice@contoso.com"), first.err.constData());
    QFile file(dir.filePath(QStringLiteral("cache.bin")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().contains("\"AccessToken\""), !keychain); // the plain MSAL JSON, or encrypted

    m_emulator.clearRequests();
    shown = 0;
    const Run second = run(QStringLiteral("silentfirst"), arguments, environment(), deviceCodeAnswer(true, &shown));
    QCOMPARE(shown, 0);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QCOMPARE(second.out, first.out);
    QVERIFY2(second.err.contains("From the cache: alice@contoso.com"), second.err.constData());
    QCOMPARE(m_emulator.requests().size(), 0);
}

// fake-browser.py (tests/flows) as xdg-open: it opens the page the agent writes and follows the
// redirects; the emulator signs alice in without showing its pages.
void tst_Examples::systemBrowser()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("bin")) && root.mkpath(QStringLiteral("run")));
    QFile::setPermissions(root.filePath(QStringLiteral("run")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(QFile::copy(qEnvironmentVariable("MSALQT_SOURCE_DIR") + QStringLiteral("/tests/flows/fake-browser.py"),
                        root.filePath(QStringLiteral("bin/xdg-open"))));
    QFile::setPermissions(root.filePath(QStringLiteral("bin/xdg-open")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_emulator.setAutoSignIn(alice());

    const Run result = run(QStringLiteral("systembrowser"), publicArgs(),
                           environment({{QStringLiteral("PATH"), root.filePath(QStringLiteral("bin")) + QLatin1Char(':')
                                                                     + qEnvironmentVariable("PATH")},
                                        // no session bus, so no desktop portal: a developer's own would open a real browser
                                        {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")},
                                        {QStringLiteral("XDG_RUNTIME_DIR"), root.filePath(QStringLiteral("run"))},
                                        {QStringLiteral("MSALQT_TEST_BROWSER_LOG"), root.filePath(QStringLiteral("browser.log"))}}));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(isBareToken(result.out), result.out.constData());
    QVERIFY2(result.err.contains("Signed in as alice@contoso.com"), result.err.constData());
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/oauth2/v2.0/authorize")), 1);
}

// The real dialog under Xvfb (tst_examples_gui runs this function alone, through
// tests/widgets/run-under-xvfb.sh): the emulator signs alice in, the dialog catches the redirect.
void tst_Examples::signInDialog()
{
    if (qEnvironmentVariable("MSALQT_EXAMPLES_GUI") != QLatin1String("1"))
        QSKIP("Run by tst_examples_gui, under Xvfb");
    m_emulator.setAutoSignIn(alice());
    const Run result = run(QStringLiteral("signindialog"), publicArgs());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(isBareToken(result.out), result.out.constData());
    QVERIFY2(result.err.contains("Signed in as alice@contoso.com"), result.err.constData());
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/oauth2/v2.0/authorize")), 1);
}

// Without what it needs, each prints its help and exits with 2, asking nothing of the network.
void tst_Examples::usage_data()
{
    QTest::addColumn<QString>("example");
    for (const char *example : {"devicecode", "clientcredentials", "onbehalfof", "usernamepassword", "silentfirst",
                                "systembrowser", "integratedauth"})
        QTest::newRow(example) << QString::fromLatin1(example);
}

void tst_Examples::usage()
{
    QFETCH(QString, example);
    QProcessEnvironment env = environment();
    for (const char *name : {"MSALQT_CLIENT_SECRET", "MSALQT_USER_TOKEN", "MSALQT_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    const Run result = run(example, {}, env);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.out.contains("--client-id"), result.out.constData());
    QCOMPARE(m_emulator.requests().size(), 0);
}

QTEST_GUILESS_MAIN(tst_Examples)
#include "tst_examples.moc"
