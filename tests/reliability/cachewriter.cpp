// A writer process of the reliability tests.
//
//   cache_writer <authority> <cache-file> plain|keychain <first> <count>
//
// Acquires client-credentials tokens for api://stress-<first> … api://stress-<first+count-1>, one
// after the other, with a ConfidentialClientApplication whose cache persists in <cache-file>
// (FileCacheStorage, or KeychainCacheStorage with "keychain"). The client id and secret come from
// MSALQT_WRITER_CLIENT_ID and MSALQT_WRITER_SECRET. Prints, flushed, one line per token:
//   ack <i>              the token was acquired and saved
//   unsaved <i> <type>   the token was acquired, but not saved (TokenRequest::cacheError())
// and exits 0; on a failed acquisition prints "error <i> <type>" and exits 1.

#include "reliabilitysupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/keychaincachestorage.h>

#include <QCoreApplication>

#include <cstdio>
#include <memory>

using namespace MsalQt;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fputs("usage: cache_writer <authority> <cache-file> plain|keychain <first> <count>\n", stderr);
        return 2;
    }
    const QUrl authority(args.at(1));
    const bool keychain = args.at(3) == QLatin1String("keychain");
    const int first = args.at(4).toInt();
    const int count = args.at(5).toInt();

    std::unique_ptr<FileCacheStorage> storage;
    if (keychain)
        storage = std::make_unique<KeychainCacheStorage>(args.at(2));
    else
        storage = std::make_unique<FileCacheStorage>(args.at(2));
    storage->setLockTimeout(std::chrono::minutes(2));
    ConfidentialClientApplication client(qEnvironmentVariable("MSALQT_WRITER_CLIENT_ID"),
                                         ClientCredential::fromSecret(qEnvironmentVariable("MSALQT_WRITER_SECRET")),
                                         Authority::microsoft(authority));
    client.setCacheStorage(storage.get());

    int next = first;
    int status = 0;
    std::function<void()> acquireNext = [&] {
        if (next >= first + count) {
            app.quit();
            return;
        }
        const int index = next++;
        TokenRequest *request = client.acquireTokenForClient({Reliability::stressScope(index)});
        QObject::connect(request, &TokenRequest::finished, &app, [&, request, index] {
            if (!request->isSuccess()) {
                std::printf("error %d %s\n", index, qPrintable(AuthError::typeName(request->error().type())));
                std::fflush(stdout);
                status = 1;
                app.quit();
                return;
            }
            if (request->cacheError().isError())
                std::printf("unsaved %d %s\n", index, qPrintable(AuthError::typeName(request->cacheError().type())));
            else
                std::printf("ack %d\n", index);
            std::fflush(stdout);
            QMetaObject::invokeMethod(&app, acquireNext, Qt::QueuedConnection);
        });
    };
    QMetaObject::invokeMethod(&app, acquireNext, Qt::QueuedConnection);
    app.exec();
    return status;
}
