#include "confidentialtestdata.h"

#include "cache/tokencache_p.h"
#include "confidential/clientassertion_p.h"

#include <MsalQt/confidentialclientapplication.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace MsalQt;
using ConfidentialTestData::read;

namespace {
// The least an asynchronous job can cost: one queued call, then a signal. What the event loop
// takes for that is the floor under acquireTokenForClient()'s cache hit.
class QueuedPing : public QObject
{
    Q_OBJECT
public:
    QueuedPing()
    {
        QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(); }, Qt::QueuedConnection);
    }
Q_SIGNALS:
    void finished();
};

// Waits for `object`'s finished() in an event loop of its own, as QSignalSpy::wait() does but
// without its timer and test loop, which cost more than the job itself. (A hang is a failure
// too: ctest's timeout ends it.)
template <typename Object>
void waitForFinished(Object *object)
{
    QEventLoop loop;
    QObject::connect(object, &Object::finished, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

// Run on demand: ctest -L benchmark, or the executable with -callgrind.
class tst_ConfidentialBenchmark : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void assertionSigning_data();
    void assertionSigning();
    void clientTokenCacheHit_data();
    void clientTokenCacheHit();

private:
    const QString m_clientId = QStringLiteral("7789b3a9-18ce-4ba2-b33d-e9d3f66c7a8e");
    QString m_tenant;
    QByteArray m_cache;
};

void tst_ConfidentialBenchmark::initTestCase()
{
    // 1,000 tenants' app tokens for one client; a request names one of them.
    const qint64 expires = QDateTime::currentDateTimeUtc().addSecs(3600).toSecsSinceEpoch();
    ConfidentialClientApplication probe(m_clientId, ClientCredential::fromSecret("s"),
                                        Authority::microsoft(QUrl("https://login.microsoftonline.com/"
                                                                  + QUuid::createUuid().toString(QUuid::WithoutBraces))));
    TokenCachePrivate *cache = TokenCachePrivate::get(probe.tokenCache());
    for (int i = 0; i < 1000; ++i) {
        Internal::CredentialEntry entry;
        entry.type = Internal::CredentialType::AccessToken;
        entry.environment = QStringLiteral("login.microsoftonline.com");
        entry.clientId = m_clientId;
        entry.realm = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.target = QStringLiteral("https://graph.microsoft.com/.default");
        entry.scopes = Internal::scopeList(entry.target);
        entry.setSecret(QStringLiteral("token-%1").arg(i));
        entry.expiresOn = expires;
        cache->storeAccessToken(entry);
        if (i == 500)
            m_tenant = entry.realm;
    }
    m_cache = cache->save();
}

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

void tst_ConfidentialBenchmark::clientTokenCacheHit_data()
{
    QTest::addColumn<QString>("what");
    // The floor: the same wait for a job that does nothing but one queued call and a signal.
    QTest::newRow("event loop alone") << "loop";
    // acquireTokenForClient() answered from memory: a cache hit touches no network, so the
    // authority needs no server.
    QTest::newRow("acquireTokenForClient") << "job";
    // As most callers use it: the request deletes itself, a second posted event (deleteLater()).
    QTest::newRow("acquireTokenForClient, autoDelete") << "job-autodelete";
    // The same, waited for as this benchmark once did: QSignalSpy::wait() adds a timer and a
    // test event loop per call.
    QTest::newRow("acquireTokenForClient, QSignalSpy::wait") << "job-spy";
    // The synchronous question to the same cache: no job, no event loop.
    QTest::newRow("cachedTokenForClient") << "sync";
}

void tst_ConfidentialBenchmark::clientTokenCacheHit()
{
    QFETCH(QString, what);
    ConfidentialClientApplication app(m_clientId, ClientCredential::fromSecret("s"),
                                      Authority::microsoft(QUrl("https://login.microsoftonline.com/" + m_tenant)));
    QVERIFY(TokenCachePrivate::get(app.tokenCache())->load(m_cache, nullptr));
    const QStringList scopes{QStringLiteral("https://graph.microsoft.com/.default")};
    const QString expected = QStringLiteral("token-500");

    if (what == QLatin1String("loop")) {
        QBENCHMARK {
            QueuedPing ping;
            bool done = false;
            QObject::connect(&ping, &QueuedPing::finished, [&done] { done = true; });
            waitForFinished(&ping);
            QVERIFY(done);
        }
    } else if (what == QLatin1String("job")) {
        QBENCHMARK {
            std::unique_ptr<TokenRequest> request(app.acquireTokenForClient(scopes));
            request->setAutoDelete(false);
            waitForFinished(request.get());
            QVERIFY(request->result().isFromCache());
            QCOMPARE(request->result().accessToken(), expected);
        }
    } else if (what == QLatin1String("job-autodelete")) {
        QBENCHMARK {
            TokenRequest *request = app.acquireTokenForClient(scopes);
            AuthenticationResult result;
            QObject::connect(request, &TokenRequest::finished, [request, &result] { result = request->result(); });
            // Each loop also deletes the request before it (its deleteLater() is still pending
            // when this one quits).
            waitForFinished(request);
            QVERIFY(result.isFromCache());
            QCOMPARE(result.accessToken(), expected);
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    } else if (what == QLatin1String("job-spy")) {
        QBENCHMARK {
            std::unique_ptr<TokenRequest> request(app.acquireTokenForClient(scopes));
            request->setAutoDelete(false);
            QSignalSpy finished(request.get(), &TokenRequest::finished);
            QVERIFY(finished.wait(5000));
            QVERIFY(request->result().isFromCache());
            QCOMPARE(request->result().accessToken(), expected);
        }
    } else if (what == QLatin1String("sync")) {
        AuthenticationResult result;
        QBENCHMARK {
            result = app.cachedTokenForClient(scopes);
        }
        QVERIFY(result.isFromCache());
        QCOMPARE(result.accessToken(), expected);
    }
}

QTEST_GUILESS_MAIN(tst_ConfidentialBenchmark)
#include "tst_confidentialbenchmark.moc"
