// The cross-process lock of a cache file, through FileCacheStorage: a job waits for a holder
// (storage_helper, a real second process) up to its timeout, takes over the lock of a dead one at
// once, of a hung one after CacheFileLock::StaleLockTime, and an empty lock file a killed process
// left after a short grace; a job that hung past a takeover writes nothing.

#include "storagetestutil.h"

#include "storage/cachefilelock_p.h"

#include <MsalQt/filecachestorage.h>

#include <QtTest>

#include <csignal>

using namespace MsalQt;
using namespace StorageTest;

class TestCacheFileLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void lockTimeout();
    void lockWaitsForRelease();
    void staleLockOfDeadProcess();
    void emptyLockFileOfKilledProcess();
    void freshEmptyLockFileIsWaitedFor();
    void hungHolderTakenOver();
    void hungJobWritesNothing();

private:
    QString path(const QString &name = QStringLiteral("cache.json")) const { return m_dir->filePath(name); }
    static void setAge(const QString &path, int msecs);
    static QByteArray readFile(const QString &path);
    static void writeFile(const QString &path, const QByteArray &bytes);
    QStringList dirEntries() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

QByteArray TestCacheFileLock::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestCacheFileLock::writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QStringList TestCacheFileLock::dirEntries() const
{
    return QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// Sets the modification time of `path` to `msecs` ago.
void TestCacheFileLock::setAge(const QString &path, int msecs)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addMSecs(-msecs), QFileDevice::FileModificationTime));
}

void TestCacheFileLock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCacheFileLock::lockTimeout()
{
    writeFile(path(), "{\"kept\":true}");
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(QStringLiteral(STORAGE_HELPER), {QStringLiteral("hold"), path()});
    QVERIFY(holder.waitForStarted());
    QSignalSpy locked(&holder, &QProcess::readyReadStandardOutput);
    QVERIFY(locked.wait(10000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));

    FileCacheStorage storage(path());
    storage.setLockTimeout(std::chrono::milliseconds(300));
    QElapsedTimer timer;
    timer.start();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("locked by process")));
    const JobResult result = run(storage.save(replaceWith("{\"overwritten\":true}")));
    QVERIFY(result.finished);
    QCOMPARE(result.error.type(), AuthError::StorageError);
    QVERIFY2(result.error.message().contains(QStringLiteral("locked by process %1").arg(holder.processId())),
             qPrintable(result.error.message()));
    QVERIFY(timer.elapsed() >= 300);
    QCOMPARE(readFile(path()), QByteArray("{\"kept\":true}"));

    holder.closeWriteChannel();
    QSignalSpy done(&holder, &QProcess::finished);
    QVERIFY(holder.state() == QProcess::NotRunning || done.wait(10000));
    QVERIFY(!run(storage.save(replaceWith("{\"overwritten\":true}"))).error.isError());
}

void TestCacheFileLock::lockWaitsForRelease()
{
    QLockFile lock(path() + QStringLiteral(".lock"));
    QVERIFY(lock.tryLock(0));
    FileCacheStorage storage(path());
    CacheStorageJob *job = storage.save(replaceWith("{}"));
    QTimer::singleShot(200, this, [&lock] { lock.unlock(); }); // the other holder finishes
    const JobResult result = run(job);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    QCOMPARE(readFile(path()), QByteArray("{}"));
}

void TestCacheFileLock::staleLockOfDeadProcess()
{
    QProcess holder;
    holder.start(QStringLiteral(STORAGE_HELPER), {QStringLiteral("hold"), path()});
    QVERIFY(holder.waitForStarted());
    QSignalSpy locked(&holder, &QProcess::readyReadStandardOutput);
    QVERIFY(locked.wait(10000));
    holder.kill(); // dies holding the lock: its lock file stays behind
    QSignalSpy died(&holder, &QProcess::finished);
    QVERIFY(holder.state() == QProcess::NotRunning || died.wait(10000));
    QVERIFY(QFileInfo::exists(path() + QStringLiteral(".lock")));

    FileCacheStorage storage(path());
    storage.setLockTimeout(std::chrono::seconds(5));
    const JobResult result = run(storage.save(replaceWith("{}")));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
}

// A process killed between creating its lock file and writing its name into it leaves an empty
// lock file: QLockFile cannot tell whose it is, and would wait for the stale time. Once it is a
// second old it is removed at once.
void TestCacheFileLock::emptyLockFileOfKilledProcess()
{
    writeFile(path(), "{\"kept\":true}");
    writeFile(path() + QStringLiteral(".lock"), QByteArray());
    setAge(path() + QStringLiteral(".lock"), 2000);

    FileCacheStorage storage(path());
    QElapsedTimer timer;
    timer.start();
    const JobResult saved = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("x")))));
    const qint64 saveMs = timer.elapsed();
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));

    writeFile(path() + QStringLiteral(".lock"), QByteArray());
    setAge(path() + QStringLiteral(".lock"), 2000);
    timer.restart();
    const JobResult loaded = run(storage.load());
    const qint64 loadMs = timer.elapsed();
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, readFile(path()));
    qInfo("past a 2 s old empty lock file: save %lld ms, load %lld ms", saveMs, loadMs);
    QVERIFY2(saveMs < 5000 && loadMs < 5000, "an empty lock file must not hold jobs up for the stale time");
    QCOMPARE(dirEntries(), QStringList{QStringLiteral("cache.json")});
}

// A live process is in the create-then-write window of QLockFile for microseconds: an empty lock
// file younger than the grace time is waited for, not removed.
void TestCacheFileLock::freshEmptyLockFileIsWaitedFor()
{
    writeFile(path() + QStringLiteral(".lock"), QByteArray());
    FileCacheStorage storage(path());
    storage.setLockTimeout(std::chrono::milliseconds(200));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("locked by another process")));
    const JobResult result = run(storage.save(replaceWith("{}")));
    QCOMPARE(result.error.type(), AuthError::StorageError);
    QVERIFY(QFileInfo::exists(path() + QStringLiteral(".lock")));
    QVERIFY(!QFileInfo::exists(path()));
}

// A holder that hangs (here: stopped) keeps its process and its flock(2), so QLockFile never
// calls its lock stale. A waiter takes it over after CacheFileLock::StaleLockTime, within the
// default lock timeout, instead of failing for as long as the holder hangs.
void TestCacheFileLock::hungHolderTakenOver()
{
    writeFile(path(), "{\"Account\":{\"kept\":{}}}");
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(QStringLiteral(STORAGE_HELPER), {QStringLiteral("hold"), path()});
    QVERIFY(holder.waitForStarted());
    QSignalSpy locked(&holder, &QProcess::readyReadStandardOutput);
    QVERIFY(locked.wait(10000));
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));
    QCOMPARE(::kill(pid_t(holder.processId()), SIGSTOP), 0);
    auto resume = qScopeGuard([&holder] {
        ::kill(pid_t(holder.processId()), SIGCONT);
        holder.closeWriteChannel();
        holder.waitForFinished(10000);
    });

    FileCacheStorage storage(path());
    QCOMPARE(storage.lockTimeout(), std::chrono::milliseconds(10000));
    QElapsedTimer timer;
    timer.start();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Took over the token cache lock.*process %1")
                                                               .arg(holder.processId())));
    const JobResult saved = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("x")))));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    qInfo("took a hung holder's lock over after %lld ms", elapsed);
    // Not before the stale time (less a second of file time granularity), not after the timeout.
    QVERIFY2(elapsed >= Internal::CacheFileLock::StaleLockTime - 1000, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 10000, qPrintable(QString::number(elapsed)));
    const QJsonObject cache = parse(readFile(path()));
    QVERIFY(cache.value(QStringLiteral("Account")).toObject().contains(QStringLiteral("kept")));
    QVERIFY(cache.value(QStringLiteral("AccessToken")).toObject().contains(QStringLiteral("x")));
}

// The other side: a job of ours that hangs under the lock (here: in its merge function) while
// another process takes the lock over and writes, writes nothing when it wakes up: its merge is
// not based on what is stored now.
void TestCacheFileLock::hungJobWritesNothing()
{
    QProcess other;
    other.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    other.start(QStringLiteral(STORAGE_HELPER), {QStringLiteral("save"), path(), QStringLiteral("other"), QStringLiteral("1")});
    QVERIFY(other.waitForStarted());
    QSignalSpy ready(&other, &QProcess::readyReadStandardOutput);
    QVERIFY(ready.wait(10000));
    QCOMPARE(other.readLine().trimmed(), QByteArray("ready"));

    FileCacheStorage storage(path());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was taken over by another process")));
    const JobResult result = run(storage.save([&other](const QByteArray &storedNow) {
        other.write("go\n");
        other.waitForBytesWritten(1000);
        // Blocks the event loop (as a hung process would) past the stale time, until the other
        // process has taken the lock over and saved.
        QElapsedTimer hung;
        hung.start();
        while (other.state() != QProcess::NotRunning && hung.elapsed() < 30000)
            other.waitForFinished(100);
        return serialize(unite(parse(storedNow), accessTokenEntry(QStringLiteral("mine"))));
    }), 60000);
    QCOMPARE(other.exitCode(), 0);
    QCOMPARE(result.error.type(), AuthError::StorageError);
    QVERIFY2(result.error.message().contains(QStringLiteral("taken over")), qPrintable(result.error.message()));
    const QJsonObject tokens = parse(readFile(path())).value(QStringLiteral("AccessToken")).toObject();
    QCOMPARE(tokens.keys(), QStringList{QStringLiteral("other-0")});
}

QTEST_GUILESS_MAIN(TestCacheFileLock)
#include "tst_cachefilelock.moc"
