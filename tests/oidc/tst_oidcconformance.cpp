#include "oidcproviderfixture.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>

#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;

// MsalQt's flows against a certified third-party implementation (oidc-provider): discovery,
// its keys, its ID tokens and its error answers, none of them written by us.
class tst_OidcConformance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void deviceCode();
    void deviceCodeDenied();
    void clientCredentials();
    void clientCredentialsWrongSecret();

private:
    Authority authority() const { return Authority::openIdConnect(m_provider.issuer()); }
    static bool finish(TokenRequest *request);
    OidcProviderFixture m_provider;
};

void tst_OidcConformance::initTestCase()
{
    m_provider.setDeviceInterval(1);
    QString error;
    QVERIFY2(m_provider.start(&error), qPrintable(error));
}

bool tst_OidcConformance::finish(TokenRequest *request)
{
    if (request->isFinished())
        return true;
    QSignalSpy finished(request, &TokenRequest::finished);
    return finished.wait(30000);
}

void tst_OidcConformance::deviceCode()
{
    PublicClientApplication app(OidcProviderFixture::publicClientId(), authority());
    std::unique_ptr<TokenRequest> request(app.acquireTokenWithDeviceCode({"email"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    QVERIFY2(received.wait(20000), qPrintable(request->error().errorString() + m_provider.stderrLog()));
    const DeviceCode code = received.first().first().value<DeviceCode>();
    QCOMPARE(code.interval(), std::chrono::seconds(1));
    QCOMPARE(code.verificationUri().host(), m_provider.issuer().host());

    QString error;
    QVERIFY2(m_provider.approveDevice(code.userCode(), OidcProviderFixture::aliceLogin(),
                                      OidcProviderFixture::alicePassword(), false, &error),
             qPrintable(error));
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));

    const AuthenticationResult result = request->result();
    QVERIFY(!result.accessToken().isEmpty());
    QVERIFY(!result.idToken().isEmpty()); // verified against the provider's JWKS
    QCOMPARE(result.idTokenClaims().value("iss").toString(), m_provider.issuer().toString());
    QCOMPARE(result.idTokenClaims().value("aud").toString(), OidcProviderFixture::publicClientId());
    const Account account = result.account();
    QCOMPARE(account.localAccountId(), OidcProviderFixture::aliceSubject());
    QCOMPARE(account.name(), QString("Alice Example"));
    QVERIFY(!account.username().isEmpty());
    QCOMPARE(account.environment(), m_provider.issuer().authority());
}

void tst_OidcConformance::deviceCodeDenied()
{
    PublicClientApplication app(OidcProviderFixture::publicClientId(), authority());
    std::unique_ptr<TokenRequest> request(app.acquireTokenWithDeviceCode({}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    QVERIFY(received.wait(20000));
    const DeviceCode code = received.first().first().value<DeviceCode>();
    QString error;
    QVERIFY2(m_provider.approveDevice(code.userCode(), OidcProviderFixture::aliceLogin(),
                                      OidcProviderFixture::alicePassword(), true, &error),
             qPrintable(error));
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::Declined);
    QCOMPARE(request->error().protocolError(), QString("access_denied"));
}

void tst_OidcConformance::clientCredentials()
{
    ConfidentialClientApplication app(OidcProviderFixture::confidentialClientId(),
                                      ClientCredential::fromSecret(OidcProviderFixture::confidentialClientSecret()),
                                      authority());
    std::unique_ptr<TokenRequest> request(app.acquireTokenForClient({OidcProviderFixture::apiScope()}));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(!request->result().accessToken().isEmpty());
    QCOMPARE(request->result().scopes(), QStringList{OidcProviderFixture::apiScope()});
    QVERIFY(request->result().account().isNull());
}

void tst_OidcConformance::clientCredentialsWrongSecret()
{
    ConfidentialClientApplication app(OidcProviderFixture::confidentialClientId(),
                                      ClientCredential::fromSecret("wrong-secret"), authority());
    std::unique_ptr<TokenRequest> request(app.acquireTokenForClient({OidcProviderFixture::apiScope()}));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(request->error().protocolError(), QString("invalid_client"));
    QCOMPARE(request->error().httpStatus(), 401);
}

QTEST_GUILESS_MAIN(tst_OidcConformance)
#include "tst_oidcconformance.moc"
