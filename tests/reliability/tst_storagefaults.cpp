// A storage fault never costs the caller a token the server gave: on a real full disk (a tmpfs
// filled up), a read-only file system (a read-only bind mount) and a cache path that is a
// directory, the request returns its token, TokenRequest::cacheError() says why it was not saved,
// the token stays in memory, and the next save writes it. Plain and encrypted. Mounting needs
// root (CI runs as root); elsewhere these cases are skipped, saying so.

#include "mounttestutil.h"
#include "reliabilitysupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/keychaincachestorage.h>

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace MsalQt;
using namespace Reliability;

namespace {

// A tmpfs mounted on a temporary directory, to be filled up and freed again. "page" holds one
// page of it, so that removing it (roomForTheLockOnly()) leaves room for a lock file but not for
// the cache file.
class SmallDisk
{
public:
    // Empty on success, else why there is no such disk here (not root).
    QString mount() { return m_mount.tmpfs(m_dir.path(), 128 * 1024); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    bool fillUp()
    {
        QFile page(filePath(QStringLiteral("page")));
        if (!page.open(QIODevice::WriteOnly) || page.write(QByteArray(4096, 'p')) != 4096 || !page.flush())
            return false;
        page.close();
        if (!StorageTest::fillUp(filePath(QStringLiteral("filler"))))
            return false;
        // A tmpfs may still take a byte or two into a partly used page: fill that too.
        QFile tail(filePath(QStringLiteral("filler2")));
        if (tail.open(QIODevice::WriteOnly)) {
            while (tail.write("x", 1) == 1 && tail.flush()) {
            }
        }
        return true;
    }
    bool roomForTheLockOnly() { return QFile::remove(filePath(QStringLiteral("page"))); }
    bool freeUp()
    {
        QFile::remove(filePath(QStringLiteral("page")));
        QFile::remove(filePath(QStringLiteral("filler2")));
        return QFile::remove(filePath(QStringLiteral("filler")));
    }

private:
    QTemporaryDir m_dir;
    StorageTest::ScopedMount m_mount; // unmounted before the directory goes
};

} // namespace

class tst_StorageFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void diskFull_data();
    void diskFull();
    void pendingSaveRetriedByACacheHit();
    void readOnlyFileSystem_data();
    void readOnlyFileSystem();
    void cachePathIsADirectory();

private:
    std::unique_ptr<FileCacheStorage> storage(const QString &path, bool keychain) const
    {
        return std::unique_ptr<FileCacheStorage>(keychain ? new KeychainCacheStorage(path) : new FileCacheStorage(path));
    }
    std::unique_ptr<ConfidentialClientApplication> newApp(CacheStorage *storage) const
    {
        auto app = std::make_unique<ConfidentialClientApplication>(
            m_emulator.confidentialClientId(), ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
            Authority::microsoft(m_emulator.authorityUrl()));
        app->setCacheStorage(storage);
        return app;
    }
    // Runs a client-credentials request for stress resource `index` to its end.
    static std::unique_ptr<TokenRequest> acquire(ConfidentialClientApplication *app, int index)
    {
        std::unique_ptr<TokenRequest> request(app->acquireTokenForClient({stressScope(index)}));
        request->setAutoDelete(false);
        QSignalSpy finished(request.get(), &TokenRequest::finished);
        if (!request->isFinished() && !finished.wait(30000))
            qWarning("request %d did not finish", index);
        return request;
    }
    // Whether a new application on `path` serves stress resource `index` from the file.
    bool storedInFile(const QString &path, bool keychain, int index) const
    {
        auto fresh = storage(path, keychain);
        auto app = newApp(fresh.get());
        const auto request = acquire(app.get(), index);
        return request->isSuccess() && request->result().isFromCache();
    }
    MsalQt::Emulator::Server m_emulator;
};

void tst_StorageFaults::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("MSALQT_TEST_KEYRING"))
        QSKIP("needs a private Secret Service: run through tests/storage/with-keyring.sh (ctest does)");
    QString error;
    QVERIFY2(configureStressResources(&m_emulator, 8, &error), qPrintable(error));
    m_emulator.setAccessTokenLifetime(3599);
    QVERIFY(m_emulator.listen());
}

void tst_StorageFaults::diskFull_data()
{
    QTest::addColumn<bool>("keychain");
    QTest::addColumn<bool>("roomForTheLock");
    // No room at all: the lock file cannot be made. One page left: the lock is taken and the
    // merge runs, then the cache file cannot be written (what lost tokens before).
    QTest::newRow("plain, no room for the lock") << false << false;
    QTest::newRow("plain, room for the lock only") << false << true;
    QTest::newRow("encrypted, no room for the lock") << true << false;
    QTest::newRow("encrypted, room for the lock only") << true << true;
}

void tst_StorageFaults::diskFull()
{
    QFETCH(bool, keychain);
    QFETCH(bool, roomForTheLock);
    SmallDisk disk;
    if (const QString why = disk.mount(); !why.isEmpty())
        QSKIP(qPrintable(why));
    const QString path = disk.filePath(QStringLiteral("cache.bin"));
    auto store = storage(path, keychain);
    auto app = newApp(store.get());
    QSignalSpy cacheErrors(app.get(), &ClientApplication::cacheError);
    QSignalSpy saved(app.get(), &ClientApplication::cacheSaved);

    // A cache file of several pages.
    for (int index : {0, 3, 4, 5, 6, 7}) {
        auto first = acquire(app.get(), index);
        QVERIFY2(first->isSuccess(), qPrintable(first->error().errorString()));
        QVERIFY2(!first->cacheError().isError(), qPrintable(first->cacheError().errorString()));
    }
    QVERIFY(QFileInfo(path).size() > 8192);

    QVERIFY(disk.fillUp());
    if (roomForTheLock)
        QVERIFY(disk.roomForTheLockOnly());
    auto second = acquire(app.get(), 1);
    QVERIFY2(second->isSuccess(), qPrintable(second->error().errorString()));
    QVERIFY(!second->result().accessToken().isEmpty());
    QCOMPARE(AuthError::typeName(second->cacheError().type()), AuthError::typeName(AuthError::StorageError));
    QVERIFY2(second->cacheError().message().contains(QLatin1String("full"), Qt::CaseInsensitive),
             qPrintable(second->cacheError().message()));
    QVERIFY(!cacheErrors.isEmpty());
    // Kept in memory: served without the network.
    m_emulator.clearRequests();
    auto again = acquire(app.get(), 1);
    QVERIFY(again->isSuccess());
    QVERIFY(again->result().isFromCache());
    // The file is as it was: the first token, not half of a new file.
    QVERIFY(storedInFile(path, keychain, 0));

    // Room again: the next request's save writes what the failed one left pending, and keeps it
    // in memory (it used to drop it: the failed save had forgotten it was pending).
    QVERIFY(disk.freeUp());
    saved.clear();
    auto third = acquire(app.get(), 2);
    QVERIFY2(third->isSuccess(), qPrintable(third->error().errorString()));
    QVERIFY2(!third->cacheError().isError(), qPrintable(third->cacheError().errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 10000);
    auto fromMemory = acquire(app.get(), 1);
    QVERIFY(fromMemory->result().isFromCache());
    for (int index : {0, 1, 2, 3, 7})
        QVERIFY2(storedInFile(path, keychain, index), qPrintable(QString::number(index)));
}

// A token a full disk kept from the file is written by a later request that needs no network
// (a cache hit), once the retry interval after the failed save has passed.
void tst_StorageFaults::pendingSaveRetriedByACacheHit()
{
    SmallDisk disk;
    if (const QString why = disk.mount(); !why.isEmpty())
        QSKIP(qPrintable(why));
    const QString path = disk.filePath(QStringLiteral("cache.bin"));
    auto store = storage(path, false);
    auto app = newApp(store.get());
    QSignalSpy saved(app.get(), &ClientApplication::cacheSaved);
    QVERIFY(acquire(app.get(), 0)->isSuccess());
    QVERIFY(disk.fillUp());
    QElapsedTimer sinceFailure;
    auto unsaved = acquire(app.get(), 1);
    sinceFailure.start();
    QVERIFY(unsaved->isSuccess());
    QVERIFY(unsaved->cacheError().isError());
    QVERIFY(disk.freeUp());

    // Within the interval a cache hit does not try again.
    saved.clear();
    QVERIFY(acquire(app.get(), 0)->result().isFromCache());
    QTest::qWait(200);
    QCOMPARE(saved.size(), 0);
    QVERIFY(!storedInFile(path, false, 1));
    // Past it, the next cache hit saves what is pending, in the background.
    QTest::qWait(int(qMax<qint64>(0, 10500 - sinceFailure.elapsed())));
    auto hit = acquire(app.get(), 0);
    QVERIFY(hit->result().isFromCache());
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    QVERIFY(storedInFile(path, false, 1));
}

void tst_StorageFaults::readOnlyFileSystem_data()
{
    QTest::addColumn<bool>("keychain");
    QTest::newRow("plain") << false;
    QTest::newRow("encrypted") << true;
}

void tst_StorageFaults::readOnlyFileSystem()
{
    QFETCH(bool, keychain);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cache.bin"));
    {
        auto store = storage(path, keychain);
        auto app = newApp(store.get());
        auto first = acquire(app.get(), 0);
        QVERIFY(first->isSuccess() && !first->cacheError().isError());
    }
    StorageTest::ScopedMount mount;
    if (const QString why = mount.bindReadOnly(dir.path()); !why.isEmpty())
        QSKIP(qPrintable(why));

    auto store = storage(path, keychain);
    auto app = newApp(store.get());
    // Loading needs no write: the token saved before is served from the file.
    auto cached = acquire(app.get(), 0);
    QVERIFY2(cached->isSuccess(), qPrintable(cached->error().errorString()));
    QVERIFY2(!cached->cacheError().isError(), qPrintable(cached->cacheError().errorString()));
    QVERIFY(cached->result().isFromCache());
    // A new token is returned; why it was not saved is beside it.
    auto fresh = acquire(app.get(), 1);
    QVERIFY2(fresh->isSuccess(), qPrintable(fresh->error().errorString()));
    QCOMPARE(AuthError::typeName(fresh->cacheError().type()), AuthError::typeName(AuthError::StorageError));
    QVERIFY2(fresh->cacheError().message().contains(QLatin1String("read-only"), Qt::CaseInsensitive),
             qPrintable(fresh->cacheError().message()));
    auto again = acquire(app.get(), 1);
    QVERIFY(again->result().isFromCache());
}

void tst_StorageFaults::cachePathIsADirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cache.bin"));
    QVERIFY(QDir().mkpath(path));
    auto store = storage(path, false);
    auto app = newApp(store.get());
    auto request = acquire(app.get(), 0);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(AuthError::typeName(request->cacheError().type()), AuthError::typeName(AuthError::StorageError));
    auto again = acquire(app.get(), 0);
    QVERIFY(again->result().isFromCache());
    QVERIFY(QFileInfo(path).isDir()); // left as it was
}

QTEST_GUILESS_MAIN(tst_StorageFaults)
#include "tst_storagefaults.moc"
