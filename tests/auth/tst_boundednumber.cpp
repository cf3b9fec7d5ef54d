#include "boundednumber_p.h"

#include <QJsonValue>
#include <QTest>

#include <limits>

using namespace MsalQt::Internal;
using std::chrono::milliseconds;

// Numbers from outside into bounded integers and timer intervals, before any cast.
class tst_BoundedNumber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromJson_data();
    void fromJson();
    void timerInterval_data();
    void timerInterval();
};

void tst_BoundedNumber::fromJson_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("number") << QJsonValue(599) << true << qint64(599);
    QTest::newRow("zero") << QJsonValue(0) << true << qint64(0);
    QTest::newRow("maximum") << QJsonValue(1000) << true << qint64(1000);
    QTest::newRow("fraction below maximum") << QJsonValue(1000.9) << true << qint64(1000);
    QTest::newRow("above maximum") << QJsonValue(1001) << false << qint64(0);
    QTest::newRow("negative") << QJsonValue(-1) << false << qint64(0);
    QTest::newRow("small negative fraction") << QJsonValue(-0.5) << false << qint64(0);
    QTest::newRow("1e300") << QJsonValue(1e300) << false << qint64(0);
    QTest::newRow("-1e300") << QJsonValue(-1e300) << false << qint64(0);
    QTest::newRow("9.3e15") << QJsonValue(9.3e15) << false << qint64(0);
    QTest::newRow("qint64 max") << QJsonValue(std::numeric_limits<qint64>::max()) << false << qint64(0);
    QTest::newRow("qint64 min") << QJsonValue(std::numeric_limits<qint64>::min()) << false << qint64(0);
    QTest::newRow("NaN") << QJsonValue(nan) << false << qint64(0);
    QTest::newRow("infinity") << QJsonValue(inf) << false << qint64(0);
    QTest::newRow("string") << QJsonValue("900") << true << qint64(900);
    QTest::newRow("string with leading zeros") << QJsonValue("0900") << true << qint64(900);
    QTest::newRow("string above maximum") << QJsonValue("1001") << false << qint64(0);
    QTest::newRow("string of qint64 max") << QJsonValue("9223372036854775807") << false << qint64(0);
    QTest::newRow("string past qint64") << QJsonValue("99999999999999999999") << false << qint64(0);
    QTest::newRow("string negative") << QJsonValue("-1") << false << qint64(0);
    QTest::newRow("string signed") << QJsonValue("+1") << false << qint64(0);
    QTest::newRow("string exponent") << QJsonValue("1e3") << false << qint64(0);
    QTest::newRow("string blank") << QJsonValue(" 900") << false << qint64(0);
    QTest::newRow("string empty") << QJsonValue("") << false << qint64(0);
    QTest::newRow("bool") << QJsonValue(true) << false << qint64(0);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false << qint64(0);
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << false << qint64(0);
}

void tst_BoundedNumber::fromJson()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);

    const auto result = boundedInteger(value, 0, 1000);
    QCOMPARE(result.has_value(), ok);
    if (ok)
        QCOMPARE(*result, expected);
}

void tst_BoundedNumber::timerInterval_data()
{
    QTest::addColumn<qint64>("wait");
    QTest::addColumn<qint64>("expected");

    const qint64 intMax = std::numeric_limits<int>::max();
    QTest::newRow("zero") << qint64(0) << qint64(0);
    QTest::newRow("a second") << qint64(1000) << qint64(1000);
    QTest::newRow("int max") << intMax << intMax;
    QTest::newRow("2^32 + 704 (was 704)") << qint64(4294967296LL + 704) << intMax;
    QTest::newRow("maxLifetimeSeconds") << maxLifetimeSeconds * 1000 << intMax;
    QTest::newRow("negative") << qint64(-5) << qint64(0);
}

void tst_BoundedNumber::timerInterval()
{
    QFETCH(qint64, wait);
    QFETCH(qint64, expected);
    QCOMPARE(MsalQt::Internal::timerInterval(milliseconds(wait)).count(), expected);
}

QTEST_APPLESS_MAIN(tst_BoundedNumber)
#include "tst_boundednumber.moc"
