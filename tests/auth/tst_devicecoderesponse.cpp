#include "flows/devicecoderesponse_p.h"

#include <QTest>

#include <chrono>
#include <limits>

using namespace MsalQt;
using namespace MsalQt::Internal;

// The device authorization response (RFC 8628 §3.2) as DeviceCodeFlow takes it: what it shows,
// and the expiry and polling intervals it arms its timers with.
class tst_DeviceCodeResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

static QByteArray answer(const QByteArray &timing)
{
    return R"({"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"https://microsoft.com/devicelogin",)"
           R"("message":"Go there.")" + (timing.isEmpty() ? QByteArray() : "," + timing) + "}";
}

void tst_DeviceCodeResponse::parse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expiresIn");
    QTest::addColumn<qint64>("interval");

    QTest::newRow("platform answer") << answer(R"("expires_in":900,"interval":5)") << true << qint64(900) << qint64(5);
    QTest::newRow("no interval: 5 s (RFC 8628 §3.2)") << answer(R"("expires_in":900)") << true << qint64(900) << qint64(5);
    QTest::newRow("interval 0 as asked") << answer(R"("expires_in":900,"interval":0)") << true << qint64(900) << qint64(0);
    QTest::newRow("v1 verification_url")
        << QByteArray(R"({"device_code":"dc","user_code":"u","verification_url":"https://aka.ms/devicelogin","expires_in":900})")
        << true << qint64(900) << qint64(5);
    // The platform's v1 endpoint sends numbers as strings.
    QTest::newRow("expires_in and interval as strings") << answer(R"("expires_in":"900","interval":"5")") << true << qint64(900) << qint64(5);
    QTest::newRow("fractional expiry rounds up") << answer(R"("expires_in":1.5)") << true << qint64(2) << qint64(2);
    // Longer than a QTimer holds (2^31 ms): the flow re-arms its timers; the parser keeps it.
    QTest::newRow("expiry of 2^32 ms") << answer(R"("expires_in":4294967.296)") << true << qint64(4294968) << qint64(5);
    QTest::newRow("expiry at the limit") << answer(R"("expires_in":1000000000)") << true << qint64(1000000000) << qint64(5);
    // Found by fuzz_devicecode: QJsonValue::toInt() gave 0 for 0.5, polling without a pause.
    QTest::newRow("fractional interval rounds up") << answer(R"("expires_in":900,"interval":0.5)") << true << qint64(900) << qint64(1);
    QTest::newRow("fractional interval rounds up, 2.5") << answer(R"("expires_in":900,"interval":2.5)") << true << qint64(900) << qint64(3);
    QTest::newRow("tiny expiry is not 0 s") << answer(R"("expires_in":1e-9,"interval":0)") << true << qint64(1) << qint64(0);

    QTest::newRow("no expires_in") << answer({}) << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in 0") << answer(R"("expires_in":0)") << false << qint64(0) << qint64(0);
    // Found by fuzz_devicecode: beyond QTimer's range these wrapped round to "now".
    QTest::newRow("expiry past ~31 years") << answer(R"("expires_in":9004294967296)") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in 1e300") << answer(R"("expires_in":1e300)") << false << qint64(0) << qint64(0);
    QTest::newRow("interval longer than the code lives") << answer(R"("expires_in":900,"interval":1e10)") << false << qint64(0) << qint64(0);
    QTest::newRow("negative interval") << answer(R"("expires_in":900,"interval":-1)") << false << qint64(0) << qint64(0);
    QTest::newRow("expires_in garbage string") << answer(R"("expires_in":"soon")") << false << qint64(0) << qint64(0);
    QTest::newRow("relative verification uri")
        << QByteArray(R"({"device_code":"dc","user_code":"u","verification_uri":"/devicelogin","expires_in":900})")
        << false << qint64(0) << qint64(0);
    QTest::newRow("no device code")
        << QByteArray(R"({"user_code":"u","verification_uri":"https://microsoft.com/devicelogin","expires_in":900})")
        << false << qint64(0) << qint64(0);
    QTest::newRow("not JSON") << QByteArray("<html>502</html>") << false << qint64(0) << qint64(0);
}

void tst_DeviceCodeResponse::parse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(qint64, expiresIn);
    QFETCH(qint64, interval);

    AuthError error;
    const auto response = parseDeviceCodeResponse(body, &error);
    QCOMPARE(response.has_value(), ok);
    if (!ok) {
        QCOMPARE(error.type(), AuthError::InvalidResponse);
        return;
    }
    QCOMPARE(response->deviceCode, QStringLiteral("dc"));
    QVERIFY(response->verificationUri.isValid() && !response->verificationUri.isRelative());
    QCOMPARE(response->expiresInSeconds, expiresIn);
    QCOMPARE(response->intervalSeconds, interval);
}

QTEST_GUILESS_MAIN(tst_DeviceCodeResponse)
#include "tst_devicecoderesponse.moc"
