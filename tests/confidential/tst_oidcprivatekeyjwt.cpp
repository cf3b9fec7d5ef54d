#include "confidentialtestdata.h"
#include "oidcproviderfixture.h"

#include "confidential/certificatekey_p.h"

#include <MsalQt/confidentialclientapplication.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace MsalQt;
using ConfidentialTestData::read;

// A third-party implementation checks our client assertions: oidc-provider's msalqt-pkjwt
// client (token_endpoint_auth_method private_key_jwt) is registered with the public halves of
// the RSA and EC test keys, and client credentials must succeed with each.
class tst_OidcPrivateKeyJwt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clientCredentials_data();
    void clientCredentials();

private:
    QTemporaryFile m_jwks;
    OidcProviderFixture m_provider;
};

void tst_OidcPrivateKeyJwt::initTestCase()
{
    QJsonArray keys;
    for (const char *name : {"rsa-key.pem", "ec-key.pem"}) {
        QString error;
        const Internal::Jwk key = Internal::jwkFromPrivateKeyPem(read(QLatin1String(name)), {}, &error);
        QVERIFY2(!key.isNull(), qPrintable(error));
        keys.append(key.toPublicJson()); // public members only
    }
    QVERIFY(m_jwks.open());
    m_jwks.write(QJsonDocument(QJsonObject{{"keys", keys}}).toJson());
    m_jwks.flush();
    // Read by provider.mjs when it starts (tests/oidc/README.md).
    qputenv("MSALQT_OIDC_CLIENT_JWKS", m_jwks.fileName().toLocal8Bit());
    QString error;
    QVERIFY2(m_provider.start(&error), qPrintable(error));
}

void tst_OidcPrivateKeyJwt::clientCredentials_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("RSA, RS256") << "rsa-cert.pem" << "rsa-key.pem" << int(ClientCredential::RS256) << true;
    QTest::newRow("RSA, PS256") << "rsa-cert.pem" << "rsa-key.pem" << int(ClientCredential::PS256) << true;
    QTest::newRow("EC P-256, ES256") << "ec-cert.pem" << "ec-key.pem" << int(ClientCredential::ES256) << true;
    QTest::newRow("unregistered key") << "unregistered-cert.pem" << "unregistered-key.pem"
                                      << int(ClientCredential::RS256) << false;
}

void tst_OidcPrivateKeyJwt::clientCredentials()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(int, algorithm);
    QFETCH(bool, accepted);
    QString error;
    ClientCredential credential = ClientCredential::fromCertificate(read(certificate), read(key), &error);
    QVERIFY2(!credential.isNull(), qPrintable(error));
    QVERIFY(credential.supportsSigningAlgorithm(ClientCredential::SigningAlgorithm(algorithm)));
    credential.setSigningAlgorithm(ClientCredential::SigningAlgorithm(algorithm));
    ConfidentialClientApplication app(OidcProviderFixture::privateKeyJwtClientId(), credential,
                                      Authority::openIdConnect(m_provider.issuer()));
    std::unique_ptr<TokenRequest> request(app.acquireTokenForClient({OidcProviderFixture::apiScope()}));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(finished.wait(30000));
    if (accepted) {
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
        QVERIFY(!request->result().accessToken().isEmpty());
    } else {
        QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
        QCOMPARE(request->error().protocolError(), QString("invalid_client"));
    }
}

QTEST_GUILESS_MAIN(tst_OidcPrivateKeyJwt)
#include "tst_oidcprivatekeyjwt.moc"
