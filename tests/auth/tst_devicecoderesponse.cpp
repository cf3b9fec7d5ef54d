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
    QTest::addColumn<qint64>("expiresInMs");
    QTest::addColumn<int>("interval");

    const qint64 day = 24 * 3600 * 1000;
    QTest::newRow("platform answer") << answer(R"("expires_in":900,"interval":5)") << true << qint64(900000) << 5;
    QTest::newRow("no interval: 5 s (RFC 8628 §3.2)") << answer(R"("expires_in":900)") << true << qint64(900000) << 5;
    QTest::newRow("interval 0 as asked") << answer(R"("expires_in":900,"interval":0)") << true << qint64(900000) << 0;
    QTest::newRow("v1 verification_url")
        << QByteArray(R"({"device_code":"dc","user_code":"u","verification_url":"https://aka.ms/devicelogin","expires_in":900})")
        << true << qint64(900000) << 5;
    QTest::newRow("fractional expiry") << answer(R"("expires_in":1.5)") << true << qint64(1500) << 5;
    // Found by fuzz_devicecode: QTimer counts in int milliseconds, and these wrapped round.
    QTest::newRow("expiry beyond QTimer's range is cut to a day")
        << answer(R"("expires_in":9004294967296)") << true << day << 5;
    QTest::newRow("expiry of 2^32 ms is cut to a day")
        << answer(R"("expires_in":4294967.296)") << true << day << 5;
    QTest::newRow("interval beyond QTimer's range is cut to a day")
        << answer(R"("expires_in":900,"interval":1e10)") << true << qint64(900000) << 24 * 3600;
    // Found by fuzz_devicecode: QJsonValue::toInt() gave 0 for 0.5, polling without a pause.
    QTest::newRow("fractional interval rounds up") << answer(R"("expires_in":900,"interval":0.5)") << true << qint64(900000) << 1;
    QTest::newRow("fractional interval rounds up, 2.5") << answer(R"("expires_in":900,"interval":2.5)") << true << qint64(900000) << 3;
    QTest::newRow("tiny expiry is not 0 ms") << answer(R"("expires_in":1e-9)") << true << qint64(1) << 5;

    QTest::newRow("no expires_in") << answer({}) << false << qint64(0) << 0;
    QTest::newRow("expires_in 0") << answer(R"("expires_in":0)") << false << qint64(0) << 0;
    QTest::newRow("negative interval") << answer(R"("expires_in":900,"interval":-1)") << false << qint64(0) << 0;
    QTest::newRow("expires_in as string") << answer(R"("expires_in":"900")") << false << qint64(0) << 0;
    QTest::newRow("interval as string") << answer(R"("expires_in":900,"interval":"5")") << false << qint64(0) << 0;
    QTest::newRow("relative verification uri")
        << QByteArray(R"({"device_code":"dc","user_code":"u","verification_uri":"/devicelogin","expires_in":900})")
        << false << qint64(0) << 0;
    QTest::newRow("no device code")
        << QByteArray(R"({"user_code":"u","verification_uri":"https://microsoft.com/devicelogin","expires_in":900})")
        << false << qint64(0) << 0;
    QTest::newRow("not JSON") << QByteArray("<html>502</html>") << false << qint64(0) << 0;
}

void tst_DeviceCodeResponse::parse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(qint64, expiresInMs);
    QFETCH(int, interval);

    AuthError error;
    const auto response = parseDeviceCodeResponse(body, &error);
    QCOMPARE(response.has_value(), ok);
    if (!ok) {
        QCOMPARE(error.type(), AuthError::InvalidResponse);
        return;
    }
    QCOMPARE(response->deviceCode, QStringLiteral("dc"));
    QVERIFY(response->verificationUri.isValid() && !response->verificationUri.isRelative());
    QCOMPARE(response->expiresIn.count(), expiresInMs);
    QCOMPARE(response->interval, interval);
    // What the flow arms its QTimers with fits their int milliseconds.
    QVERIFY(response->expiresIn.count() > 0 && response->expiresIn.count() <= std::numeric_limits<int>::max());
    QVERIFY(qint64(response->interval) * 1000 <= std::numeric_limits<int>::max());
}

QTEST_GUILESS_MAIN(tst_DeviceCodeResponse)
#include "tst_devicecoderesponse.moc"
