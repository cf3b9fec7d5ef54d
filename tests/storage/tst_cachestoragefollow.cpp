#include "storagetestutil.h"

#include "storage/filecachestorage_p.h"

#include <MsalQt/filecachestorage.h>
#include <MsalQt/keychaincachestorage.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileSystemWatcher>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace MsalQt;
using namespace StorageTest;

// CacheStorage::isStale() and changedExternally() for the file storages: what another process
// writes (storage_helper, a process of its own) is noticed by a stat(2) before access and by
// the directory watcher without any access; what the storage itself reads, writes or removes
// is not. Plain and encrypted rows; run inside with-keyring.sh for the encrypted one.
class tst_CacheStorageFollow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void notStaleBeforeFirstAccess_data() { rows(); }
    void notStaleBeforeFirstAccess();
    void otherProcessMakesStale_data() { rows(); }
    void otherProcessMakesStale();
    void ownWritesAreNotChanges_data() { rows(); }
    void ownWritesAreNotChanges();
    void removedOrReplacedInPlace_data() { rows(); }
    void removedOrReplacedInPlace();
    void watcherTellsOtherProcess_data() { rows(); }
    void watcherTellsOtherProcess();
    void watcherFollowsCreatedDirectory();
    void watchesOnlyWhileConnected();

private:
    static void rows();
    std::unique_ptr<FileCacheStorage> storage(const QString &path) const;
    // storage_helper writes one access token named `prefix`-0 into `path`, as another process.
    bool otherProcessSaves(const QString &path, const QString &prefix) const;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void tst_CacheStorageFollow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_CacheStorageFollow::rows()
{
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("plain file") << false;
    if (qEnvironmentVariableIsSet("MSALQT_TEST_KEYRING"))
        QTest::newRow("encrypted, key in the keychain") << true;
}

std::unique_ptr<FileCacheStorage> tst_CacheStorageFollow::storage(const QString &path) const
{
    QFETCH(bool, encrypted);
    if (encrypted)
        return std::make_unique<KeychainCacheStorage>(path);
    return std::make_unique<FileCacheStorage>(path);
}

bool tst_CacheStorageFollow::otherProcessSaves(const QString &path, const QString &prefix) const
{
    QFETCH(bool, encrypted);
    QProcess helper;
    QStringList arguments{"save", path, prefix, "1"};
    if (encrypted)
        arguments << "keychain";
    helper.start(STORAGE_HELPER, arguments);
    QSignalSpy ready(&helper, &QProcess::readyReadStandardOutput);
    if (!ready.wait(15000) || !helper.readAllStandardOutput().startsWith("ready"))
        return false;
    helper.write("go\n");
    QSignalSpy finished(&helper, &QProcess::finished);
    return finished.wait(30000) && helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 0;
}

void tst_CacheStorageFollow::notStaleBeforeFirstAccess()
{
    const QString file = path(QStringLiteral("untouched-%1.cache").arg(QTest::currentDataTag()));
    QVERIFY(otherProcessSaves(file, "early"));
    auto cache = storage(file);
    // Nothing read or written yet: there is nothing to be stale against (the first load reads
    // whatever is there).
    QVERIFY(!cache->isStale());
}

void tst_CacheStorageFollow::otherProcessMakesStale()
{
    const QString file = path(QStringLiteral("stale-%1.cache").arg(QTest::currentDataTag()));
    auto cache = storage(file);
    JobResult loaded = run(cache->load());
    QVERIFY(!loaded.error.isError());
    QVERIFY(!cache->isStale()); // nothing there, and still nothing

    QVERIFY(otherProcessSaves(file, "first"));
    QVERIFY(cache->isStale());
    loaded = run(cache->load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QVERIFY(parse(loaded.data).value("AccessToken").toObject().contains("first-0"));
    QVERIFY(!cache->isStale());

    // Again, over a file that exists: the writer replaces it by rename(2).
    QVERIFY(otherProcessSaves(file, "second"));
    QVERIFY(cache->isStale());
    loaded = run(cache->load());
    QVERIFY(parse(loaded.data).value("AccessToken").toObject().contains("second-0"));
    QVERIFY(!cache->isStale());
}

void tst_CacheStorageFollow::ownWritesAreNotChanges()
{
    const QString file = path(QStringLiteral("own-%1.cache").arg(QTest::currentDataTag()));
    auto cache = storage(file);
    QSignalSpy changed(cache.get(), &CacheStorage::changedExternally);
    FileCacheStoragePrivate *d = FileCacheStoragePrivate::get(cache.get());

    JobResult saved = run(cache->save(unionMerge(accessTokenEntry("mine-0"))));
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    QVERIFY(!cache->isStale());
    // What the watcher does once the directory has settled after our own write: nothing.
    d->settled();
    QCOMPARE(changed.count(), 0);

    saved = run(cache->save(unionMerge(accessTokenEntry("mine-1"))));
    QVERIFY(!saved.error.isError());
    QVERIFY(!cache->isStale());
    d->settled();
    QCOMPARE(changed.count(), 0);

    const JobResult cleared = run(cache->clear());
    QVERIFY(!cleared.error.isError());
    QVERIFY(!QFile::exists(file));
    QVERIFY(!cache->isStale());
    d->settled();
    QCOMPARE(changed.count(), 0);

    // The same check does see another process's write.
    QVERIFY(otherProcessSaves(file, "theirs"));
    d->settled();
    QCOMPARE(changed.count(), 1);
}

void tst_CacheStorageFollow::removedOrReplacedInPlace()
{
    QFETCH(bool, encrypted);
    const QString file = path(QStringLiteral("inplace-%1.cache").arg(QTest::currentDataTag()));
    auto cache = storage(file);
    QVERIFY(!run(cache->save(unionMerge(accessTokenEntry("mine-0")))).error.isError());
    QVERIFY(!cache->isStale());

    // Signed out elsewhere: the file is gone.
    QVERIFY(QFile::remove(file));
    QVERIFY(cache->isStale());
    JobResult loaded = run(cache->load());
    QVERIFY(!loaded.error.isError());
    QVERIFY(loaded.data.isEmpty());
    QVERIFY(!cache->isStale());

    // A writer that rewrites the file in place keeps the inode: size and time tell.
    QVERIFY(!run(cache->save(unionMerge(accessTokenEntry("mine-1")))).error.isError());
    QVERIFY(!cache->isStale());
    QFile inPlace(file);
    QVERIFY(inPlace.open(QIODevice::ReadWrite | QIODevice::Append));
    QVERIFY(inPlace.write("\n") == 1);
    inPlace.close();
    QVERIFY(cache->isStale());
    loaded = run(cache->load());
    QVERIFY(!loaded.error.isError());
    // A byte added to an encrypted file breaks its seal: that load moves it aside (and says so).
    QCOMPARE(parse(loaded.data).value("AccessToken").toObject().contains("mine-1"), !encrypted);
    QVERIFY(!cache->isStale());
}

void tst_CacheStorageFollow::watcherTellsOtherProcess()
{
    const QString file = path(QStringLiteral("watched-%1.cache").arg(QTest::currentDataTag()));
    auto cache = storage(file);
    QVERIFY(!run(cache->save(unionMerge(accessTokenEntry("mine-0")))).error.isError());
    QSignalSpy changed(cache.get(), &CacheStorage::changedExternally);

    // No access from this side at all: the directory watcher notices.
    QVERIFY(otherProcessSaves(file, "theirs"));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.count(), 1);
    QVERIFY(cache->isStale());
    // The same change is told once, however often the directory stirs.
    FileCacheStoragePrivate::get(cache.get())->settled();
    QCOMPARE(changed.count(), 1);

    const JobResult loaded = run(cache->load());
    QVERIFY(parse(loaded.data).value("AccessToken").toObject().contains("theirs-0"));
    QVERIFY(parse(loaded.data).value("AccessToken").toObject().contains("mine-0"));

    // And the next change is told again.
    QVERIFY(otherProcessSaves(file, "again"));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.count(), 2);
}

void tst_CacheStorageFollow::watcherFollowsCreatedDirectory()
{
    // The cache directory does not exist yet: the nearest existing one above it is watched until
    // another process creates it.
    const QString file = path(QStringLiteral("later/deeper/cache.json"));
    FileCacheStorage cache(file);
    QVERIFY(!run(cache.load()).error.isError());
    QSignalSpy changed(&cache, &CacheStorage::changedExternally);
    QVERIFY(!QDir(path("later")).exists());

    QProcess helper;
    QSignalSpy finished(&helper, &QProcess::finished);
    helper.start(STORAGE_HELPER, {"save", file, "created", "1"});
    QSignalSpy ready(&helper, &QProcess::readyReadStandardOutput);
    QVERIFY(ready.wait(15000));
    helper.write("go\n");
    QVERIFY(changed.wait(10000));
    QVERIFY(cache.isStale());
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QCOMPARE(helper.exitCode(), 0);
    const JobResult loaded = run(cache.load());
    QVERIFY(parse(loaded.data).value("AccessToken").toObject().contains("created-0"));
}

void tst_CacheStorageFollow::watchesOnlyWhileConnected()
{
    FileCacheStorage cache(path("connected.json"));
    FileCacheStoragePrivate *d = FileCacheStoragePrivate::get(&cache);
    QVERIFY(!d->watcher);
    QObject receiver;
    connect(&cache, &CacheStorage::corruptDataMovedAside, &receiver, [] {});
    QVERIFY(!d->watcher); // another signal: no watch
    auto first = connect(&cache, &CacheStorage::changedExternally, &receiver, [] {});
    QVERIFY(d->watcher);
    QCOMPARE(d->watcher->directories(), QStringList{m_dir.path()});
    auto second = connect(&cache, &CacheStorage::changedExternally, &receiver, [] {});
    disconnect(first);
    QCoreApplication::processEvents();
    QVERIFY(d->watcher); // one connection is left
    disconnect(second);
    QTRY_VERIFY(!d->watcher);
    // Wildcard disconnection, and a receiver that goes away.
    connect(&cache, &CacheStorage::changedExternally, &receiver, [] {});
    QVERIFY(d->watcher);
    cache.disconnect(&receiver);
    QTRY_VERIFY(!d->watcher);
    {
        QObject shortLived;
        connect(&cache, &CacheStorage::changedExternally, &shortLived, [] {});
        QVERIFY(d->watcher);
    }
    QTRY_VERIFY(!d->watcher);
}

QTEST_GUILESS_MAIN(tst_CacheStorageFollow)
#include "tst_cachestoragefollow.moc"
