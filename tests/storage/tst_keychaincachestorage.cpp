// KeychainCacheStorage against a real Secret Service (gnome-keyring-daemon in a private D-Bus
// session, see with-keyring.sh), and without any keychain (no session bus), where the storage
// must fail with KeychainUnavailable, or fall back to a plain file when the application allows.
//
// One binary, three ctest entries: MSALQT_TEST_KEYCHAIN=locked selects the tests with a locked
// collection (also through with-keyring.sh), MSALQT_TEST_KEYCHAIN=unavailable those without a bus;
// both sets are in tst_keychainunavailable.cpp.

#include "keychaintestutil.h"
#include "mounttestutil.h"

#include "storage/aesgcm_p.h"

#include <MsalQt/keychaincachestorage.h>

#include <QtTest>

#include <sys/stat.h>

using namespace MsalQt;
using namespace StorageTest;
using Internal::AesGcm;
using namespace KeychainTest;


// ---------------------------------------------------------------------------------------------
// With a Secret Service

class TestKeychainCacheStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void firstSaveCreatesKey();
    void secondInstanceReadsWhatFirstWrote();
    void eachSaveUsesANewNonce();
    void keyDeletedFromKeychain();
    void tamperedFile_data();
    void tamperedFile();
    void newerFormatIsLeftAlone();
    void plainFileRefused_data();
    void plainFileRefused();
    void plainFileReadWithFallbackThenEncrypted();
    void linkAtCachePathRefused();
    void keyCreationRaceInProcess();
    void mergeAcrossProcesses();
    void invalidKeychainEntry();
    void namedKeychainEntry();
    void clearRemovesFileAndKey();
    void readOnlyFileSystem();
    void damagedSectionCopyKept();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("cache.bin")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKeychainCacheStorage::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("MSALQT_TEST_KEYRING"))
        QSKIP("Needs a private Secret Service: run through tests/storage/with-keyring.sh (ctest does).");
}

void TestKeychainCacheStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestKeychainCacheStorage::firstSaveCreatesKey()
{
    KeychainCacheStorage storage(path());
    QCOMPARE(storage.keychainService(), Service);
    QCOMPARE(storage.keychainKey(), QFileInfo(path()).absoluteFilePath());
    QCOMPARE(readEntry(storage.keychainKey()).error, QKeychain::EntryNotFound);

    const QByteArray cache = serialize(accessTokenEntry(QStringLiteral("uid.utid-login.windows.net-at"), Secret));
    const JobResult saved = run(storage.save(replaceWith(cache)));
    QVERIFY(saved.finished);
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    QCOMPARE(saved.data, cache);

    const Entry key = readEntry(storage.keychainKey());
    QCOMPARE(key.error, QKeychain::NoError);
    QCOMPARE(key.data.size(), AesGcm::KeySize);

    // On disk: the sealed format, and nothing of the cache readable.
    const QByteArray onDisk = readFile(path());
    QVERIFY(onDisk.startsWith("MSALQTC1"));
    QCOMPARE(onDisk.size(), cache.size() + AesGcm::Overhead);
    QVERIFY(!onDisk.contains("AccessToken"));
    QVERIFY(!onDisk.contains("secret"));
    QVERIFY(!onDisk.contains(Secret.toUtf8()));
    QVERIFY(!onDisk.contains(Secret.left(12).toUtf8()));
    QCOMPARE(AesGcm::open(key.data, onDisk), cache);
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(path()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));

    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, cache);
    QVERIFY(loaded.warning.isEmpty());
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("cache.bin")});
}

void TestKeychainCacheStorage::secondInstanceReadsWhatFirstWrote()
{
    const QByteArray cache = serialize(accessTokenEntry(QStringLiteral("k"), Secret));
    {
        KeychainCacheStorage first(path());
        QVERIFY(!run(first.save(replaceWith(cache))).error.isError());
    }
    KeychainCacheStorage second(path());
    const JobResult loaded = run(second.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, cache);
    // And it saves by merging into it, under the same key.
    QVERIFY(!run(second.save(unionMerge(accessTokenEntry(QStringLiteral("k2"))))).error.isError());
    KeychainCacheStorage third(path());
    QCOMPARE(parse(run(third.load()).data).value(QStringLiteral("AccessToken")).toObject().size(), 2);
}

void TestKeychainCacheStorage::eachSaveUsesANewNonce()
{
    KeychainCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    const QByteArray first = readFile(path());
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    const QByteArray second = readFile(path());
    QCOMPARE(first.size(), second.size());
    QVERIFY(first.mid(AesGcm::HeaderSize, AesGcm::NonceSize) != second.mid(AesGcm::HeaderSize, AesGcm::NonceSize));
}

void TestKeychainCacheStorage::keyDeletedFromKeychain()
{
    KeychainCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith(serialize(accessTokenEntry(QStringLiteral("old")))))).error.isError());
    const QByteArray sealed = readFile(path());
    const QByteArray oldKey = readEntry(storage.keychainKey()).data;
    QCOMPARE(deleteEntry(storage.keychainKey()), QKeychain::NoError);

    // A load cannot tell a deleted key from a keychain that cannot show it right now (see
    // TestLockedKeychain): it reports an empty cache and a warning, and leaves the file alone.
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("key the keychain does not hold")));
    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QVERIFY(loaded.data.isEmpty());
    QVERIFY2(loaded.warning.contains(QLatin1String("does not hold")), qPrintable(loaded.warning));
    // For the application the saved sign-ins are gone: a typed warning it can show.
    QCOMPARE(loaded.warningError.type(), AuthError::CacheReset);
    QCOMPARE(movedAside.size(), 0);
    QCOMPARE(readFile(path()), sealed);
    QCOMPARE(readEntry(storage.keychainKey()).error, QKeychain::EntryNotFound); // a load creates no key

    // The next save stores a new key (the keychain works), then moves the lost file aside
    // (kept, reported) and goes on from an empty cache.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("key the keychain no longer holds")));
    const JobResult saved = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("new")))));
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    QCOMPARE(movedAside.size(), 1);
    QVERIFY(saved.warning.contains(movedAside.at(0).at(0).toString()));
    QCOMPARE(saved.warningError.type(), AuthError::CacheReset);
    QCOMPARE(readFile(movedAside.at(0).at(0).toString()), sealed);
    const Entry newKey = readEntry(storage.keychainKey());
    QCOMPARE(newKey.error, QKeychain::NoError);
    QVERIFY(newKey.data != oldKey);
    QCOMPARE(parse(run(storage.load()).data).value(QStringLiteral("AccessToken")).toObject().keys(),
             QStringList{QStringLiteral("new")});

    // Same on save: a file sealed with a lost key is moved aside, and the save goes on.
    writeFile(path(), sealed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read")));
    const JobResult savedAgain = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("newer")))));
    QVERIFY2(!savedAgain.error.isError(), qPrintable(savedAgain.error.errorString()));
    QVERIFY(savedAgain.warning.contains(QLatin1String("damaged or changed")));
    QCOMPARE(savedAgain.warningError.type(), AuthError::CacheReset);
    QCOMPARE(movedAside.size(), 2);
    QCOMPARE(parse(savedAgain.data).value(QStringLiteral("AccessToken")).toObject().keys(),
             QStringList{QStringLiteral("newer")});
}

void TestKeychainCacheStorage::tamperedFile_data()
{
    QTest::addColumn<int>("offset"); // byte to flip; negative: from the end
    QTest::addColumn<int>("truncateTo"); // -1: none
    QTest::newRow("ciphertext byte") << AesGcm::HeaderSize + AesGcm::NonceSize + 3 << -1;
    QTest::newRow("nonce byte") << AesGcm::HeaderSize << -1;
    QTest::newRow("tag byte") << -1 << -1;
    QTest::newRow("version byte") << 7 << -1;
    QTest::newRow("truncated") << 0 << 20;
    QTest::newRow("half the file") << 0 << 40;
}

void TestKeychainCacheStorage::tamperedFile()
{
    QFETCH(int, offset);
    QFETCH(int, truncateTo);
    KeychainCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith(serialize(accessTokenEntry(QStringLiteral("k"), Secret))))).error.isError());
    QByteArray bytes = readFile(path());
    if (truncateTo >= 0) {
        bytes.truncate(truncateTo);
    } else {
        const int at = offset >= 0 ? offset : int(bytes.size()) + offset;
        bytes[at] = char(bytes.at(at) ^ 0x01); // the version byte becomes '0': damage, not a newer format
    }
    writeFile(path(), bytes);

    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read")));
    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QVERIFY(loaded.data.isEmpty());
    QCOMPARE(movedAside.size(), 1);
    QCOMPARE(readFile(movedAside.at(0).at(0).toString()), bytes);
    QCOMPARE(loaded.warningError.type(), AuthError::CacheReset);
    // The key was fine: it stays.
    QCOMPARE(readEntry(storage.keychainKey()).error, QKeychain::NoError);
}

void TestKeychainCacheStorage::newerFormatIsLeftAlone()
{
    const QByteArray newer = QByteArray("MSALQTC2") + QByteArray(64, 'x');
    writeFile(path(), newer);
    KeychainCacheStorage storage(path());
    for (const JobResult &result : {run(storage.load()), run(storage.save(replaceWith("{}")))}) {
        QCOMPARE(result.error.type(), AuthError::StorageError);
        QVERIFY2(result.error.message().contains(QStringLiteral("newer version")), qPrintable(result.error.message()));
    }
    QCOMPARE(readFile(path()), newer);
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("cache.bin")});
}

void TestKeychainCacheStorage::plainFileRefused_data()
{
    QTest::addColumn<bool>("save");
    QTest::newRow("load") << false;
    QTest::newRow("save") << true;
}

void TestKeychainCacheStorage::plainFileRefused()
{
    // A hostile local actor plants a plain cache with a token of his choosing where the encrypted
    // one belongs (issue 12, item 10): it must never be served as the person's, nor merged into
    // what is saved; it is moved aside and reported, and the job fails with StorageError.
    QFETCH(bool, save);
    const QByteArray planted = serialize(accessTokenEntry(QStringLiteral("planted"), Secret));
    writeFile(path(), planted);
    KeychainCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    QByteArray seen = "merge never called";
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused.*unencrypted")));
    const JobResult result = save ? run(storage.save([&seen](const QByteArray &stored) {
                                        seen = stored;
                                        return serialize(accessTokenEntry(QStringLiteral("mine")));
                                    }))
                                  : run(storage.load());
    QCOMPARE(result.error.type(), AuthError::StorageError);
    QVERIFY2(result.error.message().contains(QLatin1String("unencrypted")), qPrintable(result.error.message()));
    QVERIFY(result.data.isEmpty());
    QCOMPARE(seen, QByteArray("merge never called"));
    QVERIFY(!result.error.errorString().contains(Secret.left(12)));

    QCOMPARE(movedAside.size(), 1);
    const QString movedTo = movedAside.at(0).at(0).toString();
    QVERIFY2(result.error.message().contains(movedTo), qPrintable(result.error.message()));
    QVERIFY(result.warning.contains(movedTo));
    QCOMPARE(readFile(movedTo), planted); // kept as evidence, never deleted
    QVERIFY(!QFileInfo::exists(path()));  // nothing written in its place
    QCOMPARE(filesIn(m_dir->path()), QStringList{QFileInfo(movedTo).fileName()});

    // Afterwards the storage starts empty, and works.
    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QVERIFY(loaded.data.isEmpty());
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    QVERIFY(AesGcm::looksSealed(readFile(path())));
}

void TestKeychainCacheStorage::plainFileReadWithFallbackThenEncrypted()
{
    // An application that allows the unencrypted fallback wrote plain files itself (or moves from
    // FileCacheStorage): it reads one, and its next save encrypts it.
    const QByteArray plain = serialize(accessTokenEntry(QStringLiteral("plain"), Secret));
    writeFile(path(), plain);
    KeychainCacheStorage storage(path());
    storage.setAllowUnencryptedFallback(true);
    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, plain);
    QVERIFY(loaded.warning.isEmpty());
    QCOMPARE(readFile(path()), plain); // loading changes nothing

    QVERIFY(!run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("next"))))).error.isError());
    const QByteArray onDisk = readFile(path());
    QVERIFY(AesGcm::looksSealed(onDisk));
    QVERIFY(!onDisk.contains(Secret.toUtf8()));
    QCOMPARE(parse(run(storage.load()).data).value(QStringLiteral("AccessToken")).toObject().keys(),
             (QStringList{QStringLiteral("next"), QStringLiteral("plain")}));
}

void TestKeychainCacheStorage::linkAtCachePathRefused()
{
    // Issue 12, item 9, for the encrypted storage: a save through a link would replace the
    // link's target with the cache (tst_cachefilelinks has the cases).
    const QString precious = m_dir->filePath(QStringLiteral("precious.txt"));
    writeFile(precious, "the person's own file");
    QVERIFY(QFile::link(precious, path()));
    KeychainCacheStorage storage(path());
    for (const JobResult &result : {run(storage.save(replaceWith("{}"))), run(storage.load())}) {
        QCOMPARE(result.error.type(), AuthError::StorageError);
        QVERIFY2(result.error.message().contains(QLatin1String("symbolic link")), qPrintable(result.error.message()));
        QVERIFY(result.data.isEmpty());
    }
    QCOMPARE(readFile(precious), QByteArray("the person's own file"));
    QCOMPARE(QFileInfo(path()).symLinkTarget(), precious);
}

void TestKeychainCacheStorage::keyCreationRaceInProcess()
{
    // Two storages on one new file save at once: both find no key before the lock; the one
    // that gets the lock second must use the key the first created, not make its own.
    KeychainCacheStorage a(path());
    KeychainCacheStorage b(path());
    CacheStorageJob *jobA = a.save(unionMerge(accessTokenEntry(QStringLiteral("a"))));
    CacheStorageJob *jobB = b.save(unionMerge(accessTokenEntry(QStringLiteral("b"))));
    const JobResult resultA = run(jobA);
    const JobResult resultB = run(jobB);
    QVERIFY2(!resultA.error.isError(), qPrintable(resultA.error.errorString()));
    QVERIFY2(!resultB.error.isError(), qPrintable(resultB.error.errorString()));
    QVERIFY(resultA.warning.isEmpty() && resultB.warning.isEmpty());
    QCOMPARE(parse(run(a.load()).data).value(QStringLiteral("AccessToken")).toObject().keys(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestKeychainCacheStorage::mergeAcrossProcesses()
{
    // As in tst_filecachestorage, encrypted, and starting without a key in either process.
    constexpr int N = 25;
    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start(QStringLiteral(STORAGE_HELPER), {QStringLiteral("save"), path(), QStringLiteral("other"),
                                                  QString::number(N), QStringLiteral("keychain")});
    QVERIFY(helper.waitForStarted());
    QSignalSpy ready(&helper, &QProcess::readyReadStandardOutput);
    QVERIFY(ready.wait(10000));
    QCOMPARE(helper.readLine().trimmed(), QByteArray("ready"));
    helper.write("go\n");

    KeychainCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    for (int i = 0; i < N; ++i) {
        const JobResult result = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("mine-%1").arg(i)))));
        QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    }
    if (helper.state() != QProcess::NotRunning) {
        QSignalSpy done(&helper, &QProcess::finished);
        QVERIFY(done.wait(60000));
    }
    QCOMPARE(helper.exitCode(), 0);
    QCOMPARE(movedAside.size(), 0);
    const JobResult loaded = run(storage.load());
    QVERIFY(!loaded.error.isError());
    QCOMPARE(parse(loaded.data).value(QStringLiteral("AccessToken")).toObject().size(), 2 * N);
    QVERIFY(AesGcm::looksSealed(readFile(path())));
}

void TestKeychainCacheStorage::invalidKeychainEntry()
{
    KeychainCacheStorage storage(path());
    storage.setKeychainKey(QStringLiteral("not-a-key-%1").arg(QCoreApplication::applicationPid()));
    QCOMPARE(writeEntry(storage.keychainKey(), "hunter2"), QKeychain::NoError);
    writeFile(path(), "{}");
    const JobResult result = run(storage.save(replaceWith("{\"x\":1}")));
    QCOMPARE(result.error.type(), AuthError::StorageError);
    QVERIFY2(result.error.message().contains(storage.keychainKey()), qPrintable(result.error.message()));
    QCOMPARE(readFile(path()), QByteArray("{}"));
    QCOMPARE(readEntry(storage.keychainKey()).data, QByteArray("hunter2")); // not overwritten
    deleteEntry(storage.keychainKey());
}

void TestKeychainCacheStorage::namedKeychainEntry()
{
    KeychainCacheStorage storage(path());
    const QString service = QStringLiteral("MsalQt test app");
    const QString key = QStringLiteral("work account");
    storage.setKeychainService(service);
    storage.setKeychainKey(key);
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    QCOMPARE(readEntry(key, service).data.size(), AesGcm::KeySize);
    QCOMPARE(readEntry(QFileInfo(path()).absoluteFilePath()).error, QKeychain::EntryNotFound);
}

void TestKeychainCacheStorage::clearRemovesFileAndKey()
{
    KeychainCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    QCOMPARE(readEntry(storage.keychainKey()).error, QKeychain::NoError);
    const JobResult cleared = run(storage.clear());
    QVERIFY2(!cleared.error.isError(), qPrintable(cleared.error.errorString()));
    QVERIFY(!QFileInfo::exists(path()));
    QCOMPARE(readEntry(storage.keychainKey()).error, QKeychain::EntryNotFound);
    QVERIFY(filesIn(m_dir->path()).isEmpty());
    QVERIFY(!run(storage.clear()).error.isError()); // again: nothing left, no error
}

// As in tst_filecachestorage: on a read-only file system a load reads the encrypted file without
// the lock (it creates no key: the key exists), and a save fails and says why.
void TestKeychainCacheStorage::readOnlyFileSystem()
{
    const QString dir = m_dir->filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkdir(dir));
    const QString file = dir + QStringLiteral("/cache.bin");
    const QByteArray cache = serialize(accessTokenEntry(QStringLiteral("k"), Secret));
    KeychainCacheStorage storage(file);
    QVERIFY(!run(storage.save(replaceWith(cache))).error.isError());
    const QByteArray sealed = readFile(file);
    ScopedMount mount;
    const QString why = mount.bindReadOnly(dir);
    if (!why.isEmpty())
        QSKIP(qPrintable(why));

    const JobResult loaded = run(storage.load());
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.errorString()));
    QCOMPARE(loaded.data, cache);
    QVERIFY(loaded.warning.isEmpty());

    const JobResult saved = run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("new")))));
    QCOMPARE(saved.error.type(), AuthError::StorageError);
    QVERIFY2(saved.error.message().contains(QStringLiteral("the file system is read-only")),
             qPrintable(saved.error.message()));
    QCOMPARE(readFile(file), sealed);
    QCOMPARE(readEntry(storage.keychainKey()).error, QKeychain::NoError);
}

// A cache that decrypts to a JSON object with a damaged section: the save keeps a copy of the
// file aside, as it is on disk (encrypted: no tokens in the clear), then merges what it can.
void TestKeychainCacheStorage::damagedSectionCopyKept()
{
    KeychainCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith("{}"))).error.isError());
    const QByteArray key = readEntry(storage.keychainKey()).data;
    const QByteArray damaged = QByteArray("{\"AccessToken\":\"") + Secret.toUtf8() + "\",\"Account\":{\"a\":{}}}";
    const QByteArray sealed = AesGcm::seal(key, damaged);
    writeFile(path(), sealed);

    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was damaged.*a copy was kept at")));
    QByteArray seen;
    const JobResult saved = run(storage.save([&seen](const QByteArray &storedNow) {
        seen = storedNow;
        QJsonObject cache = parse(storedNow);
        cache.remove(QStringLiteral("AccessToken"));
        return serialize(unite(cache, accessTokenEntry(QStringLiteral("new"))));
    }));
    QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
    QCOMPARE(seen, damaged);
    QCOMPARE(movedAside.size(), 1);
    const QString copy = movedAside.at(0).at(0).toString();
    QCOMPARE(readFile(copy), sealed);
    QVERIFY(!readFile(copy).contains(Secret.toUtf8()));
    QVERIFY2(saved.warning.contains(copy), qPrintable(saved.warning));
    QCOMPARE(saved.warningError.type(), AuthError::StorageError);
    const QJsonObject now = parse(run(storage.load()).data);
    QVERIFY(now.value(QStringLiteral("Account")).toObject().contains(QStringLiteral("a")));
    QVERIFY(now.value(QStringLiteral("AccessToken")).toObject().contains(QStringLiteral("new")));
}

int runLockedKeychainTests(int argc, char *argv[]);      // tst_keychainunavailable.cpp
int runKeychainUnavailableTests(int argc, char *argv[]); // tst_keychainunavailable.cpp

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    const QByteArray mode = qgetenv("MSALQT_TEST_KEYCHAIN");
    if (mode == "unavailable")
        return runKeychainUnavailableTests(argc, argv);
    if (mode == "locked")
        return runLockedKeychainTests(argc, argv);
    TestKeychainCacheStorage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychaincachestorage.moc"
