#include "guitestsupport.h"

#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/Widgets/translations.h>
#include <MsalQt/authorizationagent.h>

#include <QApplication>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QNetworkCookie>
#include <QProgressBar>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QStandardPaths>
#include <QTranslator>
#include <QWebEngineCookieStore>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

using namespace MsalQt;
using namespace MsalQt::Widgets;
using GuiTest::PageServer;
using GuiTest::Response;

namespace {
// The client id whose msal{id}://auth scheme main() registers before QApplication exists.
QString clientId() { return QStringLiteral("00000000-1111-2222-3333-444444444444"); }
}

// The embedded sign-in dialog on its own, driven the way a flow drives its agent, against pages
// served by the test: where it lets the browser go, how it catches the redirect, how it ends.
class tst_SignInDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void redirectCaught_data();
    void redirectCaught();
    void cancelWithEscape();
    void cancelWithCloseButton();
    void unregisteredCustomSchemeRefused();
    void refusesInsecurePage_data();
    void refusesInsecurePage();
    void refusesInsecureAuthorizationUrl_data();
    void refusesInsecureAuthorizationUrl();
    void failedLoadEndsSignIn();
    void certificateErrorEndsSignIn();
    void agentCloseEndsQuietly();
    void forgetAccountDeletesItsCookies();
    void titleAndProgress();
    void sizedToTheScreen();
    void retranslatedOnLanguageChange();
    void browserCreatedOnFirstUse();

private:
    void startOn(const QString &path, const QUrl &redirectUri);

    PageServer m_pages;
    PageServer m_redirectTarget; // listens where loopback redirects point: must see nothing
    std::unique_ptr<SignInDialog> m_dialog;
};

void tst_SignInDialog::initTestCase()
{
    QVERIFY(m_pages.start());
    QVERIFY(m_redirectTarget.start());
    m_pages.setPage(QStringLiteral("/login"),
                    {200, "text/html; charset=utf-8",
                     GuiTest::htmlPage(QStringLiteral("Contoso sign-in"),
                                       QStringLiteral("<form id=\"login\" action=\"/submit\" method=\"post\">"
                                                      "<p><input id=\"username\" name=\"username\" value=\"alice@contoso.com\"></p>"
                                                      "<p><input id=\"password\" name=\"password\" type=\"password\"></p>"
                                                      "<button id=\"sign-in\">Sign in</button></form>")),
                     {}, {}});
}

void tst_SignInDialog::init()
{
    m_dialog = std::make_unique<SignInDialog>();
}

void tst_SignInDialog::cleanup()
{
    m_dialog.reset();
}

void tst_SignInDialog::startOn(const QString &path, const QUrl &redirectUri)
{
    QVERIFY(m_dialog->agent()->prepare(redirectUri).isValid());
    m_dialog->agent()->authorize(m_pages.url(path), redirectUri);
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void tst_SignInDialog::redirectCaught_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<QString>("serverRedirect"); // where /submit sends the browser ("%1": target port)
    QTest::addColumn<bool>("byScript");           // the page navigates there itself instead

    const QString custom = QStringLiteral("msal") + clientId() + QStringLiteral("://auth");
    QTest::newRow("loopback, any port") << "http://localhost" << "http://localhost:%1/?code=abc&state=s1" << false;
    QTest::newRow("loopback with path") << "http://127.0.0.1/callback" << "http://127.0.0.1:%1/callback?code=abc&state=s1" << false;
    QTest::newRow("loopback by script") << "http://localhost" << "http://localhost:%1/?code=abc&state=s1" << true;
    QTest::newRow("nativeclient") << "https://login.microsoftonline.com/common/oauth2/nativeclient"
                                  << "https://login.microsoftonline.com/common/oauth2/nativeclient?code=abc&state=s1" << false;
    QTest::newRow("custom scheme, registered") << custom << custom + "?code=abc&state=s1" << false;
    QTest::newRow("custom scheme by script") << custom << custom + "?code=abc&state=s1" << true;

}

void tst_SignInDialog::redirectCaught()
{
    QFETCH(QString, redirectUri);
    QFETCH(QString, serverRedirect);
    QFETCH(bool, byScript);
    const QByteArray location = serverRedirect.contains(QLatin1String("%1"))
        ? serverRedirect.arg(m_redirectTarget.serverPort()).toUtf8() : serverRedirect.toUtf8();
    m_pages.setPage(QStringLiteral("/submit"), {302, "text/plain", {}, location, {}});
    const int connectionsBefore = m_redirectTarget.connectionCount();

    QSignalSpy redirected(m_dialog->agent(), &AuthorizationAgent::redirected);
    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    startOn(QStringLiteral("/login"), QUrl(redirectUri));
    QSignalSpy loaded(m_dialog->page(), &QWebEnginePage::loadFinished);
    QVERIFY(loaded.wait(20000));
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("signindialog-login-page"));

    if (byScript)
        m_dialog->page()->runJavaScript(QStringLiteral("window.location.href = '%1';").arg(QString::fromUtf8(location)));
    else
        m_dialog->page()->runJavaScript(QStringLiteral("document.getElementById('password').value='x';"
                                                       "document.getElementById('login').submit();"));
    QVERIFY(redirected.wait(20000));
    QCOMPARE(redirected.count(), 1);
    QCOMPARE(failed.count(), 0);
    // Reported on the redirect URI as given, whatever the browser made of it, with the response.
    const QUrl url = redirected.first().first().toUrl();
    QCOMPARE(url.adjusted(QUrl::RemoveQuery), QUrl(redirectUri));
    QCOMPARE(url.query(), QStringLiteral("code=abc&state=s1"));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QTest::qWait(200); // nothing may arrive late
    QCOMPARE(m_redirectTarget.connectionCount(), connectionsBefore);
    QCOMPARE(redirected.count(), 1);
}

void tst_SignInDialog::cancelWithEscape()
{
    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    QSignalSpy dialogFailed(m_dialog.get(), &SignInDialog::failed);
    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    QSignalSpy loaded(m_dialog->page(), &QWebEnginePage::loadFinished);
    QVERIFY(loaded.wait(20000));
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("signindialog-before-escape"));
    // The key goes where a person's would: to the focused widget, the page's render widget.
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_dialog.get();
    QTest::keyClick(target, Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::Cancelled);
    QCOMPARE(dialogFailed.count(), 1);
    QVERIFY(!m_dialog->isVisible());
}

void tst_SignInDialog::cancelWithCloseButton()
{
    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    QVERIFY(m_dialog->close()); // what the window manager's close button does
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::Cancelled);
    QVERIFY(!m_dialog->isAuthorizing());
}

void tst_SignInDialog::unregisteredCustomSchemeRefused()
{
    // Chromium drops navigations to schemes it does not know: the agent says so up front.
    QVERIFY(!m_dialog->agent()->prepare(QUrl(QStringLiteral("msalffff://auth"))).isValid());
    QVERIFY(m_dialog->agent()->prepare(QUrl(QStringLiteral("msal%1://auth").arg(clientId()))).isValid());
    QVERIFY(m_dialog->agent()->prepare(QUrl(QStringLiteral("http://localhost"))).isValid());
}

void tst_SignInDialog::refusesInsecurePage_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("named");   // what the message must name
    QTest::addColumn<QString>("says");    // what happened, in the message
    QTest::addColumn<QString>("notSays"); // what did not
    QTest::newRow("plain http") << "http://phish.example.com/login?x=1" << "phish.example.com" << "without encryption"
                                << "another application";
    // A link to another application's scheme ("myapp://") is the authorization URL row of
    // refusesInsecureAuthorizationUrl: the Chromium of Qt 6.8 drops such a navigation from a page
    // before asking the page, so the person sees nothing happen and there is nothing to refuse.
}

void tst_SignInDialog::refusesInsecurePage()
{
    QFETCH(QString, target);
    QFETCH(QString, named);
    QFETCH(QString, says);
    QFETCH(QString, notSays);
    m_pages.setPage(QStringLiteral("/insecure"),
                    {200, "text/html", GuiTest::htmlPage(QStringLiteral("Going elsewhere"), QString()), {}, {}});
    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    QSignalSpy redirected(m_dialog->agent(), &AuthorizationAgent::redirected);
    startOn(QStringLiteral("/insecure"), QUrl(QStringLiteral("http://localhost")));
    QSignalSpy loaded(m_dialog->page(), &QWebEnginePage::loadFinished);
    QVERIFY(loaded.wait(20000));
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("signindialog-before-insecure"));
    m_dialog->page()->runJavaScript(QStringLiteral("window.location.href='%1';").arg(target));
    QVERIFY(failed.wait(10000));
    const AuthError error = failed.first().first().value<AuthError>();
    // Refused, not unreachable: the summary says the answer was not accepted.
    QCOMPARE(error.type(), AuthError::InvalidResponse);
    QVERIFY2(error.message().contains(named), qPrintable(error.message()));
    QVERIFY2(error.message().contains(says), qPrintable(error.message()));
    QVERIFY2(!error.message().contains(notSays), qPrintable(error.message()));
    QVERIFY2(!error.errorString().contains(QLatin1String("could not be reached")), qPrintable(error.errorString()));
    QCOMPARE(redirected.count(), 0);
}

void tst_SignInDialog::refusesInsecureAuthorizationUrl_data()
{
    refusesInsecurePage_data();
    // A link for another application names its scheme, not its "host" (issue 16: "an insecure
    // page on auth").
    QTest::newRow("custom scheme") << "myapp://auth/callback?x=1" << "\"myapp:\"" << "another application"
                                   << "encryption";
}

void tst_SignInDialog::refusesInsecureAuthorizationUrl()
{
    QFETCH(QString, target);
    QFETCH(QString, named);
    QFETCH(QString, says);
    QFETCH(QString, notSays);
    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    m_dialog->agent()->authorize(QUrl(target), QUrl(QStringLiteral("http://localhost")));
    QCOMPARE(failed.count(), 1);
    const AuthError error = failed.first().first().value<AuthError>();
    QCOMPARE(error.type(), AuthError::InvalidResponse);
    QVERIFY2(error.message().contains(named), qPrintable(error.message()));
    QVERIFY2(error.message().contains(says), qPrintable(error.message()));
    QVERIFY2(!error.message().contains(notSays), qPrintable(error.message()));
    QVERIFY(!m_dialog->isVisible());
}

void tst_SignInDialog::failedLoadEndsSignIn()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    m_dialog->agent()->authorize(QUrl(QStringLiteral("http://127.0.0.1:%1/authorize").arg(port)),
                                 QUrl(QStringLiteral("http://localhost")));
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::NetworkError);
}

void tst_SignInDialog::certificateErrorEndsSignIn()
{
    // A TLS server whose certificate nobody trusts (self-signed, made now with openssl).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-keyout"), keyPath,
                   QStringLiteral("-out"), certPath});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile keyFile(keyPath), certFile(certPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    m_dialog->agent()->authorize(QUrl(QStringLiteral("https://127.0.0.1:%1/authorize").arg(server.serverPort())),
                                 QUrl(QStringLiteral("http://localhost")));
    QVERIFY(failed.wait(20000));
    const AuthError error = failed.first().first().value<AuthError>();
    QCOMPARE(error.type(), AuthError::InvalidResponse);
    QVERIFY2(!error.errorString().contains(QLatin1String("could not be reached")), qPrintable(error.errorString()));
    QVERIFY2(error.message().contains(QLatin1String("certificate")) && error.message().contains(QLatin1String("127.0.0.1")),
             qPrintable(error.message()));
    QVERIFY(!m_dialog->isVisible());
}

void tst_SignInDialog::agentCloseEndsQuietly()
{
    QSignalSpy failed(m_dialog->agent(), &AuthorizationAgent::failed);
    QSignalSpy redirected(m_dialog->agent(), &AuthorizationAgent::redirected);
    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    m_dialog->agent()->close(); // the flow timed out, say
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(!m_dialog->isAuthorizing());
    QTest::qWait(100);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(redirected.count(), 0);
}

void tst_SignInDialog::forgetAccountDeletesItsCookies()
{
    // One fixed name (test mode keeps it under ~/.qttest): the test leaves it without cookies.
    const QString storage = QStringLiteral("msalqt-test-forget-account");
    m_dialog->setPersistentProfile(storage);
    QVERIFY(m_dialog->isPersistentProfile());
    QWebEngineCookieStore *store = m_dialog->profile()->cookieStore();
    QSignalSpy added(store, &QWebEngineCookieStore::cookieAdded);
    QSignalSpy removed(store, &QWebEngineCookieStore::cookieRemoved);

    // The sign-in server sets its session cookie, as the platform's ESTSAUTH.
    m_pages.setPage(QStringLiteral("/session"),
                    {200, "text/html", GuiTest::htmlPage(QStringLiteral("Signed in"), QString()), {},
                     "ESTSAUTH=session-secret; Path=/; Max-Age=3600; HttpOnly"});
    startOn(QStringLiteral("/session"), QUrl(QStringLiteral("http://localhost")));
    QTRY_VERIFY_WITH_TIMEOUT(added.count() >= 1, 20000);
    QCOMPARE(added.last().first().value<QNetworkCookie>().name(), QByteArray("ESTSAUTH"));
    m_dialog->agent()->close();

    Account other;
    other.setEnvironment(QStringLiteral("login.microsoftonline.com"));
    m_dialog->forgetAccount(other); // another host: nothing of ours goes
    QTest::qWait(300);
    QCOMPARE(removed.count(), 0);

    Account account;
    account.setHomeAccountId(QStringLiteral("uid.utid"));
    account.setEnvironment(QStringLiteral("127.0.0.1:%1").arg(m_pages.serverPort()));
    m_dialog->forgetAccount(account);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 5000);
    QCOMPARE(removed.first().first().value<QNetworkCookie>().name(), QByteArray("ESTSAUTH"));
    m_dialog->setPersistentProfile(QString());
    QVERIFY(!m_dialog->isPersistentProfile());
}

void tst_SignInDialog::titleAndProgress()
{
    auto *progress = m_dialog->findChild<QProgressBar *>();
    QVERIFY(progress);
    QVERIFY(!progress->accessibleName().isEmpty());
    QVERIFY(!m_dialog->view()->accessibleName().isEmpty());
    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    QVERIFY(m_dialog->windowTitle().contains(QLatin1String("127.0.0.1")));
    QSignalSpy loaded(m_dialog->page(), &QWebEnginePage::loadFinished);
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY(!progress->isVisible());
    const QSize size = m_dialog->size();
    QVERIFY2(size.width() >= 400 && size.height() >= 500, qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("signindialog-loaded"));
}

// The dialog opens at its size hint within the screen's work area, frame included, not at
// QWidget's 2/3-of-the-screen cap (533 px on an 800-px screen: tst_signindialog_800 runs this
// under a window manager on one); once the page is in, no empty progress bar sits above it.
void tst_SignInDialog::sizedToTheScreen()
{
    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    QSignalSpy loaded(m_dialog->page(), &QWebEnginePage::loadFinished);
    QVERIFY(loaded.wait(20000));
    const QRect available = m_dialog->screen()->availableGeometry();
    const QSize wanted = QSize(520, 680).boundedTo(available.size() * 9 / 10);
    QCOMPARE(m_dialog->sizeHint(), wanted);
    QCOMPARE(m_dialog->size(), wanted);
    if (available.height() < 1000) // where QWidget's cap would have bitten
        QVERIFY(m_dialog->height() > available.height() * 2 / 3);
    QTRY_VERIFY2(available.contains(m_dialog->frameGeometry()),
                 qPrintable(QStringLiteral("frame %1,%2 %3x%4 on a work area of %5x%6")
                                .arg(m_dialog->frameGeometry().x()).arg(m_dialog->frameGeometry().y())
                                .arg(m_dialog->frameGeometry().width()).arg(m_dialog->frameGeometry().height())
                                .arg(available.width()).arg(available.height())));
    auto *progress = m_dialog->findChild<QProgressBar *>();
    QVERIFY(progress);
    QTRY_VERIFY(!progress->isVisible());
    // The page fills the dialog once the layout has taken the bar out (on the next turn of the loop).
    QTRY_COMPARE(m_dialog->view()->geometry(), m_dialog->rect());
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("signindialog-size-%1").arg(available.height()));

    // Opened again: the size the person left it at.
    m_dialog->reject();
    m_dialog->resize(500, 600);
    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    QCOMPARE(m_dialog->size(), QSize(500, 600));
    m_dialog->reject();
}

// A translator installed or removed while the page shows: the title keeps its host.
void tst_SignInDialog::retranslatedOnLanguageChange()
{
    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Sign in to 127.0.0.1"));
    QVERIFY(MsalQt::Widgets::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
    QTRY_COMPARE(m_dialog->windowTitle(), QStringLiteral("Bei 127.0.0.1 anmelden"));
    QCOMPARE(m_dialog->view()->accessibleName(), QStringLiteral("Anmeldeseite"));
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QTRY_COMPARE(m_dialog->windowTitle(), QStringLiteral("Sign in to 127.0.0.1"));
    QCOMPARE(m_dialog->view()->accessibleName(), QStringLiteral("Sign-in page"));
    m_dialog->reject();
}

// No web view nor profile until a page is needed: a dialog made with the application's window
// must not start Chromium. Forgetting an account first has nothing to forget, and creates nothing.
void tst_SignInDialog::browserCreatedOnFirstUse()
{
    QVERIFY(!m_dialog->isBrowserCreated());
    QVERIFY(m_dialog->findChildren<QWebEngineView *>().isEmpty());
    QVERIFY(m_dialog->findChildren<QWebEngineProfile *>().isEmpty());
    MsalQt::Account account;
    account.setEnvironment(QStringLiteral("login.microsoftonline.com"));
    m_dialog->forgetAccount(account);
    m_dialog->clearCookies();
    QVERIFY(!m_dialog->isPersistentProfile());
    QVERIFY(!m_dialog->isBrowserCreated());

    startOn(QStringLiteral("/login"), QUrl(QStringLiteral("http://localhost")));
    QVERIFY(m_dialog->isBrowserCreated());
    QCOMPARE(m_dialog->findChildren<QWebEngineView *>().size(), 1);
    QVERIFY(m_dialog->profile()->isOffTheRecord());
    m_dialog->reject();
}

int main(int argc, char **argv)
{
    SignInDialog::registerRedirectScheme(clientId()); // before QApplication, as applications do
    QStandardPaths::setTestModeEnabled(true); // persistent profiles go under ~/.qttest
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    tst_SignInDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_signindialog.moc"
