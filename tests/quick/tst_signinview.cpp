#include "guitestsupport.h"
#include "testsupport.h"
#include "widgettestaccounts.h"

#include <MsalQt/authorizationagent.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>

#include <QDir>
#include <QApplication>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSignalSpy>
#include <QTest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineUrlScheme>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <signal.h>

using namespace MsalQt;

// The QML SignInView (import MsalQt) as the agent of the real interactive flow
// (PublicClientApplication::acquireTokenInteractive) on the emulator's login and consent pages.
// The test plays the person by scripting the page, as tst_interactivesignin does for the dialog.
class tst_SignInView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void offTheRecordProfile();
    void redirectCaught_data();
    void redirectCaught();
    void customSchemeRefused();
    void closeEndsQuietly();
    void emulatorSignIn();
    void emulatorDeclined();
    void forgedState();
    void insecurePageRefused();
    void insecureFrameAndImageBlocked();
    void cancelled();
    void cancelledByEscape();
    void renderProcessKilled();

    // The view's loadingChanged(QWebEngineLoadingInfo), connected by its signature.
    void onLoadingChanged(const QWebEngineLoadingInfo &info);

private:
    TokenRequest *start(PublicClientApplication *app, InteractiveParameters parameters);
    // Waits until the view shows a page of the sign-in (not the blank one it parks on).
    bool waitForPage();
    void runScript(const QString &script);
    void saveScreenshot(const QString &name);

    MsalQt::Emulator::Server m_emulator;
    GuiTest::PageServer m_pageServer;
    GuiTest::PageServer m_redirectTarget; // listens where loopback redirects point: must see nothing
    std::unique_ptr<QQuickView> m_window;
    QObject *m_web = nullptr;
    AuthorizationAgent *m_agent = nullptr;
    QString m_script; // run on every page that finishes loading
    int m_pages = 0; // sign-in pages loaded (not the blank one)
};

namespace {

// The client id whose msal{id}://auth scheme main() registers before the application exists.
QString clientId()
{
    return QStringLiteral("00000000-1111-2222-3333-555555555555");
}

// Registered too, but not named by signinviewtest.qml.
QString otherClientId()
{
    return QStringLiteral("00000000-1111-2222-3333-666666666666");
}


// Every warning, recorded before Qt Test's own handler sees (or ignores) it: a test waits for
// the guard's warnings with QTRY_*.
QtMessageHandler previousHandler = nullptr;
QStringList &loggedWarnings()
{
    static QStringList warnings;
    return warnings;
}
void recordingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg)
        loggedWarnings() << message;
    previousHandler(type, context, message);
}

} // namespace

void tst_SignInView::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_pageServer.start());
    QVERIFY(m_redirectTarget.start());
    m_pageServer.setPage(QStringLiteral("/login"),
                    {200, "text/html; charset=utf-8",
                     GuiTest::htmlPage(QStringLiteral("Contoso sign-in"),
                                       QStringLiteral("<form id=\"login\" action=\"/submit\" method=\"post\">"
                                                      "<p><input id=\"password\" name=\"password\" type=\"password\"></p>"
                                                      "<button id=\"sign-in\">Sign in</button></form>")),
                     {}, {}});
    previousHandler = qInstallMessageHandler(recordingHandler);
}

void tst_SignInView::init()
{
    m_window = std::make_unique<QQuickView>();
    m_window->engine()->addImportPath(QStringLiteral(MSALQT_QML_IMPORT_DIR));
    m_window->setResizeMode(QQuickView::SizeRootObjectToView);
    m_window->setSource(QUrl::fromLocalFile(QStringLiteral(MSALQT_SIGNINVIEW_QML)));
    QVERIFY2(m_window->status() == QQuickView::Ready, qPrintable(m_window->errors().isEmpty()
                                                                   ? QString()
                                                                   : m_window->errors().first().toString()));
    QObject *root = m_window->rootObject();
    QVERIFY(root);
    m_web = root->property("webView").value<QObject *>();
    QVERIFY(m_web);
    m_agent = qobject_cast<AuthorizationAgent *>(root->property("agent").value<QObject *>());
    QVERIFY(m_agent);
    m_script.clear();
    m_pages = 0;
    loggedWarnings().clear();
    QVERIFY(connect(m_web, SIGNAL(loadingChanged(QWebEngineLoadingInfo)), this,
                    SLOT(onLoadingChanged(QWebEngineLoadingInfo))));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_SignInView::cleanup()
{
    m_window.reset();
    m_web = nullptr;
    m_agent = nullptr;
}

void tst_SignInView::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (info.status() != QWebEngineLoadingInfo::LoadSucceededStatus || info.url().scheme() == QLatin1String("about"))
        return;
    ++m_pages;
    if (!m_script.isEmpty())
        runScript(m_script);
}

TokenRequest *tst_SignInView::start(PublicClientApplication *app, InteractiveParameters parameters)
{
    parameters.setAgent(m_agent);
    TokenRequest *request = app->acquireTokenInteractive(parameters);
    request->setAutoDelete(false);
    return request;
}

bool tst_SignInView::waitForPage()
{
    return QTest::qWaitFor([this] { return m_pages > 0; }, 20000);
}

void tst_SignInView::runScript(const QString &script)
{
    QMetaObject::invokeMethod(m_web, "runJavaScript", Q_ARG(QString, script));
}

void tst_SignInView::saveScreenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("MSALQT_TEST_ARTIFACTS");
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return;
    m_window->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void tst_SignInView::offTheRecordProfile()
{
    QObject *profile = m_web->property("profile").value<QObject *>();
    QVERIFY(profile);
    QCOMPARE(profile->property("offTheRecord").toBool(), true);
    QCOMPARE(profile->property("storageName").toString(), QString());
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
}

void tst_SignInView::redirectCaught_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<QString>("serverRedirect"); // where /submit sends the browser ("%1": target port)
    QTest::addColumn<bool>("byScript");           // the page navigates there itself instead

    const QString custom = QStringLiteral("msal") + clientId() + QStringLiteral("://auth");
    QTest::newRow("custom scheme, registered") << custom << custom + "?code=abc&state=s1" << false;
    QTest::newRow("custom scheme by script") << custom << custom + "?code=abc&state=s1" << true;
    QTest::newRow("loopback, any port") << "http://localhost" << "http://localhost:%1/?code=abc&state=s1" << false;
    QTest::newRow("loopback with path") << "http://127.0.0.1/callback" << "http://127.0.0.1:%1/callback?code=abc&state=s1" << false;
    QTest::newRow("loopback by script") << "http://localhost" << "http://localhost:%1/?code=abc&state=s1" << true;
    QTest::newRow("nativeclient") << "https://login.microsoftonline.com/common/oauth2/nativeclient"
                                  << "https://login.microsoftonline.com/common/oauth2/nativeclient?code=abc&state=s1" << false;
}

void tst_SignInView::redirectCaught()
{
    QFETCH(QString, redirectUri);
    QFETCH(QString, serverRedirect);
    QFETCH(bool, byScript);
    const QByteArray location = serverRedirect.contains(QLatin1String("%1"))
        ? serverRedirect.arg(m_redirectTarget.serverPort()).toUtf8() : serverRedirect.toUtf8();
    m_pageServer.setPage(QStringLiteral("/submit"), {302, "text/plain", {}, location, {}});
    const int connectionsBefore = m_redirectTarget.connectionCount();

    QSignalSpy redirected(m_agent, &AuthorizationAgent::redirected);
    QSignalSpy failed(m_agent, &AuthorizationAgent::failed);
    QVERIFY(m_agent->prepare(QUrl(redirectUri)).isValid());
    m_agent->authorize(m_pageServer.url(QStringLiteral("/login")), QUrl(redirectUri));
    QVERIFY(waitForPage());
    saveScreenshot(QStringLiteral("signinview-login-page"));
    if (byScript)
        runScript(QStringLiteral("window.location.href = '%1';").arg(QString::fromUtf8(location)));
    else
        runScript(QStringLiteral("document.getElementById('login').submit();"));
    QVERIFY(redirected.wait(20000));
    QCOMPARE(redirected.count(), 1);
    QCOMPARE(failed.count(), 0);
    // Reported on the redirect URI as given, whatever the browser made of it, with the response.
    const QUrl url = redirected.first().first().toUrl();
    QCOMPARE(url.adjusted(QUrl::RemoveQuery), QUrl(redirectUri));
    QCOMPARE(url.query(), QStringLiteral("code=abc&state=s1"));
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
    // Parked on the blank page: whatever the browser was doing has stopped, and the redirect
    // target never saw a connection.
    QTRY_COMPARE(m_web->property("url").toUrl(), QUrl(QStringLiteral("about:blank")));
    QTRY_COMPARE(m_web->property("loading").toBool(), false);
    QCOMPARE(m_redirectTarget.connectionCount(), connectionsBefore);
    QCOMPARE(redirected.count(), 1);
}

void tst_SignInView::customSchemeRefused()
{
    // A scheme nobody registered, and a registered one that the view was not given with
    // redirectUri (its handler would come too late for Qt WebEngine Quick): the agent says up
    // front that it cannot serve them (the flow then fails with InvalidConfiguration) instead of
    // leaving the person on the last page. The one signinviewtest.qml names is served.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("msalffff.*is not registered")));
    QVERIFY(!m_agent->prepare(QUrl(QStringLiteral("msalffff://auth"))).isValid());
    const QUrl configured(QStringLiteral("msal%1://auth").arg(clientId()));
    QCOMPARE(m_agent->prepare(configured), configured);
    QCOMPARE(m_agent->prepare(QUrl(QStringLiteral("http://localhost"))), QUrl(QStringLiteral("http://localhost")));
    // Named after the view was made: its handler would come too late.
    const QUrl late(QStringLiteral("msal%1://auth").arg(otherClientId()));
    QVERIFY(m_agent->setProperty("redirectUri", late));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot catch a redirect to a \"msal%1\"").arg(otherClientId())));
    QVERIFY(!m_agent->prepare(late).isValid());
}

void tst_SignInView::closeEndsQuietly()
{
    QSignalSpy redirected(m_agent, &AuthorizationAgent::redirected);
    QSignalSpy failed(m_agent, &AuthorizationAgent::failed);
    m_agent->authorize(m_pageServer.url(QStringLiteral("/login")), QUrl(QStringLiteral("http://localhost")));
    QVERIFY(waitForPage());
    QCOMPARE(m_window->rootObject()->property("active").toBool(), true);
    m_agent->close(); // the flow is over (a timeout, say): no signal follows
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
    QTRY_COMPARE(m_web->property("url").toUrl(), QUrl(QStringLiteral("about:blank")));
    QMetaObject::invokeMethod(m_window->rootObject(), "cancel"); // nothing left to cancel
    QCOMPARE(redirected.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void tst_SignInView::emulatorSignIn()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    QSignalSpy active(m_agent, SIGNAL(activeChanged()));
    std::unique_ptr<TokenRequest> request(start(app.get(), InteractiveParameters({QStringLiteral("User.Read")})));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(waitForPage());
    QCOMPARE(m_window->rootObject()->property("active").toBool(), true);
    saveScreenshot(QStringLiteral("signinview-emulator-login"));
    m_script = GuiTest::emulatorPersonScript(TestSupport::alice(), TestSupport::password(), true);
    runScript(m_script);
    QVERIFY(finished.wait(60000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), TestSupport::alice());
    // Shown for the sign-in, hidden after it, parked on the blank page.
    QCOMPARE(active.count(), 2);
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
    QTRY_COMPARE(m_web->property("url").toUrl(), QUrl(QStringLiteral("about:blank")));
}

void tst_SignInView::emulatorDeclined()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    InteractiveParameters parameters({QStringLiteral("User.Read")});
    parameters.setPrompt(InteractiveParameters::Prompt::Consent); // the consent page, to decline
    std::unique_ptr<TokenRequest> request(start(app.get(), parameters));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    m_script = GuiTest::emulatorPersonScript(TestSupport::alice(), TestSupport::password(), false);
    QVERIFY(waitForPage());
    runScript(m_script); // the first page may have loaded before the script was set
    QVERIFY(finished.wait(60000));
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->error().type(), AuthError::Declined);
    QCOMPARE(request->error().protocolError(), QStringLiteral("access_denied"));
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
}

void tst_SignInView::forgedState()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    std::unique_ptr<TokenRequest> request(start(app.get(), InteractiveParameters({QStringLiteral("User.Read")})));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(waitForPage());
    // A page (or an attacker's link) sends the browser to the redirect URI with a state the
    // flow never issued: the flow must refuse the code.
    runScript(QStringLiteral("window.location.href = 'http://localhost:4711/?code=forged-code&state=forged';"));
    QVERIFY(finished.wait(20000));
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
    QVERIFY2(request->error().message().contains(QStringLiteral("state")), qPrintable(request->error().message()));
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
}

void tst_SignInView::insecurePageRefused()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    std::unique_ptr<TokenRequest> request(start(app.get(), InteractiveParameters({QStringLiteral("User.Read")})));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(waitForPage());
    // Plain http off loopback (RFC 8252 §8.3): never loaded, and the sign-in ends.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refused to open")));
    runScript(QStringLiteral("window.location.href = 'http://sign-in.example.com/collect?password=x';"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
    QVERIFY2(request->error().message().contains(QStringLiteral("sign-in.example.com")),
             qPrintable(request->error().message()));
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
    QTRY_COMPARE(m_web->property("url").toUrl(), QUrl(QStringLiteral("about:blank")));
}

void tst_SignInView::insecureFrameAndImageBlocked()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    std::unique_ptr<TokenRequest> request(start(app.get(), InteractiveParameters({QStringLiteral("User.Read")})));
    QVERIFY(waitForPage());
    // A frame is a navigation (the view's navigationRequested, refused there); an image is only
    // a request (the profile's interceptor blocks it). Neither ends the sign-in.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Refused a frame of the sign-in page:.*frame\\.example\\.com")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^Blocked an insecure request of the sign-in page:.*image\\.example\\.com")));
    runScript(QStringLiteral("var f = document.createElement('iframe'); f.src = 'http://frame.example.com/';"
                             "document.body.appendChild(f);"
                             "var i = document.createElement('img'); i.src = 'http://image.example.com/x.png';"
                             "document.body.appendChild(i);"));
    QTRY_VERIFY_WITH_TIMEOUT(loggedWarnings().join(QLatin1Char('\n')).contains(QStringLiteral("frame.example.com"))
                                 && loggedWarnings().join(QLatin1Char('\n')).contains(QStringLiteral("image.example.com")),
                             10000);
    QVERIFY(!request->isFinished());
    QCOMPARE(m_window->rootObject()->property("active").toBool(), true);
}

void tst_SignInView::cancelled()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    std::unique_ptr<TokenRequest> request(start(app.get(), InteractiveParameters({QStringLiteral("User.Read")})));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(waitForPage());
    QVERIFY(QMetaObject::invokeMethod(m_window->rootObject(), "cancel"));
    QVERIFY(finished.count() || finished.wait(10000));
    QCOMPARE(request->error().type(), AuthError::Cancelled);
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
}

void tst_SignInView::cancelledByEscape()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    std::unique_ptr<TokenRequest> request(start(app.get(), InteractiveParameters({QStringLiteral("User.Read")})));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(waitForPage());
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(finished.count() || finished.wait(10000));
    QCOMPARE(request->error().type(), AuthError::Cancelled);
}

void tst_SignInView::renderProcessKilled()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    std::unique_ptr<TokenRequest> request(start(app.get(), InteractiveParameters({QStringLiteral("User.Read")})));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(waitForPage());
    // The view's renderProcessTerminated (a private enum, connected by index) reaches the guard.
    const qint64 pid = m_web->property("renderProcessPid").toLongLong();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(request->error().type(), AuthError::NetworkError);
    QVERIFY2(request->error().message().contains(QStringLiteral("stopped unexpectedly")),
             qPrintable(request->error().message()));
    QCOMPARE(m_window->rootObject()->property("active").toBool(), false);
}

int main(int argc, char **argv)
{
    // Before the application object, as applications do: the custom redirect scheme (what
    // SignInDialog::registerRedirectScheme() does) and Qt WebEngine's OpenGL context sharing.
    QWebEngineUrlScheme scheme(QStringLiteral("msal%1").arg(clientId()).toLatin1());
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    QWebEngineUrlScheme::registerScheme(scheme);
    QWebEngineUrlScheme other(QStringLiteral("msal%1").arg(otherClientId()).toLatin1());
    other.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    QWebEngineUrlScheme::registerScheme(other);
    QtWebEngineQuick::initialize();
    // A QApplication: the test links Qt Widgets (GuiTest), and QTest's key events then take the
    // application for one (UBSan: a downcast of a QGuiApplication).
    QApplication app(argc, argv);
    tst_SignInView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signinview.moc"
