// A long run of silent acquisitions, as a long-running application makes them: with 60-second
// access tokens every call refreshes (and saves the cache), for MSALQT_SOAK_SECONDS (default 600)
// seconds. No call may fail, resident memory must stay flat after warm-up (< 64 kB per 1,000
// calls, by a least-squares fit of samples taken every 500 calls) and the number of open file
// descriptors must not grow. The emulator runs as its own process (msalqt-emulator) so that its
// bookkeeping is not counted. Kept out of the default test run (labels benchmark, soak):
//   ctest --test-dir build -L soak --output-on-failure
// MSALQT_SOAK_KEYCHAIN=1 (inside tests/storage/with-keyring.sh) uses the encrypted storage.

#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <memory>

using namespace MsalQt;

namespace {

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

qsizetype openDescriptors()
{
    return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size();
}

// Bytes per call, by least squares over (calls, bytes) samples.
double slope(const QList<std::pair<double, double>> &samples)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const double n = double(samples.size());
    for (const auto &[x, y] : samples) {
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denominator = n * sxx - sx * sx;
    return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
}

} // namespace

class soak_Silent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void silentAcquisitions();

private:
    TokenRequest *wait(TokenRequest *request)
    {
        request->setAutoDelete(false);
        QSignalSpy finished(request, &TokenRequest::finished);
        if (!request->isFinished())
            finished.wait(30000);
        return request;
    }
    QTemporaryDir m_dir;
    QProcess m_emulator;
    QUrl m_authority;
    QString m_publicClientId;
};

void soak_Silent::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile file(QStringLiteral(EMULATOR_DEFAULT_CONFIG));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject settings = config.value(QLatin1String("settings")).toObject();
    settings.insert(QLatin1String("accessTokenLifetime"), 60);
    config.insert(QLatin1String("settings"), settings);
    const QString configPath = m_dir.filePath(QStringLiteral("emulator.json"));
    QFile out(configPath);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(config).toJson());
    out.close();

    m_emulator.start(QStringLiteral(EMULATOR_PROGRAM), {QStringLiteral("--port"), QStringLiteral("0"),
                                                         QStringLiteral("--config"), configPath});
    QVERIFY(m_emulator.waitForStarted(10000));
    QByteArray banner;
    QDeadlineTimer deadline(20000);
    while (!banner.contains("Public client id:") && !deadline.hasExpired()) {
        m_emulator.waitForReadyRead(500);
        banner += m_emulator.readAllStandardOutput();
    }
    const QRegularExpressionMatch authority =
        QRegularExpression(QStringLiteral("Authority \\(default tenant\\): (\\S+)")).match(QString::fromUtf8(banner));
    const QRegularExpressionMatch client =
        QRegularExpression(QStringLiteral("Public client id: +(\\S+)")).match(QString::fromUtf8(banner));
    QVERIFY2(authority.hasMatch() && client.hasMatch(), banner.constData());
    m_authority = QUrl(authority.captured(1));
    m_publicClientId = client.captured(1);
}

void soak_Silent::cleanupTestCase()
{
    m_emulator.terminate();
    m_emulator.waitForFinished(5000);
}

void soak_Silent::silentAcquisitions()
{
    const int seconds = qEnvironmentVariableIntValue("MSALQT_SOAK_SECONDS") > 0
        ? qEnvironmentVariableIntValue("MSALQT_SOAK_SECONDS") : 600;
    const QString path = m_dir.filePath(QStringLiteral("cache.bin"));
    std::unique_ptr<FileCacheStorage> storage(qEnvironmentVariableIntValue("MSALQT_SOAK_KEYCHAIN")
                                                  ? new KeychainCacheStorage(path) : new FileCacheStorage(path));
    PublicClientApplication app(m_publicClientId, Authority::microsoft(m_authority));
    app.setCacheStorage(storage.get());
    int cacheErrors = 0;
    connect(&app, &ClientApplication::cacheError, this, [&cacheErrors] { ++cacheErrors; });

    std::unique_ptr<TokenRequest> signIn(wait(app.acquireTokenByUsernamePassword(
        {QStringLiteral("User.Read")}, QStringLiteral("alice@contoso.com"), QStringLiteral("Passw0rd!"))));
    QVERIFY2(signIn->isSuccess(), qPrintable(signIn->error().errorString()));
    const Account account = signIn->result().account();

    QElapsedTimer clock;
    clock.start();
    const qint64 warmUp = qint64(seconds) * 1000 / 10;
    QList<std::pair<double, double>> samples;
    qsizetype descriptorsAfterWarmUp = -1;
    qsizetype descriptorsMax = 0;
    qint64 residentAfterWarmUp = 0;
    int calls = 0;
    int refreshed = 0;
    int warmCalls = 0;
    while (clock.elapsed() < qint64(seconds) * 1000) {
        std::unique_ptr<TokenRequest> request(wait(app.acquireTokenSilent({QStringLiteral("User.Read")}, account)));
        QVERIFY2(request->isSuccess(), qPrintable(QStringLiteral("call %1: %2").arg(calls).arg(request->error().errorString())));
        QVERIFY2(!request->cacheError().isError(), qPrintable(request->cacheError().errorString()));
        if (!request->result().isFromCache())
            ++refreshed;
        ++calls;
        if (clock.elapsed() < warmUp) {
            warmCalls = calls;
            continue;
        }
        if (descriptorsAfterWarmUp < 0) {
            descriptorsAfterWarmUp = openDescriptors();
            residentAfterWarmUp = residentBytes();
        }
        if (calls % 500 == 0) {
            samples.append({double(calls), double(residentBytes())});
            descriptorsMax = qMax(descriptorsMax, openDescriptors());
        }
    }
    const double perThousand = slope(samples) * 1000;
    qInfo("%d calls in %d s (%d refreshed over the network), %d after warm-up; resident %lld kB after warm-up, "
          "%lld kB at the end; growth %.1f kB per 1,000 calls (least squares over %lld samples); "
          "descriptors %lld after warm-up, at most %lld",
          calls, seconds, refreshed, calls - warmCalls, residentAfterWarmUp / 1024, residentBytes() / 1024,
          perThousand / 1024, qint64(samples.size()), qint64(descriptorsAfterWarmUp), qint64(descriptorsMax));
    QCOMPARE(cacheErrors, 0);
    QVERIFY2(samples.size() >= 4, "too few calls after warm-up to judge");
    QVERIFY2(perThousand < 64 * 1024, qPrintable(QStringLiteral("%1 kB per 1,000 calls").arg(perThousand / 1024)));
    QVERIFY2(descriptorsMax <= descriptorsAfterWarmUp + 2,
             qPrintable(QStringLiteral("descriptors grew from %1 to %2").arg(descriptorsAfterWarmUp).arg(descriptorsMax)));
}

int main(int argc, char *argv[])
{
    // Qt Test ends a test function after 5 minutes; this one runs 10 by default.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT")) {
        const int seconds = qEnvironmentVariableIntValue("MSALQT_SOAK_SECONDS") > 0
            ? qEnvironmentVariableIntValue("MSALQT_SOAK_SECONDS") : 600;
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((qint64(seconds) + 300) * 1000));
    }
    QCoreApplication app(argc, argv);
    soak_Silent test;
    return QTest::qExec(&test, argc, argv);
}
#include "soak_silent.moc"
