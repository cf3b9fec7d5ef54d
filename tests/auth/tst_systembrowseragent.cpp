#include <MsalQt/systembrowseragent.h>

#include "authorizationagent_p.h"
#include "browserlauncher_p.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;

// The system-browser agent's loopback listener, with this test playing the browser.
class tst_SystemBrowserAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redirectCaught();
    void strayRequestsIgnored_data();
    void strayRequestsIgnored();
    void errorRedirectAccepted();
    void refusesNonLoopback_data();
    void refusesNonLoopback();
    void openerFailure();
    void closeFreesThePort();
    void noVerdictNeutralPage();

private:
    QNetworkReply *get(const QUrl &url);
    // As the flow does once it has judged the answer: the browser tab is answered then.
    static void endRequestOnRedirect(SystemBrowserAgent *agent, const AuthError &verdict = AuthError());
    QNetworkAccessManager m_browser;
};

QNetworkReply *tst_SystemBrowserAgent::get(const QUrl &url)
{
    QNetworkReply *reply = m_browser.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(5000);
    return reply;
}

void tst_SystemBrowserAgent::endRequestOnRedirect(SystemBrowserAgent *agent, const AuthError &verdict)
{
    connect(agent, &AuthorizationAgent::redirected, agent, [agent, verdict] {
        AuthorizationAgentPrivate::get(agent)->requestEnded(verdict);
    });
}

void tst_SystemBrowserAgent::redirectCaught()
{
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://localhost/callback"));
    QCOMPARE(redirect.host(), QString("localhost"));
    QVERIFY(redirect.port() > 0);
    QCOMPARE(redirect.path(), QString("/callback"));
    QCOMPARE(agent.port(), quint16(redirect.port()));

    QUrl opened;
    agent.setUrlOpener([&opened](const QUrl &url) {
        opened = url;
        return true;
    });
    QSignalSpy redirected(&agent, &AuthorizationAgent::redirected);
    QSignalSpy failed(&agent, &AuthorizationAgent::failed);
    endRequestOnRedirect(&agent);
    const QUrl authorize("https://login.example/authorize?client_id=x&state=s");
    agent.authorize(authorize, redirect);
    QCOMPARE(opened, authorize);

    QUrl loopback = redirect;
    loopback.setHost("127.0.0.1");
    // Something else than the redirect path first: 404, and the listener stays.
    QUrl favicon = loopback;
    favicon.setPath("/favicon.ico");
    std::unique_ptr<QNetworkReply> stray(get(favicon));
    QCOMPARE(stray->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(redirected.count(), 0);

    loopback.setQuery("code=the%2Bcode&state=s");
    std::unique_ptr<QNetworkReply> page(get(loopback));
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(page->readAll().contains("close this browser tab"));
    QCOMPARE(redirected.count(), 1);
    const QUrl received = redirected.first().first().toUrl();
    QCOMPARE(received.path(), QString("/callback"));
    QCOMPARE(QUrlQuery(received).queryItemValue("code", QUrl::FullyDecoded), QString("the+code"));
    QCOMPARE(failed.count(), 0);

    // One redirect only: the listener is gone.
    QCOMPARE(agent.port(), quint16(0));
    std::unique_ptr<QNetworkReply> again(get(loopback));
    QCOMPARE(again->error(), QNetworkReply::ConnectionRefusedError);
    QCOMPARE(redirected.count(), 1);
}

void tst_SystemBrowserAgent::strayRequestsIgnored_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("another state") << QByteArray("code=forged&state=forged");
    QTest::newRow("no state") << QByteArray("code=forged");
    QTest::newRow("state differing in case") << QByteArray("code=forged&state=S");
    QTest::newRow("state twice") << QByteArray("code=forged&state=s&state=forged");
    QTest::newRow("an error with another state") << QByteArray("error=access_denied&state=forged");
    QTest::newRow("neither code nor error") << QByteArray("state=s");
    QTest::newRow("no query") << QByteArray();
}

void tst_SystemBrowserAgent::strayRequestsIgnored()
{
    // Any local process can reach the loopback port (issue 12, item 6): what does not answer the
    // request in flight is answered, ignored, and the listener waits for the real redirect.
    QFETCH(QByteArray, query);
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://127.0.0.1/callback"));
    agent.setUrlOpener([](const QUrl &) { return true; });
    QSignalSpy redirected(&agent, &AuthorizationAgent::redirected);
    QSignalSpy failed(&agent, &AuthorizationAgent::failed);
    endRequestOnRedirect(&agent);
    agent.authorize(QUrl("https://login.example/authorize?client_id=x&state=s"), redirect);

    QUrl forged = redirect;
    forged.setQuery(query);
    std::unique_ptr<QNetworkReply> stray(get(forged));
    QCOMPARE(stray->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(stray->readAll().contains("ignored"));
    QCOMPARE(redirected.count(), 0);
    QCOMPARE(agent.port(), quint16(redirect.port()));

    QUrl real = redirect;
    real.setQuery("code=real&state=s");
    std::unique_ptr<QNetworkReply> page(get(real));
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(redirected.count(), 1);
    QCOMPARE(QUrlQuery(redirected.first().first().toUrl()).queryItemValue("code"), QString("real"));
    QCOMPARE(failed.count(), 0);
}

void tst_SystemBrowserAgent::errorRedirectAccepted()
{
    // RFC 6749 §4.1.2.1: an error answer carries the state too, and ends the sign-in.
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://127.0.0.1/"));
    agent.setUrlOpener([](const QUrl &) { return true; });
    QSignalSpy redirected(&agent, &AuthorizationAgent::redirected);
    endRequestOnRedirect(&agent, AuthError(AuthError::Declined));
    agent.authorize(QUrl("https://login.example/authorize?state=st%2Bate"), redirect);
    QUrl answer = redirect;
    answer.setQuery("error=access_denied&state=st%2Bate");
    std::unique_ptr<QNetworkReply> page(get(answer));
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(page->readAll().contains("<h1>Sign-in declined</h1>"));
    QCOMPARE(redirected.count(), 1);
    QCOMPARE(QUrlQuery(redirected.first().first().toUrl()).queryItemValue("error"), QString("access_denied"));
}

void tst_SystemBrowserAgent::refusesNonLoopback_data()
{
    QTest::addColumn<QUrl>("redirect");
    QTest::newRow("https host") << QUrl("https://login.microsoftonline.com/common/oauth2/nativeclient");
    QTest::newRow("custom scheme") << QUrl("msal1234://auth");
    QTest::newRow("http elsewhere") << QUrl("http://example.com/callback");
}

void tst_SystemBrowserAgent::refusesNonLoopback()
{
    QFETCH(QUrl, redirect);
    SystemBrowserAgent agent;
    QVERIFY(agent.prepare(redirect).isEmpty());
    QSignalSpy failed(&agent, &AuthorizationAgent::failed);
    agent.authorize(QUrl("https://login.example/authorize"), redirect);
    QVERIFY(failed.wait(2000));
    QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::InvalidConfiguration);
}

void tst_SystemBrowserAgent::openerFailure()
{
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://127.0.0.1"));
    QVERIFY(redirect.port() > 0);
    agent.setUrlOpener([](const QUrl &) { return false; });
    QSignalSpy failed(&agent, &AuthorizationAgent::failed);
    agent.authorize(QUrl("https://login.example/authorize"), redirect);
    QVERIFY(failed.wait(2000));
    QVERIFY(failed.first().first().value<AuthError>().errorString().contains("browser"));
    QCOMPARE(agent.port(), quint16(0));
}

void tst_SystemBrowserAgent::closeFreesThePort()
{
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://127.0.0.1/"));
    agent.setUrlOpener([](const QUrl &) { return true; });
    agent.authorize(QUrl("https://login.example/authorize"), redirect);
    agent.close();
    QCOMPARE(agent.port(), quint16(0));
    std::unique_ptr<QNetworkReply> reply(get(redirect));
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
}

QTEST_GUILESS_MAIN(tst_SystemBrowserAgent)
// An agent used without a flow of this library (nobody calls requestEnded()): the redirect is
// answered anyway, after the verdict timeout, with a page that claims nothing.
void tst_SystemBrowserAgent::noVerdictNeutralPage()
{
    Internal::setBrowserVerdictTimeout(300);
    const auto restore = qScopeGuard([] { Internal::setBrowserVerdictTimeout(30000); });
    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://127.0.0.1/"));
    agent.setUrlOpener([](const QUrl &) { return true; });
    QSignalSpy redirected(&agent, &AuthorizationAgent::redirected);
    agent.authorize(QUrl("https://login.example/authorize?state=s"), redirect);
    QUrl answer = redirect;
    answer.setQuery("code=c&state=s");
    std::unique_ptr<QNetworkReply> page(get(answer));
    QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray body = page->readAll();
    QVERIFY2(body.contains("<h1>Return to the application</h1>"), body.constData());
    QVERIFY(!body.contains("complete"));
    QCOMPARE(redirected.count(), 1);
}

#include "tst_systembrowseragent.moc"
