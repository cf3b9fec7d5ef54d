#include "testsupport.h"

#include <MsalQt/filecachestorage.h>
#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <time.h>

#include <memory>

using namespace MsalQt;
using namespace TestSupport;

// Two processes on one cache file: `msalqt` signs in and signs out, while this process, which
// only reads (an application with a storage on the same file and accountsChanged() connected),
// lists the account without restarting and without a request of its own. Plain MSAL JSON, and
// encrypted with the key in a private Secret Service (run through tests/storage/with-keyring.sh).
class tst_CliFollow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readerFollowsSignInAndOut_data();
    void readerFollowsSignInAndOut();

private:
    QStringList cliArguments(const QString &command, const QString &file, bool encrypted) const;
    // Runs msalqt to its end while this process's event loop turns (the emulator is in it).
    bool runCli(const QStringList &arguments, QByteArray *err);

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
};

void tst_CliFollow::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_dir.isValid());
}

QStringList tst_CliFollow::cliArguments(const QString &command, const QString &file, bool encrypted) const
{
    QStringList arguments{command, "--authority", m_emulator.authorityUrl("organizations").toString(),
                          "--client-id", m_emulator.publicClientId(), "--cache", file};
    if (!encrypted)
        arguments << "--cache-unencrypted";
    return arguments;
}

bool tst_CliFollow::runCli(const QStringList &arguments, QByteArray *err)
{
    QProcess cli;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("MSALQT_TEST_PASSWORD", password());
    cli.setProcessEnvironment(env);
    QSignalSpy finished(&cli, &QProcess::finished);
    cli.start(MSALQT_CLI_PATH, arguments);
    if (!finished.wait(30000)) {
        cli.kill();
        cli.waitForFinished();
        return false;
    }
    *err = cli.readAllStandardError();
    return cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
}

static qint64 realtimeNs()
{
    timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

static qint64 modifiedNs(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

void tst_CliFollow::readerFollowsSignInAndOut_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("plain MSAL JSON, FileCacheStorage") << false;
    if (qEnvironmentVariableIsSet("MSALQT_TEST_KEYRING"))
        QTest::newRow("encrypted, KeychainCacheStorage") << true;
}

void tst_CliFollow::readerFollowsSignInAndOut()
{
    QFETCH(bool, encrypted);
    const QString file = m_dir.filePath(encrypted ? "follow.cache" : "follow.json");

    std::unique_ptr<FileCacheStorage> storage;
    if (encrypted)
        storage = std::make_unique<KeychainCacheStorage>(file);
    else
        storage = std::make_unique<FileCacheStorage>(file);
    PublicClientApplication reader(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    reader.setCacheStorage(storage.get());
    QSignalSpy loaded(&reader, &ClientApplication::cacheLoaded);
    QSignalSpy changed(&reader, &ClientApplication::accountsChanged);
    QSignalSpy errors(&reader, &ClientApplication::cacheError);
    qint64 changedAtNs = 0;
    connect(&reader, &ClientApplication::accountsChanged, this, [&changedAtNs] { changedAtNs = realtimeNs(); });
    reader.loadCache();
    QVERIFY(loaded.wait(10000));
    QVERIFY(reader.accounts().isEmpty());
    QCOMPARE(changed.count(), 0);

    // The other process signs in.
    QByteArray err;
    QVERIFY2(runCli(cliArguments("token", file, encrypted)
                        << "--scope" << "User.Read" << "--flow" << "username-password" << "--username" << alice()
                        << "--password-env" << "MSALQT_TEST_PASSWORD",
                    &err),
             err.constData());
    QVERIFY(changed.count() == 1 || changed.wait(10000));
    QCOMPARE(changed.count(), 1);
    const qint64 signInLatencyNs = changedAtNs - modifiedNs(file);
    QCOMPARE(reader.accounts().size(), 1);
    QCOMPARE(reader.accounts().first().username(), alice());
    QCOMPARE(loaded.count(), 1); // followed, not restarted
    QCOMPARE(errors.count(), 0);

    // Its tokens are this process's now: served from the cache, no network.
    m_emulator.clearRequests();
    std::unique_ptr<TokenRequest> silent(reader.acquireTokenSilent({"User.Read"}, reader.accounts().first()));
    silent->setAutoDelete(false);
    QSignalSpy finished(silent.get(), &TokenRequest::finished);
    QVERIFY(silent->isFinished() || finished.wait(20000));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QVERIFY(silent->result().isFromCache());
    QCOMPARE(m_emulator.requests().size(), 0);

    // The other process signs out.
    QVERIFY2(runCli(cliArguments("sign-out", file, encrypted) << "--account" << alice(), &err), err.constData());
    QVERIFY(changed.count() == 2 || changed.wait(10000));
    QCOMPARE(changed.count(), 2);
    const qint64 signOutLatencyNs = changedAtNs - modifiedNs(file);
    QVERIFY(reader.accounts().isEmpty());
    QCOMPARE(errors.count(), 0);

    // A measurement, not an assertion: from the other process's write (the file's modification
    // time) to accountsChanged() here. It includes the watcher's settling pause.
    qInfo("%s: from the other process's write to accountsChanged(): %.1f ms (sign-in), %.1f ms (sign-out)",
          QTest::currentDataTag(), double(signInLatencyNs) / 1e6, double(signOutLatencyNs) / 1e6);
}

QTEST_GUILESS_MAIN(tst_CliFollow)
#include "tst_cli_follow.moc"
