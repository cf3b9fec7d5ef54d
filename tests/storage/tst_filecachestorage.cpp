// FileCacheStorage: the plain JSON cache file, its atomic writes and permissions, the
// cross-process merge (with a real second process), faults of the file system, and corrupt-file
// handling. Also the job contract every storage shares. The lock: tst_cachefilelock.

#include "mounttestutil.h"
#include "storagetestutil.h"

#include "storage/aesgcm_p.h"

#include <MsalQt/filecachestorage.h>

#include <QtTest>

#include <sys/stat.h>

using namespace MsalQt;
using namespace StorageTest;

class TestFileCacheStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void missingFileIsEmpty();
    void roundTrip();
    void saveReportsWhatWasWritten();
    void permissions_data();
    void permissions();
    void directoryCreatedOwnerOnly();
    void atomicReplace();
    void mergeSeesWhatIsStoredNow();
    void mergeTwoInstances();
    void mergeAcrossProcesses();
    void readOnlyFileSystem();
    void fullDisk();
    void cachePathIsDirectory();
    void damagedSectionCopyKept();
    void corruptFile_data();
    void corruptFile();
    void corruptFileOnSave();
    void loneSurrogateIsNotCorrupt();
    void blankFileIsEmpty_data();
    void blankFileIsEmpty();
    void encryptedFileIsLeftAlone();
    void clear();
    void missingMergeFunction();
    void jobStartsOnNextTurnAndDeletesItself();
    void storageDestroyedWithJobRunning();

private:
    QString path(const QString &name = QStringLiteral("cache.json")) const { return m_dir->filePath(name); }
    static QByteArray readFile(const QString &path);
    static void writeFile(const QString &path, const QByteArray &bytes);
    QStringList dirEntries() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

QByteArray TestFileCacheStorage::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestFileCacheStorage::writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QStringList TestFileCacheStorage::dirEntries() const
{
    return QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

void TestFileCacheStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestFileCacheStorage::missingFileIsEmpty()
{
    FileCacheStorage storage(m_dir->filePath(QStringLiteral("not/yet/there/cache.json")));
    const JobResult result = run(storage.load());
    QVERIFY(result.finished);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    QVERIFY(result.data.isEmpty());
    QVERIFY(result.warning.isEmpty());
    QVERIFY(!result.warningError.isError());
    // Loading nothing creates nothing: no directory, no lock file.
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("not"))));
}

void TestFileCacheStorage::roundTrip()
{
    const QByteArray cache = serialize(accessTokenEntry(QStringLiteral("uid.utid-login.windows.net-at")));
    {
        FileCacheStorage storage(path());
        QCOMPARE(storage.filePath(), QFileInfo(path()).absoluteFilePath());
        const JobResult saved = run(storage.save(replaceWith(cache)));
        QVERIFY(saved.finished);
        QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    }
    // The plain storage writes exactly the bytes the cache gave: the format other MSAL libraries read.
    QCOMPARE(readFile(path()), cache);
    FileCacheStorage storage(path());
    const JobResult loaded = run(storage.load());
    QVERIFY(!loaded.error.isError());
    QCOMPARE(loaded.data, cache);
}

void TestFileCacheStorage::saveReportsWhatWasWritten()
{
    FileCacheStorage storage(path());
    QVERIFY(!run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("a"))))).error.isError());
    const JobResult saved = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("b")))));
    QVERIFY(!saved.error.isError());
    QCOMPARE(saved.data, readFile(path()));
    QCOMPARE(parse(saved.data).value(QStringLiteral("AccessToken")).toObject().keys(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestFileCacheStorage::permissions_data()
{
    QTest::addColumn<int>("existingMode"); // -1: no file before
    QTest::addColumn<int>("umaskValue");
    QTest::newRow("new file, usual umask") << -1 << 022;
    QTest::newRow("new file, umask 0") << -1 << 0;
    QTest::newRow("existing 0644 file") << 0644 << 022;
    QTest::newRow("existing 0666 file") << 0666 << 0;
}

void TestFileCacheStorage::permissions()
{
    QFETCH(int, existingMode);
    QFETCH(int, umaskValue);
    const mode_t previousUmask = ::umask(mode_t(umaskValue));
    auto restore = qScopeGuard([previousUmask] { ::umask(previousUmask); });
    if (existingMode >= 0) {
        writeFile(path(), "{}");
        QCOMPARE(::chmod(QFile::encodeName(path()).constData(), mode_t(existingMode)), 0);
    }
    FileCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith("{\"Account\":{}}"))).error.isError());
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(path()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
}

void TestFileCacheStorage::directoryCreatedOwnerOnly()
{
    const QString file = m_dir->filePath(QStringLiteral("a/b/cache.json"));
    FileCacheStorage storage(file);
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    for (const QString &dir : {m_dir->filePath(QStringLiteral("a")), m_dir->filePath(QStringLiteral("a/b"))}) {
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(dir).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
    }
    QCOMPARE(readFile(file), QByteArray("{}"));
}

void TestFileCacheStorage::atomicReplace()
{
    writeFile(path(), "{\"old\":true}");
    struct stat before;
    QCOMPARE(::stat(QFile::encodeName(path()).constData(), &before), 0);

    FileCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith("{\"new\":true}"))).error.isError());
    QCOMPARE(readFile(path()), QByteArray("{\"new\":true}"));
    // A new file was renamed over the old one (a reader never sees a half-written cache) ...
    struct stat after;
    QCOMPARE(::stat(QFile::encodeName(path()).constData(), &after), 0);
    QVERIFY(before.st_ino != after.st_ino);
    // ... and nothing is left behind: no temporary file, no lock file.
    QCOMPARE(dirEntries(), QStringList{QStringLiteral("cache.json")});
}

void TestFileCacheStorage::mergeSeesWhatIsStoredNow()
{
    writeFile(path(), "{\"Account\":{\"x\":{}}}");
    FileCacheStorage storage(path());
    QByteArray seen;
    const JobResult result = run(storage.save([&seen](const QByteArray &storedNow) {
        seen = storedNow;
        return storedNow;
    }));
    QVERIFY(!result.error.isError());
    QCOMPARE(seen, QByteArray("{\"Account\":{\"x\":{}}}"));
}

void TestFileCacheStorage::mergeTwoInstances()
{
    FileCacheStorage a(path());
    FileCacheStorage b(path());
    QVERIFY(!run(a.load()).error.isError()); // A's in-memory cache starts empty
    QVERIFY(!run(b.save(unionMerge(accessTokenEntry(QStringLiteral("x"))))).error.isError());
    // A saves its own entry: folded into what B wrote meanwhile, not over it.
    QVERIFY(!run(a.save(unionMerge(accessTokenEntry(QStringLiteral("y"))))).error.isError());
    const QJsonObject tokens = parse(readFile(path())).value(QStringLiteral("AccessToken")).toObject();
    QCOMPARE(tokens.keys(), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
}

void TestFileCacheStorage::mergeAcrossProcesses()
{
    // Another process and this one each save N entries at the same time, each save a
    // read-merge-write: only the lock makes every entry survive.
    constexpr int N = 40;
    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start(QStringLiteral(STORAGE_HELPER),
                 {QStringLiteral("save"), path(), QStringLiteral("other"), QString::number(N)});
    QVERIFY(helper.waitForStarted());
    QSignalSpy ready(&helper, &QProcess::readyReadStandardOutput);
    QVERIFY(ready.wait(10000));
    QCOMPARE(helper.readLine().trimmed(), QByteArray("ready"));
    helper.write("go\n");

    FileCacheStorage storage(path());
    for (int i = 0; i < N; ++i) {
        const JobResult result =
            run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("mine-%1").arg(i)))));
        QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    }
    if (helper.state() != QProcess::NotRunning) {
        QSignalSpy done(&helper, &QProcess::finished);
        QVERIFY(done.wait(60000));
    }
    QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
    QCOMPARE(helper.exitCode(), 0);

    const QJsonObject tokens = parse(readFile(path())).value(QStringLiteral("AccessToken")).toObject();
    QCOMPARE(tokens.size(), 2 * N);
    for (int i = 0; i < N; ++i) {
        QVERIFY(tokens.contains(QStringLiteral("mine-%1").arg(i)));
        QVERIFY(tokens.contains(QStringLiteral("other-%1").arg(i)));
    }
    QCOMPARE(dirEntries(), QStringList{QStringLiteral("cache.json")});
}

// The cache on a read-only file system (a read-only bind mount: as root, permission bits would
// not stop a write). The lock file cannot be created: a load reads without it, a save fails and
// says why.
void TestFileCacheStorage::readOnlyFileSystem()
{
    const QString dir = m_dir->filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkdir(dir));
    const QString file = dir + QStringLiteral("/cache.json");
    const QByteArray cache = serialize(accessTokenEntry(QStringLiteral("k")));
    writeFile(file, cache);
    writeFile(dir + QStringLiteral("/damaged.json"), "not a cache");
    ScopedMount mount;
    const QString why = mount.bindReadOnly(dir);
    if (!why.isEmpty())
        QSKIP(qPrintable(why));

    FileCacheStorage storage(file);
    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, cache);
    QVERIFY(loaded.warning.isEmpty());
    QVERIFY(!storage.isStale());

    for (const JobResult &result : {run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("new"))))),
                                    run(storage.clear())}) {
        QCOMPARE(result.error.type(), AuthError::StorageError);
        QVERIFY2(result.error.message().contains(QStringLiteral("the file system is read-only")),
                 qPrintable(result.error.message()));
    }
    QCOMPARE(readFile(file), cache);

    // A damaged file found without the lock is reported and left alone: moving it could race a
    // writer (here it could not be moved anyway).
    FileCacheStorage damaged(dir + QStringLiteral("/damaged.json"));
    QSignalSpy movedAside(&damaged, &CacheStorage::corruptDataMovedAside);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read.*left in place")));
    const JobResult unread = run(damaged.load());
    QVERIFY2(!unread.error.isError(), qPrintable(unread.error.errorString()));
    QVERIFY(unread.data.isEmpty());
    QCOMPARE(unread.warningError.type(), AuthError::CacheReset);
    QCOMPARE(movedAside.size(), 0);
    QCOMPARE(readFile(dir + QStringLiteral("/damaged.json")), QByteArray("not a cache"));
}

// A full disk: the save fails with a StorageError that says so, the cache file is as it was
// (writes go to a temporary file renamed over it), and loads still work (without the lock, whose
// file cannot be written either).
void TestFileCacheStorage::fullDisk()
{
    const QString dir = m_dir->filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkdir(dir));
    ScopedMount mount;
    const QString why = mount.tmpfs(dir, 64 * 1024);
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    const QString file = dir + QStringLiteral("/cache.json");
    const QByteArray cache = serialize(accessTokenEntry(QStringLiteral("k")));
    {
        FileCacheStorage storage(file);
        QVERIFY(!run(storage.save(replaceWith(cache))).error.isError());
    }
    QVERIFY(fillUp(dir + QStringLiteral("/filler")));

    FileCacheStorage storage(file);
    const JobResult saved = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("new")))));
    QCOMPARE(saved.error.type(), AuthError::StorageError);
    QVERIFY2(saved.error.message().contains(QStringLiteral("the disk is full")), qPrintable(saved.error.message()));
    QCOMPARE(readFile(file), cache);
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
             (QStringList{QStringLiteral("cache.json"), QStringLiteral("filler")}));

    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, cache);

    // Room for the lock file, not for the new cache: the write itself says the disk is full.
    QFile::remove(dir + QStringLiteral("/filler"));
    QVERIFY(fillUp(dir + QStringLiteral("/filler")));
    QFile filler(dir + QStringLiteral("/filler"));
    QVERIFY(filler.resize(filler.size() - 4096));
    const QByteArray big = serialize(accessTokenEntry(QStringLiteral("big"), QString(16 * 1024, QLatin1Char('x'))));
    const JobResult tooBig = run(storage.save(replaceWith(big)));
    QCOMPARE(tooBig.error.type(), AuthError::StorageError);
    QVERIFY2(tooBig.error.message().contains(QStringLiteral("the disk is full")), qPrintable(tooBig.error.message()));
    QCOMPARE(readFile(file), cache);
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
             (QStringList{QStringLiteral("cache.json"), QStringLiteral("filler")}));
}

void TestFileCacheStorage::cachePathIsDirectory()
{
    QVERIFY(QDir().mkdir(path()));
    FileCacheStorage storage(path());
    for (const JobResult &result : {run(storage.load()), run(storage.save(replaceWith("{}")))}) {
        QCOMPARE(result.error.type(), AuthError::StorageError);
        QVERIFY2(result.error.message().contains(QStringLiteral("is a directory")), qPrintable(result.error.message()));
    }
    QVERIFY(QFileInfo(path()).isDir());
}

// A JSON object with a damaged section (here a string where the AccessToken section belongs):
// the merge keeps what it can, and the save that replaces the file first keeps a copy of it.
void TestFileCacheStorage::damagedSectionCopyKept()
{
    const QByteArray damaged("{\"AccessToken\":\"oops\",\"Account\":{\"a\":{\"home_account_id\":\"a\"}}}");
    writeFile(path(), damaged);
    FileCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);

    // A load reads it as it is, warns, and copies nothing (that would happen on every start).
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged.*AccessToken")));
    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, damaged);
    QVERIFY2(loaded.warning.contains(QStringLiteral("AccessToken")), qPrintable(loaded.warning));
    QCOMPARE(loaded.warningError.type(), AuthError::StorageError);
    QCOMPARE(movedAside.size(), 0);

    QByteArray seen;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was damaged.*a copy was kept at")));
    const JobResult saved = run(storage.save([&seen](const QByteArray &storedNow) {
        seen = storedNow;
        QJsonObject cache = parse(storedNow);
        cache.remove(QStringLiteral("AccessToken")); // what a lenient merge does with it
        return serialize(unite(cache, accessTokenEntry(QStringLiteral("new"))));
    }));
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    QCOMPARE(seen, damaged); // the merge reads the original, to keep its readable parts
    QCOMPARE(movedAside.size(), 1);
    const QString copy = movedAside.at(0).at(0).toString();
    QVERIFY2(QFileInfo(copy).fileName().startsWith(QStringLiteral("cache.json.corrupt-")), qPrintable(copy));
    QCOMPARE(readFile(copy), damaged);
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(copy).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
    QVERIFY2(saved.warning.contains(copy), qPrintable(saved.warning));
    QVERIFY2(saved.warning.contains(QStringLiteral("damaged")), qPrintable(saved.warning));
    QCOMPARE(saved.warningError.type(), AuthError::StorageError);
    QCOMPARE(saved.warningError.message(), saved.warning);
    const QJsonObject written = parse(readFile(path()));
    QVERIFY(written.value(QStringLiteral("Account")).toObject().contains(QStringLiteral("a")));
    QVERIFY(written.value(QStringLiteral("AccessToken")).toObject().contains(QStringLiteral("new")));

    // Healthy again: the next save keeps no copy.
    QVERIFY(run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("newer"))))).warning.isEmpty());
    QCOMPARE(movedAside.size(), 1);
}

void TestFileCacheStorage::corruptFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage text") << QByteArray("this is not a cache") << QStringLiteral("not JSON");
    QTest::newRow("truncated JSON") << QByteArray("{\"AccessToken\":{\"k\":{\"secret\":\"ab")
                                    << QStringLiteral("not JSON");
    QTest::newRow("JSON array") << QByteArray("[{\"AccessToken\":{}}]") << QStringLiteral("not an object");
    QTest::newRow("JSON object in a string") << QByteArray("\"{}\"") << QStringLiteral("not"); // Qt 6.4 refuses top-level scalars
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe\x7f garbage", 14) << QStringLiteral("not JSON");
    QTest::newRow("NUL bytes") << QByteArray(64, '\0') << QStringLiteral("not JSON");
    QTest::newRow("object, then more") << QByteArray("{\"AccessToken\":{}} {}") << QStringLiteral("not JSON");
    QTest::newRow("a number") << QByteArray("42") << QStringLiteral("not an object");
    QTest::newRow("a number, then more") << QByteArray("42 x") << QStringLiteral("not JSON");
    QTest::newRow("bad escape") << QByteArray("{\"k\":\"\\x\"}") << QStringLiteral("not JSON");
}

void TestFileCacheStorage::corruptFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    writeFile(path(), bytes);

    FileCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read.*moved to")));
    const JobResult result = run(storage.load());
    QVERIFY(result.finished);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    QVERIFY(result.data.isEmpty());

    QCOMPARE(movedAside.size(), 1);
    const QString movedTo = movedAside.at(0).at(0).toString();
    QVERIFY2(QFileInfo(movedTo).fileName().startsWith(QStringLiteral("cache.json.corrupt-")), qPrintable(movedTo));
    QVERIFY(QFileInfo(movedTo).fileName().contains(QRegularExpression(QStringLiteral("\\d{8}T\\d{6}Z$"))));
    QCOMPARE(readFile(movedTo), bytes); // never deleted: the original bytes are kept
    QVERIFY(!QFileInfo::exists(path()));
    QVERIFY2(result.warning.contains(movedTo), qPrintable(result.warning));
    QVERIFY2(result.warning.contains(reason), qPrintable(result.warning));
    // Typed, for the application to tell the person: the saved sign-ins are gone.
    QCOMPARE(result.warningError.type(), AuthError::CacheReset);
    QCOMPARE(result.warningError.message(), result.warning);
}

// MSAL Python writes a lone surrogate as a \\uXXXX escape, and JSON's grammar allows it: such a
// file is read, not moved aside.
void TestFileCacheStorage::loneSurrogateIsNotCorrupt()
{
    const QByteArray bytes("{\"AccessToken\":{},\"Other\":{\"name\":\"\\ud800\"}}");
    writeFile(path(), bytes);
    FileCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    const JobResult result = run(storage.load());
    QVERIFY(result.finished);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    QCOMPARE(result.data, bytes);
    QCOMPARE(movedAside.size(), 0);
}

void TestFileCacheStorage::corruptFileOnSave()
{
    writeFile(path(), "[1,2,3]");
    FileCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read")));
    QByteArray seen = "unset";
    const JobResult result = run(storage.save([&seen](const QByteArray &storedNow) {
        seen = storedNow;
        return serialize(accessTokenEntry(QStringLiteral("fresh")));
    }));
    QVERIFY(!result.error.isError());
    QVERIFY(seen.isEmpty()); // the merge started from an empty cache
    QVERIFY(!result.warning.isEmpty());
    QCOMPARE(movedAside.size(), 1);
    QCOMPARE(readFile(movedAside.at(0).at(0).toString()), QByteArray("[1,2,3]"));
    QCOMPARE(readFile(path()), serialize(accessTokenEntry(QStringLiteral("fresh"))));

    // Two corrupt files within the same second both survive.
    writeFile(path(), "again corrupt");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read")));
    QVERIFY(!run(storage.load()).error.isError());
    QCOMPARE(movedAside.size(), 2);
    QVERIFY(movedAside.at(0).at(0) != movedAside.at(1).at(0));
    QCOMPARE(readFile(movedAside.at(1).at(0).toString()), QByteArray("again corrupt"));
}

void TestFileCacheStorage::blankFileIsEmpty_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \n\t\n");
}

void TestFileCacheStorage::blankFileIsEmpty()
{
    QFETCH(QByteArray, bytes);
    writeFile(path(), bytes);
    FileCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    const JobResult result = run(storage.load());
    QVERIFY(!result.error.isError());
    QVERIFY(result.data.isEmpty());
    QVERIFY(result.warning.isEmpty());
    QCOMPARE(movedAside.size(), 0);
}

void TestFileCacheStorage::encryptedFileIsLeftAlone()
{
    // A cache that KeychainCacheStorage wrote is healthy: the plain storage must not move it aside.
    const QByteArray sealed = Internal::AesGcm::seal(Internal::AesGcm::generateKey(), "{}");
    writeFile(path(), sealed);
    FileCacheStorage storage(path());
    for (const JobResult &result : {run(storage.load()), run(storage.save(replaceWith("{}")))}) {
        QCOMPARE(result.error.type(), AuthError::StorageError);
        QVERIFY2(result.error.message().contains(QStringLiteral("KeychainCacheStorage")),
                 qPrintable(result.error.message()));
    }
    QCOMPARE(readFile(path()), sealed);
    QCOMPARE(dirEntries(), QStringList{QStringLiteral("cache.json")});
}

void TestFileCacheStorage::clear()
{
    FileCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    QVERIFY(QFileInfo::exists(path()));
    QVERIFY(!run(storage.clear()).error.isError());
    QVERIFY(!QFileInfo::exists(path()));
    QVERIFY(dirEntries().isEmpty());
    QVERIFY(!run(storage.clear()).error.isError()); // nothing to clear is fine
    const JobResult loaded = run(storage.load());
    QVERIFY(!loaded.error.isError());
    QVERIFY(loaded.data.isEmpty());
}

void TestFileCacheStorage::missingMergeFunction()
{
    FileCacheStorage storage(path());
    const JobResult result = run(storage.save({}));
    QCOMPARE(result.error.type(), AuthError::InvalidConfiguration);
    QVERIFY(!QFileInfo::exists(path()));
}

void TestFileCacheStorage::jobStartsOnNextTurnAndDeletesItself()
{
    writeFile(path(), "{}");
    FileCacheStorage storage(path());
    QPointer<CacheStorageJob> job = storage.load();
    QCOMPARE(job->operation(), CacheStorageJob::Load);
    QVERIFY(!job->isFinished()); // nothing happened yet: connecting now is in time
    int finishedCount = 0;
    connect(job, &CacheStorageJob::finished, this, [&finishedCount, &job](CacheStorageJob *finished) {
        ++finishedCount;
        QCOMPARE(finished, job.data());
        QVERIFY(finished->isFinished());
        QCOMPARE(finished->data(), QByteArray("{}"));
    });
    QTRY_VERIFY(job.isNull()); // auto-deleted after finished()
    QCOMPARE(finishedCount, 1);
}

void TestFileCacheStorage::storageDestroyedWithJobRunning()
{
    auto *storage = new FileCacheStorage(path());
    QPointer<CacheStorageJob> job = storage->save(replaceWith("{}"));
    delete storage; // before the job ran: it goes with its storage, and nothing is written
    QVERIFY(job.isNull());
    QCoreApplication::processEvents(); // the queued start finds no job
    QVERIFY(!QFileInfo::exists(path()));

    QLockFile lock(path() + QStringLiteral(".lock"));
    QVERIFY(lock.tryLock(0));
    storage = new FileCacheStorage(path());
    job = storage->save(replaceWith("{}"));
    QSignalSpy spy(job.data(), &CacheStorageJob::finished);
    QVERIFY(!spy.wait(100)); // waiting for the lock, in a retry timer
    delete storage;
    QVERIFY(job.isNull());
    lock.unlock();
    QVERIFY(dirEntries().isEmpty());
}

QTEST_GUILESS_MAIN(TestFileCacheStorage)
#include "tst_filecachestorage.moc"
