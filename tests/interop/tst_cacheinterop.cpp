#include "cachefile.h"
#include "peerprocess.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Interop;
using namespace TestSupport;
using MsalQt::Emulator::Fault;

// One plain cache file shared by MsalQt (the msalqt command) and a real MSAL library, both
// directions, against the in-process emulator: each reads what the other filed with no
// network, and neither loses the other's tokens when it signs in again into that file.
//
// Environments: MSAL Python 1.21 files every entry under its authority's host name without the
// port (authority.instance is urlparse().hostname) and looks only there, so for its rows the
// emulator's instance discovery names that preferred_cache (127.0.0.1, an alias of
// 127.0.0.1:PORT), which is where MsalQt files then too. msal-node files under the preferred_cache of the
// instance metadata it is given, which is the emulator's default answer, 127.0.0.1:PORT, as
// MsalQt's. Peers use https://127.0.0.1:PORT/{tenant}; their HTTP clients send to the emulator.
class tst_CacheInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void peerToMsalQt_data() { peers(); }
    void peerToMsalQt();
    void msalQtToPeer_data() { peers(); }
    void msalQtToPeer();
    void msalQtSignsInAgain_data() { peers(); }
    void msalQtSignsInAgain();
    void peerSignsInAgain_data() { peers(); }
    void peerSignsInAgain();
    void appTokensSurviveMsalQt_data() { peers(); }
    void appTokensSurviveMsalQt();
    void onBehalfOfFromMsalNode();

private:
    static void peers();
    Peer peer() const;
    QString emulatorUrl() const { return m_emulator.baseUrl().toString(); }
    QStringList peerArgs(const QString &clientId, const QStringList &scopes = {}) const;
    QStringList cliArgs(const QString &clientId, const QStringList &scopes = {}) const;
    QProcessEnvironment environment() const;

    Result peerAcquire(const QString &scope);
    Result peerSilent(const QString &scope);
    Result cliAcquire(const QString &scope);
    Result cliSilent(const QString &scope);
    // Runs `run` while the emulator drops every connection, and says which requests reached it.
    Result offline(const std::function<Result()> &run, QString *requests);
    QString verifyAllRead(const QString &what, bool oneIdToken);

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
    QString m_file; // the shared cache file of the running test
    QString m_pythonEnvironment; // where MSAL Python files entries (1.21: the host, no port)
};

static const char *const userRead = "User.Read";
static const char *const mailRead = "Mail.Read";

void tst_CacheInterop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("MSALQT_INTEROP_KEEP_FILES")) {
        // To read the files a failure names: one per test function and row.
        m_dir.setAutoRemove(false);
        qInfo("Cache files kept in %s", qPrintable(m_dir.path()));
    }
    QVERIFY(m_emulator.listen());
    // A missing peer fails the test: CI must run both libraries.
    for (Peer::Kind kind : {Peer::MsalNode, Peer::MsalPython}) {
        const Peer peer(kind);
        const QString missing = peer.missing();
        QVERIFY2(missing.isEmpty(), qPrintable(peer.name() + QStringLiteral(": ") + missing));
    }
    m_file = m_dir.filePath(QStringLiteral("probe.json"));
    const Result probe = Peer(Peer::MsalPython).run("environment", peerArgs(m_emulator.publicClientId()));
    QVERIFY2(probe.exitCode == 0, probe.describe());
    m_pythonEnvironment = probe.json.value("environment").toString();
    QVERIFY(!m_pythonEnvironment.isEmpty());
    qInfo("MSAL Python %s files under \"%s\"", qPrintable(probe.json.value("msal_version").toString()),
          qPrintable(m_pythonEnvironment));
}

void tst_CacheInterop::peers()
{
    QTest::addColumn<int>("peer");
    QTest::newRow("msal-node") << int(Peer::MsalNode);
    QTest::newRow("MSAL Python") << int(Peer::MsalPython);
}

Peer tst_CacheInterop::peer() const
{
    // The functions without rows (on-behalf-of) are msal-node's.
    if (!QTest::currentDataTag())
        return Peer(Peer::MsalNode);
    return Peer(Peer::Kind(*static_cast<const int *>(QTest::qData("peer", qMetaTypeId<int>()))));
}

void tst_CacheInterop::init()
{
    m_emulator.clearFaults();
    const QString hostPort = m_emulator.baseUrl().authority();
    m_emulator.setPreferredCacheEnvironment(
        peer().kind() == Peer::MsalPython && m_pythonEnvironment != hostPort ? m_pythonEnvironment : QString());
    m_file = m_dir.filePath(QStringLiteral("%1-%2.json")
                                .arg(QLatin1String(QTest::currentTestFunction()),
                                     QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
    QFile::remove(m_file);
}

QStringList tst_CacheInterop::peerArgs(const QString &clientId, const QStringList &scopes) const
{
    QStringList args{"--emulator", emulatorUrl(), "--tenant", m_emulator.defaultTenantId(), "--client-id", clientId,
                     "--cache", m_file};
    for (const QString &scope : scopes)
        args << "--scope" << scope;
    return args;
}

QStringList tst_CacheInterop::cliArgs(const QString &clientId, const QStringList &scopes) const
{
    QStringList args{"--authority", m_emulator.authorityUrl(m_emulator.defaultTenantId()).toString(), "--client-id",
                     clientId, "--cache", m_file, "--cache-unencrypted", "--json"};
    for (const QString &scope : scopes)
        args << "--scope" << scope;
    return args;
}

QProcessEnvironment tst_CacheInterop::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("MSALQT_PEER_PASSWORD", password());
    return env;
}

Result tst_CacheInterop::peerAcquire(const QString &scope)
{
    return peer().run("acquire", peerArgs(m_emulator.publicClientId(), {scope}) << "--username" << alice(), environment());
}

Result tst_CacheInterop::peerSilent(const QString &scope)
{
    return peer().run("silent", peerArgs(m_emulator.publicClientId(), {scope}) << "--username" << alice(), environment());
}

Result tst_CacheInterop::cliAcquire(const QString &scope)
{
    return runProgram(MSALQT_CLI_PATH,
                      QStringList{"token"} + cliArgs(m_emulator.publicClientId(), {scope})
                          + QStringList{"--flow", "username-password", "--username", alice(), "--password-env",
                                        "MSALQT_PEER_PASSWORD"},
                      environment());
}

Result tst_CacheInterop::cliSilent(const QString &scope)
{
    return runProgram(MSALQT_CLI_PATH,
                      QStringList{"token"} + cliArgs(m_emulator.publicClientId(), {scope})
                          + QStringList{"--flow", "silent", "--account", alice()},
                      environment());
}

Result tst_CacheInterop::offline(const std::function<Result()> &run, QString *requests)
{
    m_emulator.clearRequests();
    Fault drop;
    drop.kind = Fault::CloseConnection;
    drop.times = -1;
    m_emulator.addFault(drop);
    const Result result = run();
    m_emulator.clearFaults();
    QStringList seen;
    for (const auto &request : m_emulator.requests())
        seen << QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
    *requests = seen.join(QStringLiteral(", "));
    return result;
}

// The file parses for all three, and each lists alice with her username (from the ID token),
// once. With `oneIdToken`, MsalQt wrote last and must have replaced the ID token filed before
// rather than added one (msal-node files its own under a key of its own, with an extra "-").
// Empty when all is well, else what is wrong.
QString tst_CacheInterop::verifyAllRead(const QString &what, bool oneIdToken)
{
    QStringList problems;
    const CacheFile file(m_file);
    if (!file.isValid())
        return QStringLiteral("%1: the file is no JSON object: %2").arg(what, file.error());
    const int idTokens = file.find("IdToken", {{"client_id", m_emulator.publicClientId()},
                                               {"realm", m_emulator.defaultTenantId()}}).size();
    if (oneIdToken && idTokens != 1)
        problems << QStringLiteral("%1 IdToken entries for the public client in the tenant (expected one)").arg(idTokens);

    const Result peerAccounts = peer().run("accounts", peerArgs(m_emulator.publicClientId()), environment());
    QStringList names;
    for (const QJsonValue &account : peerAccounts.json.value("accounts").toArray())
        names << account.toObject().value("username").toString();
    if (peerAccounts.exitCode != 0 || names != QStringList{alice()})
        problems << QStringLiteral("%1 lists [%2] (%3)").arg(peer().name(), names.join(", "),
                                                             QString::fromUtf8(peerAccounts.describe()));

    const Result cliAccounts = runProgram(MSALQT_CLI_PATH, QStringList{"accounts"} + cliArgs(m_emulator.publicClientId()),
                                          environment());
    names.clear();
    for (const QJsonValue &account : QJsonDocument::fromJson(cliAccounts.out).array())
        names << account.toObject().value("username").toString();
    if (cliAccounts.exitCode != 0 || names != QStringList{alice()})
        problems << QStringLiteral("MsalQt lists [%1] (%2)").arg(names.join(", "), QString::fromUtf8(cliAccounts.describe()));
    return problems.isEmpty() ? QString() : what + QStringLiteral(": ") + problems.join(QStringLiteral("; "));
}

// The CLI's silent answer served `fingerprint` from the cache, for alice, with her ID token's
// claims. Empty when so.
static QString checkCliServed(const Result &result, const QString &expectedFingerprint, const QString &requests)
{
    QStringList problems;
    if (!requests.isEmpty())
        problems << QStringLiteral("requests reached the emulator: ") + requests;
    if (result.exitCode != 0)
        return (problems << QString::fromUtf8(result.describe())).join("; ");
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    if (fingerprint(json.value("access_token").toString()) != expectedFingerprint)
        problems << QStringLiteral("another access token than the one filed");
    if (!json.value("from_cache").toBool())
        problems << QStringLiteral("from_cache is false");
    if (json.value("account").toObject().value("username").toString() != alice())
        problems << QStringLiteral("account username \"%1\"").arg(json.value("account").toObject().value("username").toString());
    const QString claimed = json.value("id_token_claims").toObject().value("preferred_username").toString();
    if (claimed != alice())
        problems << QStringLiteral("no ID token claims for alice (preferred_username \"%1\")").arg(claimed);
    return problems.join(QStringLiteral("; "));
}

// The peer's silent answer served `fingerprint` from the cache without a request.
static QString checkPeerServed(const Result &result, const QString &expectedFingerprint, const QString &requests)
{
    QStringList problems;
    if (!requests.isEmpty())
        problems << QStringLiteral("requests reached the emulator: ") + requests;
    if (result.exitCode != 0)
        return (problems << QString::fromUtf8(result.describe())).join("; ");
    if (result.json.value("access_token_sha256").toString() != expectedFingerprint)
        problems << QStringLiteral("another access token than the one filed");
    if (!result.json.value("from_cache").toBool())
        problems << QStringLiteral("from_cache is false");
    return problems.join(QStringLiteral("; "));
}

static QString cliFingerprint(const Result &result)
{
    return fingerprint(QJsonDocument::fromJson(result.out).object().value("access_token").toString());
}

void tst_CacheInterop::peerToMsalQt()
{
    const Result filed = peerAcquire(userRead);
    QVERIFY2(filed.exitCode == 0, filed.describe());
    QString requests;
    const Result silent = offline([this] { return cliSilent(userRead); }, &requests);
    const QString problem = checkCliServed(silent, filed.json.value("access_token_sha256").toString(), requests);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_CacheInterop::msalQtToPeer()
{
    const Result filed = cliAcquire(userRead);
    QVERIFY2(filed.exitCode == 0, filed.describe());
    QString requests;
    const Result silent = offline([this] { return peerSilent(userRead); }, &requests);
    const QString problem = checkPeerServed(silent, cliFingerprint(filed), requests);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (peer().kind() == Peer::MsalNode) {
        // msal-node hands out the account and the ID token's claims with the token.
        QCOMPARE(silent.json.value("account").toObject().value("username").toString(), alice());
        QCOMPARE(silent.json.value("id_token_username").toString(), alice());
    } else {
        QCOMPARE(silent.json.value("account").toObject().value("username").toString(), alice());
    }
}

void tst_CacheInterop::msalQtSignsInAgain()
{
    // The peer's file; MsalQt signs alice in for another scope into it.
    const Result peerToken = peerAcquire(userRead);
    QVERIFY2(peerToken.exitCode == 0, peerToken.describe());
    const CacheFile before(m_file);
    QVERIFY(before.isValid());
    const Result cliToken = cliAcquire(mailRead);
    QVERIFY2(cliToken.exitCode == 0, cliToken.describe());

    QStringList problems;
    const QString changed = lostOrChanged(before, CacheFile(m_file), "AccessToken");
    if (!changed.isEmpty())
        problems << QStringLiteral("after MsalQt stored: ") + changed;
    QString requests;
    const Result peerAgain = offline([this] { return peerSilent(userRead); }, &requests);
    QString problem = checkPeerServed(peerAgain, peerToken.json.value("access_token_sha256").toString(), requests);
    if (!problem.isEmpty())
        problems << peer().name() + QStringLiteral(" silent User.Read: ") + problem;
    const Result cliAgain = offline([this] { return cliSilent(mailRead); }, &requests);
    problem = checkCliServed(cliAgain, cliFingerprint(cliToken), requests);
    if (!problem.isEmpty())
        problems << QStringLiteral("MsalQt silent Mail.Read: ") + problem;
    problem = verifyAllRead(QStringLiteral("afterwards"), true);
    if (!problem.isEmpty())
        problems << problem;
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n   "))));
}

void tst_CacheInterop::peerSignsInAgain()
{
    // MsalQt's file; the peer signs alice in for another scope into it.
    const Result cliToken = cliAcquire(userRead);
    QVERIFY2(cliToken.exitCode == 0, cliToken.describe());
    const CacheFile before(m_file);
    QVERIFY(before.isValid());
    const Result peerToken = peerAcquire(mailRead);
    QVERIFY2(peerToken.exitCode == 0, peerToken.describe());

    QStringList problems;
    const QString changed = lostOrChanged(before, CacheFile(m_file), "AccessToken");
    if (!changed.isEmpty())
        problems << peer().name() + QStringLiteral(" stored: ") + changed;
    QString requests;
    const Result cliAgain = offline([this] { return cliSilent(userRead); }, &requests);
    QString problem = checkCliServed(cliAgain, cliFingerprint(cliToken), requests);
    if (!problem.isEmpty())
        problems << QStringLiteral("MsalQt silent User.Read: ") + problem;
    const Result peerAgain = offline([this] { return peerSilent(mailRead); }, &requests);
    problem = checkPeerServed(peerAgain, peerToken.json.value("access_token_sha256").toString(), requests);
    if (!problem.isEmpty())
        problems << peer().name() + QStringLiteral(" silent Mail.Read: ") + problem;
    problem = verifyAllRead(QStringLiteral("afterwards"), false);
    if (!problem.isEmpty())
        problems << problem;
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n   "))));
}

void tst_CacheInterop::appTokensSurviveMsalQt()
{
    // The peer's app token (client credentials: no user, home_account_id null in MSAL Python),
    // then MsalQt writes the file for a user sign-in, then the peer asks its cache again.
    QProcessEnvironment env = environment();
    env.insert("MSALQT_PEER_CLIENT_SECRET", m_emulator.confidentialClientSecret());
    const QStringList args = peerArgs(m_emulator.confidentialClientId(), {"https://graph.microsoft.com/.default"});
    const Result appToken = peer().run("client-credentials", args, env);
    QVERIFY2(appToken.exitCode == 0, appToken.describe());
    QVERIFY(!appToken.json.value("from_cache").toBool());
    QString requests;
    // Control: the peer finds its own app token while only it wrote the file.
    const Result own = offline([&] { return peer().run("client-credentials", args + QStringList{"--offline"}, env); },
                               &requests);
    QString problem = checkPeerServed(own, appToken.json.value("access_token_sha256").toString(), requests);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const CacheFile before(m_file);
    const Result cliToken = cliAcquire(userRead);
    QVERIFY2(cliToken.exitCode == 0, cliToken.describe());
    QStringList problems;
    const QString changed = lostOrChanged(before, CacheFile(m_file), "AccessToken");
    if (!changed.isEmpty())
        problems << QStringLiteral("after MsalQt stored: ") + changed;
    const Result again = offline([&] { return peer().run("client-credentials", args + QStringList{"--offline"}, env); },
                                 &requests);
    problem = checkPeerServed(again, appToken.json.value("access_token_sha256").toString(), requests);
    if (!problem.isEmpty())
        problems << peer().name() + QStringLiteral(" app token: ") + problem;
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n   "))));
}

void tst_CacheInterop::onBehalfOfFromMsalNode()
{
    // Alice's token for the middle tier (the confidential app's API), from MsalQt, no cache.
    const QString api = QStringLiteral("api://%1/access_as_user").arg(m_emulator.confidentialClientId());
    const Result user = runProgram(MSALQT_CLI_PATH,
                                   {"token", "--authority", m_emulator.authorityUrl(m_emulator.defaultTenantId()).toString(),
                                    "--client-id", m_emulator.publicClientId(), "--scope", api, "--json", "--flow",
                                    "username-password", "--username", alice(), "--password-env", "MSALQT_PEER_PASSWORD"},
                                   environment());
    QVERIFY2(user.exitCode == 0, user.describe());
    QProcessEnvironment env = environment();
    env.insert("MSALQT_PEER_CLIENT_SECRET", m_emulator.confidentialClientSecret());
    env.insert("MSALQT_PEER_ASSERTION", QJsonDocument::fromJson(user.out).object().value("access_token").toString());

    // msal-node's middle tier exchanges it (its entries carry userAssertionHash)...
    const Peer node(Peer::MsalNode);
    const QStringList args = peerArgs(m_emulator.confidentialClientId(), {userRead});
    const Result obo = node.run("on-behalf-of", args, env);
    QVERIFY2(obo.exitCode == 0, obo.describe());
    QString requests;
    const Result own = offline([&] { return node.run("on-behalf-of", args + QStringList{"--offline"}, env); }, &requests);
    QString problem = checkPeerServed(own, obo.json.value("access_token_sha256").toString(), requests);
    QVERIFY2(problem.isEmpty(), qPrintable("msal-node's own entry: " + problem));

    // ... and MsalQt's middle tier, handed the same user token, finds the answer in the cache.
    const Result cli = offline([&] {
        return runProgram(MSALQT_CLI_PATH,
                          QStringList{"token"} + cliArgs(m_emulator.confidentialClientId(), {userRead})
                              + QStringList{"--flow", "on-behalf-of", "--assertion-env", "MSALQT_PEER_ASSERTION",
                                            "--client-secret-env", "MSALQT_PEER_CLIENT_SECRET"},
                          env);
    }, &requests);
    QStringList problems;
    if (!requests.isEmpty())
        problems << QStringLiteral("requests reached the emulator: ") + requests;
    if (cli.exitCode != 0) {
        problems << QString::fromUtf8(cli.describe());
    } else {
        const QJsonObject json = QJsonDocument::fromJson(cli.out).object();
        if (fingerprint(json.value("access_token").toString()) != obo.json.value("access_token_sha256").toString())
            problems << QStringLiteral("another access token than msal-node's");
        if (!json.value("from_cache").toBool())
            problems << QStringLiteral("from_cache is false");
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(tst_CacheInterop)
#include "tst_cacheinterop.moc"
