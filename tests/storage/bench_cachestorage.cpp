// Cost of persisting a large token cache: ~10,000 accounts, each with an access token, a refresh
// token, an ID token and an account entry (MSAL unified schema), a JSON blob of several MB.
// Measured: AES-256-GCM sealing and opening, the atomic file write and the read, and whole
// FileCacheStorage jobs (lock, read, JSON check, merge, write). The keychain round trip is not
// part of it: the key is taken as already fetched.
// Run on demand: ctest -L benchmark -R bench_cachestorage -V, or bench_cachestorage -iterations N.

#include "storagetestutil.h"

#include "storage/aesgcm_p.h"
#include "storage/cachefile_p.h"
#include "storage/cachefileoperation_p.h"

#include <MsalQt/filecachestorage.h>

#include <QtTest>

using namespace MsalQt;
using namespace MsalQt::Internal;
using namespace StorageTest;

class BenchCacheStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void seal();
    void open();
    void writeSealed();
    void readAndOpen();
    void checkJson();
    void fileStorageLoad();
    void fileStorageSave();

private:
    static QByteArray makeCache(int accounts);

    QTemporaryDir m_dir;
    QByteArray m_key;
    QByteArray m_cache;
    QByteArray m_sealed;
};

QByteArray BenchCacheStorage::makeCache(int accounts)
{
    // Sizes as the Microsoft identity platform hands them out, roughly: compact JWT access and
    // ID tokens of around a kilobyte, opaque refresh tokens of a few hundred characters.
    const QString env = QStringLiteral("login.microsoftonline.com");
    const QString tenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
    const QString client = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    const QString accessToken = QString(1200, QLatin1Char('A'));
    const QString idToken = QString(900, QLatin1Char('I'));
    const QString refreshToken = QString(400, QLatin1Char('R'));
    const QString now = QString::number(QDateTime::currentSecsSinceEpoch());
    QJsonObject at, rt, idt, acc;
    for (int i = 0; i < accounts; ++i) {
        const QString oid = QStringLiteral("%1-0000-0000-0000-000000000000").arg(i, 8, 16, QLatin1Char('0'));
        const QString home = oid + QLatin1Char('.') + tenant;
        const QString scopes = QStringLiteral("user.read openid profile offline_access");
        at.insert(QStringLiteral("%1-%2-accesstoken-%3-%4-%5").arg(home, env, client, tenant, scopes),
                  QJsonObject{{QStringLiteral("credential_type"), QStringLiteral("AccessToken")},
                              {QStringLiteral("secret"), accessToken + QString::number(i)},
                              {QStringLiteral("home_account_id"), home},
                              {QStringLiteral("environment"), env},
                              {QStringLiteral("client_id"), client},
                              {QStringLiteral("realm"), tenant},
                              {QStringLiteral("target"), scopes},
                              {QStringLiteral("cached_at"), now},
                              {QStringLiteral("expires_on"), now},
                              {QStringLiteral("extended_expires_on"), now}});
        rt.insert(QStringLiteral("%1-%2-refreshtoken-%3--").arg(home, env, client),
                  QJsonObject{{QStringLiteral("credential_type"), QStringLiteral("RefreshToken")},
                              {QStringLiteral("secret"), refreshToken + QString::number(i)},
                              {QStringLiteral("home_account_id"), home},
                              {QStringLiteral("environment"), env},
                              {QStringLiteral("client_id"), client}});
        idt.insert(QStringLiteral("%1-%2-idtoken-%3-%4-").arg(home, env, client, tenant),
                   QJsonObject{{QStringLiteral("credential_type"), QStringLiteral("IdToken")},
                               {QStringLiteral("secret"), idToken + QString::number(i)},
                               {QStringLiteral("home_account_id"), home},
                               {QStringLiteral("environment"), env},
                               {QStringLiteral("client_id"), client},
                               {QStringLiteral("realm"), tenant}});
        acc.insert(QStringLiteral("%1-%2-%3").arg(home, env, tenant),
                   QJsonObject{{QStringLiteral("home_account_id"), home},
                               {QStringLiteral("environment"), env},
                               {QStringLiteral("realm"), tenant},
                               {QStringLiteral("local_account_id"), oid},
                               {QStringLiteral("username"), QStringLiteral("user%1@contoso.com").arg(i)},
                               {QStringLiteral("authority_type"), QStringLiteral("MSSTS")}});
    }
    return serialize(QJsonObject{{QStringLiteral("AccessToken"), at},
                                 {QStringLiteral("RefreshToken"), rt},
                                 {QStringLiteral("IdToken"), idt},
                                 {QStringLiteral("Account"), acc},
                                 {QStringLiteral("AppMetadata"), QJsonObject{}}});
}

void BenchCacheStorage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const int accounts = qEnvironmentVariableIsSet("MSALQT_BENCH_ACCOUNTS")
        ? qEnvironmentVariableIntValue("MSALQT_BENCH_ACCOUNTS") : 10000;
    m_cache = makeCache(accounts);
    m_key = AesGcm::generateKey();
    m_sealed = AesGcm::seal(m_key, m_cache);
    qInfo("cache: %d accounts, %.1f MB of JSON", accounts, m_cache.size() / 1e6);
}

void BenchCacheStorage::seal()
{
    QByteArray sealed;
    QBENCHMARK {
        sealed = AesGcm::seal(m_key, m_cache);
    }
    QCOMPARE(sealed.size(), m_cache.size() + AesGcm::Overhead);
}

void BenchCacheStorage::open()
{
    QByteArray plain;
    QBENCHMARK {
        plain = AesGcm::open(m_key, m_sealed);
    }
    QCOMPARE(plain, m_cache);
}

void BenchCacheStorage::writeSealed()
{
    // Encrypt, then the atomic write: temporary file, fsync, rename, directory fsync.
    const CacheFile file(m_dir.filePath(QStringLiteral("write.bin")));
    QBENCHMARK {
        QVERIFY(!file.write(AesGcm::seal(m_key, m_cache)).isError());
    }
}

void BenchCacheStorage::readAndOpen()
{
    const CacheFile file(m_dir.filePath(QStringLiteral("read.bin")));
    QVERIFY(!file.write(m_sealed).isError());
    QByteArray plain;
    QBENCHMARK {
        plain = AesGcm::open(m_key, file.read().bytes);
    }
    QCOMPARE(plain, m_cache);
}

void BenchCacheStorage::checkJson()
{
    // Every load checks that the file holds a JSON object before handing it out.
    QString problem;
    QBENCHMARK {
        problem = CacheFileOperation::plainCacheProblem(m_cache);
    }
    QVERIFY(problem.isEmpty());
}

void BenchCacheStorage::fileStorageLoad()
{
    const QString path = m_dir.filePath(QStringLiteral("storage-load.json"));
    QVERIFY(!CacheFile(path).write(m_cache).isError());
    FileCacheStorage storage(path);
    QBENCHMARK {
        const JobResult result = run(storage.load());
        QVERIFY(!result.error.isError());
    }
}

void BenchCacheStorage::fileStorageSave()
{
    // Lock, read and check what is stored, the merge (here: keep the bytes), write, unlock.
    const QString path = m_dir.filePath(QStringLiteral("storage-save.json"));
    QVERIFY(!CacheFile(path).write(m_cache).isError());
    FileCacheStorage storage(path);
    QBENCHMARK {
        const JobResult result = run(storage.save([](const QByteArray &stored) { return stored; }));
        QVERIFY(!result.error.isError());
    }
}

QTEST_GUILESS_MAIN(BenchCacheStorage)
#include "bench_cachestorage.moc"
