#include "signinguard_p.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWebEngineUrlScheme>

using MsalQt::AuthError;
using MsalQt::WebEngine::SignInGuard;

namespace {
// Registered in main(), before the application object, as SignInDialog::registerRedirectScheme() does.
constexpr char RegisteredScheme[] = "msalguardtest";
const QUrl AuthorizeUrl(QStringLiteral("https://login.example.com/tenant/oauth2/v2.0/authorize?client_id=c"));
const QUrl LoopbackRedirect(QStringLiteral("http://localhost/callback"));
} // namespace

// The decisions shared by SignInDialog and the QML SignInView, without a browser: what each
// event of the page does to a running sign-in, and that each sign-in ends once.
class tst_SignInGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prepareRedirectUri_data();
    void prepareRedirectUri();
    void redirectSchemeToHandle_data();
    void redirectSchemeToHandle();
    void startRefused_data();
    void startRefused();
    void redirectReportedOnce();
    void refusedMainFrameFails_data();
    void refusedMainFrameFails();
    void refusedSubframeKeepsGoing();
    void failEndsOnce();
    void endIsQuiet();
    void idleGuardLoadsOnlyBlank();
    void renderProcessTerminated_data();
    void renderProcessTerminated();
    void redirectSchemeRequested();
    void nextSignInAfterRedirect();
};

void tst_SignInGuard::prepareRedirectUri_data()
{
    QTest::addColumn<QUrl>("redirectUri");
    QTest::addColumn<QUrl>("expected");
    QTest::newRow("loopback") << QUrl("http://localhost") << QUrl("http://localhost");
    QTest::newRow("nativeclient") << QUrl("https://login.microsoftonline.com/common/oauth2/nativeclient")
                                  << QUrl("https://login.microsoftonline.com/common/oauth2/nativeclient");
    QTest::newRow("registered scheme") << QUrl("msalguardtest://auth") << QUrl("msalguardtest://auth");
    QTest::newRow("unregistered scheme") << QUrl("msalunknown://auth") << QUrl();
    QTest::newRow("no scheme") << QUrl("localhost/callback") << QUrl();
    QTest::newRow("empty") << QUrl() << QUrl();
}

void tst_SignInGuard::prepareRedirectUri()
{
    QFETCH(QUrl, redirectUri);
    QFETCH(QUrl, expected);
    if (redirectUri.scheme() == QLatin1String("msalunknown"))
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not registered")));
    QCOMPARE(SignInGuard::prepareRedirectUri(redirectUri), expected);
}

void tst_SignInGuard::redirectSchemeToHandle_data()
{
    QTest::addColumn<QUrl>("redirectUri");
    QTest::addColumn<QByteArray>("scheme");
    QTest::newRow("http") << QUrl("http://localhost:1234/cb") << QByteArray();
    QTest::newRow("https") << QUrl("https://login.microsoftonline.com/common/oauth2/nativeclient") << QByteArray();
    QTest::newRow("registered") << QUrl("msalguardtest://auth") << QByteArray(RegisteredScheme);
    QTest::newRow("registered, upper case") << QUrl("MSALGUARDTEST://auth") << QByteArray(RegisteredScheme);
    QTest::newRow("unregistered") << QUrl("msalunknown://auth") << QByteArray();
}

void tst_SignInGuard::redirectSchemeToHandle()
{
    QFETCH(QUrl, redirectUri);
    QFETCH(QByteArray, scheme);
    QCOMPARE(SignInGuard::redirectSchemeToHandle(redirectUri), scheme);
}

void tst_SignInGuard::startRefused_data()
{
    QTest::addColumn<QUrl>("authorizationUrl");
    QTest::addColumn<QString>("named"); // what the message names
    QTest::newRow("http off loopback") << QUrl("http://login.example.com/authorize?x=1") << "login.example.com";
    QTest::newRow("another application") << QUrl("myapp://authorize") << "\"myapp:\"";
    QTest::newRow("file") << QUrl("file:///etc/passwd") << "\"file:\"";
}

void tst_SignInGuard::startRefused()
{
    QFETCH(QUrl, authorizationUrl);
    QFETCH(QString, named);
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QSignalSpy redirected(&guard, &SignInGuard::redirected);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Refused to open")));
    QVERIFY(!guard.begin(authorizationUrl, LoopbackRedirect));
    QVERIFY(!guard.isAuthorizing());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(redirected.count(), 0);
    const auto error = failed.first().first().value<AuthError>();
    QCOMPARE(error.type(), AuthError::InvalidResponse);
    QVERIFY2(error.message().contains(named), qPrintable(error.message()));
}

void tst_SignInGuard::redirectReportedOnce()
{
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QSignalSpy redirected(&guard, &SignInGuard::redirected);
    QVERIFY(guard.begin(AuthorizeUrl, LoopbackRedirect));
    QVERIFY(guard.isAuthorizing());
    QCOMPARE(guard.redirectUri(), LoopbackRedirect);

    QVERIFY(guard.acceptNavigation(QUrl("https://login.example.com/login"), true));
    QVERIFY(guard.acceptNavigation(QUrl("http://127.0.0.1:5000/consent"), true));
    QCOMPARE(redirected.count(), 0);

    // Chromium adds the port it used; the report is the redirect URI the flow gave, plus the response.
    QVERIFY(!guard.acceptNavigation(QUrl("http://localhost:49152/callback?code=C0DE&state=S#frag"), true));
    QVERIFY(!guard.isAuthorizing());
    QCOMPARE(redirected.count(), 1);
    QCOMPARE(redirected.first().first().toUrl(), QUrl("http://localhost/callback?code=C0DE&state=S#frag"));

    // The same redirect seen again (the interceptor after the navigation check): nothing more.
    QVERIFY(!guard.acceptNavigation(QUrl("http://localhost:49152/callback?code=C0DE&state=S"), true));
    guard.fail(AuthError(AuthError::Cancelled));
    QCOMPARE(redirected.count(), 1);
    QCOMPARE(failed.count(), 0);
}

void tst_SignInGuard::refusedMainFrameFails_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("named");
    QTest::newRow("http off loopback") << QUrl("http://attacker.example/collect") << "attacker.example";
    QTest::newRow("ws off loopback") << QUrl("ws://attacker.example/socket") << "attacker.example";
    QTest::newRow("another application") << QUrl("msauth://broker") << "\"msauth:\"";
    QTest::newRow("javascript") << QUrl("javascript:alert(1)") << "\"javascript:\"";
}

void tst_SignInGuard::refusedMainFrameFails()
{
    QFETCH(QUrl, url);
    QFETCH(QString, named);
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QSignalSpy redirected(&guard, &SignInGuard::redirected);
    QVERIFY(guard.begin(AuthorizeUrl, QUrl("https://app.example.com/callback")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Refused to open")));
    QVERIFY(!guard.acceptNavigation(url, true));
    QVERIFY(!guard.isAuthorizing());
    QCOMPARE(failed.count(), 1);
    QCOMPARE(redirected.count(), 0);
    const auto error = failed.first().first().value<AuthError>();
    QCOMPARE(error.type(), AuthError::InvalidResponse);
    QVERIFY2(error.message().contains(named), qPrintable(error.message()));
}

void tst_SignInGuard::refusedSubframeKeepsGoing()
{
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QVERIFY(guard.begin(AuthorizeUrl, LoopbackRedirect));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Refused a frame")));
    QVERIFY(!guard.acceptNavigation(QUrl("http://ads.example/frame"), false));
    QVERIFY(guard.isAuthorizing());
    QCOMPARE(failed.count(), 0);
}

void tst_SignInGuard::failEndsOnce()
{
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QSignalSpy redirected(&guard, &SignInGuard::redirected);
    QVERIFY(guard.begin(AuthorizeUrl, LoopbackRedirect));
    guard.fail(AuthError(AuthError::Cancelled, QStringLiteral("closed")));
    guard.fail(AuthError(AuthError::NetworkError, QStringLiteral("again")));
    QVERIFY(!guard.acceptNavigation(QUrl("http://localhost/callback?code=late"), true));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::Cancelled);
    QCOMPARE(redirected.count(), 0);
}

void tst_SignInGuard::endIsQuiet()
{
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QSignalSpy redirected(&guard, &SignInGuard::redirected);
    QVERIFY(!guard.end());
    QVERIFY(guard.begin(AuthorizeUrl, LoopbackRedirect));
    QVERIFY(guard.end());
    QVERIFY(!guard.isAuthorizing());
    QVERIFY(!guard.end());
    guard.fail(AuthError(AuthError::Cancelled));
    QVERIFY(!guard.acceptNavigation(QUrl("http://localhost/callback?code=late"), true));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(redirected.count(), 0);
}

void tst_SignInGuard::idleGuardLoadsOnlyBlank()
{
    SignInGuard guard;
    QVERIFY(guard.acceptNavigation(QUrl("about:blank"), true));
    QVERIFY(!guard.acceptNavigation(QUrl("https://login.example.com/"), true));
    QVERIFY(!guard.acceptNavigation(QUrl("http://localhost/callback?code=C"), true));
}

void tst_SignInGuard::renderProcessTerminated_data()
{
    QTest::addColumn<QWebEnginePage::RenderProcessTerminationStatus>("status");
    QTest::addColumn<bool>("fails");
    QTest::newRow("normal") << QWebEnginePage::NormalTerminationStatus << false;
    QTest::newRow("abnormal") << QWebEnginePage::AbnormalTerminationStatus << true;
    QTest::newRow("crashed") << QWebEnginePage::CrashedTerminationStatus << true;
    QTest::newRow("killed") << QWebEnginePage::KilledTerminationStatus << true;
}

void tst_SignInGuard::renderProcessTerminated()
{
    QFETCH(QWebEnginePage::RenderProcessTerminationStatus, status);
    QFETCH(bool, fails);
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QVERIFY(guard.begin(AuthorizeUrl, LoopbackRedirect));
    guard.renderProcessTerminated(status);
    QCOMPARE(failed.count(), fails ? 1 : 0);
    QCOMPARE(guard.isAuthorizing(), !fails);
    if (fails)
        QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::NetworkError);
}

void tst_SignInGuard::redirectSchemeRequested()
{
    SignInGuard guard;
    QSignalSpy failed(&guard, &SignInGuard::failed);
    QSignalSpy redirected(&guard, &SignInGuard::redirected);
    QVERIFY(guard.begin(AuthorizeUrl, QUrl("msalguardtest://auth")));
    guard.redirectSchemeRequested(QUrl("msalguardtest://other?code=C"));
    QVERIFY(guard.isAuthorizing());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(redirected.count(), 0);
    guard.redirectSchemeRequested(QUrl("msalguardtest://auth?code=C&state=S"));
    QCOMPARE(redirected.count(), 1);
    QCOMPARE(redirected.first().first().toUrl(), QUrl("msalguardtest://auth?code=C&state=S"));
}

void tst_SignInGuard::nextSignInAfterRedirect()
{
    SignInGuard guard;
    QSignalSpy redirected(&guard, &SignInGuard::redirected);
    QVERIFY(guard.begin(AuthorizeUrl, LoopbackRedirect));
    QVERIFY(!guard.acceptNavigation(QUrl("http://localhost/callback?code=ONE"), true));
    // The next sign-in has its own redirect URI and its own signal.
    QVERIFY(guard.begin(AuthorizeUrl, QUrl("https://app.example.com/done")));
    QVERIFY(guard.acceptNavigation(QUrl("http://localhost/callback?code=OLD"), true)); // loopback page now
    QVERIFY(!guard.acceptNavigation(QUrl("https://app.example.com/done?code=TWO"), true));
    QCOMPARE(redirected.count(), 2);
    QCOMPARE(redirected.at(1).first().toUrl(), QUrl("https://app.example.com/done?code=TWO"));
}

int main(int argc, char **argv)
{
    QWebEngineUrlScheme scheme(RegisteredScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    QWebEngineUrlScheme::registerScheme(scheme);
    QCoreApplication app(argc, argv);
    tst_SignInGuard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signinguard.moc"
