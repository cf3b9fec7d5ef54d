#include "clirun.h"
#include "hostileserver.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;
using namespace TestSupport;

// msalqt get: the emulator's Graph called with the token of an account the CLI signed in into a
// shared cache file; the body on stdout as it came, the token never; a URL the token may not go
// to, an HTTP error, a claims challenge only a sign-in meets, an answer too large, each with its
// exit code.
class tst_CliGet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void help();
    void usageErrors_data();
    void usageErrors();
    void profile();
    void profileJson();
    void notAllowed_data();
    void notAllowed();
    void httpError_data();
    void httpError();
    void accountChoice_data();
    void accountChoice();
    void bodyLimit_data();
    void bodyLimit();
    void noAnswer();
    void interruptCancels();
    void claimsChallenge(); // last: it ends Alice's session

private:
    QStringList app(const QString &cache) const;
    QStringList get(const QString &path, const QString &cache) const;
    Run signIn(const QString &cache, const QString &username, const QStringList &extra = {}) const;
    QUrl base() const { return m_emulator.baseUrl(); }
    int requests(const QString &pathSuffix) const { return m_emulator.requestCount(pathSuffix); }
    QByteArray bearerTokenSeen() const;

    MsalQt::Emulator::Server m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cache; // Alice signed in, by init()
};

static QProcessEnvironment withPassword()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("MSALQT_TEST_PASSWORD", password());
    return env;
}

void tst_CliGet::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_CliGet::init()
{
    m_emulator.clearFaults();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cache = m_dir->filePath("cache.json");
    const Run signedIn = signIn(m_cache, alice());
    QVERIFY2(signedIn.exitCode == 0, signedIn.err.constData());
    m_emulator.clearRequests();
}

QStringList tst_CliGet::app(const QString &cache) const
{
    return {"--authority", m_emulator.authorityUrl("organizations").toString(), "--client-id",
            m_emulator.publicClientId(), "--cache", cache, "--cache-unencrypted"};
}

// get <emulator><path> with Alice's cache, User.Read, and the token allowed to the emulator.
QStringList tst_CliGet::get(const QString &path, const QString &cache) const
{
    return QStringList{"get", base().toString() + path} << app(cache)
                                                        << QStringList{"--scope", "User.Read", "--allow", base().toString()};
}

Run tst_CliGet::signIn(const QString &cache, const QString &username, const QStringList &extra) const
{
    return run(QStringList{"token", "--flow", "username-password", "--username", username, "--password-env",
                           "MSALQT_TEST_PASSWORD", "--scope", "User.Read"}
                   << app(cache) << extra,
               withPassword());
}

// The token the emulator's Graph was last called with.
QByteArray tst_CliGet::bearerTokenSeen() const
{
    QByteArray token;
    for (const MsalQt::Emulator::RecordedRequest &request : m_emulator.requests()) {
        const QByteArray authorization = request.headers.value("authorization");
        if (authorization.startsWith("Bearer "))
            token = authorization.mid(7);
    }
    return token;
}

void tst_CliGet::help()
{
    const Run result = run({"--help"});
    QCOMPARE(result.exitCode, 0);
    for (const char *text : {"msalqt get URL", "--allow", "--client-capability", "4 the API answered with an HTTP error"})
        QVERIFY2(result.out.contains(text), text);
}

void tst_CliGet::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments"); // after "get" and the application
    QTest::addColumn<QString>("message");
    QTest::newRow("no cache") << QStringList{"https://graph.microsoft.com/v1.0/me", "--scope", "User.Read"} << "--cache";
    QTest::newRow("no URL") << QStringList{"--scope", "User.Read"} << "one URL";
    QTest::newRow("two URLs") << QStringList{"https://graph.microsoft.com/v1.0/me", "https://graph.microsoft.com/v1.0/users",
                                             "--scope", "User.Read"} << "one URL";
    QTest::newRow("no scope") << QStringList{"https://graph.microsoft.com/v1.0/me"} << "--scope";
    QTest::newRow("relative URL") << QStringList{"v1.0/me", "--scope", "User.Read"} << "http or https URL";
    QTest::newRow("another scheme") << QStringList{"ftp://graph.microsoft.com/x", "--scope", "User.Read"} << "http or https URL";
    QTest::newRow("bad --allow") << QStringList{"https://graph.microsoft.com/v1.0/me", "--scope", "User.Read", "--allow",
                                                "graph.microsoft.com"} << "--allow";
}

void tst_CliGet::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QStringList application = app(m_cache);
    if (message == "--cache")
        application = application.mid(0, 4); // --authority and --client-id alone
    const Run result = run(QStringList{"get"} << arguments << application);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(m_emulator.requests().isEmpty());
}

void tst_CliGet::profile()
{
    const Run result = run(get("/v1.0/me", m_cache));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QJsonParseError error;
    const QJsonDocument profile = QJsonDocument::fromJson(result.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, result.out.constData()); // the body alone, as it came
    QCOMPARE(profile.object().value("userPrincipalName").toString(), alice());
    QCOMPARE(requests("/v1.0/me"), 1);
    const QByteArray token = bearerTokenSeen();
    QVERIFY(!token.isEmpty());
    QVERIFY(!result.out.contains(token));
    QVERIFY(!result.err.contains(token));
}

void tst_CliGet::profileJson()
{
    const Run result = run(get("/v1.0/me", m_cache) << "--json");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value("status").toInt(), 200);
    QCOMPARE(object.value("body").toObject().value("userPrincipalName").toString(), alice()); // parsed, not a string
    const QJsonObject headers = object.value("headers").toObject();
    QVERIFY2(headers.value("content-type").toString().startsWith("application/json"), result.out.constData());
    for (const QString &name : headers.keys())
        QCOMPARE(name, name.toLower());
    QVERIFY(!result.out.contains(bearerTokenSeen()));
}

// The token goes only where --allow says, or without it where the scopes point (Graph's host,
// not the emulator): nothing is sent, not even a token requested.
void tst_CliGet::notAllowed_data()
{
    QTest::addColumn<QString>("allow"); // "": no --allow
    QTest::newRow("where the scopes point") << QString();
    QTest::newRow("another path") << "/v1.0/users";
    QTest::newRow("another port") << "http://127.0.0.1:1";
}

void tst_CliGet::notAllowed()
{
    QFETCH(QString, allow);
    QStringList arguments = QStringList{"get", base().toString() + "/v1.0/me", "--scope", "User.Read", "--json"}
                            << app(m_cache);
    if (!allow.isEmpty())
        arguments << "--allow" << (allow.startsWith('/') ? base().toString() + allow : allow);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("InvalidConfiguration"));
    QVERIFY2(!error.value("error_description").toString().isEmpty(), result.err.constData());
    QCOMPARE(requests("/v1.0/me"), 0);
    QCOMPARE(requests("/oauth2/v2.0/token"), 0);
}

void tst_CliGet::httpError_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("plain") << false;
    QTest::newRow("json") << true;
}

// A status other than 2xx: the body on stdout all the same, a line on stderr, exit code 4.
void tst_CliGet::httpError()
{
    QFETCH(bool, json);
    QStringList arguments = get("/v1.0/nothing", m_cache);
    if (json)
        arguments << "--json";
    const Run result = run(arguments);
    QVERIFY2(result.exitCode == 4, result.err.constData());
    QCOMPARE(requests("/v1.0/nothing"), 1);
    if (json) {
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value("status").toInt(), 404);
        QVERIFY2(object.contains("body"), result.out.constData());
        const QJsonObject error = QJsonDocument::fromJson(result.err).object();
        QCOMPARE(error.value("error").toString(), QString("http_error"));
        QCOMPARE(error.value("http_status").toInt(), 404);
        QVERIFY2(error.value("error_description").toString().startsWith("HTTP 404"), result.err.constData());
    } else {
        QVERIFY(!result.out.isEmpty());
        QVERIFY2(result.err.startsWith("msalqt: HTTP 404") && result.err.count('\n') == 1, result.err.constData());
    }
    QVERIFY(!(result.out + result.err).contains(bearerTokenSeen()));
}

void tst_CliGet::accountChoice_data()
{
    QTest::addColumn<QString>("cache");      // "alice": init()'s, "empty": no file, "two": Alice and Dave
    QTest::addColumn<QString>("account");    // --account, "" for none
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");       // in the error's description
    QTest::newRow("the only one") << "alice" << QString() << 0 << QString();
    QTest::newRow("by username, any case") << "alice" << "ALICE@Contoso.com" << 0 << QString();
    QTest::newRow("nobody signed in") << "empty" << QString() << 1 << "sign in first";
    QTest::newRow("not the one signed in") << "alice" << "dave@woodgrove.com" << 1 << "sign in first";
    QTest::newRow("two, none chosen") << "two" << QString() << 2 << "--account";
    QTest::newRow("two, one chosen") << "two" << "dave@woodgrove.com" << 0 << QString();
}

void tst_CliGet::accountChoice()
{
    QFETCH(QString, cache);
    QFETCH(QString, account);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QString file = m_cache;
    if (cache == "empty") {
        file = m_dir->filePath("empty.json");
    } else if (cache == "two") {
        const Run dave = signIn(m_cache, "dave@woodgrove.com");
        QVERIFY2(dave.exitCode == 0, dave.err.constData());
        m_emulator.clearRequests();
    }
    QStringList arguments = get("/v1.0/me", file) << "--json";
    if (!account.isEmpty())
        arguments << "--account" << account;
    const Run result = run(arguments);
    QVERIFY2(result.exitCode == exitCode, result.err.constData());
    if (exitCode == 0) {
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        const QString expected = account.isEmpty() ? alice() : account.toLower();
        QCOMPARE(object.value("body").toObject().value("userPrincipalName").toString(), expected);
        return;
    }
    QVERIFY(result.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), exitCode == 1 ? QString("UiRequired") : QString());
    if (exitCode == 2)
        QCOMPARE(error.value("error").toString(), QString("usage_error"));
    QVERIFY2(error.value("error_description").toString().contains(says), result.err.constData());
    QCOMPARE(requests("/v1.0/me"), 0);
}

// No more than 64 MiB is read: a Content-Length over it ends the request at once, a chunked body
// once it passes; exactly 64 MiB comes through whole.
void tst_CliGet::bodyLimit_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("chunked");
    const qint64 limit = 64 * 1024 * 1024;
    QTest::newRow("Content-Length over the limit") << limit + 1 << false;
    QTest::newRow("chunked, over the limit") << limit + 1 << true;
    QTest::newRow("exactly the limit") << limit << true;
}

void tst_CliGet::bodyLimit()
{
    QFETCH(qint64, size);
    QFETCH(bool, chunked);
    HostileServer api;
    QVERIFY(api.listen());
    api.answer("/big", HostileServer::Answer::huge(size, chunked));
    const bool fits = size <= 64 * 1024 * 1024;
    QStringList arguments = QStringList{"get", api.url("/big").toString(), "--scope", "User.Read", "--allow",
                                        api.url().toString()}
                            << app(m_cache);
    if (!fits)
        arguments << "--json";
    const Run result = run(arguments);
    QCOMPARE(api.requestCount("/big"), 1);
    if (fits) {
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out.size(), size); // plain: the bytes alone
        return;
    }
    QVERIFY2(result.exitCode == 5, result.err.constData());
    QVERIFY(result.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(result.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("ResponseTooLarge"));
    QVERIFY2(error.value("error_description").toString().contains("64 MiB"), result.err.constData());
}

// Nothing listens there: no answer at all, exit code 5.
void tst_CliGet::noAnswer()
{
    const Run result = run(QStringList{"get", "http://127.0.0.1:1/api", "--scope", "User.Read", "--allow",
                                       "http://127.0.0.1:1", "--json"}
                           << app(m_cache));
    QVERIFY2(result.exitCode == 5, result.err.constData());
    QVERIFY(result.out.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(result.err).object().value("error_type").toString(), QString("NetworkError"));
}

// SIGTERM (as Ctrl+C's SIGINT) while the API keeps the answer: the request is stopped, exit 130.
void tst_CliGet::interruptCancels()
{
    HostileServer api;
    QVERIFY(api.listen());
    api.answer("/stall", HostileServer::Answer::stall());
    QProcess process;
    process.start(MSALQT_CLI_PATH, QStringList{"get", api.url("/stall").toString(), "--scope", "User.Read", "--allow",
                                               api.url().toString()}
                                       << app(m_cache));
    QTRY_COMPARE_WITH_TIMEOUT(api.requestCount("/stall"), 1, 15000);
    process.terminate();
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QVERIFY(process.readAllStandardError().contains("Cancelled"));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

// Continuous Access Evaluation: Alice's session ends. A token of an application that declared
// cp1 (--client-capability) is refused with a claims challenge the refresh token cannot meet
// (it went with the session): UiRequired, with the claims to sign in with. Without cp1 the
// token is accepted until it expires.
void tst_CliGet::claimsChallenge()
{
    const QString cp1Cache = m_dir->filePath("cp1.json");
    const Run signedIn = signIn(cp1Cache, alice(), {"--client-capability", "cp1"});
    QVERIFY2(signedIn.exitCode == 0, signedIn.err.constData());
    QStringList claimsSent;
    for (const MsalQt::Emulator::RecordedRequest &request : m_emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/token"))
            claimsSent << request.form.queryItemValue("claims", QUrl::FullyDecoded);
    }
    QCOMPARE(claimsSent.size(), 1);
    QVERIFY2(claimsSent.first().contains("\"cp1\""), qPrintable(claimsSent.first())); // xms_cc
    m_emulator.revokeSession(alice());
    m_emulator.clearRequests();

    const Run json = run(get("/v1.0/me", cp1Cache) << "--client-capability" << "cp1" << "--json");
    QVERIFY2(json.exitCode == 1, json.err.constData());
    QVERIFY(json.out.isEmpty());
    const QJsonObject error = QJsonDocument::fromJson(json.err).object();
    QCOMPARE(error.value("error_type").toString(), QString("UiRequired"));
    const QJsonObject claims = QJsonDocument::fromJson(error.value("claims").toString().toUtf8()).object();
    QVERIFY2(claims.value("access_token").toObject().contains("nbf"), json.err.constData());
    QCOMPARE(requests("/v1.0/me"), 1); // challenged once, not sent again

    const Run plain = run(get("/v1.0/me", cp1Cache) << "--client-capability" << "cp1");
    QCOMPARE(plain.exitCode, 1);
    QVERIFY2(plain.err.startsWith("msalqt: UiRequired: ") && plain.err.contains("\"nbf\""), plain.err.constData());

    const Run withoutCp1 = run(get("/v1.0/me", m_cache));
    QVERIFY2(withoutCp1.exitCode == 0, withoutCp1.err.constData());
    QCOMPARE(QJsonDocument::fromJson(withoutCp1.out).object().value("userPrincipalName").toString(), alice());
}

QTEST_GUILESS_MAIN(tst_CliGet)
#include "tst_cli_get.moc"
