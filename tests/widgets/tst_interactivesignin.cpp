#include "guitestsupport.h"
#include "oidcproviderfixture.h"
#include "testsupport.h"
#include "widgettestaccounts.h"

#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>

#include <QSignalSpy>
#include <QTest>
#include <QWebEnginePage>

using namespace MsalQt;
using namespace MsalQt::Widgets;

// The real SignInDialog as the agent of the real interactive flow
// (PublicClientApplication::acquireTokenInteractive), on the emulator's login and consent pages
// and on oidc-provider's. The test plays the person by scripting the page.
class tst_InteractiveSignIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emulatorSignIn();
    void emulatorDeclined();
    void forgedState();
    void cancelledByEscape();
    void oidcProviderSignIn();

private:
    // Starts the flow and waits until the dialog shows a loaded page.
    TokenRequest *start(PublicClientApplication *app, const InteractiveParameters &parameters);
    // Runs `script` on every page that finishes loading until the request ends.
    bool playPerson(TokenRequest *request, const QString &script, const QString &screenshot);

    MsalQt::Emulator::Server m_emulator;
    OidcProviderFixture m_oidc;
    std::unique_ptr<SignInDialog> m_dialog;
};

namespace {


// oidc-provider's pages (tests/oidc/provider.mjs): #login-form with login/password, then a
// consent form with decision=allow|deny buttons.
QString oidcScript(const QString &login, const QString &password)
{
    return QStringLiteral(
               "(function() {"
               "  var f = document.getElementById('login-form');"
               "  if (f) { f.login.value = '%1'; f.password.value = '%2'; f.querySelector('button').click(); return 'login'; }"
               "  var a = document.querySelector('#consent-form button[value=allow]');"
               "  if (a) { a.click(); return 'consent'; }"
               "  return 'other'; })()")
        .arg(login, password);
}

} // namespace

void tst_InteractiveSignIn::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_InteractiveSignIn::init()
{
    m_dialog = std::make_unique<SignInDialog>();
}

void tst_InteractiveSignIn::cleanup()
{
    m_dialog.reset();
}

TokenRequest *tst_InteractiveSignIn::start(PublicClientApplication *app, const InteractiveParameters &parameters)
{
    TokenRequest *request = app->acquireTokenInteractive(parameters);
    request->setAutoDelete(false);
    return request;
}

bool tst_InteractiveSignIn::playPerson(TokenRequest *request, const QString &script, const QString &screenshot)
{
    QSignalSpy finished(request, &TokenRequest::finished);
    int pages = 0;
    QMetaObject::Connection connection;
    auto act = [&](bool ok) {
        if (!ok || !m_dialog->isVisible())
            return;
        if (pages++ == 0)
            GuiTest::saveScreenshot(m_dialog.get(), screenshot);
        m_dialog->page()->runJavaScript(script);
    };
    // The dialog may swap pages between runs; follow the current one.
    connection = connect(m_dialog->page(), &QWebEnginePage::loadFinished, this, act);
    const bool done = finished.wait(60000);
    disconnect(connection);
    return done;
}

void tst_InteractiveSignIn::emulatorSignIn()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    InteractiveParameters parameters({QStringLiteral("User.Read")});
    parameters.setAgent(m_dialog->agent());
    std::unique_ptr<TokenRequest> request(start(app.get(), parameters));
    QVERIFY(playPerson(request.get(), GuiTest::emulatorPersonScript(TestSupport::alice(), TestSupport::password(), true),
                       QStringLiteral("interactive-emulator-login")));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), TestSupport::alice());
    QVERIFY(!m_dialog->isVisible());
}

void tst_InteractiveSignIn::emulatorDeclined()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    InteractiveParameters parameters({QStringLiteral("User.Read")});
    parameters.setPrompt(InteractiveParameters::Prompt::Consent); // the consent page, to decline
    parameters.setAgent(m_dialog->agent());
    std::unique_ptr<TokenRequest> request(start(app.get(), parameters));
    QVERIFY(playPerson(request.get(), GuiTest::emulatorPersonScript(TestSupport::alice(), TestSupport::password(), false),
                       QStringLiteral("interactive-emulator-decline")));
    QVERIFY(!request->isSuccess());
    // The server redirected with error=access_denied.
    QVERIFY2(request->error().type() == AuthError::Declined || request->error().protocolError() == QLatin1String("access_denied"),
             qPrintable(request->error().errorString()));
}

void tst_InteractiveSignIn::forgedState()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    InteractiveParameters parameters({QStringLiteral("User.Read")});
    parameters.setAgent(m_dialog->agent());
    std::unique_ptr<TokenRequest> request(start(app.get(), parameters));
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isVisible(), 15000);
    QSignalSpy loaded(m_dialog->page(), &QWebEnginePage::loadFinished);
    QVERIFY(loaded.wait(20000));
    GuiTest::saveScreenshot(m_dialog.get(), QStringLiteral("interactive-forged-state"));
    // A page (or an attacker's link) sends the browser to the redirect URI with a state the
    // flow never issued: the flow must refuse the code.
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    m_dialog->page()->runJavaScript(
        QStringLiteral("window.location.href = 'http://localhost:4711/?code=forged-code&state=forged';"));
    QVERIFY(finished.wait(20000));
    QVERIFY(!request->isSuccess());
    QVERIFY(request->error().type() != AuthError::Cancelled);
    qInfo() << "forged state ->" << AuthError::typeName(request->error().type()) << request->error().message();
}

void tst_InteractiveSignIn::cancelledByEscape()
{
    auto app = GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations"));
    InteractiveParameters parameters({QStringLiteral("User.Read")});
    parameters.setAgent(m_dialog->agent());
    std::unique_ptr<TokenRequest> request(start(app.get(), parameters));
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isVisible(), 15000);
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(finished.count() || finished.wait(10000));
    QCOMPARE(request->error().type(), AuthError::Cancelled);
}

void tst_InteractiveSignIn::oidcProviderSignIn()
{
    QString error;
    QVERIFY2(m_oidc.start(&error), qPrintable(error));
    PublicClientApplication app(OidcProviderFixture::publicClientId(), Authority::openIdConnect(m_oidc.issuer()));
    InteractiveParameters parameters({QStringLiteral("openid"), QStringLiteral("profile")});
    parameters.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1/callback")));
    parameters.setAgent(m_dialog->agent());
    std::unique_ptr<TokenRequest> request(start(&app, parameters));
    QVERIFY(playPerson(request.get(), oidcScript(OidcProviderFixture::aliceLogin(), OidcProviderFixture::alicePassword()),
                       QStringLiteral("interactive-oidc-provider-login")));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString() + m_oidc.stderrLog().right(2000)));
    QCOMPARE(request->result().account().username().isEmpty(), false);
}

QTEST_MAIN(tst_InteractiveSignIn)
#include "tst_interactivesignin.moc"
