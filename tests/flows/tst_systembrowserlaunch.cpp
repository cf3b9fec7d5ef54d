// How SystemBrowserAgent reaches the browser when the application gives it no opener, with local
// attackers of our own (security issue 12, item 6): the sign-in URL's state, nonce and PKCE
// challenge must be on no process's command line, the page that carries the browser there must
// be readable by this user only and gone afterwards, and a forged request to the redirect path
// must not end the sign-in.
//
// The browser is fake-browser.py, installed as "xdg-open" at the front of PATH (or started by
// portal_standin): it follows the page like a browser, and scans /proc/*/cmdline for the secrets
// once it has them. One binary, two ctest entries: without a session bus (no portal: xdg-open),
// and with MSALQT_TEST_PORTAL=1 inside dbus-run-session, where portal_standin plays the desktop
// portal (TestPortal).

#include "browserlauncher_p.h"
#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>

#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <sys/stat.h>

using namespace MsalQt;
using namespace TestSupport;

namespace {

// One test's surroundings: a bin directory at the front of PATH (the fake browser as xdg-open,
// and as fake-browser for the portal to start), a private XDG_RUNTIME_DIR, and the browser's log.
// The environment is restored on destruction.
class Surroundings
{
public:
    // Recorder: an xdg-open that writes its arguments and exits 0 without opening anything (it
    // handed the page to a browser that never loads it). NoBrowserFound: an xdg-open that finds
    // no browser (exit status 3, as xdg-utils' when no tool is found).
    enum Opener { FakeBrowser, Recorder, NoXdgOpen, NoBrowserFound };

    Surroundings(Opener opener, bool useRuntimeDir)
    {
        for (const char *name : {"PATH", "XDG_RUNTIME_DIR", "MSALQT_TEST_BROWSER_LOG", "MSALQT_TEST_BROWSER_MODE"})
            m_saved.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
        QDir root(m_dir.path());
        root.mkpath("bin");
        root.mkpath("run");
        QFile::setPermissions(root.filePath("run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        bin = root.filePath("bin");
        runtimeDir = root.filePath("run");
        log = root.filePath("browser.log");
        const QString script = qEnvironmentVariable("MSALQT_SOURCE_DIR") + "/tests/flows/fake-browser.py";
        install(script, "fake-browser");
        if (opener == FakeBrowser)
            install(script, "xdg-open");
        if (opener == Recorder) {
            QFile recorder(root.filePath("bin/xdg-open"));
            if (recorder.open(QIODevice::WriteOnly))
                recorder.write("#!/bin/sh\nprintf '%s\\n' \"$*\" > \"$MSALQT_TEST_BROWSER_LOG\"\n");
            recorder.close();
            recorder.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        if (opener == NoBrowserFound) {
            QFile script(root.filePath("bin/xdg-open"));
            if (script.open(QIODevice::WriteOnly))
                script.write("#!/bin/sh\necho 'xdg-open: no method available for opening' >&2\nexit 3\n");
            script.close();
            script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        // Without xdg-open, PATH holds nothing else either (xdg-utils may be installed).
        qputenv("PATH", opener == NoXdgOpen ? bin.toLocal8Bit() : bin.toLocal8Bit() + ":" + qgetenv("PATH"));
        if (useRuntimeDir)
            qputenv("XDG_RUNTIME_DIR", runtimeDir.toLocal8Bit());
        else
            qunsetenv("XDG_RUNTIME_DIR");
        qputenv("MSALQT_TEST_BROWSER_LOG", log.toLocal8Bit());
    }

    ~Surroundings()
    {
        for (const auto &[name, value, wasSet] : std::as_const(m_saved)) {
            if (wasSet)
                qputenv(name, value);
            else
                qunsetenv(name);
        }
    }

    QList<QJsonObject> entries() const
    {
        QFile file(log);
        QList<QJsonObject> result;
        if (!file.open(QIODevice::ReadOnly))
            return result;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                result << QJsonDocument::fromJson(line).object();
        }
        return result;
    }
    QJsonValue value(const QString &key) const
    {
        for (const QJsonObject &entry : entries()) {
            if (entry.contains(key))
                return entry.value(key);
        }
        return {};
    }
    bool done() const { return value("done").toBool(); }
    QString logText() const
    {
        QFile file(log);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    QStringList pagesLeft() const
    {
        return QDir(runtimeDir + "/msalqt").entryList(QDir::Files | QDir::Hidden | QDir::System);
    }

    QString bin;
    QString runtimeDir;
    QString log;

private:
    void install(const QString &from, const QString &name)
    {
        const QString to = bin + "/" + name;
        QFile::copy(from, to);
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    struct Saved
    {
        const char *name;
        QByteArray value;
        bool wasSet;
    };
    QTemporaryDir m_dir;
    QList<Saved> m_saved;
};

// What the authorization URL carried that an attacker wants: from the emulator's own record.
QStringList authorizeSecrets(const Emulator::Server &emulator)
{
    for (const Emulator::RecordedRequest &request : emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/authorize")) {
            return {request.query.queryItemValue("state"), request.query.queryItemValue("nonce"),
                    request.query.queryItemValue("code_challenge")};
        }
    }
    return {};
}

bool containsAny(const QString &text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (!secret.isEmpty() && text.contains(secret))
            return true;
    }
    return false;
}

// The fake browser's findings after a complete sign-in through the page: the launcher's promises.
void checkBrowserRun(const Surroundings &surroundings, const QStringList &secrets, const QString &program)
{
    QCOMPARE(secrets.size(), 3);
    const QJsonArray argv = surroundings.value("argv").toArray();
    QCOMPARE(argv.size(), 2);
    QCOMPARE(QFileInfo(argv.at(0).toString()).fileName(), program);
    QVERIFY2(!containsAny(argv.at(1).toString(), secrets), "a secret on the browser's command line");
    QVERIFY(argv.at(1).toString().endsWith(".html"));
    QCOMPARE(surroundings.value("page_mode").toString(), QString("0o600"));
    QCOMPARE(surroundings.value("dir_mode").toString(), QString("0o700"));
    QCOMPARE(surroundings.value("page_is_mine").toBool(), true);
    QCOMPARE(surroundings.value("launch_host").toString(), QString("127.0.0.1"));
    QCOMPARE(surroundings.value("launch_status").toInt(), 302);
    QCOMPARE(surroundings.value("page_left_after_launch").toBool(true), false); // removed once followed
    // It found all three in the redirect, so the scan below had something to look for.
    QCOMPARE(surroundings.value("secrets_found").toInt(), 3);
    QCOMPARE(surroundings.value("page_has_secret").toBool(true), false);
    const QJsonArray hits = surroundings.value("cmdline_hits").toArray();
    QVERIFY2(surroundings.value("cmdline_hits").isArray(), "the /proc scan did not run");
    QVERIFY2(hits.isEmpty(), qPrintable("processes with a secret on their command line: "
                                         + QJsonDocument(hits).toJson(QJsonDocument::Compact)));
    QCOMPARE(surroundings.value("launch_again_status").toInt(), 404); // the page's address works once
    QCOMPARE(surroundings.value("final_status").toInt(), 200);
    QVERIFY(!surroundings.value("error").isString());
    QVERIFY2(!containsAny(surroundings.logText(), secrets), "a secret in the browser's log");
    QVERIFY(!QFileInfo::exists(argv.at(1).toString()));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// No desktop portal (no session bus): xdg-open

class tst_SystemBrowserLaunch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void xdgOpenGetsOnlyAPagePath_data();
    void xdgOpenGetsOnlyAPagePath();
    void closeRemovesThePage();
    void noBrowser();
    void strayRedirectsIgnored_data();
    void strayRedirectsIgnored();
    void xdgOpenFindsNoBrowser();
    void browserNeverLoadsThePage();
    void browserClosedBeforeTheAnswer();
    void cancelWhileWaiting();

private:
    Emulator::Server m_emulator;
};

void tst_SystemBrowserLaunch::initTestCase()
{
    // No session bus, so no desktop portal: a developer's own would open a real browser.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    QVERIFY(m_emulator.listen());
}

void tst_SystemBrowserLaunch::init()
{
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(alice());
}

void tst_SystemBrowserLaunch::xdgOpenGetsOnlyAPagePath_data()
{
    QTest::addColumn<bool>("runtimeDir");
    QTest::newRow("page in XDG_RUNTIME_DIR") << true;
    QTest::newRow("no XDG_RUNTIME_DIR: private temporary directory") << false;
}

void tst_SystemBrowserLaunch::xdgOpenGetsOnlyAPagePath()
{
    QFETCH(bool, runtimeDir);
    Surroundings surroundings(Surroundings::FakeBrowser, runtimeDir);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent; // no opener: the default way
    const auto request = signIn(app, &agent);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), alice());
    QTRY_VERIFY_WITH_TIMEOUT(surroundings.done(), 20000);

    checkBrowserRun(surroundings, authorizeSecrets(m_emulator), "xdg-open");
    if (QTest::currentTestFailed())
        return;
    const QString page = surroundings.value("argv").toArray().at(1).toString();
    if (runtimeDir) {
        QCOMPARE(QFileInfo(page).absolutePath(), surroundings.runtimeDir + "/msalqt");
        QVERIFY(surroundings.pagesLeft().isEmpty());
    } else {
        QVERIFY(QFileInfo(page).absolutePath().startsWith(QDir::tempPath() + "/msalqt-"));
        QVERIFY(!QFileInfo::exists(QFileInfo(page).absolutePath())); // the private directory too
    }
}

void tst_SystemBrowserLaunch::closeRemovesThePage()
{
    // A browser that never comes: the page stays only as long as the sign-in.
    Surroundings surroundings(Surroundings::Recorder, true);
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://localhost/callback"));
    agent.authorize(QUrl("https://login.example/authorize?client_id=x&state=the-state&nonce=the-nonce"), redirect);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(surroundings.log), 10000);
    QTRY_VERIFY(surroundings.logText().endsWith('\n'));
    const QString page = surroundings.logText().trimmed();
    QVERIFY(page.startsWith(surroundings.runtimeDir + "/msalqt/signin-"));
    QVERIFY(QFileInfo::exists(page));
    struct stat st;
    QCOMPARE(::lstat(QFile::encodeName(page).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
    QFile file(page);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray html = file.readAll();
    QVERIFY(html.contains("http-equiv=\"refresh\""));
    QVERIFY(!html.contains("the-state") && !html.contains("the-nonce") && !html.contains("login.example"));

    agent.close();
    QVERIFY(!QFileInfo::exists(page));
    QVERIFY(surroundings.pagesLeft().isEmpty());
}

void tst_SystemBrowserLaunch::noBrowser()
{
    Surroundings surroundings(Surroundings::NoXdgOpen, true);
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://localhost/callback"));
    QSignalSpy failed(&agent, &AuthorizationAgent::failed);
    agent.authorize(QUrl("https://login.example/authorize?state=s"), redirect);
    QVERIFY(failed.wait(10000));
    const AuthError error = failed.first().first().value<AuthError>();
    QCOMPARE(error.type(), AuthError::InvalidConfiguration);
    QVERIFY2(error.errorString().contains("xdg-open"), qPrintable(error.errorString()));
    QCOMPARE(agent.port(), quint16(0));
    QVERIFY(surroundings.pagesLeft().isEmpty());
}

void tst_SystemBrowserLaunch::strayRedirectsIgnored_data()
{
    QTest::addColumn<QString>("forgedQuery");
    QTest::newRow("a code with the attacker's state") << "code=attackers-code&state=attackers-state";
    QTest::newRow("a code without state") << "code=attackers-code";
    QTest::newRow("an error with the attacker's state") << "error=access_denied&state=attackers-state";
    QTest::newRow("neither code nor error") << "";
}

void tst_SystemBrowserLaunch::strayRedirectsIgnored()
{
    // A local attacker who finds the loopback port sends his own "redirect" first; the sign-in
    // must ignore it, keep listening, and complete with the person's.
    QFETCH(QString, forgedQuery);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    QNetworkAccessManager attacker;
    QNetworkAccessManager browser;
    int forgedStatus = 0;
    QByteArray forgedPage;
    agent.setUrlOpener([&](const QUrl &url) {
        QUrl forged(QUrlQuery(url).queryItemValue("redirect_uri", QUrl::FullyDecoded));
        forged.setHost("127.0.0.1");
        forged.setQuery(forgedQuery);
        QNetworkReply *stray = attacker.get(QNetworkRequest(forged));
        QObject::connect(stray, &QNetworkReply::finished, stray, [&, stray, url] {
            stray->deleteLater();
            forgedStatus = stray->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            forgedPage = stray->readAll();
            // Only then does the person's browser go to the sign-in page.
            QNetworkReply *reply = browser.get(QNetworkRequest(url));
            QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        });
        return true;
    });
    const auto request = signIn(app, &agent);
    QCOMPARE(forgedStatus, 400);
    QVERIFY2(forgedPage.contains("ignored"), forgedPage.constData());
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), alice());
    int redemptions = 0;
    for (const Emulator::RecordedRequest &recorded : m_emulator.requests()) {
        if (recorded.path.endsWith("/oauth2/v2.0/token")) {
            ++redemptions;
            QVERIFY(recorded.form.queryItemValue("code") != "attackers-code");
        }
    }
    QCOMPARE(redemptions, 1);
}

void tst_SystemBrowserLaunch::xdgOpenFindsNoBrowser()
{
    // xdg-open is installed but finds no browser: reported at once, not five minutes later.
    Surroundings surroundings(Surroundings::NoBrowserFound, true);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    QElapsedTimer clock;
    clock.start();
    const auto request = signIn(app, &agent);
    QVERIFY(request->isFinished());
    QVERIFY2(clock.elapsed() < 10000, "the failure was not reported at once");
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QVERIFY2(request->error().errorString().contains("No browser could be opened"),
             qPrintable(request->error().errorString()));
    QCOMPARE(agent.port(), quint16(0));
    QVERIFY(surroundings.pagesLeft().isEmpty());
}

void tst_SystemBrowserLaunch::browserNeverLoadsThePage()
{
    // xdg-open says it handed the page on (exit 0), but no browser ever loads it.
    Surroundings surroundings(Surroundings::Recorder, true);
    Internal::setBrowserLaunchTimeout(1500);
    const auto restore = qScopeGuard([] { Internal::setBrowserLaunchTimeout(60000); });
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    const auto request = signIn(app, &agent);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QVERIFY2(request->error().errorString().contains("No browser could be opened"),
             qPrintable(request->error().errorString()));
    QVERIFY(QFile::exists(surroundings.log)); // xdg-open did run
    QCOMPARE(agent.port(), quint16(0));
    QVERIFY(surroundings.pagesLeft().isEmpty());
}

void tst_SystemBrowserLaunch::browserClosedBeforeTheAnswer()
{
    // The browser xdg-open started loads the page, and the person closes it without signing in.
    Surroundings surroundings(Surroundings::FakeBrowser, true);
    qputenv("MSALQT_TEST_BROWSER_MODE", "close");
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    const auto request = signIn(app, &agent);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::Cancelled);
    QCOMPARE(request->error().errorString().contains("The browser was closed before the sign-in finished."), true);
    QCOMPARE(surroundings.value("closed").toBool(), true);
    QCOMPARE(surroundings.value("launch_status").toInt(), 302);
    QCOMPARE(agent.port(), quint16(0));
}

void tst_SystemBrowserLaunch::cancelWhileWaiting()
{
    // TokenRequest::cancel() ends the wait at once: the listener closes, the page goes.
    Surroundings surroundings(Surroundings::Recorder, true);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    std::unique_ptr<TokenRequest> request(app.acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    QTRY_VERIFY_WITH_TIMEOUT(surroundings.logText().endsWith('\n'), 10000);
    const QString page = surroundings.logText().trimmed();
    QVERIFY(QFileInfo::exists(page));
    QVERIFY(agent.port() != 0);
    QCOMPARE(request->state(), TokenRequest::WaitingForUser);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    request->cancel();
    QCOMPARE(finished.size(), 1); // at once, not on a later event-loop turn
    QCOMPARE(request->error().type(), AuthError::Cancelled);
    QCOMPARE(agent.port(), quint16(0));
    QVERIFY(!QFileInfo::exists(page));
}

// ---------------------------------------------------------------------------------------------
// With a desktop portal (portal_standin on a private bus)

class tst_SystemBrowserPortal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void portalOpensThePage();
    void portalFailureFallsBackToXdgOpen_data();
    void portalFailureFallsBackToXdgOpen();
    void chooserDismissed();

private:
    bool startPortal(const QString &mode, const Surroundings &surroundings);
    QList<QJsonObject> portalCalls() const;

    Emulator::Server m_emulator;
    QProcess m_portal;
    QTemporaryDir m_dir;
    QString m_portalLog;
};

void tst_SystemBrowserPortal::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "run inside dbus-run-session (ctest does)");
    QVERIFY(m_emulator.listen());
}

void tst_SystemBrowserPortal::init()
{
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(alice());
    m_portalLog = m_dir.filePath(QString("portal-%1.log").arg(QTest::currentTestFunction()) + QTest::currentDataTag());
}

void tst_SystemBrowserPortal::cleanup()
{
    if (m_portal.state() != QProcess::NotRunning) {
        m_portal.kill();
        m_portal.waitForFinished(10000);
    }
}

bool tst_SystemBrowserPortal::startPortal(const QString &mode, const Surroundings &surroundings)
{
    m_portal.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_portal.start(PORTAL_STANDIN, {m_portalLog, surroundings.bin + "/fake-browser", mode});
    if (!m_portal.waitForStarted(10000))
        return false;
    QSignalSpy ready(&m_portal, &QProcess::readyReadStandardOutput);
    return (m_portal.canReadLine() || ready.wait(10000)) && m_portal.readLine().trimmed() == "ready";
}

QList<QJsonObject> tst_SystemBrowserPortal::portalCalls() const
{
    QFile file(m_portalLog);
    QList<QJsonObject> result;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                result << QJsonDocument::fromJson(line).object();
        }
    }
    return result;
}

void tst_SystemBrowserPortal::portalOpensThePage()
{
    Surroundings surroundings(Surroundings::FakeBrowser, true);
    QVERIFY(startPortal("open", surroundings));
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    const auto request = signIn(app, &agent);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(surroundings.done(), 20000);

    // The page went over D-Bus as a file descriptor; the portal launched the browser with its path.
    const QList<QJsonObject> calls = portalCalls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).value("method").toString(), QString("OpenFile"));
    QVERIFY(!calls.at(0).value("handle_token").toString().isEmpty());
    const QString page = calls.at(0).value("path").toString();
    QCOMPARE(QFileInfo(page).absolutePath(), surroundings.runtimeDir + "/msalqt");
    QCOMPARE(calls.at(1).value("launched").toBool(), true);
    // The browser is the one the portal started, with that path; xdg-open never ran.
    checkBrowserRun(surroundings, authorizeSecrets(m_emulator), "fake-browser");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(surroundings.value("argv").toArray().at(1).toString(), page);
    int browserRuns = 0;
    for (const QJsonObject &entry : surroundings.entries())
        browserRuns += entry.contains("argv");
    QCOMPARE(browserRuns, 1);
    QVERIFY(surroundings.pagesLeft().isEmpty());
}

void tst_SystemBrowserPortal::portalFailureFallsBackToXdgOpen_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("Response 2: the portal could not open it") << "failure";
    QTest::newRow("a D-Bus error") << "error";
    QTest::newRow("no portal on the bus") << QString();
}

void tst_SystemBrowserPortal::portalFailureFallsBackToXdgOpen()
{
    QFETCH(QString, mode);
    Surroundings surroundings(Surroundings::FakeBrowser, true);
    if (!mode.isEmpty())
        QVERIFY(startPortal(mode, surroundings));
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    const auto request = signIn(app, &agent);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(surroundings.done(), 20000);
    checkBrowserRun(surroundings, authorizeSecrets(m_emulator), "xdg-open");
    if (QTest::currentTestFailed())
        return;
    if (!mode.isEmpty()) {
        QCOMPARE(portalCalls().size(), 1);
        QCOMPARE(portalCalls().first().value("method").toString(), QString("OpenFile"));
    }
}

void tst_SystemBrowserPortal::chooserDismissed()
{
    Surroundings surroundings(Surroundings::FakeBrowser, true);
    QVERIFY(startPortal("cancel", surroundings));
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    const auto request = signIn(app, &agent);
    QCOMPARE(request->error().type(), AuthError::Cancelled);
    QCOMPARE(portalCalls().size(), 1);
    QVERIFY(!QFile::exists(surroundings.log)); // no browser at all, xdg-open included
    QVERIFY(surroundings.pagesLeft().isEmpty());
    QCOMPARE(agent.port(), quint16(0));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    if (qEnvironmentVariableIsSet("MSALQT_TEST_PORTAL")) {
        tst_SystemBrowserPortal test;
        return QTest::qExec(&test, argc, argv);
    }
    tst_SystemBrowserLaunch test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_systembrowserlaunch.moc"
