// KeychainCacheStorage where the keychain does not work: a locked collection nobody can unlock,
// and no keychain at all. Part of the tst_keychaincachestorage binary (see its main()).

#include "keychaintestutil.h"

#include "storage/aesgcm_p.h"

#include <MsalQt/keychaincachestorage.h>

#include <QtTest>

#include <csignal>

using namespace MsalQt;
using namespace StorageTest;
using namespace KeychainTest;
using Internal::AesGcm;

// ---------------------------------------------------------------------------------------------
// A Secret Service whose collection is locked and cannot be unlocked (no prompt can be shown):
// through QtKeychain it answers "not found" to reads and refuses writes. The storage asks the
// Secret Service which it is, and reports a locked keyring as such (KeychainUnavailable), never
// as a lost key. A healthy encrypted cache must survive. Last, the Secret Service stopped.

class TestLockedKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadLeavesFileAlone();
    void saveFailsAndLeavesFileAlone();
    void fallbackLeavesEncryptedFileAlone();
    void fallbackForANewFile();
    void keyringStopped(); // last: it ends the Secret Service

private:
    QString path() const { return m_dir.filePath(QStringLiteral("cache.bin")); }
    void checkUntouched();
    QTemporaryDir m_dir;
    QByteArray m_sealed;
};

void TestLockedKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("MSALQT_TEST_KEYRING"))
        QSKIP("Needs a private Secret Service: run through tests/storage/with-keyring.sh (ctest does).");
    QVERIFY(m_dir.isValid());
    KeychainCacheStorage storage(path());
    QVERIFY(!run(storage.save(replaceWith(serialize(accessTokenEntry(QStringLiteral("k"), Secret))))).error.isError());
    m_sealed = readFile(path());
    QVERIFY(AesGcm::looksSealed(m_sealed));

    // Lock the login collection; with no display, gnome-keyring cannot ask for the password.
    QProcess lock;
    lock.start(QStringLiteral("dbus-send"),
               {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.secrets"),
                QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
    QVERIFY(lock.waitForFinished(20000));
    QCOMPARE(lock.exitCode(), 0);
    const Entry key = readEntry(storage.keychainKey());
    QVERIFY2(key.error != QKeychain::NoError, "the collection should be locked now");
    qInfo("a read from the locked collection says: %d", int(key.error));
}

void TestLockedKeychain::checkUntouched()
{
    QCOMPARE(readFile(path()), m_sealed);
    QCOMPARE(filesIn(m_dir.path()), QStringList{QStringLiteral("cache.bin")});
}

void TestLockedKeychain::loadLeavesFileAlone()
{
    KeychainCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    const JobResult result = run(storage.load());
    // QtKeychain says "not found"; the Secret Service says the keyring is locked: a typed error
    // that says what to do, and the file kept as it is.
    QCOMPARE(result.error.type(), AuthError::KeychainUnavailable);
    QVERIFY2(result.error.message().contains(QLatin1String("is locked")), qPrintable(result.error.message()));
    QVERIFY2(result.error.message().contains(QLatin1String("Unlock")), qPrintable(result.error.message()));
    QVERIFY(result.data.isEmpty());
    QVERIFY(result.warning.isEmpty());
    QCOMPARE(movedAside.size(), 0);
    checkUntouched();
}

void TestLockedKeychain::saveFailsAndLeavesFileAlone()
{
    KeychainCacheStorage storage(path());
    bool merged = false;
    const JobResult result = run(storage.save([&merged](const QByteArray &stored) {
        merged = true;
        return stored;
    }));
    QCOMPARE(result.error.type(), AuthError::KeychainUnavailable);
    QVERIFY2(result.error.message().contains(QLatin1String("is locked")), qPrintable(result.error.message()));
    QVERIFY(!merged);
    checkUntouched();
}

void TestLockedKeychain::fallbackLeavesEncryptedFileAlone()
{
    KeychainCacheStorage storage(path());
    storage.setAllowUnencryptedFallback(true);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stored unencrypted")));
    const JobResult result = run(storage.save(replaceWith("{}")));
    QCOMPARE(result.error.type(), AuthError::KeychainUnavailable);
    QVERIFY2(result.error.message().contains(QLatin1String("left as it is")), qPrintable(result.error.message()));
    checkUntouched();
}

void TestLockedKeychain::fallbackForANewFile()
{
    const QString other = m_dir.filePath(QStringLiteral("other/cache.bin"));
    KeychainCacheStorage storage(other);
    storage.setAllowUnencryptedFallback(true);
    const JobResult result = run(storage.save(replaceWith("{\"Account\":{}}")));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.errorString()));
    QCOMPARE(readFile(other), QByteArray("{\"Account\":{}}"));
}

// The Secret Service goes away (the daemon ends; the session bus may start it again on demand,
// with nothing unlocked): still KeychainUnavailable, never a lost key, the file kept.
void TestLockedKeychain::keyringStopped()
{
    QProcess ask;
    ask.start(QStringLiteral("dbus-send"),
              {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
               QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
               QStringLiteral("string:org.freedesktop.secrets")});
    QVERIFY(ask.waitForFinished(20000));
    const QByteArray reply = ask.readAllStandardOutput();
    const qint64 pid = reply.mid(reply.lastIndexOf("uint32") + 6).trimmed().toLongLong();
    QVERIFY2(pid > 0, reply.constData());
    QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
    // Gone from the bus (the process itself may linger as a zombie nobody reaps).
    const auto owned = [] {
        QProcess has;
        has.start(QStringLiteral("dbus-send"),
                  {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
                   QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                   QStringLiteral("string:org.freedesktop.secrets")});
        has.waitForFinished(20000);
        return has.readAllStandardOutput().contains("boolean true");
    };
    QTRY_VERIFY_WITH_TIMEOUT(!owned(), 10000);

    KeychainCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    const JobResult loaded = run(storage.load());
    QCOMPARE(loaded.error.type(), AuthError::KeychainUnavailable);
    QVERIFY(loaded.data.isEmpty());
    const JobResult saved = run(storage.save(replaceWith("{}")));
    QCOMPARE(saved.error.type(), AuthError::KeychainUnavailable);
    QCOMPARE(movedAside.size(), 0);
    checkUntouched();
}

// ---------------------------------------------------------------------------------------------
// Without any keychain (no D-Bus session bus)

static QtMessageHandler s_previousHandler = nullptr;
static int s_fallbackWarnings = 0;

static void countFallbackWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && qstrcmp(context.category, "msalqt.cache") == 0
        && message.contains(QLatin1String("stored unencrypted")))
        ++s_fallbackWarnings;
    s_previousHandler(type, context, message);
}

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void loadFailsAndLeavesFileAlone_data();
    void loadFailsAndLeavesFileAlone();
    void saveFailsAndLeavesFileAlone();
    void missingFileLoadsEmpty();
    void fallbackWritesPlainFile();
    void fallbackLeavesEncryptedFileAlone();
    void fallbackClear();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("cache.bin")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKeychainUnavailable::initTestCase()
{
    s_previousHandler = qInstallMessageHandler(countFallbackWarnings);
}

void TestKeychainUnavailable::cleanupTestCase()
{
    qInstallMessageHandler(s_previousHandler);
    QCOMPARE(s_fallbackWarnings, 1); // once per process, however many jobs fell back
}

void TestKeychainUnavailable::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestKeychainUnavailable::loadFailsAndLeavesFileAlone_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("encrypted") << AesGcm::seal(AesGcm::generateKey(), "{\"AccessToken\":{}}");
    QTest::newRow("plain") << QByteArray("{\"AccessToken\":{}}");
    QTest::newRow("garbage") << QByteArray("not a cache"); // not even this is judged without the keychain
}

void TestKeychainUnavailable::loadFailsAndLeavesFileAlone()
{
    QFETCH(QByteArray, bytes);
    writeFile(path(), bytes);
    KeychainCacheStorage storage(path());
    QSignalSpy movedAside(&storage, &CacheStorage::corruptDataMovedAside);
    const JobResult result = run(storage.load());
    QVERIFY(result.finished);
    QCOMPARE(result.error.type(), AuthError::KeychainUnavailable);
    // Actionable: what is missing, and the two ways out.
    const QString text = result.error.errorString();
    QVERIFY2(text.contains(QLatin1String("Secret Service")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("setAllowUnencryptedFallback")), qPrintable(text));
    QVERIFY2(text.contains(path()), qPrintable(text));
    QCOMPARE(readFile(path()), bytes);
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("cache.bin")});
    QCOMPARE(movedAside.size(), 0);
    QCOMPARE(s_fallbackWarnings, 0);
}

void TestKeychainUnavailable::saveFailsAndLeavesFileAlone()
{
    const QByteArray plain("{\"Account\":{}}");
    writeFile(path(), plain);
    KeychainCacheStorage storage(path());
    bool merged = false;
    const JobResult result = run(storage.save([&merged](const QByteArray &stored) {
        merged = true;
        return stored;
    }));
    QCOMPARE(result.error.type(), AuthError::KeychainUnavailable);
    QVERIFY(!merged);
    QCOMPARE(readFile(path()), plain);
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("cache.bin")});

    // Nor is a new file created.
    KeychainCacheStorage other(m_dir->filePath(QStringLiteral("new/cache.bin")));
    QCOMPARE(run(other.save(replaceWith("{}"))).error.type(), AuthError::KeychainUnavailable);
    QVERIFY(!QFileInfo::exists(other.filePath()));
}

void TestKeychainUnavailable::missingFileLoadsEmpty()
{
    // Nothing stored: nothing to decrypt, so no keychain is needed to say so.
    KeychainCacheStorage storage(path());
    const JobResult result = run(storage.load());
    QVERIFY(!result.error.isError());
    QVERIFY(result.data.isEmpty());
}

void TestKeychainUnavailable::fallbackWritesPlainFile()
{
    QCOMPARE(s_fallbackWarnings, 0);
    const QByteArray first = serialize(accessTokenEntry(QStringLiteral("a"), Secret));
    {
        KeychainCacheStorage storage(path());
        QVERIFY(!storage.allowUnencryptedFallback());
        storage.setAllowUnencryptedFallback(true);
        const JobResult saved = run(storage.save(replaceWith(first)));
        QVERIFY2(!saved.error.isError(), qPrintable(saved.error.errorString()));
        QCOMPARE(readFile(path()), first); // plain JSON, as FileCacheStorage writes it
        QCOMPARE(s_fallbackWarnings, 1);
        const JobResult loaded = run(storage.load());
        QVERIFY(!loaded.error.isError());
        QCOMPARE(loaded.data, first);
        QVERIFY(!run(storage.save(unionMerge(accessTokenEntry(QStringLiteral("b"))))).error.isError());
    }
    KeychainCacheStorage again(path());
    again.setAllowUnencryptedFallback(true);
    const JobResult loaded = run(again.load());
    QVERIFY(!loaded.error.isError());
    QCOMPARE(parse(loaded.data).value(QStringLiteral("AccessToken")).toObject().size(), 2);
    QCOMPARE(s_fallbackWarnings, 1);
}

void TestKeychainUnavailable::fallbackLeavesEncryptedFileAlone()
{
    // Encrypted while a keychain was there: the key may come back, so neither move the file
    // aside nor overwrite it with a plain cache.
    const QByteArray sealed = AesGcm::seal(AesGcm::generateKey(), "{}");
    writeFile(path(), sealed);
    KeychainCacheStorage storage(path());
    storage.setAllowUnencryptedFallback(true);
    for (const JobResult &result : {run(storage.load()), run(storage.save(replaceWith("{}")))}) {
        QCOMPARE(result.error.type(), AuthError::KeychainUnavailable);
        QVERIFY2(result.error.message().contains(QLatin1String("left as it is")), qPrintable(result.error.message()));
    }
    QCOMPARE(readFile(path()), sealed);
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("cache.bin")});
}

void TestKeychainUnavailable::fallbackClear()
{
    writeFile(path(), "{}");
    KeychainCacheStorage storage(path());
    QCOMPARE(run(storage.clear()).error.type(), AuthError::KeychainUnavailable);
    QVERIFY(!QFileInfo::exists(path())); // the file goes first; the key could not be removed
    writeFile(path(), "{}");
    storage.setAllowUnencryptedFallback(true);
    QVERIFY(!run(storage.clear()).error.isError());
    QVERIFY(!QFileInfo::exists(path()));
}


int runLockedKeychainTests(int argc, char *argv[])
{
    TestLockedKeychain test;
    return QTest::qExec(&test, argc, argv);
}

int runKeychainUnavailableTests(int argc, char *argv[])
{
    TestKeychainUnavailable test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainunavailable.moc"
