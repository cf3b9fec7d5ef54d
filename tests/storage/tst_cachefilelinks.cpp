// The cache file against a hostile local actor who can place things in its directory (security
// issue 12, item 9): a symbolic link at the cache path or at its lock file, pointing at another
// file of the user's or at where a file would be created, is refused with StorageError, and the
// link's target is neither read, created nor changed. A FIFO there does not hang the job. A link
// planted where a corrupt file is moved aside is never replaced. Links among the directories are
// the user's own and are followed (documented in filecachestorage.h).

#include "storagetestutil.h"

#include <MsalQt/filecachestorage.h>

#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace MsalQt;
using namespace StorageTest;

class TestCacheFileLinks : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void linkAtCachePath_data();
    void linkAtCachePath();
    void linkAtLockPath();
    void fifoAtCachePath();
    void linkWhereCorruptFileGoes();
    void linkedDirectoryIsFollowed();

private:
    QString path(const QString &name = QStringLiteral("cache.json")) const { return m_dir->filePath(name); }
    static QByteArray readFile(const QString &path);
    static void writeFile(const QString &path, const QByteArray &bytes, mode_t mode = 0644);
    static mode_t modeOf(const QString &path);
    static bool link(const QString &target, const QString &at);
    QStringList dirEntries() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

static const QByteArray Precious = "the person's own file, not a token cache\n";

QByteArray TestCacheFileLinks::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCacheFileLinks::writeFile(const QString &path, const QByteArray &bytes, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

mode_t TestCacheFileLinks::modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

bool TestCacheFileLinks::link(const QString &target, const QString &at)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(at).constData()) == 0;
}

QStringList TestCacheFileLinks::dirEntries() const
{
    return QDir(m_dir->path()).entryList(QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

void TestCacheFileLinks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCacheFileLinks::linkAtCachePath_data()
{
    QTest::addColumn<int>("operation"); // CacheStorageJob::Operation
    QTest::addColumn<bool>("dangling"); // the link leads where no file is yet
    for (const bool dangling : {false, true}) {
        const char *kind = dangling ? "to a file to be created" : "to an existing file";
        QTest::addRow("load, link %s", kind) << int(CacheStorageJob::Load) << dangling;
        QTest::addRow("save, link %s", kind) << int(CacheStorageJob::Save) << dangling;
        QTest::addRow("clear, link %s", kind) << int(CacheStorageJob::Clear) << dangling;
    }
}

void TestCacheFileLinks::linkAtCachePath()
{
    QFETCH(int, operation);
    QFETCH(bool, dangling);
    const QString target = path(dangling ? QStringLiteral("created-by-nobody") : QStringLiteral("precious.txt"));
    if (!dangling)
        writeFile(target, Precious);
    QVERIFY(link(target, path()));

    FileCacheStorage storage(path());
    bool merged = false;
    CacheStorageJob *job = nullptr;
    switch (CacheStorageJob::Operation(operation)) {
    case CacheStorageJob::Load:
        job = storage.load();
        break;
    case CacheStorageJob::Save:
        job = storage.save([&merged](const QByteArray &) {
            merged = true;
            return serialize(accessTokenEntry(QStringLiteral("would-be-written")));
        });
        break;
    case CacheStorageJob::Clear:
        job = storage.clear();
        break;
    }
    const JobResult result = run(job);
    QVERIFY(result.finished);
    QCOMPARE(result.error.type(), AuthError::StorageError);
    QVERIFY2(result.error.message().contains(QLatin1String("symbolic link")), qPrintable(result.error.message()));
    QVERIFY(result.data.isEmpty()); // nothing read through the link
    QVERIFY(!merged);

    // The link and its target are exactly as they were; nothing else appeared.
    QCOMPARE(QFileInfo(path()).symLinkTarget(), target);
    if (dangling) {
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(dirEntries(), QStringList{QStringLiteral("cache.json")});
    } else {
        QCOMPARE(readFile(target), Precious);
        QCOMPARE(modeOf(target), mode_t(0644));
        QCOMPARE(dirEntries(), (QStringList{QStringLiteral("cache.json"), QStringLiteral("precious.txt")}));
    }
}

void TestCacheFileLinks::linkAtLockPath()
{
    writeFile(path(QStringLiteral("precious.txt")), Precious);
    QVERIFY(link(path(QStringLiteral("precious.txt")), path(QStringLiteral("cache.json.lock"))));
    FileCacheStorage storage(path());
    const JobResult result = run(storage.save(replaceWith(serialize(accessTokenEntry(QStringLiteral("k"))))));
    QCOMPARE(result.error.type(), AuthError::StorageError);
    QVERIFY2(result.error.message().contains(QLatin1String("symbolic link")), qPrintable(result.error.message()));
    QCOMPARE(readFile(path(QStringLiteral("precious.txt"))), Precious);
    QCOMPARE(modeOf(path(QStringLiteral("precious.txt"))), mode_t(0644));
    QVERIFY(!QFileInfo::exists(path())); // nothing written without the lock
    QVERIFY(QFileInfo(path(QStringLiteral("cache.json.lock"))).isSymLink());
}

void TestCacheFileLinks::fifoAtCachePath()
{
    QCOMPARE(::mkfifo(QFile::encodeName(path()).constData(), 0600), 0);
    FileCacheStorage storage(path());
    for (const JobResult &result : {run(storage.load(), 10000), run(storage.save(replaceWith("{}")), 10000)}) {
        QVERIFY(result.finished); // opening a FIFO for reading would block until a writer came
        QCOMPARE(result.error.type(), AuthError::StorageError);
        QVERIFY2(result.error.message().contains(QLatin1String("not a regular file")), qPrintable(result.error.message()));
    }
    QVERIFY(!QFileInfo(path()).isFile());
}

void TestCacheFileLinks::linkWhereCorruptFileGoes()
{
    // A corrupt cache is moved to "<file>.corrupt-<UTC time>", a name one can predict: links
    // planted under it for this second and the next ones must survive, and so must their target.
    writeFile(path(), "not a cache");
    writeFile(path(QStringLiteral("precious.txt")), Precious);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList planted;
    for (int second = 0; second < 3; ++second) {
        planted << path(QStringLiteral("cache.json.corrupt-")
                        + now.addSecs(second).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
        QVERIFY(link(path(QStringLiteral("precious.txt")), planted.last()));
    }
    FileCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read")));
    const JobResult result = run(storage.load());
    QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    QCOMPARE(movedAside.size(), 1);
    const QString movedTo = movedAside.at(0).at(0).toString();
    QVERIFY2(!planted.contains(movedTo), qPrintable(movedTo));
    QCOMPARE(readFile(movedTo), QByteArray("not a cache"));
    QCOMPARE(readFile(path(QStringLiteral("precious.txt"))), Precious);
    for (const QString &link : std::as_const(planted))
        QVERIFY(QFileInfo(link).isSymLink());
}

void TestCacheFileLinks::linkedDirectoryIsFollowed()
{
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("real")));
    QVERIFY(link(path(QStringLiteral("real")), path(QStringLiteral("linked"))));
    FileCacheStorage storage(path(QStringLiteral("linked/cache.json")));
    const QByteArray cache = serialize(accessTokenEntry(QStringLiteral("k")));
    const JobResult saved = run(storage.save(replaceWith(cache)));
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    QCOMPARE(readFile(path(QStringLiteral("real/cache.json"))), cache);
    QCOMPARE(modeOf(path(QStringLiteral("real/cache.json"))), mode_t(0600));
    QCOMPARE(run(storage.load()).data, cache);
}

QTEST_GUILESS_MAIN(TestCacheFileLinks)
#include "tst_cachefilelinks.moc"
