#include "confidentialtestdata.h"
#include "clirun.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using CliTest::Run;
using CliTest::run;
using ConfidentialTestData::path;

// The msalqt command's confidential flows, run as a process against the in-process emulator.

class tst_CliConfidential : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clientCredentials_data();
    void clientCredentials();
    void onBehalfOf();
    void usageErrors_data();
    void usageErrors();

private:
    QStringList base(const QString &tenant = {}) const;
    MsalQt::Emulator::Server m_emulator;
};

void tst_CliConfidential::initTestCase()
{
    QString error;
    QVERIFY2(m_emulator.loadConfig(ConfidentialTestData::emulatorConfig(m_emulator.confidentialClientId()), &error),
             qPrintable(error));
    QVERIFY(m_emulator.listen());
}

QStringList tst_CliConfidential::base(const QString &tenant) const
{
    return {"token", "--authority", m_emulator.authorityUrl(tenant).toString(), "--client-id",
            m_emulator.confidentialClientId(), "--json"};
}

void tst_CliConfidential::clientCredentials_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::newRow("RSA") << "rsa-cert.pem" << "rsa-key.pem";
    QTest::newRow("EC P-256") << "ec-cert.pem" << "ec-key.pem";
}

void tst_CliConfidential::clientCredentials()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    const Run result = run(base() + QStringList{"--scope", "https://graph.microsoft.com/.default", "--flow",
                                                "client-credentials", "--certificate", path(certificate),
                                                "--private-key", path(key)});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!json.value("access_token").toString().isEmpty());
}

void tst_CliConfidential::onBehalfOf()
{
    // Alice's token for the middle tier: the public client's device code flow, approved here.
    m_emulator.setDeviceCodeTiming(1, 60);
    QProcess deviceCode;
    deviceCode.start(MSALQT_CLI_PATH, {"token", "--authority", m_emulator.authorityUrl("organizations").toString(),
                                       "--client-id", m_emulator.publicClientId(), "--scope",
                                       QStringLiteral("api://%1/access_as_user").arg(m_emulator.confidentialClientId()),
                                       "--flow", "device-code"});
    QSignalSpy stderrReady(&deviceCode, &QProcess::readyReadStandardError);
    QSignalSpy finished(&deviceCode, &QProcess::finished);
    QString message;
    QString userCode;
    const QRegularExpression codePattern("enter the code ([A-Z0-9-]+)");
    while (userCode.isEmpty() && stderrReady.wait(15000)) {
        message += QString::fromUtf8(deviceCode.readAllStandardError());
        userCode = codePattern.match(message).captured(1);
    }
    QVERIFY2(m_emulator.approveDeviceCode(userCode, TestSupport::alice()), qPrintable(message));
    QVERIFY(finished.wait(20000));
    const QString userToken = QString::fromUtf8(deviceCode.readAllStandardOutput()).trimmed();
    QVERIFY(!userToken.isEmpty());

    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("USER_TOKEN", userToken);
    const Run result = run(base("organizations") + QStringList{"--scope", "User.Read", "--flow", "on-behalf-of",
                                                               "--assertion-env", "USER_TOKEN", "--certificate",
                                                               path("rsa-cert.pem"), "--private-key",
                                                               path("rsa-key.pem")},
                           env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QVERIFY(!json.value("access_token").toString().isEmpty());
    QCOMPARE(json.value("account").toObject().value("username").toString(), TestSupport::alice());
}

void tst_CliConfidential::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("certificate without key") << QStringList{"--flow", "client-credentials", "--certificate", path("rsa-cert.pem")};
    QTest::newRow("key of another certificate") << QStringList{"--flow", "client-credentials", "--certificate",
                                                               path("rsa-cert.pem"), "--private-key", path("ec-key.pem")};
    QTest::newRow("missing file") << QStringList{"--flow", "client-credentials", "--certificate", "/nonexistent.pem",
                                                 "--private-key", path("rsa-key.pem")};
    QTest::newRow("on-behalf-of without assertion") << QStringList{"--flow", "on-behalf-of", "--certificate",
                                                                   path("rsa-cert.pem"), "--private-key", path("rsa-key.pem")};
    QTest::newRow("on-behalf-of without credential") << QStringList{"--flow", "on-behalf-of", "--assertion-env", "HOME"};
}

void tst_CliConfidential::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run result = run(base() + QStringList{"--scope", "User.Read"} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(!result.err.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CliConfidential)
#include "tst_cliconfidential.moc"
