// The emulator's authorization_code grant (RFC 6749 §4.1.3, RFC 7636): a code is redeemed
// once, with its verifier and its redirect URI, before it expires; S256 only; confidential
// clients authenticate. The codes come through the sign-in pages (authorizefixture.h).

#include "authorizefixture.h"

using namespace MsalQt::Emulator;
using namespace AuthorizeTest;

class TestEmulatorRedemption : public QObject, protected AuthorizeFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpBrowser(); }
    void init() { resetBrowser(); }

    void secondRedemption();
    void wrongOrMissingVerifier();
    void wrongRedirectUriAtTokenEndpoint();
    void expiredCode();
    void plainChallengeRefused();
    void confidentialClientAuthenticates();
};

void TestEmulatorRedemption::secondRedemption()
{
    m_server.setAutoSignIn(alice);
    const Pkce pkce = makePkce();
    const HttpResult r = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"))));
    const QString code = value(redirectQuery(r), "code");
    QCOMPARE(redeem(code, pkce.verifier).status, 200);
    const HttpResult again = redeem(code, pkce.verifier);
    QCOMPARE(again.status, 400);
    verifyErrorShape(again, QStringLiteral("invalid_grant"), 54005);
    QVERIFY(again.json().value(QLatin1String("error_description")).toString().contains(
        QStringLiteral("OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an "
                       "existing refresh token.")));
}

void TestEmulatorRedemption::wrongOrMissingVerifier()
{
    m_server.setAutoSignIn(alice);
    for (const QString &verifier : {makePkce().verifier, QString()}) {
        const Pkce pkce = makePkce();
        const HttpResult r = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"))));
        const HttpResult t = redeem(value(redirectQuery(r), "code"), verifier);
        QCOMPARE(t.status, 400);
        verifyErrorShape(t, QStringLiteral("invalid_grant"), 501481);
    }
}

void TestEmulatorRedemption::wrongRedirectUriAtTokenEndpoint()
{
    m_server.setAutoSignIn(alice);
    const Pkce pkce = makePkce();
    const HttpResult r = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"))));
    // Another loopback port is fine for /authorize, but not for the redemption.
    const HttpResult t = redeem(value(redirectQuery(r), "code"), pkce.verifier, QStringLiteral("http://localhost:1"));
    QCOMPARE(t.status, 400);
    verifyErrorShape(t, QStringLiteral("invalid_grant"), 500112);
}

void TestEmulatorRedemption::expiredCode()
{
    m_server.setAutoSignIn(alice);
    m_server.setAuthorizationCodeLifetime(0);
    const Pkce pkce = makePkce();
    const HttpResult r = m_browser.get(authorizeUrl(codeRequest(pkce, QStringLiteral("s"), QStringLiteral("n"))));
    const HttpResult t = redeem(value(redirectQuery(r), "code"), pkce.verifier);
    QCOMPARE(t.status, 400);
    verifyErrorShape(t, QStringLiteral("invalid_grant"), 70008);
}

void TestEmulatorRedemption::plainChallengeRefused()
{
    Fields request = codeRequest(makePkce(), QStringLiteral("p"), QStringLiteral("n"));
    request[7].second = QStringLiteral("plain");
    const HttpResult r = m_browser.get(authorizeUrl(request));
    QCOMPARE(r.status, 302);
    QCOMPARE(value(redirectQuery(r), "error"), QStringLiteral("invalid_request"));
    QCOMPARE(value(redirectQuery(r), "state"), QStringLiteral("p"));
}

void TestEmulatorRedemption::confidentialClientAuthenticates()
{
    m_server.setAutoSignIn(alice);
    const auto codeFor = [this] {
        const HttpResult r = m_browser.get(authorizeUrl({{QStringLiteral("client_id"), m_server.confidentialClientId()},
                                                         {QStringLiteral("response_type"), QStringLiteral("code")},
                                                         {QStringLiteral("redirect_uri"), redirectUri()},
                                                         {QStringLiteral("scope"), defaultScope()}}));
        return value(redirectQuery(r), "code");
    };
    const auto redeemAs = [this](const QString &code, const QString &secret) {
        Fields form{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                    {QStringLiteral("client_id"), m_server.confidentialClientId()},
                    {QStringLiteral("code"), code},
                    {QStringLiteral("redirect_uri"), redirectUri()}};
        if (!secret.isEmpty())
            form.append({QStringLiteral("client_secret"), secret});
        return m_http.post(url(QStringLiteral("/common/oauth2/v2.0/token")), form);
    };
    const HttpResult missingSecret = redeemAs(codeFor(), {});
    QCOMPARE(missingSecret.status, 401);
    verifyErrorShape(missingSecret, QStringLiteral("invalid_client"), 7000218);
    QCOMPARE(redeemAs(codeFor(), m_server.confidentialClientSecret()).status, 200);
}

QTEST_GUILESS_MAIN(TestEmulatorRedemption)
#include "tst_emulator_redemption.moc"
