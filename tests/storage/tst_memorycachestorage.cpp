// MemoryCacheStorage: the same job contract as the file storages, kept in the object.

#include "storagetestutil.h"

#include <MsalQt/memorycachestorage.h>

#include <QtTest>

using namespace MsalQt;
using namespace StorageTest;

class TestMemoryCacheStorage : public QObject
{
    Q_OBJECT

private slots:
    void emptyAtFirst();
    void saveMergesIntoStored();
    void clear();
    void missingMergeFunction();
    void instancesAreSeparate();
};

void TestMemoryCacheStorage::emptyAtFirst()
{
    MemoryCacheStorage storage;
    const JobResult result = run(storage.load());
    QVERIFY(result.finished);
    QVERIFY(!result.error.isError());
    QVERIFY(result.data.isEmpty());
}

void TestMemoryCacheStorage::saveMergesIntoStored()
{
    MemoryCacheStorage storage;
    QVERIFY(!run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("a"))))).error.isError());
    const JobResult saved = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("b")))));
    QVERIFY(!saved.error.isError());
    const JobResult loaded = run(storage.load());
    QCOMPARE(loaded.data, saved.data);
    QCOMPARE(parse(loaded.data).value(QStringLiteral("AccessToken")).toObject().size(), 2);
}

void TestMemoryCacheStorage::clear()
{
    MemoryCacheStorage storage;
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    QVERIFY(!run(storage.clear()).error.isError());
    QVERIFY(run(storage.load()).data.isEmpty());
}

void TestMemoryCacheStorage::missingMergeFunction()
{
    MemoryCacheStorage storage;
    QCOMPARE(run(storage.save({})).error.type(), AuthError::InvalidConfiguration);
}

void TestMemoryCacheStorage::instancesAreSeparate()
{
    MemoryCacheStorage a;
    MemoryCacheStorage b;
    QVERIFY(!run(a.save(replaceWith("{}"))).error.isError());
    QVERIFY(run(b.load()).data.isEmpty());
}

QTEST_GUILESS_MAIN(TestMemoryCacheStorage)
#include "tst_memorycachestorage.moc"
