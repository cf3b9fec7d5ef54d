// A second process for the storage tests.
//
//   storage_helper save <file> <prefix> <count> [keychain]
//       prints "ready", waits for a line on stdin, then saves <count> access tokens named
//       <prefix>-<i> one after another, each merged into what is stored (exit 0 on success);
//   storage_helper hold <file>
//       holds the cache's lock file, prints "locked", and releases it when stdin gives a line
//       or closes.

#include "storagetestutil.h"

#include <MsalQt/filecachestorage.h>
#include <MsalQt/keychaincachestorage.h>

#include <QCoreApplication>
#include <QLockFile>

#include <cstdio>
#include <memory>

static void waitForLine()
{
    char line[64];
    if (!std::fgets(line, sizeof line, stdin))
        return;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args.at(1) == QLatin1String("hold")) {
        QLockFile lock(args.at(2) + QLatin1String(".lock"));
        if (!lock.lock())
            return 2;
        std::puts("locked");
        std::fflush(stdout);
        waitForLine();
        return 0;
    }
    if (args.size() < 5 || args.at(1) != QLatin1String("save")) {
        std::fputs("usage: storage_helper save <file> <prefix> <count> [keychain] | hold <file>\n", stderr);
        return 2;
    }
    const QString path = args.at(2);
    const QString prefix = args.at(3);
    const int count = args.at(4).toInt();
    std::unique_ptr<MsalQt::FileCacheStorage> storage;
    if (args.value(5) == QLatin1String("keychain"))
        storage = std::make_unique<MsalQt::KeychainCacheStorage>(path);
    else
        storage = std::make_unique<MsalQt::FileCacheStorage>(path);
    storage->setLockTimeout(std::chrono::minutes(1));

    std::puts("ready");
    std::fflush(stdout);
    waitForLine();

    for (int i = 0; i < count; ++i) {
        const QString key = QStringLiteral("%1-%2").arg(prefix).arg(i);
        const StorageTest::JobResult result =
            StorageTest::run(storage->save(StorageTest::unionMerge(StorageTest::accessTokenEntry(key))), 60000);
        if (!result.finished || result.error.isError()) {
            std::fprintf(stderr, "save %d failed: %s\n", i, qPrintable(result.error.errorString()));
            return 1;
        }
    }
    return 0;
}
