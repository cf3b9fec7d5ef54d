#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

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

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QStringList clientCredentialArgs() const;

    MsalQt::Emulator::Server m_emulator;
};

void tst_Cli::initTestCase()
{
    QVERIFY(m_emulator.listen());
    qputenv("MSALQT_TEST_SECRET", m_emulator.confidentialClientSecret().toUtf8());
}

void tst_Cli::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setDeviceCodeTiming(1, 60);
}

tst_Cli::Run tst_Cli::run(const QStringList &arguments, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(MSALQT_CLI_PATH, arguments);
    // The emulator lives in this process: keep its event loop running while the CLI talks to it.
    if (!finished.wait(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QStringList tst_Cli::clientCredentialArgs() const
{
    return {"token", "--authority", m_emulator.authorityUrl().toString(), "--client-id",
            m_emulator.confidentialClientId(), "--scope", "https://graph.microsoft.com/.default",
            "--flow", "client-credentials", "--client-secret-env", "MSALQT_TEST_SECRET"};
}

void tst_Cli::help()
{
    const Run result = run({"--help"});
    QCOMPARE(result.exitCode, 0);
    for (const char *option : {"--authority", "--oidc-authority", "--client-id", "--scope", "--flow",
                               "--client-secret-env", "--json", "device-code", "client-credentials"}) {
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
    QTest::newRow("unknown flow") << QStringList{"token", "--authority", "https://login.microsoftonline.com/common",
                                                 "--client-id", "x", "--flow", "magic"} << "--flow";
    QTest::newRow("secret variable unset") << QStringList{"token", "--authority", "https://login.microsoftonline.com/contoso.com",
                                                          "--client-id", "x", "--flow", "client-credentials",
                                                          "--client-secret-env", "MSALQT_NO_SUCH_VARIABLE"} << "MSALQT_NO_SUCH_VARIABLE";
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
    QVERIFY(!result.err.contains(m_emulator.confidentialClientSecret().toUtf8()));
}

void tst_Cli::clientCredentialsPlain()
{
    const Run result = run(clientCredentialArgs());
    QCOMPARE(result.exitCode, 0);
    // Just the token: three base64url parts, one line.
    QVERIFY(QRegularExpression("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n$").match(QString::fromLatin1(result.out)).hasMatch());
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

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
