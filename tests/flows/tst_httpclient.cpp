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
    void retryAfter_data();
    void retryAfter();

private:
    HttpResponse exchange(const HttpRequest &request);
    HttpResponse timedExchange(const HttpRequest &request, QList<qint64> *arrivals);
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

// As exchange(), noting when (ms after the send) each request reached the server.
HttpResponse tst_HttpClient::timedExchange(const HttpRequest &request, QList<qint64> *arrivals)
{
    HttpCall *call = m_client.send(request, this);
    QSignalSpy finished(call, &HttpCall::finished);
    QElapsedTimer clock;
    clock.start();
    while (finished.isEmpty() && clock.elapsed() < 30000) {
        QTest::qWait(5);
        while (arrivals->size() < m_server.requestCount())
            arrivals->append(clock.elapsed());
    }
    if (finished.isEmpty())
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

// Issue 15: the Retry-After of a 5xx, in both forms and as a hostile server writes it. The
// default delay is 400 ms here; the attempt's deadline (the longest wait honoured) 10 s.
void tst_HttpClient::retryAfter_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("value");   // the Retry-After header; empty: none
    QTest::addColumn<int>("requests");       // that reached the server
    QTest::addColumn<int>("minGapMs");       // between them, at least
    QTest::addColumn<int>("maxGapMs");       // and at most; 0: no bound
    QTest::addColumn<int>("type");           // errorFromHttpResponse() of the last answer
    QTest::addColumn<int>("retryAfterSecs"); // its retryAfter() from now; -1: none

    const int throttled = AuthError::Throttled;
    const int failed = AuthError::ServiceError;
    QTest::newRow("500, 2 s") << 500 << QByteArray("2") << 2 << 1900 << 0 << throttled << 2;
    QTest::newRow("502, 2 s") << 502 << QByteArray("2") << 2 << 1900 << 0 << throttled << 2;
    QTest::newRow("503, 2 s") << 503 << QByteArray("2") << 2 << 1900 << 0 << throttled << 2;
    // The retry comes when that date has come: its answer's date asks for no wait any more.
    // "in 3 s": an HTTP-date 3 s ahead when the row runs (whole seconds: at least 2 s of wait).
    QTest::newRow("500, HTTP-date") << 500 << QByteArray("in 3 s") << 2 << 1900 << 0 << failed << -1;
    QTest::newRow("500, HTTP-date long ago") << 500 << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << 2 << 350 << 1900 << failed << -1;
    QTest::newRow("500, 0 s: the default delay") << 500 << QByteArray("0") << 2 << 350 << 1900 << failed << -1;
    QTest::newRow("503 without") << 503 << QByteArray() << 2 << 350 << 1900 << failed << -1;
    QTest::newRow("500, 11 s: past the deadline") << 500 << QByteArray("11") << 1 << 0 << 0 << throttled << 11;
    QTest::newRow("500, 999999 s") << 500 << QByteArray("999999") << 1 << 0 << 0 << throttled << 3600;
    QTest::newRow("500, past any integer") << 500 << QByteArray(40, '9') << 1 << 0 << 0 << throttled << 3600;
    QTest::newRow("500, 8 KiB of digits") << 500 << QByteArray(8192, '7') << 1 << 0 << 0 << throttled << 3600;
    QTest::newRow("500, garbage") << 500 << QByteArray("soon") << 2 << 350 << 1900 << failed << -1;
    QTest::newRow("500, negative") << 500 << QByteArray("-5") << 2 << 350 << 1900 << failed << -1;
    QTest::newRow("500, negative past any integer") << 500 << ("-" + QByteArray(40, '9')) << 2 << 350 << 1900 << failed << -1;
    QTest::newRow("500, fraction") << 500 << QByteArray("1.5") << 2 << 350 << 1900 << failed << -1;
}

void tst_HttpClient::retryAfter()
{
    QFETCH(int, status);
    QFETCH(QByteArray, value);
    QFETCH(int, requests);
    QFETCH(int, minGapMs);
    QFETCH(int, maxGapMs);
    QFETCH(int, type);
    QFETCH(int, retryAfterSecs);

    Answer answer = Answer::complete(status, "application/json",
                                     R"({"error":"server_error","error_description":"AADSTS90033: try later"})");
    if (value == "in 3 s") {
        value = QLocale::c()
                    .toString(QDateTime::currentDateTimeUtc().addSecs(3), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                    .toLatin1();
    }
    if (!value.isEmpty())
        answer.headers.append({"Retry-After", value});
    // A path of its own for each row: a throttled one is not sent again for a while.
    static int row = 0;
    const QString path = QStringLiteral("/token/%1/").arg(++row);
    m_server.answer(path, answer);
    m_client.setRetryDelay(std::chrono::milliseconds(400));
    HttpRequest request = post(m_server.url(path));
    request.retry = true;
    QList<qint64> arrivals;
    const HttpResponse response = timedExchange(request, &arrivals);
    m_client.setRetryDelay(std::chrono::milliseconds(10));

    QCOMPARE(arrivals.size(), requests);
    QCOMPARE(response.attempts, requests);
    if (requests == 2) {
        const qint64 gap = arrivals.at(1) - arrivals.at(0);
        QVERIFY2(gap >= minGapMs, qPrintable(QString("the retry came after %1 ms").arg(gap)));
        if (maxGapMs > 0)
            QVERIFY2(gap <= maxGapMs, qPrintable(QString("the retry came after %1 ms").arg(gap)));
    }
    const AuthError error = errorFromHttpResponse(response, QStringLiteral("corr"));
    QCOMPARE(AuthError::typeName(error.type()), AuthError::typeName(AuthError::Type(type)));
    QCOMPARE(error.httpStatus(), status);
    if (retryAfterSecs < 0) {
        QVERIFY(!error.retryAfter().isValid());
    } else {
        QVERIFY(error.retryAfter().isValid());
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(error.retryAfter());
        QVERIFY2(left >= retryAfterSecs - 3 && left <= retryAfterSecs, qPrintable(QString::number(left)));
        QVERIFY(error.retryAfter() > QDateTime::currentDateTimeUtc().addSecs(-1));
    }
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
