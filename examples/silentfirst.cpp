// Silent first, with a persisted token cache: the first run signs in (here with a device code),
// later runs get the token from the cache, or redeem the cached refresh token, without asking
// anyone. Only when the cache cannot answer (UiRequired: no account yet, an expired session,
// MFA, consent) does the person sign in again.
//
//   example-silentfirst --client-id ID --cache FILE [--keychain] [--authority URL] [--scope SCOPE]...
//
// --keychain encrypts the file (AES-256-GCM) with a key kept in the system keychain
// (KeychainCacheStorage), as a desktop application should; without it the file is the plain
// MSAL JSON (FileCacheStorage) that the other MSAL libraries read too. The authority defaults to
// https://login.microsoftonline.com/organizations. Offline, use the emulator's authority and
// public client id. The access token goes to stdout; stderr tells where it came from.

#include <MsalQt/filecachestorage.h>
#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

static void finish(MsalQt::TokenRequest *request)
{
    if (request->isSuccess()) {
        QTextStream(stderr) << (request->result().isFromCache() ? "From the cache: " : "From the server: ")
                            << request->result().account().username() << Qt::endl;
        QTextStream(stdout) << request->result().accessToken() << Qt::endl;
        QCoreApplication::exit(0);
    } else {
        QTextStream(stderr) << request->error().errorString() << Qt::endl;
        QCoreApplication::exit(1);
    }
}

static void signIn(MsalQt::PublicClientApplication *app, const QStringList &scopes)
{
    MsalQt::TokenRequest *request = app->acquireTokenWithDeviceCode(scopes);
    QObject::connect(request, &MsalQt::TokenRequest::deviceCodeReceived, app, [](const MsalQt::DeviceCode &code) {
        QTextStream(stderr) << code.message() << Qt::endl;
    });
    QObject::connect(request, &MsalQt::TokenRequest::finished, app, [request] { finish(request); });
}

int main(int argc, char *argv[])
{
    QCoreApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption authorityOption(QStringLiteral("authority"), QStringLiteral("The authority URL."),
        QStringLiteral("url"), QStringLiteral("https://login.microsoftonline.com/organizations"));
    const QCommandLineOption clientIdOption(QStringLiteral("client-id"),
        QStringLiteral("The application (client) id of the app registration."), QStringLiteral("id"));
    const QCommandLineOption scopeOption(QStringLiteral("scope"), QStringLiteral("A scope to ask for (User.Read)."),
        QStringLiteral("scope"));
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("The token cache file."),
        QStringLiteral("file"));
    const QCommandLineOption keychainOption(QStringLiteral("keychain"),
        QStringLiteral("Encrypt the cache, with the key in the system keychain."));
    parser.addOptions({authorityOption, clientIdOption, scopeOption, cacheOption, keychainOption});
    parser.process(qapp);
    if (!parser.isSet(clientIdOption) || !parser.isSet(cacheOption))
        parser.showHelp(2);
    const QStringList scopes = parser.isSet(scopeOption) ? parser.values(scopeOption)
                                                         : QStringList{QStringLiteral("User.Read")};

    auto *app = new MsalQt::PublicClientApplication(parser.value(clientIdOption),
        MsalQt::Authority::microsoft(parser.value(authorityOption)), &qapp);
    MsalQt::CacheStorage *storage = nullptr;
    if (parser.isSet(keychainOption))
        storage = new MsalQt::KeychainCacheStorage(parser.value(cacheOption), &qapp);
    else
        storage = new MsalQt::FileCacheStorage(parser.value(cacheOption), &qapp);
    app->setCacheStorage(storage); // not owned: the storage outlives the application here

    bool loaded = false;
    QObject::connect(app, &MsalQt::ClientApplication::cacheError, app, [&loaded](const MsalQt::AuthError &error) {
        // KeychainUnavailable (no keychain answered), StorageError (I/O, a corrupt file moved
        // aside). A failed save keeps the token in memory: the request still succeeds.
        QTextStream(stderr) << "Token cache: " << error.errorString() << Qt::endl;
        if (!loaded)
            QCoreApplication::exit(1);
    });
    QObject::connect(app, &MsalQt::ClientApplication::cacheLoaded, app, [app, scopes, &loaded] {
        loaded = true;
        if (app->accounts().isEmpty()) {
            signIn(app, scopes); // nobody signed in yet
            return;
        }
        MsalQt::TokenRequest *request = app->acquireTokenSilent(scopes, app->accounts().first());
        QObject::connect(request, &MsalQt::TokenRequest::finished, app, [app, scopes, request] {
            if (!request->isSuccess() && request->error().type() == MsalQt::AuthError::UiRequired)
                signIn(app, scopes); // an interactive agent would also pass error().claims()
            else
                finish(request);
        });
    });
    app->loadCache();
    return qapp.exec();
}
