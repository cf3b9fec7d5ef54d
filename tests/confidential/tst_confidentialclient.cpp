#include "confidentialtestdata.h"
#include "testsupport.h"

#include "confidential/clientassertion_p.h"
#include "jwt_p.h"

#include <MsalQt/confidentialclientapplication.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTimeZone>
#include <QUuid>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using ConfidentialTestData::read;

// Certificate credentials, client assertions and assertion callbacks against the in-process
// emulator, which verifies each assertion as the platform does.
class tst_ConfidentialClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void credentialKinds_data();
    void credentialKinds();
    void assertionShape_data();
    void assertionShape();
    void invalidCredentials_data();
    void invalidCredentials();
    void algorithmMustFitKey();
    void rejectedAssertions_data();
    void rejectedAssertions();
    void replayedAssertionRejected();
    void emptyCallbackAssertion();
    void assertionStaysOutOfLogs();

private:
    ClientCredential credential(const QString &kind);
    std::unique_ptr<TokenRequest> run(ConfidentialClientApplication *app);
    QUrl tokenEndpoint() const;
    MsalQt::Emulator::Server m_emulator;
};

void tst_ConfidentialClient::initTestCase()
{
    QString error;
    QVERIFY2(m_emulator.loadConfig(ConfidentialTestData::emulatorConfig(m_emulator.confidentialClientId()), &error),
             qPrintable(error));
    QVERIFY(m_emulator.listen());
}

void tst_ConfidentialClient::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

QUrl tst_ConfidentialClient::tokenEndpoint() const
{
    return QUrl(m_emulator.authorityUrl().toString() + QStringLiteral("/oauth2/v2.0/token"));
}


ClientCredential tst_ConfidentialClient::credential(const QString &kind)
{
    QString error;
    ClientCredential credential;
    if (kind == "secret") {
        credential = ClientCredential::fromSecret(m_emulator.confidentialClientSecret());
    } else if (kind.startsWith("rsa")) {
        credential = ClientCredential::fromCertificate(read("rsa-cert.pem"), read("rsa-key.pem"), &error);
        if (kind == "rsa-ps256")
            credential.setSigningAlgorithm(ClientCredential::PS256);
        if (kind == "rsa-x5c")
            credential.setSendCertificateChain(true);
    } else if (kind == "ec") {
        credential = ClientCredential::fromCertificate(read("ec-cert.pem"), read("ec-key.pem"), &error);
    } else if (kind == "pkcs12") {
        credential = ClientCredential::fromPkcs12(read("rsa.p12"), "Test-Pfx-1", &error);
    } else if (kind == "callback") {
        // A federated credential's shape: an assertion made elsewhere, for the endpoint asked.
        const ClientCredential signer =
            ClientCredential::fromCertificate(read("ec-cert.pem"), read("ec-key.pem"), &error);
        credential = ClientCredential::fromAssertionCallback([signer](const AssertionRequest &request) {
            return QString::fromLatin1(Internal::signClientAssertion(signer, request.clientId(),
                                                                     request.tokenEndpoint(),
                                                                     QDateTime::currentDateTimeUtc()));
        });
    }
    if (credential.isNull())
        qWarning("credential %s: %s", qPrintable(kind), qPrintable(error));
    return credential;
}

std::unique_ptr<TokenRequest> tst_ConfidentialClient::run(ConfidentialClientApplication *app)
{
    TokenRequest *request = app->acquireTokenForClient({"https://graph.microsoft.com/.default"});
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!finished.wait(15000))
        qWarning("request did not finish");
    return std::unique_ptr<TokenRequest>(request);
}

void tst_ConfidentialClient::credentialKinds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("clientAuthField"); // the form field that carried the proof
    QTest::newRow("secret") << "secret" << "client_secret";
    QTest::newRow("RSA certificate, RS256") << "rsa" << "client_assertion";
    QTest::newRow("RSA certificate, PS256") << "rsa-ps256" << "client_assertion";
    QTest::newRow("RSA certificate with x5c") << "rsa-x5c" << "client_assertion";
    QTest::newRow("EC P-256 certificate, ES256") << "ec" << "client_assertion";
    QTest::newRow("PKCS#12") << "pkcs12" << "client_assertion";
    QTest::newRow("assertion callback") << "callback" << "client_assertion";
}

void tst_ConfidentialClient::credentialKinds()
{
    QFETCH(QString, kind);
    QFETCH(QString, clientAuthField);
    const ClientCredential credential = this->credential(kind);
    QVERIFY(!credential.isNull());
    ConfidentialClientApplication app(m_emulator.confidentialClientId(), credential,
                                      Authority::microsoft(m_emulator.authorityUrl()));
    const auto request = run(&app);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(!request->result().accessToken().isEmpty());

    const auto requests = m_emulator.requests();
    const auto token = std::find_if(requests.cbegin(), requests.cend(),
                                    [](const auto &r) { return r.path.endsWith("/oauth2/v2.0/token"); });
    QVERIFY(token != requests.cend());
    QVERIFY(token->form.hasQueryItem(clientAuthField));
    if (clientAuthField == "client_assertion") {
        QVERIFY(!token->form.hasQueryItem("client_secret"));
        QCOMPARE(token->form.queryItemValue("client_assertion_type", QUrl::FullyDecoded),
                 QString("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
    }

    // App tokens are cached per tenant and client: the second call stays off the network.
    const int calls = m_emulator.requestCount("/oauth2/v2.0/token");
    const auto again = run(&app);
    QVERIFY(again->isSuccess());
    QVERIFY(again->result().isFromCache());
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), calls);
}

void tst_ConfidentialClient::assertionShape_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("thumbprintHeader"); // MSAL: x5t with RS256, x5t#S256 with PS256
    QTest::addColumn<bool>("x5c");
    QTest::newRow("RS256") << "rsa" << "RS256" << "x5t" << false;
    QTest::newRow("PS256") << "rsa-ps256" << "PS256" << "x5t#S256" << false;
    QTest::newRow("ES256") << "ec" << "ES256" << "x5t#S256" << false;
    QTest::newRow("x5c") << "rsa-x5c" << "RS256" << "x5t" << true;
}

void tst_ConfidentialClient::assertionShape()
{
    QFETCH(QString, kind);
    QFETCH(QString, alg);
    QFETCH(QString, thumbprintHeader);
    QFETCH(bool, x5c);
    const ClientCredential credential = this->credential(kind);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, QTimeZone::utc());
    QString error;
    const QByteArray compact = Internal::signClientAssertion(credential, "client-1", tokenEndpoint(), now, &error);
    QVERIFY2(!compact.isEmpty(), qPrintable(error));
    const auto jwt = Internal::Jwt::decode(compact);
    QVERIFY(jwt);
    QCOMPARE(jwt->header.value("alg").toString(), alg);
    QCOMPARE(jwt->header.value("typ").toString(), QString("JWT"));
    const QByteArray expectedThumbprint =
        thumbprintHeader == "x5t" ? credential.thumbprintSha1() : credential.thumbprintSha256();
    QCOMPARE(jwt->header.value(thumbprintHeader).toString().toLatin1(), expectedThumbprint);
    QCOMPARE(jwt->header.contains("x5c"), x5c);
    if (x5c) {
        // Standard base64 DER of the leaf (RFC 7515 §4.1.6): its hash is the thumbprint.
        const QByteArray der = QByteArray::fromBase64(jwt->header.value("x5c").toArray().at(0).toString().toLatin1());
        QCOMPARE(QCryptographicHash::hash(der, QCryptographicHash::Sha1)
                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
                 credential.thumbprintSha1());
    }
    QCOMPARE(jwt->claims.value("aud").toString(), tokenEndpoint().toString());
    QCOMPARE(jwt->claims.value("iss").toString(), QString("client-1"));
    QCOMPARE(jwt->claims.value("sub").toString(), QString("client-1"));
    QCOMPARE(qint64(jwt->claims.value("nbf").toDouble()), now.toSecsSinceEpoch());
    QCOMPARE(qint64(jwt->claims.value("exp").toDouble()), now.toSecsSinceEpoch() + 600);
    QVERIFY(!QUuid(jwt->claims.value("jti").toString()).isNull());
    // A fresh jti per assertion: the platform refuses a replayed one.
    const auto second = Internal::Jwt::decode(Internal::signClientAssertion(credential, "client-1", tokenEndpoint(), now));
    QVERIFY(second->claims.value("jti") != jwt->claims.value("jti"));
}

void tst_ConfidentialClient::invalidCredentials_data()
{
    QTest::addColumn<QByteArray>("certificate");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("pkcs12");
    QTest::addColumn<QString>("password");
    QTest::newRow("not a certificate") << QByteArray("garbage") << read("rsa-key.pem") << false << QString();
    QTest::newRow("not a key") << read("rsa-cert.pem") << QByteArray("garbage") << false << QString();
    QTest::newRow("key of another certificate") << read("rsa-cert.pem") << read("unregistered-key.pem") << false << QString();
    QTest::newRow("EC key for the RSA certificate") << read("rsa-cert.pem") << read("ec-key.pem") << false << QString();
    QTest::newRow("PKCS#12, wrong password") << read("rsa.p12") << QByteArray() << true << QString("wrong");
    QTest::newRow("PKCS#12, not PKCS#12") << QByteArray("garbage") << QByteArray() << true << QString("Test-Pfx-1");
}

void tst_ConfidentialClient::invalidCredentials()
{
    QFETCH(QByteArray, certificate);
    QFETCH(QByteArray, key);
    QFETCH(bool, pkcs12);
    QFETCH(QString, password);
    QString error;
    const ClientCredential credential = pkcs12 ? ClientCredential::fromPkcs12(certificate, password, &error)
                                               : ClientCredential::fromCertificate(certificate, key, &error);
    QVERIFY(credential.isNull());
    QVERIFY(!error.isEmpty());

    // A null credential is a configuration error before any network traffic.
    ConfidentialClientApplication app(m_emulator.confidentialClientId(), credential,
                                      Authority::microsoft(m_emulator.authorityUrl()));
    const auto request = run(&app);
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 0);
}

void tst_ConfidentialClient::algorithmMustFitKey()
{
    ClientCredential rsa = credential("rsa");
    QCOMPARE(rsa.signingAlgorithm(), ClientCredential::RS256);
    QVERIFY(rsa.supportsSigningAlgorithm(ClientCredential::DefaultAlgorithm));
    QVERIFY(rsa.supportsSigningAlgorithm(ClientCredential::RS256));
    QVERIFY(rsa.supportsSigningAlgorithm(ClientCredential::PS256));
    QVERIFY(!rsa.supportsSigningAlgorithm(ClientCredential::ES256));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot sign with")));
    rsa.setSigningAlgorithm(ClientCredential::ES256);
    QCOMPARE(rsa.signingAlgorithm(), ClientCredential::RS256);
    rsa.setSigningAlgorithm(ClientCredential::PS256);
    QCOMPARE(rsa.signingAlgorithm(), ClientCredential::PS256);
    ClientCredential ec = credential("ec");
    QCOMPARE(ec.signingAlgorithm(), ClientCredential::ES256);
    QVERIFY(ec.supportsSigningAlgorithm(ClientCredential::DefaultAlgorithm));
    QVERIFY(ec.supportsSigningAlgorithm(ClientCredential::ES256));
    QVERIFY(!ec.supportsSigningAlgorithm(ClientCredential::RS256));
    QVERIFY(!ec.supportsSigningAlgorithm(ClientCredential::PS256));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot sign with")));
    ec.setSigningAlgorithm(ClientCredential::PS256);
    QCOMPARE(ec.signingAlgorithm(), ClientCredential::ES256);
    QVERIFY(!ClientCredential::fromSecret(QStringLiteral("s")).supportsSigningAlgorithm(ClientCredential::DefaultAlgorithm));
}

void tst_ConfidentialClient::rejectedAssertions_data()
{
    QTest::addColumn<QString>("case_");
    QTest::addColumn<int>("aadsts");
    QTest::newRow("unregistered certificate") << "unregistered" << 700027;
    QTest::newRow("expired") << "expired" << 700024;
    QTest::newRow("not yet valid") << "future" << 700024;
    QTest::newRow("wrong audience") << "audience" << 700027;
    QTest::newRow("wrong issuer") << "issuer" << 700027;
}

void tst_ConfidentialClient::rejectedAssertions()
{
    QFETCH(QString, case_);
    QFETCH(int, aadsts);
    QString error;
    const ClientCredential signer = case_ == "unregistered"
        ? ClientCredential::fromCertificate(read("unregistered-cert.pem"), read("unregistered-key.pem"), &error)
        : credential("rsa");
    QVERIFY2(!signer.isNull(), qPrintable(error));
    const QString clientId = m_emulator.confidentialClientId();
    const ClientCredential credential = ClientCredential::fromAssertionCallback([=](const AssertionRequest &request) {
        QDateTime now = QDateTime::currentDateTimeUtc();
        if (case_ == "expired")
            now = now.addSecs(-3600);
        else if (case_ == "future")
            now = now.addSecs(3600);
        const QUrl audience = case_ == "audience" ? QUrl("https://login.microsoftonline.com/x/oauth2/v2.0/token")
                                                  : request.tokenEndpoint();
        const QString issuer = case_ == "issuer" ? QStringLiteral("00000000-0000-0000-0000-000000000001") : clientId;
        return QString::fromLatin1(Internal::signClientAssertion(signer, issuer, audience, now));
    });
    ConfidentialClientApplication app(clientId, credential, Authority::microsoft(m_emulator.authorityUrl()));
    const auto request = run(&app);
    QVERIFY(!request->isSuccess());
    // invalid_client: the application's credential is what needs fixing.
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(request->error().protocolError(), QString("invalid_client"));
    QCOMPARE(request->error().httpStatus(), 401);
    QVERIFY2(request->error().errorCodes().contains(aadsts), qPrintable(request->error().errorString()));
    QVERIFY(!request->error().errorString().isEmpty());
}

void tst_ConfidentialClient::replayedAssertionRejected()
{
    // The same assertion twice, from two applications with their own caches: the emulator
    // accepts it once and refuses the replay (RFC 7523 §3 item 7).
    QByteArray assertion;
    const ClientCredential signer = credential("rsa");
    const ClientCredential credential = ClientCredential::fromAssertionCallback([&](const AssertionRequest &request) {
        if (assertion.isEmpty())
            assertion = Internal::signClientAssertion(signer, request.clientId(), request.tokenEndpoint(),
                                                      QDateTime::currentDateTimeUtc());
        return QString::fromLatin1(assertion);
    });
    ConfidentialClientApplication first(m_emulator.confidentialClientId(), credential,
                                        Authority::microsoft(m_emulator.authorityUrl()));
    const auto accepted = run(&first);
    QVERIFY2(accepted->isSuccess(), qPrintable(accepted->error().errorString()));
    ConfidentialClientApplication second(m_emulator.confidentialClientId(), credential,
                                         Authority::microsoft(m_emulator.authorityUrl()));
    const auto replayed = run(&second);
    QCOMPARE(replayed->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(replayed->error().protocolError(), QString("invalid_client"));
    QVERIFY(replayed->error().errorCodes().contains(700027));
}

void tst_ConfidentialClient::emptyCallbackAssertion()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromAssertionCallback([](const AssertionRequest &) {
                                          return QString();
                                      }),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    const auto request = run(&app);
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 0);
}

void tst_ConfidentialClient::assertionStaysOutOfLogs()
{
    ConfidentialClientApplication::setPiiLoggingEnabled(false);
    QString sent;
    const ClientCredential signer = credential("ec");
    const ClientCredential credential = ClientCredential::fromAssertionCallback([&](const AssertionRequest &request) {
        sent = QString::fromLatin1(Internal::signClientAssertion(signer, request.clientId(), request.tokenEndpoint(),
                                                                 QDateTime::currentDateTimeUtc()));
        return sent;
    });
    LogCapture logs;
    ConfidentialClientApplication app(m_emulator.confidentialClientId(), credential,
                                      Authority::microsoft(m_emulator.authorityUrl()));
    const auto request = run(&app);
    QVERIFY(request->isSuccess());
    QVERIFY(!sent.isEmpty());
    // Not the assertion, nor its signature part alone.
    QVERIFY(!logs.contains(sent));
    QVERIFY(!logs.contains(sent.section(QLatin1Char('.'), 2)));
}

QTEST_GUILESS_MAIN(tst_ConfidentialClient)
#include "tst_confidentialclient.moc"
