#include "clirun.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;
using namespace TestSupport;

namespace {
const QString b2cTenantId = QStringLiteral("7d3a9b2e-5c41-4f8a-9e6d-2b1c0a9f8e71");
const QString emmaOid = QStringLiteral("9c6f2a4d-8b1e-4c3f-a5d7-0e2b4c6d8f13");
const QString emma = QStringLiteral("emma@fabrikam.example");
} // namespace

// msalqt with Azure AD B2C authorities, as a process against the in-process emulator: a /tfp/
// path is B2C without a switch, --b2c says so for the other shape; a ROPC user flow signs in and
// silent is then served from the cache; what B2C does not offer is refused before any request.
class tst_CliB2C : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void refusedBeforeAnyRequest_data();
    void refusedBeforeAnyRequest();
    void ropcThenSilent();
    void ropcOnlyOnRopcFlow();
    void b2cUrlWithoutSwitch();

private:
    QString authority(const QString &policy, bool tfp = true) const
    {
        return m_emulator.baseUrl().toString() + (tfp ? "/tfp/" : "/") + "fabrikamb2c.onmicrosoft.com/" + policy;
    }
    static QProcessEnvironment withPassword()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("MSALQT_TEST_PASSWORD", password());
        return env;
    }

    MsalQt::Emulator::Server m_emulator;
};

void tst_CliB2C::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_CliB2C::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

void tst_CliB2C::refusedBeforeAnyRequest_data()
{
    QTest::addColumn<QStringList>("authorityArgs");
    QTest::addColumn<QString>("flow");
    const QString tfp = authority("B2C_1_signupsignin");
    const QString plain = authority("B2C_1_signupsignin", false);
    QTest::newRow("device code, /tfp/") << QStringList{"--authority", tfp} << "device-code";
    QTest::newRow("device code, --b2c") << QStringList{"--authority", plain, "--b2c"} << "device-code";
    QTest::newRow("integrated") << QStringList{"--authority", tfp} << "integrated";
}

void tst_CliB2C::refusedBeforeAnyRequest()
{
    QFETCH(QStringList, authorityArgs);
    QFETCH(QString, flow);
    const Run result = run(QStringList{"token", "--client-id", m_emulator.publicClientId(), "--scope", "User.Read",
                                       "--flow", flow, "--username", emma, "--json"}
                           + authorityArgs);
    QCOMPARE(result.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("UnsupportedAuthority"));
    QVERIFY2(result.err.contains("B2C"), result.err.constData());
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_CliB2C::ropcThenSilent()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath("cache.json");
    const QStringList common{"token", "--authority", authority("B2C_1_ropc"), "--client-id", m_emulator.publicClientId(),
                             "--scope", "User.Read", "--cache", cache, "--cache-unencrypted", "--json"};
    const Run signIn = run(common + QStringList{"--flow", "username-password", "--username", emma, "--password-env",
                                                "MSALQT_TEST_PASSWORD"},
                           withPassword());
    QVERIFY2(signIn.exitCode == 0, signIn.err.constData());
    const QJsonObject first = QJsonDocument::fromJson(signIn.out).object();
    const QJsonObject account = first.value("account").toObject();
    QCOMPARE(account.value("username").toString(), emma);
    QCOMPARE(account.value("home_account_id").toString(), emmaOid + "-b2c_1_ropc." + b2cTenantId);
    QCOMPARE(first.value("id_token_claims").toObject().value("tfp").toString(), QString("b2c_1_ropc"));
    for (const auto &r : m_emulator.requests())
        QVERIFY2(!r.path.contains("userrealm") && !r.path.contains("/discovery/instance"), qPrintable(r.path));

    // The cache file holds MSAL's keys: environment the host, realm the tenant id, MSSTS.
    QFile file(cache);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject accounts = QJsonDocument::fromJson(file.readAll()).object().value("Account").toObject();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject entry = accounts.begin().value().toObject();
    QCOMPARE(entry.value("realm").toString(), b2cTenantId);
    QCOMPARE(entry.value("authority_type").toString(), QString("MSSTS"));
    QCOMPARE(entry.value("environment").toString(), m_emulator.baseUrl().authority());

    m_emulator.clearRequests();
    const Run silent = run(common + QStringList{"--flow", "silent", "--account", emma});
    QVERIFY2(silent.exitCode == 0, silent.err.constData());
    const QJsonObject second = QJsonDocument::fromJson(silent.out).object();
    QVERIFY(second.value("from_cache").toBool());
    QCOMPARE(second.value("access_token").toString(), first.value("access_token").toString());
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_CliB2C::ropcOnlyOnRopcFlow()
{
    // The server decides: a sign-up/sign-in user flow takes no password (AADB2C90086).
    const Run result = run({"token", "--authority", authority("B2C_1_signupsignin"), "--client-id",
                            m_emulator.publicClientId(), "--scope", "User.Read", "--flow", "username-password",
                            "--username", emma, "--password-env", "MSALQT_TEST_PASSWORD", "--json"},
                           withPassword());
    QCOMPARE(result.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("ServiceError"));
    QCOMPARE(error.value("error").toString(), QString("unsupported_grant_type"));
    QVERIFY2(error.value("error_codes").toArray().contains(90086), result.err.constData());
}

void tst_CliB2C::b2cUrlWithoutSwitch()
{
    // Without /tfp/ and without --b2c, {tenant}/{policy} is no Microsoft authority: a usage error
    // that says what to use.
    const Run result = run({"token", "--authority", authority("B2C_1_signupsignin", false), "--client-id",
                            m_emulator.publicClientId(), "--scope", "User.Read", "--flow", "device-code"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("b2c"), result.err.constData());
    QCOMPARE(m_emulator.requests().size(), 0);
}

QTEST_GUILESS_MAIN(tst_CliB2C)
#include "tst_cli_b2c.moc"
