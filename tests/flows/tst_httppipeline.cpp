#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// The shared HTTP pipeline (retry, timeouts, throttling, broken answers, discovery), driven
// through client credentials, the shortest flow.
class tst_HttpPipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void faults_data();
    void faults();
    void throttledRequestFailsFast();
    void retryAfterHonoured_data();
    void retryAfterHonoured();
    void serviceUnavailableWithoutRetryAfter();
    void retryAfterTooLong();
    void instanceDiscoveryFallback();
    void unknownInstanceRefused();
    void deadNetwork();
    void networkManagerDeletedMidFlight();

private:
    std::unique_ptr<ConfidentialClientApplication> app();
    std::unique_ptr<TokenRequest> run(ConfidentialClientApplication *app);
    MsalQt::Emulator::Server m_emulator;
};

void tst_HttpPipeline::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_HttpPipeline::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

std::unique_ptr<ConfidentialClientApplication> tst_HttpPipeline::app()
{
    auto app = std::make_unique<ConfidentialClientApplication>(
        m_emulator.confidentialClientId(), ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
        Authority::microsoft(m_emulator.authorityUrl()));
    app->setRetryDelay(std::chrono::milliseconds(20));
    app->setHttpTimeout(std::chrono::milliseconds(1500));
    return app;
}

std::unique_ptr<TokenRequest> tst_HttpPipeline::run(ConfidentialClientApplication *app)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenForClient({"https://graph.microsoft.com/.default"}));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    finished.wait(20000);
    return request;
}

void tst_HttpPipeline::faults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<int>("times");
    QTest::addColumn<int>("expected"); // AuthError::Type, NoError = success
    QTest::addColumn<int>("attempts"); // requests that reached `path`

    const QString token = "/oauth2/v2.0/token";
    const QString discovery = "/v2.0/.well-known/openid-configuration";
    QTest::newRow("500 once: retried") << int(Fault::HttpStatus) << token << 500 << 0 << 1 << int(AuthError::NoError) << 2;
    QTest::newRow("502 twice: one retry only") << int(Fault::HttpStatus) << token << 502 << 0 << 2 << int(AuthError::ServiceError) << 2;
    QTest::newRow("slow once: retried") << int(Fault::Delay) << token << 0 << 2500 << 1 << int(AuthError::NoError) << 2;
    QTest::newRow("slow twice: timeout") << int(Fault::Delay) << token << 0 << 2500 << 2 << int(AuthError::Timeout) << 2;
    QTest::newRow("malformed token answer") << int(Fault::MalformedJson) << token << 0 << 0 << 1 << int(AuthError::InvalidResponse) << 1;
    QTest::newRow("truncated token answer") << int(Fault::TruncatedJson) << token << 0 << 0 << 1 << int(AuthError::InvalidResponse) << 1;
    QTest::newRow("closed connection") << int(Fault::CloseConnection) << token << 0 << 0 << -1 << int(AuthError::NetworkError) << -1;
    QTest::newRow("discovery 500 twice") << int(Fault::HttpStatus) << discovery << 500 << 0 << 2 << int(AuthError::ServiceError) << 2;
    QTest::newRow("discovery malformed") << int(Fault::MalformedJson) << discovery << 0 << 0 << 1 << int(AuthError::InvalidResponse) << 1;
    QTest::newRow("discovery truncated") << int(Fault::TruncatedJson) << discovery << 0 << 0 << 1 << int(AuthError::InvalidResponse) << 1;
}

void tst_HttpPipeline::faults()
{
    QFETCH(int, kind);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, delayMs);
    QFETCH(int, times);
    QFETCH(int, expected);
    QFETCH(int, attempts);

    Fault fault;
    fault.kind = Fault::Kind(kind);
    fault.path = path;
    fault.status = status;
    fault.delayMs = delayMs;
    fault.times = times;
    m_emulator.addFault(fault);

    auto application = app();
    const auto request = run(application.get());
    QVERIFY(request->isFinished());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(expected)));
    if (expected != AuthError::NoError) {
        QVERIFY(request->result().isNull());
        QVERIFY(!request->error().errorString().isEmpty());
    }
    if (attempts >= 0)
        QCOMPARE(m_emulator.requestCount(path), attempts);
}

void tst_HttpPipeline::throttledRequestFailsFast()
{
    Fault fault;
    fault.kind = Fault::Throttle;
    fault.path = "/oauth2/v2.0/token";
    fault.status = 429;
    fault.retryAfterSeconds = 30;
    m_emulator.addFault(fault);

    auto application = app();
    const auto first = run(application.get());
    QCOMPARE(first->error().type(), AuthError::Throttled);
    const QDateTime retryAfter = first->error().retryAfter();
    QVERIFY(retryAfter.isValid());
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(retryAfter);
    QVERIFY2(wait >= 28 && wait <= 30, qPrintable(QString::number(wait)));
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 1); // 429 is not retried

    // The same request before Retry-After has passed never reaches the server.
    const auto second = run(application.get());
    QCOMPARE(second->error().type(), AuthError::Throttled);
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 1);

    // Once the wait is over (the application's clock moved on), requests go out again.
    application->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(31); });
    const auto third = run(application.get());
    QVERIFY2(third->isSuccess(), qPrintable(third->error().errorString()));
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 2);
}

// Issue 15: a 5xx with Retry-After is retried after the wait the server asked for, not after
// the default delay (20 ms here).
void tst_HttpPipeline::retryAfterHonoured_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("500, Retry-After: 2") << 500;
    QTest::newRow("502, Retry-After: 2") << 502;
    QTest::newRow("503, Retry-After: 2") << 503;
}

void tst_HttpPipeline::retryAfterHonoured()
{
    QFETCH(int, status);
    Fault fault;
    fault.kind = Fault::HttpStatus;
    fault.path = "/oauth2/v2.0/token";
    fault.status = status;
    fault.retryAfterSeconds = 2;
    fault.times = 1;
    m_emulator.addFault(fault);

    auto application = app();
    application->setHttpTimeout(std::chrono::milliseconds(5000)); // a wait of 2 s is within it
    const auto request = run(application.get());
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QList<QDateTime> seen;
    for (const auto &r : m_emulator.requests()) {
        if (r.path.endsWith("/oauth2/v2.0/token"))
            seen << r.receivedAt;
    }
    QCOMPARE(seen.size(), 2);
    const qint64 gap = seen.at(0).msecsTo(seen.at(1));
    QVERIFY2(gap >= 1900, qPrintable(QString("the retry came after %1 ms").arg(gap)));
}

// A 503 without Retry-After is a transient failure of the service: retried once after the
// default delay, then ServiceError with the status (not Throttled without a time to come back).
void tst_HttpPipeline::serviceUnavailableWithoutRetryAfter()
{
    Fault fault;
    fault.kind = Fault::HttpStatus;
    fault.path = "/oauth2/v2.0/token";
    fault.status = 503;
    fault.times = -1;
    m_emulator.addFault(fault);

    auto application = app();
    const auto request = run(application.get());
    const AuthError error = request->error();
    QCOMPARE(AuthError::typeName(error.type()), AuthError::typeName(AuthError::ServiceError));
    QCOMPARE(error.httpStatus(), 503);
    QCOMPARE(error.protocolError(), QString("temporarily_unavailable"));
    QVERIFY(!error.retryAfter().isValid());
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 2);

    // Not throttled: the next request goes to the server again.
    m_emulator.clearFaults();
    const auto next = run(application.get());
    QVERIFY2(next->isSuccess(), qPrintable(next->error().errorString()));
}

// A Retry-After longer than the request may wait: no retry, and the error says when to come
// back; until then the same request does not reach the server.
void tst_HttpPipeline::retryAfterTooLong()
{
    Fault fault;
    fault.kind = Fault::HttpStatus;
    fault.path = "/oauth2/v2.0/token";
    fault.status = 500;
    fault.retryAfterSeconds = 999999;
    fault.times = -1;
    m_emulator.addFault(fault);

    auto application = app();
    const auto first = run(application.get());
    const AuthError error = first->error();
    QCOMPARE(AuthError::typeName(error.type()), AuthError::typeName(AuthError::Throttled));
    QCOMPARE(error.httpStatus(), 500);
    QCOMPARE(error.protocolError(), QString("server_error")); // the server's fields are kept
    QVERIFY(error.retryAfter().isValid());
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(error.retryAfter());
    QVERIFY2(wait >= 3590 && wait <= 3600, qPrintable(QString::number(wait))); // capped at an hour
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 1);

    const auto second = run(application.get());
    QCOMPARE(AuthError::typeName(second->error().type()), AuthError::typeName(AuthError::Throttled));
    QVERIFY(second->error().retryAfter().isValid());
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 1);
}

void tst_HttpPipeline::instanceDiscoveryFallback()
{
    // Instance discovery that does not answer in time: the authority host alone is used.
    Fault fault;
    fault.kind = Fault::Delay;
    fault.path = "/discovery/instance";
    fault.delayMs = 3000;
    m_emulator.addFault(fault);
    auto application = app();
    application->setInstanceDiscoveryTimeout(std::chrono::milliseconds(200));
    const auto request = run(application.get());
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(m_emulator.requestCount("/discovery/instance"), 1); // no retry: fall back at once
}

void tst_HttpPipeline::unknownInstanceRefused()
{
    Fault fault;
    fault.kind = Fault::ServiceError;
    fault.path = "/discovery/instance";
    fault.error = "invalid_instance";
    fault.aadstsCode = 50049;
    fault.description = "Unknown or invalid instance.";
    m_emulator.addFault(fault);
    auto application = app();
    const auto request = run(application.get());
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QVERIFY(request->error().hasErrorCode(50049));
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 0);
}

void tst_HttpPipeline::deadNetwork()
{
    // Nothing listens on the port of a server that just went away.
    quint16 port;
    {
        MsalQt::Emulator::Server gone;
        QVERIFY(gone.listen());
        port = gone.port();
    }
    ConfidentialClientApplication application(m_emulator.confidentialClientId(), ClientCredential::fromSecret("s"),
                                              Authority::microsoft(QString("http://127.0.0.1:%1/%2").arg(port).arg(m_emulator.defaultTenantId())));
    application.setInstanceDiscoveryTimeout(std::chrono::milliseconds(500));
    const auto request = run(&application);
    QCOMPARE(request->error().type(), AuthError::NetworkError);
    QVERIFY(!request->error().errorString().isEmpty());
}

// The application's manager, set by the app and deleted while a token request waits on it: the
// request fails at once with a typed error, no crash, and the next request goes through the
// application's own manager (issue 14).
void tst_HttpPipeline::networkManagerDeletedMidFlight()
{
    auto application = app();
    application->setHttpTimeout(std::chrono::milliseconds(60000));
    auto *manager = new QNetworkAccessManager;
    application->setNetworkAccessManager(manager);
    Fault fault;
    fault.kind = Fault::Delay;
    fault.path = "/oauth2/v2.0/token";
    fault.delayMs = 20000;
    fault.times = 1;
    m_emulator.addFault(fault);

    std::unique_ptr<TokenRequest> request(application->acquireTokenForClient({"https://graph.microsoft.com/.default"}));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_emulator.requestCount("/oauth2/v2.0/token"), 1, 10000);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("network access manager was destroyed"));
    delete manager;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::NetworkError));
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 1); // not sent again

    QVERIFY(application->networkAccessManager()); // the application's own
    const auto next = run(application.get());
    QVERIFY2(next->isSuccess(), qPrintable(next->error().errorString()));
}

QTEST_GUILESS_MAIN(tst_HttpPipeline)
#include "tst_httppipeline.moc"
