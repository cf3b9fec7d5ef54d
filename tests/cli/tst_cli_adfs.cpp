// msalqt --authority https://{host}/adfs: an AD FS 2019 farm (the emulator's, at /adfs) through
// the CLI, as a script uses it (issue 18).
#include "clirun.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;
using namespace TestSupport;

class tst_CliAdfs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void usernamePasswordThenSilent();
    void clientCredentials();
    void integratedRefused();
    void notAnAdfsPath();

private:
    QString farm() const { return m_emulator.baseUrl().toString() + QStringLiteral("/adfs/"); }
    QStringList requestPaths() const;

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
};

void tst_CliAdfs::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_dir.isValid());
}

void tst_CliAdfs::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

QStringList tst_CliAdfs::requestPaths() const
{
    QStringList paths;
    for (const auto &request : m_emulator.requests())
        paths << request.path;
    return paths;
}

void tst_CliAdfs::usernamePasswordThenSilent()
{
    const QString dave = QStringLiteral("dave@woodgrove.com");
    const QString cache = m_dir.filePath(QStringLiteral("adfs-cache.json"));
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("MSALQT_TEST_PASSWORD", password());
    const QStringList common{"--authority", farm(), "--client-id", m_emulator.publicClientId(), "--scope",
                             "https://graph.microsoft.com/User.Read", "--cache", cache, "--cache-unencrypted", "--json"};

    const Run signIn = run(QStringList{"token", "--flow", "username-password", "--username", dave, "--password-env",
                                       "MSALQT_TEST_PASSWORD"} + common, env);
    QVERIFY2(signIn.exitCode == 0, signIn.err.constData());
    const QJsonObject first = QJsonDocument::fromJson(signIn.out).object();
    const QJsonObject account = first.value("account").toObject();
    const QString sub = first.value("id_token_claims").toObject().value("sub").toString();
    QVERIFY(!sub.isEmpty());
    QCOMPARE(account.value("username").toString(), dave);
    QCOMPARE(account.value("home_account_id").toString(), sub);
    QCOMPARE(first.value("id_token_claims").toObject().value("iss").toString(), farm().chopped(1));
    const QStringList paths = requestPaths();
    QVERIFY2(paths.contains("/adfs/.well-known/openid-configuration"), qPrintable(paths.join(' ')));
    QVERIFY2(paths.contains("/adfs/oauth2/token"), qPrintable(paths.join(' ')));
    QVERIFY2(paths.filter(QRegularExpression("discovery/instance|userrealm|/v2\\.0/")).isEmpty(), qPrintable(paths.join(' ')));

    // The cache file holds the account as MSAL writes it for AD FS.
    QFile file(cache);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject stored = QJsonDocument::fromJson(file.readAll()).object().value("Account").toObject();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.begin().value().toObject().value("authority_type").toString(), QStringLiteral("ADFS"));
    QCOMPARE(stored.begin().value().toObject().value("realm").toString(), QStringLiteral("adfs"));

    // A second process: silent, from that cache, no token request.
    m_emulator.clearRequests();
    const Run silent = run(QStringList{"token", "--flow", "silent", "--account", dave} + common);
    QVERIFY2(silent.exitCode == 0, silent.err.constData());
    const QJsonObject second = QJsonDocument::fromJson(silent.out).object();
    QCOMPARE(second.value("from_cache").toBool(), true);
    QCOMPARE(second.value("access_token").toString(), first.value("access_token").toString());
    QVERIFY2(!requestPaths().contains("/adfs/oauth2/token"), qPrintable(requestPaths().join(' ')));

    const Run accounts = run({"accounts", "--authority", farm(), "--client-id", m_emulator.publicClientId(), "--cache",
                              cache, "--cache-unencrypted", "--json"});
    QVERIFY2(accounts.exitCode == 0, accounts.err.constData());
    QVERIFY2(accounts.out.contains(dave.toUtf8()), accounts.out.constData());
}

void tst_CliAdfs::clientCredentials()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("MSALQT_TEST_SECRET", m_emulator.confidentialClientSecret());
    const Run result = run({"token", "--authority", farm(), "--client-id", m_emulator.confidentialClientId(), "--scope",
                            "https://graph.microsoft.com/.default", "--flow", "client-credentials",
                            "--client-secret-env", "MSALQT_TEST_SECRET", "--json"},
                           env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(!QJsonDocument::fromJson(result.out).object().value("access_token").toString().isEmpty());
    QVERIFY2(requestPaths().contains("/adfs/oauth2/token"), qPrintable(requestPaths().join(' ')));
}

void tst_CliAdfs::integratedRefused()
{
    const Run result = run({"token", "--authority", farm(), "--client-id", m_emulator.publicClientId(), "--scope",
                            "https://graph.microsoft.com/User.Read", "--flow", "integrated", "--username",
                            "dave@woodgrove.com", "--json"});
    QVERIFY(result.exitCode != 0);
    QVERIFY2((result.out + result.err).contains("AD FS"), (result.out + result.err).constData());
    QVERIFY2((result.out + result.err).contains("UnsupportedAuthority"), (result.out + result.err).constData());
    QVERIFY2(m_emulator.requests().isEmpty(), qPrintable(requestPaths().join(' ')));
}

void tst_CliAdfs::notAnAdfsPath()
{
    // A path under /adfs that is not the farm: a usage error naming the form expected.
    const Run result = run({"token", "--authority", "https://sts.contoso.com/adfs/ls", "--client-id", "x", "--flow",
                            "device-code"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("/adfs"), result.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliAdfs)
#include "tst_cli_adfs.moc"
