#include "clirun.h"
#include "testsupport.h"

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

// `msalqt` with --cache: every flow stores what it gets, --flow silent is served from it,
// accounts lists it, sign-out empties it. Runs inside a private Secret Service.
class tst_CliCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void lifecycle_data();
    void lifecycle();
    void keychainUnavailable();

private:
    Run signInWithDeviceCode(const QStringList &cacheArgs);
    QStringList app() const;

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
};

void tst_CliCache::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_dir.isValid());
    QVERIFY2(qEnvironmentVariableIsSet("MSALQT_TEST_KEYRING"), "run through tests/storage/with-keyring.sh");
}

void tst_CliCache::init()
{
    m_emulator.setDeviceCodeTiming(1, 60);
}

QStringList tst_CliCache::app() const
{
    return {"--authority", m_emulator.authorityUrl("organizations").toString(), "--client-id", m_emulator.publicClientId()};
}

Run tst_CliCache::signInWithDeviceCode(const QStringList &cacheArgs)
{
    return runDeviceCode(QStringList{"token"} << app() << "--scope" << "User.Read" << "--flow" << "device-code"
                                              << "--json" << cacheArgs,
                         [this](const QString &userCode) { return m_emulator.approveDeviceCode(userCode, alice()); });
}

void tst_CliCache::lifecycle_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("encrypted, key in the keychain") << true;
    QTest::newRow("plain MSAL JSON") << false;
}

void tst_CliCache::lifecycle()
{
    QFETCH(bool, encrypted);
    const QString file = m_dir.filePath(encrypted ? "encrypted.cache" : "plain.json");
    QStringList cacheArgs{"--cache", file};
    if (!encrypted)
        cacheArgs << "--cache-unencrypted";

    const Run signIn = signInWithDeviceCode(cacheArgs);
    QVERIFY2(signIn.exitCode == 0, signIn.err.constData());
    const QString token = QJsonDocument::fromJson(signIn.out).object().value("access_token").toString();
    QVERIFY(!token.isEmpty());

    QFile stored(file);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    const QByteArray bytes = stored.readAll();
    QCOMPARE(bytes.contains(token.toUtf8()), !encrypted);
    QCOMPARE(QJsonDocument::fromJson(bytes).object().contains("AccessToken"), !encrypted);
    QCOMPARE(int(stored.permissions() & (QFile::ReadGroup | QFile::ReadOther)), 0);

    // accounts
    const Run accounts = run(QStringList{"accounts"} << app() << cacheArgs << "--json");
    QVERIFY2(accounts.exitCode == 0, accounts.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(accounts.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value("username").toString(), alice());

    // silent, served from the cache without the network
    m_emulator.clearRequests();
    const Run silent = run(QStringList{"token"} << app() << "--scope" << "User.Read" << "--flow" << "silent"
                                                << "--account" << alice() << "--json" << cacheArgs);
    QVERIFY2(silent.exitCode == 0, silent.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(silent.out).object();
    QCOMPARE(result.value("access_token").toString(), token);
    QCOMPARE(result.value("from_cache").toBool(), true);
    QCOMPARE(m_emulator.requests().size(), 0);

    // sign-out, then silent needs the person again
    const Run signOut = run(QStringList{"sign-out"} << app() << cacheArgs << "--account" << alice());
    QVERIFY2(signOut.exitCode == 0, signOut.err.constData());
    const Run empty = run(QStringList{"accounts"} << app() << cacheArgs << "--json");
    QCOMPARE(QJsonDocument::fromJson(empty.out).array().size(), 0);
    const Run after = run(QStringList{"token"} << app() << "--scope" << "User.Read" << "--flow" << "silent"
                                               << "--account" << alice() << "--json" << cacheArgs);
    QCOMPARE(after.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(after.err).object().value("error_type").toString(), QString("UiRequired"));
}

void tst_CliCache::keychainUnavailable()
{
    // An encrypted cache exists; then the keychain that holds its key is gone.
    const QString file = m_dir.filePath("nokeychain.cache");
    const Run signIn = signInWithDeviceCode({"--cache", file});
    QVERIFY2(signIn.exitCode == 0, signIn.err.constData());
    QFile stored(file);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    const QByteArray before = stored.readAll();

    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    const Run result = run(QStringList{"accounts"} << app() << "--cache" << file << "--json", env);
    QCOMPARE(result.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(result.err.trimmed().split('\n').last()).object();
    QCOMPARE(error.value("error_type").toString(), QString("KeychainUnavailable"));
    QVERIFY(!error.value("error_description").toString().isEmpty());
    stored.seek(0);
    QCOMPARE(stored.readAll(), before); // the cache is left as it was
}

QTEST_GUILESS_MAIN(tst_CliCache)
#include "tst_cli_cache.moc"
