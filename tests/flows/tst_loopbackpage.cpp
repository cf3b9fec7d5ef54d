// What the browser tab says once the sign-in through the system browser has ended (issue 16,
// item 2): the loopback listener answers the browser's redirect only when the request has judged
// the answer and redeemed the code, so the tab tells complete, declined, failed or cancelled, and
// never a code. The browser is an HTTP client that follows the emulator's redirects (its auto
// sign-in) or brings an answer of the test's own.

#include "testsupport.h"

#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using namespace TestSupport;

namespace {

// The person's browser: opens what the agent gives it, or, with an `answer`, goes straight to the
// redirect URI with that answer and the request's state; keeps the page it ends on.
struct Browser
{
    explicit Browser(SystemBrowserAgent *agent, const QString &answer = QString())
    {
        agent->setUrlOpener([this, answer](const QUrl &url) {
            QUrl target = url;
            if (!answer.isEmpty()) {
                const QUrlQuery query(url);
                target = QUrl(query.queryItemValue("redirect_uri", QUrl::FullyDecoded));
                target.setQuery(answer + "&state=" + query.queryItemValue("state", QUrl::FullyEncoded));
            }
            QNetworkReply *reply = network.get(QNetworkRequest(target));
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
                reply->deleteLater();
                finalStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                finalPage = reply->readAll();
            });
            return true;
        });
    }

    QNetworkAccessManager network;
    QByteArray finalPage;
    int finalStatus = 0;
};

} // namespace

class tst_LoopbackPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_emulator.listen()); }
    void init()
    {
        m_emulator.clearRequests();
        m_emulator.clearSessions();
        m_emulator.setAutoSignIn(alice());
    }
    void loopbackPageSaysWhatHappened_data();
    void loopbackPageSaysWhatHappened();
    void loopbackPageWhenCancelledDuringRedemption();

private:
    Emulator::Server m_emulator;
};

void tst_LoopbackPage::loopbackPageSaysWhatHappened_data()
{
    // The browser's answer, after `state=<the request's>`; empty: the real sign-in on the emulator.
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<int>("errorType");
    QTest::newRow("complete") << QString() << "Sign-in complete" << int(AuthError::NoError);
    QTest::newRow("consent declined (AADSTS65004)")
        << "error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent+to+access+the+app."
        << "Sign-in declined" << int(AuthError::Declined);
    QTest::newRow("an error answer") << "error=server_error&error_description=AADSTS90000%3A+Something+broke."
                                     << "Sign-in failed" << int(AuthError::ServiceError);
    QTest::newRow("a forged answer from another issuer (mix-up)")
        << "code=forged-code&iss=https%3A%2F%2Fattacker.example%2Fv2.0" << "Sign-in failed" << int(AuthError::InvalidResponse);
    QTest::newRow("a code the server does not know") << "code=not-a-code-of-the-server" << "Sign-in failed"
                                                     << int(AuthError::ServiceError);
}

void tst_LoopbackPage::loopbackPageSaysWhatHappened()
{
    // The tab the browser ends on says what happened, once the request has judged the answer.
    QFETCH(QString, answer);
    QFETCH(QString, heading);
    QFETCH(int, errorType);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    Browser browser(&agent, answer);
    const auto request = signIn(app, &agent);
    QVERIFY(request->isFinished());
    QCOMPARE(int(request->error().type()), errorType);
    QTRY_VERIFY_WITH_TIMEOUT(browser.finalStatus != 0, 10000);
    QCOMPARE(browser.finalStatus, 200);
    QVERIFY2(browser.finalPage.contains("<h1>" + heading.toUtf8() + "</h1>"), browser.finalPage.constData());
    if (errorType != AuthError::NoError)
        QVERIFY2(!browser.finalPage.contains("complete"), browser.finalPage.constData());
    for (const char *secret : {"forged-code", "not-a-code-of-the-server"})
        QVERIFY2(!browser.finalPage.contains(secret), browser.finalPage.constData());
}

void tst_LoopbackPage::loopbackPageWhenCancelledDuringRedemption()
{
    // The application gives up while the code is being redeemed: the tab says so.
    Emulator::Fault slow;
    slow.kind = Emulator::Fault::Delay;
    slow.path = "/oauth2/v2.0/token";
    slow.delayMs = 5000;
    m_emulator.addFault(slow);
    const auto clearFaults = qScopeGuard([this] { m_emulator.clearFaults(); });
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    SystemBrowserAgent agent;
    Browser browser(&agent);
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    std::unique_ptr<TokenRequest> request(app.acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    connect(request.get(), &TokenRequest::stateChanged, request.get(), [&](TokenRequest::State state) {
        if (state == TokenRequest::RequestingToken)
            QMetaObject::invokeMethod(request.get(), &TokenRequest::cancel, Qt::QueuedConnection);
    });
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(request->error().type(), AuthError::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(browser.finalStatus != 0, 10000);
    QCOMPARE(browser.finalStatus, 200);
    QVERIFY2(browser.finalPage.contains("<h1>Sign-in cancelled</h1>"), browser.finalPage.constData());
}

QTEST_GUILESS_MAIN(tst_LoopbackPage)
#include "tst_loopbackpage.moc"
