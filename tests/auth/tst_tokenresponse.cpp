#include "httpclient_p.h"
#include "tokenresponse_p.h"

#include <QTest>
#include <QTimeZone>

using namespace MsalQt;
using namespace MsalQt::Internal;

class tst_TokenResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseSuccess_data();
    void parseSuccess();
    void httpErrors_data();
    void httpErrors();
    void b2cErrorCodes_data();
    void b2cErrorCodes();
    void errorFields();
    void retryAfter_data();
    void retryAfter();
    void formEncoding();
    void errorStringIsActionable();
};

void tst_TokenResponse::parseSuccess_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expiresIn");
    QTest::addColumn<qint64>("extExpiresIn");

    QTest::newRow("platform answer")
        << QByteArray(R"({"token_type":"Bearer","scope":"User.Read","expires_in":3599,"ext_expires_in":7199,"access_token":"at","refresh_token":"rt","id_token":"a.b.c","client_info":"eyJ1aWQiOiIxIn0"})")
        << true << qint64(3599) << qint64(7199);
    QTest::newRow("expires_in as string (v1 endpoint)")
        << QByteArray(R"({"token_type":"bearer","expires_in":"3600","access_token":"at"})") << true << qint64(3600) << qint64(3600);
    QTest::newRow("no expires_in: an hour")
        << QByteArray(R"({"token_type":"Bearer","access_token":"at"})") << true << qint64(3600) << qint64(3600);
    QTest::newRow("ext shorter than expires is raised")
        << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":100,"ext_expires_in":5})") << true << qint64(100) << qint64(100);
    QTest::newRow("no access token") << QByteArray(R"({"token_type":"Bearer","expires_in":3599})") << false << qint64(0) << qint64(0);
    QTest::newRow("empty access token") << QByteArray(R"({"token_type":"Bearer","access_token":""})") << false << qint64(0) << qint64(0);
    QTest::newRow("access token not a string") << QByteArray(R"({"token_type":"Bearer","access_token":12})") << false << qint64(0) << qint64(0);
    QTest::newRow("pop token type") << QByteArray(R"({"token_type":"pop","access_token":"at"})") << false << qint64(0) << qint64(0);
    QTest::newRow("missing token type") << QByteArray(R"({"access_token":"at"})") << false << qint64(0) << qint64(0);
    QTest::newRow("negative expires_in") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":-5})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in fraction is cut") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":3599.9})") << true << qint64(3599) << qint64(3599);
    QTest::newRow("expires_in at the limit") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"1000000000"})") << true << qint64(1000000000) << qint64(1000000000);
    // Beyond ~31 years a lifetime is an attack: undefined behaviour in the double cast, an
    // invalid QDateTime (cached as expiry 0) for the string.
    QTest::newRow("expires_in string of qint64 max") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"9223372036854775807"})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in string past qint64") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"99999999999999999999"})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in string past the limit") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"1000000001"})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in signed string") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"+3600"})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in 1e300") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":1e300})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in 9.3e15") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":9.3e15})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in qint64 max") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":9223372036854775807})") << false << qint64(0) << qint64(0);
    QTest::newRow("ext_expires_in 1e300") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":3600,"ext_expires_in":1e300})") << false << qint64(0) << qint64(0);
    QTest::newRow("refresh_in -1e300") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":3600,"refresh_in":-1e300})") << false << qint64(0) << qint64(0);
    // Found by fuzz_tokenresponse: the string form had no upper bound, the number form 1e9.
    QTest::newRow("expires_in as string at the bound")
        << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"1000000000"})") << true << qint64(1000000000) << qint64(1000000000);
    QTest::newRow("expires_in as string beyond the bound")
        << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"359444444444449","ext_expires_in":"3599"})") << false << qint64(0) << qint64(0);
    QTest::newRow("ext_expires_in as string beyond the bound")
        << QByteArray(R"({"token_type":"Bearer","access_token":"at","ext_expires_in":"9223372036854775807"})") << false << qint64(0) << qint64(0);
    QTest::newRow("refresh_in as string beyond the bound")
        << QByteArray(R"({"token_type":"Bearer","access_token":"at","refresh_in":"1000000001"})") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in garbage") << QByteArray(R"({"token_type":"Bearer","access_token":"at","expires_in":"soon"})") << false << qint64(0) << qint64(0);
    QTest::newRow("id_token not a string") << QByteArray(R"({"token_type":"Bearer","access_token":"at","id_token":{}})") << false << qint64(0) << qint64(0);
    QTest::newRow("truncated") << QByteArray(R"({"token_type":"Bearer","access_tok)") << false << qint64(0) << qint64(0);
    QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>") << false << qint64(0) << qint64(0);
    QTest::newRow("array") << QByteArray("[]") << false << qint64(0) << qint64(0);
    QTest::newRow("empty") << QByteArray() << false << qint64(0) << qint64(0);
}

void tst_TokenResponse::parseSuccess()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(qint64, expiresIn);
    QFETCH(qint64, extExpiresIn);

    AuthError error;
    const auto response = parseTokenResponse(body, &error);
    QCOMPARE(response.has_value(), ok);
    if (!ok) {
        QCOMPARE(error.type(), AuthError::InvalidResponse);
        QVERIFY(!error.message().isEmpty());
        return;
    }
    QCOMPARE(response->accessToken, QStringLiteral("at"));
    QCOMPARE(response->tokenType, QStringLiteral("Bearer"));
    QCOMPARE(response->expiresIn, expiresIn);
    QCOMPARE(response->extExpiresIn, extExpiresIn);
}

void tst_TokenResponse::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("protocolError");

    const auto aad = [](const char *error, int code) {
        const QByteArray number = QByteArray::number(code);
        return QByteArray("{\"error\":\"") + error + "\",\"error_description\":\"AADSTS" + number
            + ": text\\r\\nTrace ID: t\\r\\nCorrelation ID: c\",\"error_codes\":[" + number
            + "],\"correlation_id\":\"c\"}";
    };
    QTest::newRow("no answer") << 0 << QByteArray() << false << int(AuthError::NetworkError) << "";
    QTest::newRow("timeout") << 0 << QByteArray() << true << int(AuthError::Timeout) << "";
    QTest::newRow("invalid_grant") << 400 << aad("invalid_grant", 70000) << false << int(AuthError::ServiceError) << "invalid_grant";
    QTest::newRow("interaction_required") << 400 << aad("interaction_required", 50079) << false << int(AuthError::UiRequired) << "interaction_required";
    QTest::newRow("MFA as invalid_grant 50076") << 400 << aad("invalid_grant", 50076) << false << int(AuthError::UiRequired) << "invalid_grant";
    QTest::newRow("consent_required") << 400 << aad("consent_required", 65001) << false << int(AuthError::UiRequired) << "consent_required";
    QTest::newRow("declined") << 400 << aad("authorization_declined", 70000) << false << int(AuthError::Declined) << "authorization_declined";
    QTest::newRow("expired device code") << 400 << aad("expired_token", 70020) << false << int(AuthError::Timeout) << "expired_token";
    QTest::newRow("bad secret") << 401 << aad("invalid_client", 7000215) << false << int(AuthError::InvalidConfiguration) << "invalid_client";
    QTest::newRow("unknown client") << 400 << aad("unauthorized_client", 700016) << false << int(AuthError::InvalidConfiguration) << "unauthorized_client";
    QTest::newRow("500 with html") << 500 << QByteArray("<html>oops</html>") << false << int(AuthError::ServiceError) << "";
    // Transient, not throttled: no Retry-After said when to come back (the pipeline has retried it).
    QTest::newRow("503 with error body") << 503 << aad("temporarily_unavailable", 90033) << false << int(AuthError::ServiceError) << "temporarily_unavailable";
    QTest::newRow("400 html") << 400 << QByteArray("<html>bad</html>") << false << int(AuthError::InvalidResponse) << "";
    // Azure AD B2C: no error_codes, the code leads the description.
    QTest::newRow("B2C forgot password") << 400 << QByteArray(R"({"error":"access_denied","error_description":"AADB2C90118: The user has forgotten their password.\r\nCorrelation ID: c"})") << false << int(AuthError::PasswordResetRequired) << "access_denied";
    QTest::newRow("B2C code is no AADSTS code") << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"AADB2C50076: text"})") << false << int(AuthError::ServiceError) << "invalid_grant";
    QTest::newRow("AADSTS MFA without error_codes") << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"AADSTS50076: text"})") << false << int(AuthError::UiRequired) << "invalid_grant";
    QTest::newRow("B2C expired grant") << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"AADB2C90080: The provided grant has expired."})") << false << int(AuthError::ServiceError) << "invalid_grant";
    QTest::newRow("400 json without error") << 400 << QByteArray(R"({"message":"no"})") << false << int(AuthError::InvalidResponse) << "";
}

void tst_TokenResponse::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, timedOut);
    QFETCH(int, type);
    QFETCH(QString, protocolError);

    HttpResponse response;
    response.status = status;
    response.body = body;
    response.timedOut = timedOut;
    if (status == 0)
        response.networkErrorString = QStringLiteral("Connection refused");
    const AuthError error = errorFromHttpResponse(response, QStringLiteral("corr"));
    QCOMPARE(AuthError::typeName(error.type()), AuthError::typeName(AuthError::Type(type)));
    QCOMPARE(error.protocolError(), protocolError);
    QVERIFY(!error.correlationId().isEmpty());
    QVERIFY(!error.errorString().isEmpty());
}

void tst_TokenResponse::b2cErrorCodes_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QList<int>>("codes");
    QTest::newRow("AADB2C") << "AADB2C90080: The provided grant has expired." << QList<int>{90080};
    QTest::newRow("AADSTS without error_codes") << "AADSTS50058: No session." << QList<int>{50058};
    QTest::newRow("not at the start") << "See AADB2C90080." << QList<int>{};
    QTest::newRow("no number") << "AADB2C: text" << QList<int>{};
    QTest::newRow("too long a number") << "AADB2C12345678901: text" << QList<int>{};
}

void tst_TokenResponse::b2cErrorCodes()
{
    QFETCH(QString, description);
    QFETCH(QList<int>, codes);
    const AuthError error = errorFromOAuthObject(
        QJsonObject{{"error", "invalid_grant"}, {"error_description", description}}, 400);
    QCOMPARE(error.errorCodes(), codes);
    QCOMPARE(error.errorDescription(), description);
    QCOMPARE(error.type(), AuthError::ServiceError);
}

void tst_TokenResponse::errorFields()
{
    HttpResponse response;
    response.status = 400;
    response.body = R"({"error":"invalid_grant","error_description":"AADSTS50076: Due to a configuration change you must use multi-factor authentication.\r\nTrace ID: 0c2\r\nCorrelation ID: 11-22\r\nTimestamp: 2026-11-25 12:00:00Z","error_codes":[50076],"trace_id":"0c2","correlation_id":"11-22","suberror":"basic_action","claims":"{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\"a\"]}}}"})";
    const AuthError error = errorFromHttpResponse(response, QStringLiteral("ours"));
    QCOMPARE(error.type(), AuthError::UiRequired);
    QCOMPARE(error.errorCodes(), QList<int>{50076});
    QVERIFY(error.hasErrorCode(50076));
    QCOMPARE(error.subError(), QStringLiteral("basic_action"));
    QCOMPARE(error.correlationId(), QStringLiteral("11-22")); // the server's, when it sent one
    QCOMPARE(error.traceId(), QStringLiteral("0c2"));
    QVERIFY(error.claims().contains(QLatin1String("capolids")));
    QCOMPARE(error.httpStatus(), 400);
    // The person sees the first line of the description, not the trace lines.
    QVERIFY(error.errorString().contains(QLatin1String("multi-factor")));
    QVERIFY(!error.errorString().contains(QLatin1String("Trace ID")));
}

void tst_TokenResponse::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("secondsFromNow"); // -1: invalid

    QTest::newRow("seconds") << QByteArray("30") << qint64(30);
    QTest::newRow("padded") << QByteArray(" 7 ") << qint64(7);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("capped at an hour") << QByteArray("999999") << qint64(3600);
    QTest::newRow("past any integer") << QByteArray("99999999999999999999999999") << qint64(3600);
    QTest::newRow("leading zeros") << QByteArray("0000000000000000000000005") << qint64(5);
    QTest::newRow("http date") << QByteArray("Wed, 25 Nov 2026 12:01:00 GMT") << qint64(60);
    QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
    QTest::newRow("signed") << QByteArray("+3") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("2.5") << qint64(-1);
    QTest::newRow("hex") << QByteArray("0x10") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void tst_TokenResponse::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, secondsFromNow);
    const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc());
    const QDateTime when = parseRetryAfter(value, now);
    if (secondsFromNow < 0) {
        QVERIFY(!when.isValid());
        return;
    }
    QCOMPARE(now.secsTo(when), secondsFromNow);
}

void tst_TokenResponse::formEncoding()
{
    // '+', '&', '=' and spaces inside a secret must survive the trip.
    const QByteArray encoded = encodeForm({{QStringLiteral("client_secret"), QStringLiteral("a+b&c=d e/é")},
                                           {QStringLiteral("scope"), QStringLiteral("openid profile")}});
    QCOMPARE(encoded, QByteArray("client_secret=a%2Bb%26c%3Dd%20e%2F%C3%A9&scope=openid%20profile"));
}

void tst_TokenResponse::errorStringIsActionable()
{
    AuthError throttled(AuthError::Throttled);
    throttled.setRetryAfter(QDateTime::currentDateTimeUtc().addSecs(60));
    QVERIFY(throttled.errorString().contains(QLatin1String("Try again after")));
    QVERIFY(AuthError().errorString().isEmpty());
    QVERIFY(!AuthError().isError());
    QCOMPARE(AuthError::typeName(AuthError::UiRequired), QStringLiteral("UiRequired"));
}

QTEST_GUILESS_MAIN(tst_TokenResponse)
#include "tst_tokenresponse.moc"
