// Client capabilities on the wire (issue 17): a "cp1" application sends xms_cc in the claims of
// its sign-in page and of every grant it redeems, merged with a claims challenge's claims; an
// application without capabilities sends no claims at all; claims that cannot take them end the
// request before anything is sent. The person is an HTTP client that follows the emulator's
// redirects (its auto sign-in) to the system browser agent's loopback listener.

#include "testsupport.h"

#include <MsalQt/authenticationchallenge.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

class tst_ClientCapabilitiesFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void sentWithEveryRequest_data();
    void sentWithEveryRequest();
    void claimsThatCannotTakeThem();
    void daemonGrantToo();
    void sessionRevoked_data();
    void sessionRevoked();

private:
    std::unique_ptr<TokenRequest> finish(TokenRequest *request);
    // Alice signs in through the system browser agent, finished.
    std::unique_ptr<TokenRequest> signInInteractively(PublicClientApplication &app, const QString &claims = {},
                                                      const Account &account = {});
    // GET Graph's /v1.0/me with `accessToken`: the status, and the WWW-Authenticate header.
    int callGraph(const QString &accessToken, QByteArray *challenge);
    // The claims parameter of each request the emulator received on `path` ("" when absent).
    QStringList claimsSentTo(const QString &path) const;

    Emulator::Server m_emulator;
};

void tst_ClientCapabilitiesFlow::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_ClientCapabilitiesFlow::init()
{
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(alice());
}

std::unique_ptr<TokenRequest> tst_ClientCapabilitiesFlow::finish(TokenRequest *request)
{
    std::unique_ptr<TokenRequest> owned(request);
    owned->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    finished.wait(30000);
    return owned;
}

std::unique_ptr<TokenRequest> tst_ClientCapabilitiesFlow::signInInteractively(PublicClientApplication &app,
                                                                            const QString &claims,
                                                                            const Account &account)
{
    SystemBrowserAgent agent;
    QNetworkAccessManager browser;
    agent.setUrlOpener([&browser](const QUrl &url) {
        QNetworkReply *reply = browser.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    });
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    parameters.setClaims(claims);
    parameters.setAccount(account);
    return finish(app.acquireTokenInteractive(parameters));
}

int tst_ClientCapabilitiesFlow::callGraph(const QString &accessToken, QByteArray *challenge)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_emulator.baseUrl().toString() + QStringLiteral("/v1.0/me")));
    request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    finished.wait(10000);
    *challenge = reply->rawHeader("WWW-Authenticate");
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QStringList tst_ClientCapabilitiesFlow::claimsSentTo(const QString &path) const
{
    QStringList claims;
    for (const Emulator::RecordedRequest &request : m_emulator.requests()) {
        if (!request.path.endsWith(path))
            continue;
        const QUrlQuery &fields = request.method == "POST" ? request.form : request.query;
        claims << fields.queryItemValue(QStringLiteral("claims"), QUrl::FullyDecoded);
    }
    return claims;
}

void tst_ClientCapabilitiesFlow::sentWithEveryRequest_data()
{
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<QString>("expected"); // the claims of the sign-in and the code's redemption
    QTest::addColumn<QString>("expectedWithChallenge"); // of the refresh that answers a challenge
    QTest::newRow("cp1") << QStringList{"cp1"} << R"({"access_token":{"xms_cc":{"values":["cp1"]}}})"
                         << R"({"access_token":{"nbf":{"essential":true,"value":"1604106651"},"xms_cc":{"values":["cp1"]}}})";
    QTest::newRow("none") << QStringList() << QString()
                          << R"({"access_token":{"nbf":{"essential":true,"value":"1604106651"}}})";
}

void tst_ClientCapabilitiesFlow::sentWithEveryRequest()
{
    QFETCH(QStringList, capabilities);
    QFETCH(QString, expected);
    QFETCH(QString, expectedWithChallenge);
    const auto asJson = [](const QString &text) { return QJsonDocument::fromJson(text.toUtf8()); };

    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setClientCapabilities(capabilities);
    const auto signIn = signInInteractively(app);
    QVERIFY2(signIn->isSuccess(), qPrintable(signIn->error().errorString()));

    const QStringList authorize = claimsSentTo("/oauth2/v2.0/authorize");
    const QStringList token = claimsSentTo("/oauth2/v2.0/token");
    // (The test's browser, a QNetworkAccessManager, was once seen to send /authorize twice on
    // Qt 6.8: every one of them must carry the claims.)
    QVERIFY(!authorize.isEmpty());
    QCOMPARE(token.size(), 1); // the code is redeemed once
    for (const QString &sent : authorize + token) {
        if (expected.isEmpty())
            QCOMPARE(sent, QString()); // no claims parameter at all
        else
            QCOMPARE(asJson(sent), asJson(expected));
    }

    // A claims challenge from a resource: the cached access token is not used, and the refresh
    // carries the challenge's claims (merged with the capabilities).
    m_emulator.clearRequests();
    const QString challenge = R"({"access_token":{"nbf":{"essential":true,"value":"1604106651"}}})";
    const auto refreshed = finish(app.acquireTokenSilent({"User.Read"}, signIn->result().account(),
                                                         ClientApplication::NoSilentOptions, challenge));
    QVERIFY2(refreshed->isSuccess(), qPrintable(refreshed->error().errorString()));
    QVERIFY(!refreshed->result().isFromCache());
    const QStringList refresh = claimsSentTo("/oauth2/v2.0/token");
    QCOMPARE(refresh.size(), 1);
    QCOMPARE(asJson(refresh.first()), asJson(expectedWithChallenge));
}

void tst_ClientCapabilitiesFlow::claimsThatCannotTakeThem()
{
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setClientCapabilities({"cp1"});
    SystemBrowserAgent agent;
    int opened = 0;
    agent.setUrlOpener([&opened](const QUrl &) { return ++opened > 0; });
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    parameters.setClaims(QStringLiteral("acrs=c1")); // not JSON
    const auto request = finish(app.acquireTokenInteractive(parameters));
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(opened, 0); // no page was shown
    QVERIFY(claimsSentTo("/oauth2/v2.0/authorize").isEmpty());
    QVERIFY(claimsSentTo("/oauth2/v2.0/token").isEmpty());
}

// A grant without a page (client credentials, a confidential client's): the capabilities ride
// in its claims as well, since every grant goes through the same redemption.
void tst_ClientCapabilitiesFlow::daemonGrantToo()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    app.setClientCapabilities({"cp1"});
    const auto request = finish(app.acquireTokenForClient({"https://graph.microsoft.com/.default"}));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const QStringList token = claimsSentTo("/oauth2/v2.0/token");
    QCOMPARE(token.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(token.first().toUtf8()),
             QJsonDocument::fromJson(R"({"access_token":{"xms_cc":{"values":["cp1"]}}})"));
}

void tst_ClientCapabilitiesFlow::sessionRevoked_data()
{
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<bool>("challenged");
    QTest::newRow("cp1: a claims challenge at once") << QStringList{"cp1"} << true;
    QTest::newRow("no capabilities: the token is good until it expires") << QStringList() << false;
}

// Continuous Access Evaluation on the emulator: the session ends, Graph answers a cp1 client's
// earlier token with a claims challenge, the refresh token cannot answer it (the session is
// gone), a new sign-in with the challenge's claims gets a token Graph accepts.
void tst_ClientCapabilitiesFlow::sessionRevoked()
{
    QFETCH(QStringList, capabilities);
    QFETCH(bool, challenged);
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setClientCapabilities(capabilities);
    const auto signIn = signInInteractively(app);
    QVERIFY2(signIn->isSuccess(), qPrintable(signIn->error().errorString()));
    QByteArray header;
    QCOMPARE(callGraph(signIn->result().accessToken(), &header), 200);

    m_emulator.revokeSession(alice());
    const int status = callGraph(signIn->result().accessToken(), &header);
    if (!challenged) {
        QCOMPARE(status, 200);
        return;
    }
    QCOMPARE(status, 401);
    const QString claims = AuthenticationChallenge::claimsFromHeader(header);
    QVERIFY2(claims.contains(QLatin1String("\"nbf\"")), header.constData());

    // Silently: the refresh token went with the session, so the person is needed, claims kept.
    const auto silent = finish(app.acquireTokenSilent({"User.Read"}, signIn->result().account(),
                                                      ClientApplication::NoSilentOptions, claims));
    QCOMPARE(silent->error().type(), AuthError::UiRequired);
    QCOMPARE(QJsonDocument::fromJson(silent->error().claims().toUtf8()), QJsonDocument::fromJson(claims.toUtf8()));

    const auto again = signInInteractively(app, silent->error().claims(), signIn->result().account());
    QVERIFY2(again->isSuccess(), qPrintable(again->error().errorString()));
    QCOMPARE(callGraph(again->result().accessToken(), &header), 200);
    QCOMPARE(again->result().account().homeAccountId(), signIn->result().account().homeAccountId());
}

QTEST_GUILESS_MAIN(tst_ClientCapabilitiesFlow)
#include "tst_clientcapabilitiesflow.moc"
