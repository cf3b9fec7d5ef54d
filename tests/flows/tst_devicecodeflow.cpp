#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>

#include <MsalQt/tokencache.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

// The device code flow against the in-process emulator, a person signing in on its page.
class tst_DeviceCodeFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void signIn_data();
    void signIn();
    void declined();
    void expired();
    void slowDown();
    void cancel();
    void unknownClient();
    void malformedDeviceCodeAnswer();
    void numbersOutOfRange_data();
    void numbersOutOfRange();
    void expiryBeyondTimerRange();
    void truncatedTokenAnswer();
    void keyRollover();
    void forgedSigningKey();
    void secretsStayOutOfLogs();

private:
    std::unique_ptr<PublicClientApplication> app(const QString &tenant = "organizations");
    // Starts the flow, waits for the code; the request is not auto-deleted.
    TokenRequest *startFlow(PublicClientApplication *app, DeviceCode *code);
    bool finish(TokenRequest *request, int timeoutMs = 20000);

    MsalQt::Emulator::Server m_emulator;
};

void tst_DeviceCodeFlow::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_DeviceCodeFlow::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setDeviceCodeTiming(1, 60);
}

std::unique_ptr<PublicClientApplication> tst_DeviceCodeFlow::app(const QString &tenant)
{
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                         Authority::microsoft(m_emulator.authorityUrl(tenant)));
    app->setRetryDelay(std::chrono::milliseconds(10));
    return app;
}

TokenRequest *tst_DeviceCodeFlow::startFlow(PublicClientApplication *app, DeviceCode *code)
{
    TokenRequest *request = app->acquireTokenWithDeviceCode({"User.Read"});
    request->setAutoDelete(false);
    QSignalSpy received(request, &TokenRequest::deviceCodeReceived);
    if (!received.wait(10000))
        return request;
    *code = received.first().first().value<DeviceCode>();
    return request;
}

bool tst_DeviceCodeFlow::finish(TokenRequest *request, int timeoutMs)
{
    if (request->isFinished())
        return true;
    QSignalSpy finished(request, &TokenRequest::finished);
    return finished.wait(timeoutMs) && finished.count() == 1;
}

void tst_DeviceCodeFlow::signIn_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("user");

    QTest::newRow("organizations") << "organizations" << alice();
    QTest::newRow("common") << "common" << alice();
    QTest::newRow("tenant id") << QString() << alice();
    QTest::newRow("tenant domain") << "contoso.com" << alice();
    QTest::newRow("consumers, personal account") << "consumers" << carol();
}

void tst_DeviceCodeFlow::signIn()
{
    QFETCH(QString, tenant);
    QFETCH(QString, user);

    auto application = app(tenant.isEmpty() ? m_emulator.defaultTenantId() : tenant);
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(!code.isNull());
    QCOMPARE(code.interval(), std::chrono::seconds(1));
    QVERIFY(code.verificationUri().isValid());
    QVERIFY(code.message().contains(code.userCode()));
    QVERIFY(code.expiresOn() > QDateTime::currentDateTimeUtc().addSecs(50));
    QVERIFY(code.scopes().contains("offline_access"));

    QString error;
    QVERIFY2(signInOnDevicePage(code.verificationUri(), code.userCode(), user, password(), true, &error),
             qPrintable(error));
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));

    const AuthenticationResult result = request->result();
    QVERIFY(!result.accessToken().isEmpty());
    QCOMPARE(result.tokenType(), QString("Bearer"));
    QVERIFY(result.expiresOn() > QDateTime::currentDateTimeUtc().addSecs(3000));
    QVERIFY(result.scopes().contains("User.Read"));
    QVERIFY(!result.isFromCache());
    QCOMPARE(result.correlationId(), request->correlationId());

    const Account account = result.account();
    QCOMPARE(account.username(), user);
    QVERIFY(!account.name().isEmpty());
    // home account id = uid.utid from client_info
    const QStringList parts = account.homeAccountId().split('.');
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0), account.localAccountId());
    QCOMPARE(parts.at(1), account.tenantId());
    QCOMPARE(account.environment(), QString("127.0.0.1:%1").arg(m_emulator.port()));
    QCOMPARE(result.idTokenClaims().value("preferred_username").toString(), user);
    QCOMPARE(result.idTokenClaims().value("aud").toString(), m_emulator.publicClientId());
    QCOMPARE(result.tenantId(), account.tenantId());

    // Every request of the job carried its correlation id and the library's headers.
    const auto requests = m_emulator.requests();
    int ours = 0;
    for (const auto &recorded : requests) {
        if (recorded.path.endsWith("/oauth2/deviceauth"))
            continue;
        ++ours;
        QCOMPARE(QString::fromLatin1(recorded.headers.value("client-request-id")), request->correlationId());
        QCOMPARE(recorded.headers.value("x-client-sku"), QByteArray("MSAL.Qt"));
        QVERIFY(!recorded.headers.value("x-client-ver").isEmpty());
    }
    QVERIFY(ours >= 4); // discovery, keys, device code, at least one poll
}

void tst_DeviceCodeFlow::declined()
{
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(!code.isNull());
    QString error;
    QVERIFY2(signInOnDevicePage(code.verificationUri(), code.userCode(), alice(), password(), false, &error),
             qPrintable(error));
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::Declined);
    QCOMPARE(request->error().protocolError(), QString("authorization_declined"));
}

void tst_DeviceCodeFlow::expired()
{
    m_emulator.setDeviceCodeTiming(1, 2);
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(!code.isNull());
    QVERIFY(finish(request.get(), 10000));
    QCOMPARE(request->error().type(), AuthError::Timeout);
    QVERIFY(request->error().errorString().contains("expired"));
}

void tst_DeviceCodeFlow::slowDown()
{
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(!code.isNull());
    // The server says slow_down on the first poll: the next poll comes 1 + 5 seconds later. The
    // fault is set once the code is issued (the first poll is a second away): a poll the previous
    // test's flow had in flight when it ended may reach the emulator until then.
    Emulator::Fault fault;
    fault.kind = Emulator::Fault::ServiceError;
    fault.path = "/oauth2/v2.0/token";
    fault.error = "slow_down";
    fault.aadstsCode = 70016;
    fault.times = 1;
    m_emulator.addFault(fault);
    QString error;
    QVERIFY2(signInOnDevicePage(code.verificationUri(), code.userCode(), alice(), password(), true, &error),
             qPrintable(error));
    QVERIFY(finish(request.get(), 20000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));

    QList<QDateTime> polls; // this request's, by the correlation id it sends
    for (const auto &recorded : m_emulator.requests()) {
        if (recorded.path.endsWith("/oauth2/v2.0/token")
            && recorded.headers.value("client-request-id") == request->correlationId().toLatin1())
            polls << recorded.receivedAt;
    }
    QCOMPARE(polls.size(), 2);
    QVERIFY2(polls.at(0).msecsTo(polls.at(1)) >= 5900,
             qPrintable(QString("second poll after %1 ms").arg(polls.at(0).msecsTo(polls.at(1)))));
}

void tst_DeviceCodeFlow::cancel()
{
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(!code.isNull());
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    request->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(request->error().type(), AuthError::Cancelled);
    request->cancel(); // a second cancel changes nothing
    QCOMPARE(finished.count(), 1);

    // Polling has stopped: no token request arrives any more.
    const int before = m_emulator.requestCount("/oauth2/v2.0/token");
    QSignalSpy arrived(&m_emulator, &Emulator::Server::requestReceived);
    QVERIFY(!arrived.wait(2500));
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), before);
}

void tst_DeviceCodeFlow::unknownClient()
{
    PublicClientApplication application("00000000-1111-2222-3333-444444444444",
                                        Authority::microsoft(m_emulator.authorityUrl("organizations")));
    std::unique_ptr<TokenRequest> request(application.acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    QVERIFY(finish(request.get()));
    QCOMPARE(received.count(), 0);
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(request->error().protocolError(), QString("unauthorized_client"));
    QVERIFY(request->error().hasErrorCode(700016));
}

void tst_DeviceCodeFlow::malformedDeviceCodeAnswer()
{
    Emulator::Fault fault;
    fault.kind = Emulator::Fault::MalformedJson;
    fault.path = "/oauth2/v2.0/devicecode";
    m_emulator.addFault(fault);
    auto application = app();
    std::unique_ptr<TokenRequest> request(application->acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
}

void tst_DeviceCodeFlow::numbersOutOfRange_data()
{
    QTest::addColumn<QJsonValue>("expiresIn");
    QTest::addColumn<QJsonValue>("interval");

    // The doubles were undefined behaviour in qint64(double) casts; the rest made the code
    // expire at once or never, or polled as fast as the server answered.
    QTest::newRow("expires_in 1e300") << QJsonValue(1e300) << QJsonValue(1);
    QTest::newRow("expires_in 9.3e15") << QJsonValue(9.3e15) << QJsonValue(1);
    QTest::newRow("expires_in -1e300") << QJsonValue(-1e300) << QJsonValue(1);
    QTest::newRow("expires_in 1e10") << QJsonValue(1e10) << QJsonValue(1);
    QTest::newRow("expires_in \"9223372036854775807\"") << QJsonValue("9223372036854775807") << QJsonValue(1);
    QTest::newRow("expires_in 0") << QJsonValue(0) << QJsonValue(1);
    QTest::newRow("expires_in missing") << QJsonValue(QJsonValue::Undefined) << QJsonValue(1);
    QTest::newRow("interval 1e300") << QJsonValue(60) << QJsonValue(1e300);
    QTest::newRow("interval 9.3e15") << QJsonValue(60) << QJsonValue(9.3e15);
    QTest::newRow("interval -1") << QJsonValue(60) << QJsonValue(-1);
    QTest::newRow("interval \"soon\"") << QJsonValue(60) << QJsonValue("soon");
    QTest::newRow("interval longer than the code lives") << QJsonValue(60) << QJsonValue(61);
}

void tst_DeviceCodeFlow::numbersOutOfRange()
{
    QFETCH(QJsonValue, expiresIn);
    QFETCH(QJsonValue, interval);

    // Someone signed in already: the cache must come out of this as it went in.
    auto application = app();
    {
        DeviceCode code;
        std::unique_ptr<TokenRequest> first(startFlow(application.get(), &code));
        QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
        QVERIFY(finish(first.get()));
        QVERIFY(first->isSuccess());
    }
    const QByteArray cacheBefore = application->tokenCache()->serialize();
    m_emulator.clearRequests();

    QJsonObject body{{"device_code", "hostile-device-code"}, {"user_code", "HOSTILE1"},
                     {"verification_uri", m_emulator.baseUrl().toString() + "/devicelogin"},
                     {"message", "Enter HOSTILE1."}};
    if (!expiresIn.isUndefined())
        body.insert("expires_in", expiresIn);
    body.insert("interval", interval);
    Emulator::Fault fault;
    fault.kind = Emulator::Fault::Body;
    fault.path = "/oauth2/v2.0/devicecode";
    fault.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_emulator.addFault(fault);

    std::unique_ptr<TokenRequest> request(application->acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
    QCOMPARE(received.count(), 0);
    QCOMPARE(m_emulator.requestCount("/oauth2/v2.0/token"), 0); // no polling
    QCOMPARE(application->tokenCache()->serialize(), cacheBefore);
}

void tst_DeviceCodeFlow::expiryBeyondTimerRange()
{
    // 2^32 ms + 704 ms: a QTimer counts in int milliseconds, and Qt 6.4 cast this to 704 ms, so
    // the code "expired" before the first poll. It lives for the seconds the server said.
    constexpr int expiresIn = 4294968;
    m_emulator.setDeviceCodeTiming(1, expiresIn);
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(!code.isNull());
    QVERIFY(code.expiresOn() > QDateTime::currentDateTimeUtc().addSecs(expiresIn - 60));
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator.requestCount("/oauth2/v2.0/token") >= 1, 10000);
    QVERIFY2(!request->isFinished(), qPrintable(request->error().errorString()));
    QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
}

void tst_DeviceCodeFlow::truncatedTokenAnswer()
{
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(!code.isNull());
    QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
    Emulator::Fault fault;
    fault.kind = Emulator::Fault::TruncatedJson;
    fault.path = "/oauth2/v2.0/token";
    m_emulator.addFault(fault);
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
}

void tst_DeviceCodeFlow::keyRollover()
{
    // The application has the keys already; the server then signs with a new, published key.
    auto application = app();
    {
        DeviceCode code;
        std::unique_ptr<TokenRequest> first(startFlow(application.get(), &code));
        QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
        QVERIFY(finish(first.get()));
        QVERIFY(first->isSuccess());
    }
    QCOMPARE(m_emulator.requestCount("/discovery/v2.0/keys"), 1);
    m_emulator.rotateSigningKey(true);
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(m_emulator.requestCount("/discovery/v2.0/keys"), 2);
}

void tst_DeviceCodeFlow::forgedSigningKey()
{
    // Tokens signed with a key the authority never published: one refresh of the keys, then no.
    m_emulator.rotateSigningKey(false);
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::InvalidToken);
    QVERIFY(request->result().isNull());
    QCOMPARE(m_emulator.requestCount("/discovery/v2.0/keys"), 2);
    m_emulator.rotateSigningKey(true);
}

void tst_DeviceCodeFlow::secretsStayOutOfLogs()
{
    LogCapture logs;
    auto application = app();
    DeviceCode code;
    std::unique_ptr<TokenRequest> request(startFlow(application.get(), &code));
    QVERIFY(m_emulator.approveDeviceCode(code.userCode(), alice()));
    QVERIFY(finish(request.get()));
    QVERIFY(request->isSuccess());
    QVERIFY(!logs.lines().isEmpty()); // debug logging was on
    const QString token = request->result().accessToken();
    const QString idToken = request->result().idToken();
    for (const QString &line : logs.lines()) {
        QVERIFY2(!line.contains(token.left(40)), qPrintable(line));
        QVERIFY2(!line.contains(idToken.left(40)), qPrintable(line));
        QVERIFY2(!line.contains("device_code="), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(tst_DeviceCodeFlow)
#include "tst_devicecodeflow.moc"
