// What following other processes costs: the check ClientApplication makes before each request
// with a file storage (FileCacheStorage::isStale(), one lstat(2) and a comparison), and the time
// from another storage's write to changedExternally() (the directory watcher, including its
// settling pause). Run on demand: ctest -L benchmark -R bench_cachefollow -V.

#include "storagetestutil.h"

#include <MsalQt/filecachestorage.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace MsalQt;
using namespace StorageTest;

class BenchCacheFollow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void isStale();
    void writeToChangedExternally();

private:
    QTemporaryDir m_dir;
};

void BenchCacheFollow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void BenchCacheFollow::isStale()
{
    FileCacheStorage storage(m_dir.filePath(QStringLiteral("stale.json")));
    QVERIFY(!run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("a"))))).error.isError());
    bool stale = true;
    QBENCHMARK {
        stale = storage.isStale();
    }
    QVERIFY(!stale);
}

void BenchCacheFollow::writeToChangedExternally()
{
    const QString path = m_dir.filePath(QStringLiteral("watched.json"));
    FileCacheStorage reader(path);
    FileCacheStorage writer(path);
    QVERIFY(!run(reader.load()).error.isError());
    QSignalSpy changed(&reader, &CacheStorage::changedExternally);
    QList<double> msecs;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!run(writer.save(unionMerge(accessTokenEntry(QStringLiteral("w%1").arg(i))))).error.isError());
        QVERIFY(changed.wait(10000));
        msecs << timer.nsecsElapsed() / 1e6;
        QVERIFY(!run(reader.load()).error.isError());
    }
    std::sort(msecs.begin(), msecs.end());
    qInfo("save by another storage to changedExternally(): median %.1f ms, min %.1f ms, max %.1f ms "
          "(settling pause included)", msecs.at(msecs.size() / 2), msecs.first(), msecs.last());
}

QTEST_GUILESS_MAIN(BenchCacheFollow)
#include "bench_cachefollow.moc"
