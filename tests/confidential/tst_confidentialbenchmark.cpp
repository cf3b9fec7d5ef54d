#include "confidentialtestdata.h"

#include "cache/tokencache_p.h"
#include "confidential/clientassertion_p.h"

#include <MsalQt/confidentialclientapplication.h>

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace MsalQt;
using ConfidentialTestData::read;

// Run on demand: ctest -L benchmark, or the executable with -callgrind.
class tst_ConfidentialBenchmark : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void assertionSigning_data();
    void assertionSigning();
    void clientTokenCacheHit();
};

void tst_ConfidentialBenchmark::assertionSigning_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::newRow("RSA-2048, RS256") << "rsa-cert.pem" << "rsa-key.pem";
    QTest::newRow("EC P-256, ES256") << "ec-cert.pem" << "ec-key.pem";
}

void tst_ConfidentialBenchmark::assertionSigning()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QString error;
    const ClientCredential credential = ClientCredential::fromCertificate(read(certificate), read(key), &error);
    QVERIFY2(!credential.isNull(), qPrintable(error));
    const QUrl endpoint("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray assertion;
    QBENCHMARK {
        assertion = Internal::signClientAssertion(credential, QStringLiteral("client"), endpoint, now);
    }
    QVERIFY(!assertion.isEmpty());
}

void tst_ConfidentialBenchmark::clientTokenCacheHit()
{
    // 1,000 tenants' app tokens for one client; the request names one of them. A cache hit
    // touches no network, so the authority needs no server.
    const QString clientId = QStringLiteral("7789b3a9-18ce-4ba2-b33d-e9d3f66c7a8e");
    QString tenant;
    const qint64 expires = QDateTime::currentDateTimeUtc().addSecs(3600).toSecsSinceEpoch();
    ConfidentialClientApplication probe(clientId, ClientCredential::fromSecret("s"),
                                        Authority::microsoft(QUrl("https://login.microsoftonline.com/"
                                                                  + QUuid::createUuid().toString(QUuid::WithoutBraces))));
    TokenCachePrivate *cache = TokenCachePrivate::get(probe.tokenCache());
    for (int i = 0; i < 1000; ++i) {
        Internal::CredentialEntry entry;
        entry.type = Internal::CredentialType::AccessToken;
        entry.environment = QStringLiteral("login.microsoftonline.com");
        entry.clientId = clientId;
        entry.realm = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.target = QStringLiteral("https://graph.microsoft.com/.default");
        entry.scopes = Internal::scopeList(entry.target);
        entry.setSecret(QStringLiteral("token-%1").arg(i));
        entry.expiresOn = expires;
        cache->storeAccessToken(entry);
        if (i == 500)
            tenant = entry.realm;
    }
    // The application under test shares that cache's contents.
    ConfidentialClientApplication app(clientId, ClientCredential::fromSecret("s"),
                                      Authority::microsoft(QUrl("https://login.microsoftonline.com/" + tenant)));
    QVERIFY(TokenCachePrivate::get(app.tokenCache())->load(cache->save(), nullptr));
    QBENCHMARK {
        std::unique_ptr<TokenRequest> request(
            app.acquireTokenForClient({QStringLiteral("https://graph.microsoft.com/.default")}));
        request->setAutoDelete(false);
        QSignalSpy finished(request.get(), &TokenRequest::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(request->result().isFromCache());
        QCOMPARE(request->result().accessToken(), QStringLiteral("token-500"));
    }
}

QTEST_GUILESS_MAIN(tst_ConfidentialBenchmark)
#include "tst_confidentialbenchmark.moc"
