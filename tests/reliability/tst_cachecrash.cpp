// Writers killed at random moments, and writers racing on one file: what a writer acknowledged
// (its token acquired and saved) is in the file afterwards, and the file always reads. Plain and
// encrypted; runs inside with-keyring.sh (a private Secret Service) for the encrypted cases.

#include "reliabilitysupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/keychaincachestorage.h>

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace MsalQt;
using namespace Reliability;

class tst_CacheCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedWriters_data();
    void killedWriters();
    void fourWritersOneEncryptedFile();

private:
    // Every index of `expected` is served from the cache in `path`, which loads without error
    // and without being moved aside.
    void verifyCached(const QString &path, bool keychain, const QSet<int> &expected);
    static constexpr int Resources = 6000;
    MsalQt::Emulator::Server m_emulator;
};

void tst_CacheCrash::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("MSALQT_TEST_KEYRING"))
        QSKIP("needs a private Secret Service: run through tests/storage/with-keyring.sh (ctest does)");
    QString error;
    QVERIFY2(configureStressResources(&m_emulator, Resources, &error), qPrintable(error));
    QVERIFY(m_emulator.listen());
}

void tst_CacheCrash::verifyCached(const QString &path, bool keychain, const QSet<int> &expected)
{
    std::unique_ptr<FileCacheStorage> storage(keychain ? new KeychainCacheStorage(path) : new FileCacheStorage(path));
    CacheStorageJob *load = storage->load();
    load->setAutoDelete(false);
    QSignalSpy loaded(load, &CacheStorageJob::finished);
    QVERIFY(loaded.wait(60000));
    QVERIFY2(!load->error().isError(), qPrintable(load->error().errorString()));
    QVERIFY2(load->warning().isEmpty(), qPrintable(load->warning())); // nothing was moved aside
    delete load;

    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    app.setCacheStorage(storage.get());
    m_emulator.clearRequests();
    QList<int> missing;
    for (int index : expected) {
        std::unique_ptr<TokenRequest> request(app.acquireTokenForClient({stressScope(index)}));
        request->setAutoDelete(false);
        QSignalSpy finished(request.get(), &TokenRequest::finished);
        QVERIFY(request->isFinished() || finished.wait(30000));
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
        if (!request->result().isFromCache())
            missing << index;
    }
    std::sort(missing.begin(), missing.end());
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 acknowledged tokens are not in the file, e.g. %3")
                                               .arg(missing.size())
                                               .arg(expected.size())
                                               .arg(missing.value(0))));
}

void tst_CacheCrash::killedWriters_data()
{
    QTest::addColumn<bool>("keychain");
    QTest::newRow("plain") << false;
    QTest::newRow("encrypted") << true;
}

// Two writers at a time, each killed with SIGKILL at a random moment of its work (while it loads,
// merges, encrypts, writes or renames), round after round; the kills are counted.
void tst_CacheCrash::killedWriters()
{
    QFETCH(bool, keychain);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cache.bin"));
    const int rounds = qEnvironmentVariableIntValue("MSALQT_CRASH_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("MSALQT_CRASH_ROUNDS") : 100;
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u, %d rounds", seed, rounds);
    QRandomGenerator random(seed);

    QSet<int> acked;
    int next = 0;
    int kills = 0;
    for (int round = 0; round < rounds && next + 60 <= Resources; ++round) {
        QList<QProcess *> writers;
        for (int w = 0; w < 2; ++w) {
            writers << startWriter(m_emulator, path, keychain, next, 30, this);
            next += 30;
        }
        for (QProcess *writer : std::as_const(writers))
            QVERIFY2(writer->waitForStarted(10000), qPrintable(writer->errorString()));
        // The first acquisition of a writer takes ~50-150 ms (start, discovery, key): kill
        // anywhere from before it to several saves in.
        for (QProcess *writer : std::as_const(writers)) {
            QTest::qWait(int(random.bounded(10, 250)));
            if (writer->state() == QProcess::Running) {
                ::kill(pid_t(writer->processId()), SIGKILL);
                ++kills;
            }
        }
        for (QProcess *writer : std::as_const(writers)) {
            QVERIFY(writer->state() == QProcess::NotRunning || writer->waitForFinished(30000));
            const QByteArray out = writer->readAllStandardOutput();
            QVERIFY2(!out.contains("error "), out.constData());
            acked.unite(acknowledged(out));
            delete writer;
        }
    }
    qInfo("%d writers killed, %lld tokens acknowledged", kills, qint64(acked.size()));
    QVERIFY2(kills >= rounds, "too few writers were killed while running: the test proves nothing");
    QVERIFY(!acked.isEmpty());
    verifyCached(path, keychain, acked);
}

// Four processes, 250 acquisitions each, one encrypted file: all 1,000 kept.
void tst_CacheCrash::fourWritersOneEncryptedFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shared.bin"));
    QList<QProcess *> writers;
    for (int w = 0; w < 4; ++w) {
        writers << startWriter(m_emulator, path, true, w * 250, 250, this);
        QVERIFY2(writers.last()->waitForStarted(10000), qPrintable(writers.last()->errorString()));
    }
    QSet<int> acked;
    for (QProcess *writer : std::as_const(writers)) {
        QDeadlineTimer deadline(240000);
        while (writer->state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(50); // the emulator answers from this thread
        QCOMPARE(writer->state(), QProcess::NotRunning);
        const QByteArray out = writer->readAllStandardOutput();
        QVERIFY2(writer->exitCode() == 0, (out.right(200) + writer->readAllStandardError().right(400)).constData());
        acked.unite(acknowledged(out));
        delete writer;
    }
    QCOMPARE(acked.size(), 1000);
    verifyCached(path, true, acked);
}

QTEST_GUILESS_MAIN(tst_CacheCrash)
#include "tst_cachecrash.moc"
