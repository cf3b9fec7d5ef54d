// Fault injection, request recording, correlation ids and configuration of the emulator.

#include "emulator.h"
#include "emulatortestclient.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

using namespace MsalQt::Emulator;

Q_DECLARE_METATYPE(MsalQt::Emulator::Fault)

namespace {

const QString discoveryPath = QStringLiteral("/common/v2.0/.well-known/openid-configuration");
const QString keysPath = QStringLiteral("/common/discovery/v2.0/keys");

Fault makeFault(Fault::Kind kind, const QString &path, int times = 1)
{
    Fault f;
    f.kind = kind;
    f.path = path;
    f.times = times;
    return f;
}

} // namespace

class TestEmulatorFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void statusFaults_data();
    void statusFaults();
    void malformedJson();
    void truncatedJson();
    void delay();
    void closeConnection();
    void serverDeletedWithDelayedAnswer();
    void keepAliveAndConnectionClose();
    void serviceError();
    void timesHonoured();
    void grantTypeFilter();
    void graphFaultShape();

    void correlationIdEcho();
    void recordsRequests();
    void unsupportedGrantType();
    void wrongMethod();
    void loadConfig_data();
    void loadConfig();
    void loadConfigFile();

private:
    QUrl url(const QString &path) const { return QUrl(m_server.baseUrl().toString() + path); }
    HttpResult clientCredentials();

    Server m_server;
    EmulatorTestClient m_http;
};

void TestEmulatorFaults::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
}

void TestEmulatorFaults::init()
{
    m_server.clearFaults();
    m_server.clearRequests();
}

HttpResult TestEmulatorFaults::clientCredentials()
{
    return m_http.post(url(QLatin1Char('/') + m_server.defaultTenantId() + QStringLiteral("/oauth2/v2.0/token")),
                       {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                        {QStringLiteral("client_id"), m_server.confidentialClientId()},
                        {QStringLiteral("client_secret"), m_server.confidentialClientSecret()},
                        {QStringLiteral("scope"), QStringLiteral("https://graph.microsoft.com/.default")}});
}

void TestEmulatorFaults::statusFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("500 default") << int(Fault::HttpStatus) << 0 << -1 << 500 << "server_error";
    QTest::newRow("503 + Retry-After") << int(Fault::HttpStatus) << 503 << 7 << 503 << "temporarily_unavailable";
    QTest::newRow("502") << int(Fault::HttpStatus) << 502 << -1 << 502 << "server_error";
    QTest::newRow("429 + Retry-After") << int(Fault::Throttle) << 0 << 3 << 429 << "temporarily_unavailable";
    QTest::newRow("429 without Retry-After") << int(Fault::Throttle) << 0 << -1 << 429 << "temporarily_unavailable";
}

void TestEmulatorFaults::statusFaults()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    QFETCH(int, expectedStatus);
    QFETCH(QString, expectedError);
    Fault f = makeFault(Fault::Kind(kind), QStringLiteral("/oauth2/v2.0/token"));
    f.status = status;
    f.retryAfterSeconds = retryAfter;
    m_server.addFault(f);

    HttpResult r = clientCredentials();
    QCOMPARE(r.status, expectedStatus);
    QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), expectedError);
    QVERIFY(r.json().value(QLatin1String("error_description")).toString().contains(QStringLiteral("Trace ID: ")));
    QCOMPARE(r.header("retry-after"), retryAfter >= 0 ? QByteArray::number(retryAfter) : QByteArray());

    // times = 1: the next request is normal.
    QCOMPARE(clientCredentials().status, 200);
}

void TestEmulatorFaults::malformedJson()
{
    m_server.addFault(makeFault(Fault::MalformedJson, QStringLiteral("/v2.0/.well-known/openid-configuration")));
    const HttpResult r = m_http.get(url(discoveryPath));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
    QCOMPARE(r.body, QByteArrayLiteral("<html><body>Bad gateway</body></html>"));
    QJsonParseError error{};
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestEmulatorFaults::truncatedJson()
{
    const HttpResult normal = m_http.get(url(discoveryPath));
    QCOMPARE(normal.status, 200);
    m_server.addFault(makeFault(Fault::TruncatedJson, QStringLiteral("/v2.0/.well-known/openid-configuration")));
    const HttpResult r = m_http.get(url(discoveryPath));
    QCOMPARE(r.error, QNetworkReply::NoError); // a well-formed HTTP response...
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, normal.body.left(normal.body.size() / 2)); // ...whose body is cut
    QCOMPARE(r.header("content-length").toInt(), r.body.size());
    QJsonParseError error{};
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(m_http.get(url(discoveryPath)).body, normal.body);
}

void TestEmulatorFaults::delay()
{
    Fault f = makeFault(Fault::Delay, QStringLiteral("/discovery/v2.0/keys"));
    f.delayMs = 600;
    m_server.addFault(f);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *slow = m_http.startGet(url(keysPath));
    // While the slow answer is pending, the server keeps serving others.
    const HttpResult quick = m_http.get(url(discoveryPath));
    QCOMPARE(quick.status, 200);
    QVERIFY(!slow->isFinished());
    const HttpResult r = EmulatorTestClient::wait(slow);
    QVERIFY(r.finished);
    QCOMPARE(r.status, 200);
    QVERIFY2(timer.elapsed() >= 600, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(r.json().contains(QLatin1String("keys")));

    // A client that gives up before the answer must not crash the server.
    f.delayMs = 300;
    m_server.addFault(f);
    QNetworkReply *abandoned = m_http.startGet(url(keysPath));
    QSignalSpy received(&m_server, &Server::requestReceived);
    QVERIFY(received.wait(5000));
    abandoned->abort();
    abandoned->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(m_http.get(url(keysPath)).status == 200, 5000);
}

void TestEmulatorFaults::closeConnection()
{
    // -1: every matching request, so a transparent retry by the network stack also fails.
    m_server.addFault(makeFault(Fault::CloseConnection, QStringLiteral("/oauth2/v2.0/token"), -1));
    const HttpResult r = clientCredentials();
    QVERIFY(r.finished);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError || r.error == QNetworkReply::ConnectionRefusedError,
             qPrintable(QString::number(r.error)));
    QVERIFY(m_server.requestCount(QStringLiteral("/oauth2/v2.0/token")) >= 1);
    m_server.clearFaults();
    QCOMPARE(clientCredentials().status, 200);
}

void TestEmulatorFaults::serverDeletedWithDelayedAnswer()
{
    // A delayed answer holds on to its connection; the server must let go of it when it is
    // deleted first (Qt 6.8's responders point into the server's connection state).
    auto server = std::make_unique<Server>();
    QVERIFY(server->listen(QHostAddress::LocalHost, 0));
    Fault f = makeFault(Fault::Delay, QStringLiteral("/discovery/v2.0/keys"));
    f.delayMs = 60000;
    server->addFault(f);
    QNetworkReply *pending = m_http.startGet(QUrl(server->baseUrl().toString() + keysPath));
    QSignalSpy received(server.get(), &Server::requestReceived);
    QVERIFY(received.wait(5000));
    server.reset();
    const HttpResult r = EmulatorTestClient::wait(pending);
    QVERIFY(r.finished);
    QCOMPARE(r.status, 0); // the connection went with the server, unanswered
}

void TestEmulatorFaults::keepAliveAndConnectionClose()
{
    // Several requests on one connection are answered one by one; "Connection: close" is
    // echoed and the server then closes the connection.
    // The server runs in this thread: wait with the event loop turning, never blocking. The
    // generous limits are for a loaded CI machine; a passing run takes milliseconds.
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 20000);
    const QByteArray get = "GET " + discoveryPath.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 1; i <= 3; ++i) {
        socket.write(get + "\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(received.count("HTTP/1.1 200"), qsizetype(i), 20000);
    }
    // Header names are case-insensitive (RFC 9110 §5.1); Qt 6.8 writes them in lower case.
    QVERIFY(!received.toLower().contains("connection: close"));
    socket.write(get + "Connection: close\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(received.count("HTTP/1.1 200"), qsizetype(4), 20000);
    QVERIFY(received.toLower().contains("connection: close"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 20000);
    QCOMPARE(m_server.requestCount(discoveryPath), 4);
}

void TestEmulatorFaults::serviceError()
{
    Fault f = makeFault(Fault::ServiceError, QStringLiteral("/oauth2/v2.0/token"));
    f.error = QStringLiteral("interaction_required");
    f.aadstsCode = 50076;
    f.subError = QStringLiteral("basic_action");
    f.claims = QStringLiteral("{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\"c1\"]}}}");
    f.description = QStringLiteral("Due to a configuration change made by your administrator, you must use "
                                   "multi-factor authentication.");
    m_server.addFault(f);
    const HttpResult r = clientCredentials();
    QCOMPARE(r.status, 400);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("error")).toString(), QStringLiteral("interaction_required"));
    QCOMPARE(o.value(QLatin1String("error_codes")).toArray(), QJsonArray{50076});
    QCOMPARE(o.value(QLatin1String("suberror")).toString(), QStringLiteral("basic_action"));
    QCOMPARE(o.value(QLatin1String("claims")).toString(), f.claims);
    QVERIFY(o.value(QLatin1String("error_description")).toString().startsWith(QStringLiteral("AADSTS50076: ") + f.description));

    Fault custom = makeFault(Fault::ServiceError, QStringLiteral("/oauth2/v2.0/token"));
    custom.status = 401;
    custom.error = QStringLiteral("invalid_client");
    m_server.addFault(custom);
    const HttpResult second = clientCredentials();
    QCOMPARE(second.status, 401);
    QCOMPARE(second.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));
    QVERIFY(!second.json().contains(QLatin1String("suberror")));
}

void TestEmulatorFaults::timesHonoured()
{
    m_server.addFault(makeFault(Fault::HttpStatus, QStringLiteral("/discovery/v2.0/keys"), 2));
    QCOMPARE(m_http.get(url(keysPath)).status, 500);
    QCOMPARE(m_http.get(url(discoveryPath)).status, 200); // other paths untouched
    QCOMPARE(m_http.get(url(keysPath)).status, 500);
    QCOMPARE(m_http.get(url(keysPath)).status, 200);

    m_server.addFault(makeFault(Fault::Throttle, QStringLiteral("/discovery/v2.0/keys"), -1));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_http.get(url(keysPath)).status, 429);
    m_server.clearFaults();
    QCOMPARE(m_http.get(url(keysPath)).status, 200);
}

void TestEmulatorFaults::grantTypeFilter()
{
    Fault f = makeFault(Fault::HttpStatus, QStringLiteral("/oauth2/v2.0/token"));
    f.grantType = QStringLiteral("refresh_token");
    f.status = 503;
    m_server.addFault(f);
    QCOMPARE(clientCredentials().status, 200); // other grant: not matched, fault kept
    const HttpResult r = m_http.post(url(QStringLiteral("/common/oauth2/v2.0/token")),
                                     {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                      {QStringLiteral("client_id"), m_server.publicClientId()},
                                      {QStringLiteral("refresh_token"), QStringLiteral("x")}});
    QCOMPARE(r.status, 503);
}

void TestEmulatorFaults::graphFaultShape()
{
    Fault f = makeFault(Fault::Throttle, QStringLiteral("/v1.0/me"));
    f.retryAfterSeconds = 2;
    m_server.addFault(f);
    const HttpResult r = m_http.get(url(QStringLiteral("/v1.0/me")));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("retry-after"), QByteArrayLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("TooManyRequests"));
}

void TestEmulatorFaults::correlationIdEcho()
{
    const QByteArray id = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    HttpResult r = m_http.get(url(QStringLiteral("/nope/v2.0/.well-known/openid-configuration")),
                              {{"client-request-id", id}, {"return-client-request-id", "true"}});
    QCOMPARE(r.header("client-request-id"), id);
    QCOMPARE(r.json().value(QLatin1String("correlation_id")).toString().toLatin1(), id);
    QVERIFY(r.json().value(QLatin1String("error_description")).toString().contains(QStringLiteral("Correlation ID: ") + QLatin1String(id)));
    QVERIFY(!r.header("x-ms-request-id").isEmpty());

    // Without return-client-request-id the header is not echoed, but the body still carries it.
    r = m_http.get(url(QStringLiteral("/nope/v2.0/.well-known/openid-configuration")), {{"client-request-id", id}});
    QVERIFY(r.header("client-request-id").isEmpty());
    QCOMPARE(r.json().value(QLatin1String("correlation_id")).toString().toLatin1(), id);

    // Successful answers echo too.
    r = m_http.get(url(discoveryPath), {{"client-request-id", id}, {"return-client-request-id", "true"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("client-request-id"), id);
}

void TestEmulatorFaults::recordsRequests()
{
    QSignalSpy spy(&m_server, &Server::requestReceived);
    QCOMPARE(clientCredentials().status, 200);
    QCOMPARE(m_http.get(url(discoveryPath + QStringLiteral("?x=1")), {{"X-Test", "yes"}}).status, 200);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(m_server.requestCount(QStringLiteral("/oauth2/v2.0/token")), 1);
    QCOMPARE(m_server.requestCount(QStringLiteral("/.well-known/openid-configuration")), 1);
    const QList<RecordedRequest> requests = m_server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).method, QByteArrayLiteral("POST"));
    QCOMPARE(requests.at(0).form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
    QCOMPARE(requests.at(0).form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("https://graph.microsoft.com/.default"));
    QCOMPARE(requests.at(1).method, QByteArrayLiteral("GET"));
    QCOMPARE(requests.at(1).path, discoveryPath);
    QCOMPARE(requests.at(1).query.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
    QCOMPARE(requests.at(1).headers.value("x-test"), QByteArrayLiteral("yes"));
    QVERIFY(requests.at(1).receivedAt.isValid());
    QCOMPARE(spy.at(1).at(0).value<RecordedRequest>().path, discoveryPath);
    m_server.clearRequests();
    QCOMPARE(m_server.requests().size(), 0);
}

void TestEmulatorFaults::unsupportedGrantType()
{
    const HttpResult r = m_http.post(url(QStringLiteral("/common/oauth2/v2.0/token")),
                                     {{QStringLiteral("grant_type"), QStringLiteral("urn:example:teleport")},
                                      {QStringLiteral("client_id"), m_server.publicClientId()}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("error")).toString(), QStringLiteral("unsupported_grant_type"));
    QCOMPARE(r.json().value(QLatin1String("error_codes")).toArray(), QJsonArray{70003});
}

void TestEmulatorFaults::wrongMethod()
{
    const HttpResult r = m_http.get(url(QStringLiteral("/common/oauth2/v2.0/token")));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.json().value(QLatin1String("error_codes")).toArray(), QJsonArray{900561});
}

void TestEmulatorFaults::loadConfig_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorContains"); // empty = valid
    const QByteArray tenant = R"({"id":"11111111-1111-1111-1111-111111111111","displayName":"Fabrikam","domains":["fabrikam.com"]})";
    const QByteArray app = R"({"clientId":"22222222-2222-2222-2222-222222222222","displayName":"App","type":"public","grantTypes":["device_code","refresh_token"]})";
    const QByteArray user = R"({"oid":"33333333-3333-3333-3333-333333333333","username":"dan@fabrikam.com","displayName":"Dan","password":"pw","tenant":"fabrikam.com"})";
    QTest::newRow("valid") << QByteArray("{\"tenants\":[" + tenant + "],\"apps\":[" + app + "],\"users\":[" + user + "]}") << "";
    QTest::newRow("no tenants") << QByteArray("{\"apps\":[],\"users\":[]}") << "tenants";
    QTest::newRow("bad tenant id") << QByteArray(R"({"tenants":[{"id":"nope","displayName":"X"}],"apps":[],"users":[]})") << "tenants[0].id";
    QTest::newRow("unknown user tenant") << QByteArray("{\"tenants\":[" + tenant + "],\"apps\":[],\"users\":[" + QByteArray(user).replace("fabrikam.com\"}", "elsewhere.com\"}") + "]}") << "users[0].tenant";
    QTest::newRow("bad account type") << QByteArray("{\"tenants\":[" + tenant + "],\"apps\":[],\"users\":[" + QByteArray(user).replace("\"pw\"", "\"pw\",\"accountType\":\"robot\"") + "]}") << "users[0].accountType";
    // guestOf (B2B): another organizational tenant, a guest object id of its own.
    QTest::newRow("guest in its own tenant") << QByteArray("{\"tenants\":[" + tenant + "],\"apps\":[],\"users\":[" + QByteArray(user).replace("\"pw\"", "\"pw\",\"guestOf\":[{\"tenantId\":\"fabrikam.com\",\"oid\":\"44444444-4444-4444-4444-444444444444\"}]") + "]}") << "users[0].guestOf[0].tenantId";
    QTest::newRow("guest in an unknown tenant") << QByteArray("{\"tenants\":[" + tenant + "],\"apps\":[],\"users\":[" + QByteArray(user).replace("\"pw\"", "\"pw\",\"guestOf\":[{\"tenantId\":\"elsewhere.com\",\"oid\":\"44444444-4444-4444-4444-444444444444\"}]") + "]}") << "users[0].guestOf[0].tenantId";
    QTest::newRow("guest oid not a GUID") << QByteArray("{\"tenants\":[" + tenant + "],\"apps\":[],\"users\":[" + QByteArray(user).replace("\"pw\"", "\"pw\",\"guestOf\":[{\"tenantId\":\"9188040d-6c67-4c5b-b112-36a304b66dad\",\"oid\":\"nope\"}]") + "]}") << "users[0].guestOf[0].oid";
    QTest::newRow("confidential without secret") << QByteArray("{\"tenants\":[" + tenant + "],\"users\":[],\"apps\":[" + QByteArray(app).replace("public", "confidential") + "]}") << "apps[0].secrets";
    QTest::newRow("unknown grant") << QByteArray("{\"tenants\":[" + tenant + "],\"users\":[],\"apps\":[" + QByteArray(app).replace("refresh_token", "teleport") + "]}") << "apps[0].grantTypes";
}

void TestEmulatorFaults::loadConfig()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorContains);
    Server server;
    const QString oldTenant = server.defaultTenantId();
    QString error;
    const bool ok = server.loadConfig(QJsonDocument::fromJson(json).object(), &error);
    if (!errorContains.isEmpty()) {
        QVERIFY(!ok);
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        QCOMPARE(server.defaultTenantId(), oldTenant); // unchanged
        return;
    }
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(server.defaultTenantId(), QStringLiteral("11111111-1111-1111-1111-111111111111"));
    QCOMPARE(server.publicClientId(), QStringLiteral("22222222-2222-2222-2222-222222222222"));
    QVERIFY(server.confidentialClientId().isEmpty());
    QVERIFY(server.listen());
    EmulatorTestClient http;
    const HttpResult r = http.get(QUrl(server.baseUrl().toString() + QStringLiteral("/fabrikam.com/v2.0/.well-known/openid-configuration")));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(QLatin1String("issuer")).toString().contains(QStringLiteral("11111111-1111-1111-1111-111111111111")));
    QCOMPARE(http.get(QUrl(server.baseUrl().toString() + QStringLiteral("/contoso.com/v2.0/.well-known/openid-configuration"))).status, 400);
}

void TestEmulatorFaults::loadConfigFile()
{
    // The compiled-in default is itself a valid config file.
    QFile resource(QStringLiteral(":/msalqt-emulator/default-config.json"));
    QVERIFY(resource.open(QIODevice::ReadOnly));
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray json = resource.readAll();
    file.write(json);
    file.close();
    Server server;
    QString error;
    QVERIFY2(server.loadConfigFile(file.fileName(), &error), qPrintable(error));
    QCOMPARE(server.publicClientId(), m_server.publicClientId());
    // Every user of the file, however many the default directory grows to.
    QCOMPARE(server.testUsers().size(), QJsonDocument::fromJson(json).object().value(QStringLiteral("users")).toArray().size());

    QVERIFY(!server.loadConfigFile(QStringLiteral("/nonexistent/emulator.json"), &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent/emulator.json")));
}

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulator_faults.moc"
