#include "hostileserver.h"
#include "httpclient_p.h"
#include "tokenresponse_p.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace MsalQt::Internal;
using TestSupport::HostileServer;
using Answer = TestSupport::HostileServer::Answer;

// The pipeline's policy against hostile servers, one HttpClient against raw sockets: answers
// capped while they stream, redirects not followed with credentials nor to plain http, and a
// total deadline beside the idle one. Flow-level versions: tst_hostilegrants, tst_hostilefederation.
class tst_HttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void sizeCap_data();
    void sizeCap();
    void redirects_data();
    void redirects();
    void deadlines_data();
    void deadlines();
    void managerDeletedMidFlight();

private:
    HttpResponse exchange(const HttpRequest &request);
    QNetworkAccessManager m_manager;
    HttpClient m_client{&m_manager};
    HostileServer m_server;
    HostileServer m_otherHost; // 127.0.0.2: "another host"
};

static constexpr qint64 MiB = 1024 * 1024;

void tst_HttpClient::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    QVERIFY(m_otherHost.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_client.setRetryDelay(std::chrono::milliseconds(10));
}

void tst_HttpClient::init()
{
    m_server.clear();
    m_otherHost.clear();
    m_client.setTimeout(std::chrono::milliseconds(10000));
}

HttpResponse tst_HttpClient::exchange(const HttpRequest &request)
{
    HttpCall *call = m_client.send(request, this);
    QSignalSpy finished(call, &HttpCall::finished);
    if (!finished.wait(30000))
        qWarning("the call did not finish");
    const HttpResponse response = call->response();
    delete call;
    return response;
}

static HttpRequest post(const QUrl &url)
{
    HttpRequest request;
    request.url = url;
    request.form = {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                    {QStringLiteral("client_secret"), QStringLiteral("s3cret")}};
    request.retry = false;
    return request;
}

void tst_HttpClient::sizeCap_data()
{
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<bool>("isPost");
    QTest::addColumn<qint64>("limit"); // 0: the default (1 MiB)
    QTest::addColumn<bool>("refused");

    QTest::newRow("64 MiB, Content-Length") << Answer::huge(64 * MiB) << false << qint64(0) << true;
    QTest::newRow("64 MiB, chunked") << Answer::huge(64 * MiB, true) << false << qint64(0) << true;
    QTest::newRow("64 MiB to a POST") << Answer::huge(64 * MiB) << true << qint64(0) << true;
    QTest::newRow("64 MiB chunked to a POST") << Answer::huge(64 * MiB, true) << true << qint64(0) << true;
    Answer announced = Answer::stall(); // refused on its Content-Length alone: no idle timeout
    announced.size = 64 * MiB;
    QTest::newRow("64 MiB announced, then silence") << announced << false << qint64(0) << true;
    QTest::newRow("endless") << Answer::endless() << false << qint64(0) << true;
    QTest::newRow("endless to a POST") << Answer::endless() << true << qint64(0) << true;
    QTest::newRow("1 MiB exactly: read") << Answer::huge(MiB, true) << false << qint64(0) << false;
    QTest::newRow("1 MiB + 1, chunked") << Answer::huge(MiB + 1, true) << false << qint64(0) << true;
    QTest::newRow("per-request limit, at it") << Answer::huge(1000, true) << false << qint64(1000) << false;
    QTest::newRow("per-request limit, past it") << Answer::huge(1001, true) << false << qint64(1000) << true;
    QTest::newRow("per-request limit, announced") << Answer::huge(1001) << false << qint64(1000) << true;
}

void tst_HttpClient::sizeCap()
{
    QFETCH(Answer, answer);
    QFETCH(bool, isPost);
    QFETCH(qint64, limit);
    QFETCH(bool, refused);

    m_server.answer(QStringLiteral("/big"), answer);
    HttpRequest request = isPost ? post(m_server.url(QStringLiteral("/big"))) : HttpRequest{};
    request.url = m_server.url(QStringLiteral("/big"));
    request.maxResponseSize = limit;
    const HttpResponse response = exchange(request);

    const qint64 cap = limit > 0 ? limit : defaultMaxResponseSize;
    if (!refused) {
        QVERIFY(response.isHttpSuccess());
        QCOMPARE(response.body.size(), answer.size);
        QVERIFY(!pipelineError(response));
        return;
    }
    QCOMPARE(int(response.refusal), int(HttpRefusal::TooLarge));
    QVERIFY(!response.isHttpSuccess());
    QVERIFY(response.body.isEmpty());
    QCOMPARE(response.attempts, 1); // never retried
    const auto error = pipelineError(response);
    QVERIFY(error);
    QCOMPARE(AuthError::typeName(error->type()), AuthError::typeName(AuthError::ResponseTooLarge));
    QVERIFY2(error->errorString().contains(QString::number(cap)), qPrintable(error->errorString()));
    // Reading stopped near the cap: the server could not push its 64 MiB (or more) through.
    QVERIFY2(m_server.bytesSent() < cap + 16 * MiB, qPrintable(QString::number(m_server.bytesSent())));
}

void tst_HttpClient::redirects_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("method"); // "form", "body" (SOAP), "get", "get+authorization"
    QTest::addColumn<QString>("target"); // "http" or "https" on 127.0.0.2
    QTest::addColumn<bool>("followed");

    QTest::newRow("307 of a form POST") << 307 << "form" << "http" << false;
    QTest::newRow("308 of a form POST, to https") << 308 << "form" << "https" << false;
    QTest::newRow("302 of a form POST") << 302 << "form" << "https" << false;
    QTest::newRow("307 of a SOAP POST") << 307 << "body" << "http" << false;
    QTest::newRow("302 of a GET with Authorization") << 302 << "get+authorization" << "https" << false;
    QTest::newRow("302 of a GET to plain http") << 302 << "get" << "http" << false;
    QTest::newRow("301 of a GET to https: followed") << 301 << "get" << "https" << true;
}

void tst_HttpClient::redirects()
{
    QFETCH(int, status);
    QFETCH(QString, method);
    QFETCH(QString, target);
    QFETCH(bool, followed);

    QUrl elsewhere = m_otherHost.url(QStringLiteral("/steal"));
    elsewhere.setScheme(target);
    m_server.answer(QStringLiteral("/token"), Answer::redirect(status, elsewhere));
    HttpRequest request;
    if (method == QLatin1String("form")) {
        request = post(m_server.url());
    } else if (method == QLatin1String("body")) {
        request.body = "<s:Envelope>password</s:Envelope>";
        request.contentType = "application/soap+xml";
    } else if (method == QLatin1String("get+authorization")) {
        request.headers.append({QByteArray("Authorization"), QByteArray("Negotiate dGlja2V0")});
    }
    request.url = m_server.url(QStringLiteral("/token"));
    request.retry = false;
    m_client.setTimeout(std::chrono::milliseconds(3000));
    const HttpResponse response = exchange(request);

    QCOMPARE(m_server.requestCount(QStringLiteral("/token")), 1);
    if (followed) {
        // On its way to https://127.0.0.2 (our server there speaks no TLS, so it fails after).
        QCOMPARE(int(response.refusal), int(HttpRefusal::None));
        QCOMPARE(m_otherHost.connectionCount(), 1);
        return;
    }
    QCOMPARE(int(response.refusal), int(HttpRefusal::Redirect));
    QCOMPARE(response.redirectTarget, elsewhere);
    QCOMPARE(m_otherHost.connectionCount(), 0);
    const auto error = pipelineError(response);
    QVERIFY(error);
    QCOMPARE(AuthError::typeName(error->type()), AuthError::typeName(AuthError::InvalidResponse));
    QCOMPARE(error->httpStatus(), status);
    QVERIFY(!error->errorString().contains(QStringLiteral("s3cret")));
}

void tst_HttpClient::deadlines_data()
{
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<bool>("stalled"); // which timeout ends it: the idle one or the total deadline

    // One byte a second never leaves the connection idle for 1.5 s: only the deadline ends it.
    QTest::newRow("one byte a second") << Answer::trickle(1000) << false << false;
    QTest::newRow("one byte a second, retried once") << Answer::trickle(1000) << true << false;
    QTest::newRow("headers, then silence") << Answer::stall() << false << true;
}

void tst_HttpClient::deadlines()
{
    QFETCH(Answer, answer);
    QFETCH(bool, retry);
    QFETCH(bool, stalled);

    m_server.answer(QStringLiteral("/slow"), answer);
    m_client.setTimeout(std::chrono::milliseconds(3000));
    HttpRequest request;
    request.url = m_server.url(QStringLiteral("/slow"));
    request.retry = retry;
    const HttpResponse response = exchange(request);

    QVERIFY(response.timedOut);
    QCOMPARE(response.stalled, stalled);
    QCOMPARE(response.attempts, retry ? 2 : 1);
    QCOMPARE(m_server.requestCount(QStringLiteral("/slow")), retry ? 2 : 1);
    const auto error = pipelineError(response);
    QVERIFY(error);
    QCOMPARE(AuthError::typeName(error->type()), AuthError::typeName(AuthError::Timeout));
}

// The caller's manager deleted while a request waits on it (its replies go with it, without
// finished()): the call ends at once with a network error, not at its deadline, and the next
// request goes through the fallback manager.
void tst_HttpClient::managerDeletedMidFlight()
{
    QNetworkAccessManager fallback;
    HttpClient client(&fallback);
    client.setTimeout(std::chrono::milliseconds(60000));
    auto *own = new QNetworkAccessManager;
    client.setNetworkAccessManager(own);
    QCOMPARE(client.networkAccessManager(), own);

    m_server.answer(QStringLiteral("/stall"), Answer::stall());
    HttpRequest request;
    request.url = m_server.url(QStringLiteral("/stall"));
    request.retry = true; // a retry would wait for the deadline again: it must not happen
    HttpCall *call = client.send(request, this);
    QSignalSpy finished(call, &HttpCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requestCount(QStringLiteral("/stall")), 1, 10000);
    QElapsedTimer clock;
    clock.start();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("network access manager was destroyed")));
    delete own;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY2(clock.elapsed() < 30000, "ended by the deadline, not by the manager's destruction");
    const HttpResponse response = call->response();
    delete call;
    QCOMPARE(response.status, 0);
    QVERIFY(!response.timedOut);
    QCOMPARE(response.attempts, 1);
    const AuthError error = errorFromHttpResponse(response, QString());
    QCOMPARE(AuthError::typeName(error.type()), AuthError::typeName(AuthError::NetworkError));
    QVERIFY2(error.message().contains(QStringLiteral("destroyed")), qPrintable(error.message()));

    QCOMPARE(client.networkAccessManager(), &fallback);
    m_server.answer(QStringLiteral("/ok"), Answer::complete(200, "application/json", R"({"ok":true})"));
    HttpRequest next;
    next.url = m_server.url(QStringLiteral("/ok"));
    HttpCall *second = client.send(next, this);
    QSignalSpy secondFinished(second, &HttpCall::finished);
    QVERIFY(secondFinished.wait(10000));
    QCOMPARE(second->response().status, 200);
    delete second;
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
