#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>
#include <MsalQt/tokencache.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// A browser in a test: follows the authorization URL to the emulator (which signs in at once,
// setAutoSignIn) and reports where it was redirected, optionally tampering with it first.
class ScriptedAgent : public AuthorizationAgent
{
public:
    std::function<QUrl(QUrl)> tamper = [](QUrl url) { return url; };
    bool silent = false; // never answers: an abandoned sign-in
    int authorizeCalls = 0;
    int closeCalls = 0;
    QUrl lastAuthorizationUrl;

    void authorize(const QUrl &authorizationUrl, const QUrl &) override
    {
        ++authorizeCalls;
        lastAuthorizationUrl = authorizationUrl;
        if (silent)
            return;
        QNetworkRequest request(authorizationUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_manager.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
            if (!location.isValid()) {
                Q_EMIT failed(AuthError(AuthError::NetworkError, QString("no redirect: HTTP %1")
                    .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt())));
                return;
            }
            Q_EMIT redirected(tamper(location));
        });
    }
    void close() override { ++closeCalls; }

private:
    QNetworkAccessManager m_manager;
};

class tst_InteractiveFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void signIn_data();
    void signIn();
    void systemBrowser();
    void errorRedirect();
    void forgedState();
    void codeRedeemedOnce();
    void timeout();
    void cancel();
    void silentFirst();
    void confidentialRefused();
    void implicitOffByDefault();
    void implicitGrant();
    void implicitForgedState();

private:
    std::unique_ptr<PublicClientApplication> newApp(const QString &tenant = "organizations");
    std::unique_ptr<TokenRequest> run(PublicClientApplication *app, const InteractiveParameters &parameters);
    QList<Emulator::RecordedRequest> tokenRequests() const;

    MsalQt::Emulator::Server m_emulator;
};

void tst_InteractiveFlow::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_InteractiveFlow::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(alice());
    m_emulator.setAuthorizationResponseIssuer(false);
}

std::unique_ptr<PublicClientApplication> tst_InteractiveFlow::newApp(const QString &tenant)
{
    return std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                     Authority::microsoft(m_emulator.authorityUrl(tenant)));
}

std::unique_ptr<TokenRequest> tst_InteractiveFlow::run(PublicClientApplication *app, const InteractiveParameters &parameters)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    finished.wait(15000);
    return request;
}

QList<Emulator::RecordedRequest> tst_InteractiveFlow::tokenRequests() const
{
    QList<Emulator::RecordedRequest> result;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/token"))
            result << request;
    }
    return result;
}

void tst_InteractiveFlow::signIn_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<bool>("issuerParameter");
    QTest::newRow("organizations") << "organizations" << false;
    QTest::newRow("common, RFC 9207 iss") << "common" << true;
    QTest::newRow("tenant id, RFC 9207 iss") << QString() << true;
}

void tst_InteractiveFlow::signIn()
{
    QFETCH(QString, tenant);
    QFETCH(bool, issuerParameter);
    m_emulator.setAuthorizationResponseIssuer(issuerParameter);
    auto app = newApp(tenant.isEmpty() ? m_emulator.defaultTenantId() : tenant);
    ScriptedAgent agent;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    parameters.setLoginHint(alice());
    parameters.setPrompt(InteractiveParameters::Prompt::SelectAccount);
    const auto request = run(app.get(), parameters);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), alice());
    QVERIFY(!request->result().idTokenClaims().value("nonce").toString().isEmpty());
    QVERIFY(agent.closeCalls >= 1);

    // What went out: PKCE S256, state, nonce, login hint, prompt; the verifier at redemption.
    const QUrlQuery authorize(agent.lastAuthorizationUrl);
    QCOMPARE(authorize.queryItemValue("code_challenge_method"), QString("S256"));
    QCOMPARE(authorize.queryItemValue("prompt"), QString("select_account"));
    QCOMPARE(authorize.queryItemValue("login_hint", QUrl::FullyDecoded), alice());
    QCOMPARE(request->result().idTokenClaims().value("nonce").toString(), authorize.queryItemValue("nonce"));
    const auto tokens = tokenRequests();
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(tokens.first().form.queryItemValue("grant_type"), QString("authorization_code"));
    QVERIFY(!tokens.first().form.queryItemValue("code_verifier").isEmpty());
    QCOMPARE(tokens.first().form.queryItemValue("redirect_uri", QUrl::FullyDecoded),
             authorize.queryItemValue("redirect_uri", QUrl::FullyDecoded));
}

void tst_InteractiveFlow::systemBrowser()
{
    // The default agent: a loopback listener; the "browser" here is an HTTP client.
    auto app = newApp();
    SystemBrowserAgent agent;
    QNetworkAccessManager browser;
    agent.setUrlOpener([&browser](const QUrl &url) {
        QNetworkReply *reply = browser.get(QNetworkRequest(url)); // follows the 302 to the loopback
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    });
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    const auto request = run(app.get(), parameters);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), alice());
    QCOMPARE(agent.port(), quint16(0)); // the listener is closed
}

void tst_InteractiveFlow::errorRedirect()
{
    Fault fault;
    fault.kind = Fault::ServiceError;
    fault.path = "/oauth2/v2.0/authorize";
    fault.error = "access_denied";
    fault.aadstsCode = 65004;
    fault.description = "User declined to consent to access the app.";
    m_emulator.addFault(fault);
    auto app = newApp();
    ScriptedAgent agent;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    const auto request = run(app.get(), parameters);
    QCOMPARE(request->error().type(), AuthError::Declined);
    QVERIFY(request->error().hasErrorCode(65004));
    QVERIFY(tokenRequests().isEmpty());
}

void tst_InteractiveFlow::forgedState()
{
    auto app = newApp();
    ScriptedAgent agent;
    agent.tamper = [](QUrl url) {
        QUrlQuery query(url);
        query.removeQueryItem("state");
        query.addQueryItem("state", "forged");
        url.setQuery(query);
        return url;
    };
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    const auto request = run(app.get(), parameters);
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
    QCOMPARE(request->error().protocolError(), QString("state_mismatch"));
    QVERIFY(tokenRequests().isEmpty()); // the code was never redeemed
}

void tst_InteractiveFlow::codeRedeemedOnce()
{
    auto app = newApp();
    QString firstCode;
    {
        ScriptedAgent agent;
        agent.tamper = [&firstCode](QUrl url) {
            firstCode = QUrlQuery(url).queryItemValue("code", QUrl::FullyDecoded);
            return url;
        };
        InteractiveParameters parameters({"User.Read"});
        parameters.setAgent(&agent);
        QVERIFY(run(app.get(), parameters)->isSuccess());
    }
    m_emulator.clearRequests();
    // A second sign-in whose browser brings back the old code.
    ScriptedAgent agent;
    agent.tamper = [&firstCode](QUrl url) {
        QUrlQuery query(url);
        query.removeQueryItem("code");
        query.addQueryItem("code", QString::fromLatin1(QUrl::toPercentEncoding(firstCode)));
        url.setQuery(query);
        return url;
    };
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    const auto request = run(app.get(), parameters);
    QCOMPARE(request->error().protocolError(), QString("invalid_grant"));
    QVERIFY(request->error().hasErrorCode(54005));
    QVERIFY(request->error().errorString().contains("already used"));
    QCOMPARE(tokenRequests().size(), 1); // no retry
}

void tst_InteractiveFlow::timeout()
{
    auto app = newApp();
    ScriptedAgent agent;
    agent.silent = true;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    parameters.setTimeout(std::chrono::milliseconds(300));
    const auto request = run(app.get(), parameters);
    QCOMPARE(request->error().type(), AuthError::Timeout);
    QVERIFY(agent.closeCalls >= 1);
}

void tst_InteractiveFlow::cancel()
{
    auto app = newApp();
    ScriptedAgent agent;
    agent.silent = true;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    std::unique_ptr<TokenRequest> request(app->acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    QTRY_COMPARE(agent.authorizeCalls, 1);
    request->cancel();
    QCOMPARE(request->error().type(), AuthError::Cancelled);
    QVERIFY(agent.closeCalls >= 1);
}

void tst_InteractiveFlow::silentFirst()
{
    auto app = newApp();
    ScriptedAgent agent;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    std::unique_ptr<TokenRequest> first(app->acquireToken(parameters)); // no account: interactive
    first->setAutoDelete(false);
    QSignalSpy firstDone(first.get(), &TokenRequest::finished);
    QVERIFY(firstDone.wait(15000));
    QVERIFY(first->isSuccess());
    QCOMPARE(agent.authorizeCalls, 1);

    parameters.setAccount(first->result().account());
    std::unique_ptr<TokenRequest> second(app->acquireToken(parameters)); // from the cache
    second->setAutoDelete(false);
    QSignalSpy secondDone(second.get(), &TokenRequest::finished);
    QVERIFY(secondDone.wait(15000));
    QVERIFY(second->isSuccess());
    QVERIFY(second->result().isFromCache());
    QCOMPARE(agent.authorizeCalls, 1);

    app->removeAccount(first->result().account());
    std::unique_ptr<TokenRequest> third(app->acquireToken(parameters)); // UiRequired, so interactive
    third->setAutoDelete(false);
    QSignalSpy thirdDone(third.get(), &TokenRequest::finished);
    QVERIFY(thirdDone.wait(15000));
    QVERIFY2(third->isSuccess(), qPrintable(third->error().errorString()));
    QCOMPARE(agent.authorizeCalls, 2);
    QCOMPARE(QUrlQuery(agent.lastAuthorizationUrl).queryItemValue("login_hint", QUrl::FullyDecoded), alice());

    // A claims challenge passes over the cached access token: the refresh token is redeemed
    // with the claims, silently, and the new token satisfies them.
    std::unique_ptr<TokenRequest> warm(app->acquireToken(parameters)); // cached again
    warm->setAutoDelete(false);
    QSignalSpy warmDone(warm.get(), &TokenRequest::finished);
    QVERIFY(warmDone.wait(15000));
    QVERIFY(warm->result().isFromCache());
    const QString claims = QStringLiteral(R"({"access_token":{"acrs":{"essential":true,"value":"c1"}}})");
    parameters.setClaims(claims);
    m_emulator.clearRequests();
    std::unique_ptr<TokenRequest> fourth(app->acquireToken(parameters));
    fourth->setAutoDelete(false);
    QSignalSpy fourthDone(fourth.get(), &TokenRequest::finished);
    QVERIFY(fourthDone.wait(15000));
    QVERIFY2(fourth->isSuccess(), qPrintable(fourth->error().errorString()));
    QVERIFY(!fourth->result().isFromCache());
    QCOMPARE(agent.authorizeCalls, 2);
    const QList<Emulator::RecordedRequest> requests = m_emulator.requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().form.queryItemValue("grant_type"), QStringLiteral("refresh_token"));
    QCOMPARE(requests.first().form.queryItemValue("claims", QUrl::FullyDecoded), claims);
    const QJsonObject payload = QJsonDocument::fromJson(
        QByteArray::fromBase64(fourth->result().accessToken().split('.').value(1).toLatin1(),
                               QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(payload.value("acrs").toArray(), QJsonArray({"c1"}));
}

void tst_InteractiveFlow::confidentialRefused()
{
    // Interactive sign-in is only offered by PublicClientApplication: nothing to call on a
    // confidential client; a public client with an unusable redirect URI fails clearly.
    auto app = newApp();
    InteractiveParameters parameters({"User.Read"});
    parameters.setRedirectUri(QUrl("https://app.example/callback")); // the system browser can't catch it
    const auto request = run(app.get(), parameters);
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
}

static const QString legacySpa = "3f1c5a2e-8b4d-4e6f-9a7c-2d5e8f1b4c6a"; // implicitGrant in the emulator config

void tst_InteractiveFlow::implicitOffByDefault()
{
    PublicClientApplication app(legacySpa, Authority::microsoft(m_emulator.authorityUrl("organizations")));
    ScriptedAgent agent;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    std::unique_ptr<TokenRequest> request(app.acquireTokenImplicit(parameters));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(agent.authorizeCalls, 0);
}

void tst_InteractiveFlow::implicitGrant()
{
    PublicClientApplication app(legacySpa, Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setImplicitGrantEnabled(true);
    ScriptedAgent agent;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    parameters.setRedirectUri(QUrl("http://localhost/spa"));
    std::unique_ptr<TokenRequest> request(app.acquireTokenImplicit(parameters));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(finished.wait(15000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(QUrlQuery(agent.lastAuthorizationUrl).queryItemValue("response_type", QUrl::FullyDecoded), QString("id_token token"));
    QCOMPARE(request->result().account().username(), alice());
    QVERIFY(tokenRequests().isEmpty()); // no token endpoint: the tokens came in the fragment
    // Cached (access and ID token, no refresh token): silent serves it.
    const QByteArray cache = app.tokenCache()->serialize();
    QVERIFY(cache.contains("\"AccessToken\":{\""));
    QVERIFY(cache.contains("\"RefreshToken\":{}"));
    std::unique_ptr<TokenRequest> silent(app.acquireTokenSilent({"User.Read"}, request->result().account()));
    silent->setAutoDelete(false);
    QSignalSpy silentDone(silent.get(), &TokenRequest::finished);
    QVERIFY(silentDone.wait(5000));
    QVERIFY(silent->isSuccess());
    QVERIFY(silent->result().isFromCache());
}

void tst_InteractiveFlow::implicitForgedState()
{
    PublicClientApplication app(legacySpa, Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setImplicitGrantEnabled(true);
    ScriptedAgent agent;
    agent.tamper = [](QUrl url) {
        QUrlQuery fragment(url.fragment());
        fragment.removeQueryItem("state");
        fragment.addQueryItem("state", "forged");
        url.setFragment(fragment.toString(QUrl::FullyEncoded));
        return url;
    };
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    parameters.setRedirectUri(QUrl("http://localhost/spa"));
    std::unique_ptr<TokenRequest> request(app.acquireTokenImplicit(parameters));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(request->error().protocolError(), QString("state_mismatch"));
    QVERIFY(app.tokenCache()->isEmpty());
}

QTEST_GUILESS_MAIN(tst_InteractiveFlow)
#include "tst_interactiveflow.moc"
