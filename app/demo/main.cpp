// msalqt-demo: accounts, decoded tokens and a Microsoft Graph call. Offline by default on the
// built-in emulator (sign in as alice@contoso.com / Passw0rd!); --authority/--client-id for a tenant.
#include "automation.h"
#include "logpane.h"
#include "mainwindow.h"
#include "options.h"
#include "translations.h"

#include <emulator.h>
#include <MsalQt/Widgets/translations.h>
#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MsalQt"));
    QApplication::setApplicationName(QStringLiteral("msalqt-demo"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/msalqt/demo/msalqt-demo.svg")));
    // The system locale's: the widgets' and the library's, Qt's own ("Cancel") and the demo's.
    MsalQt::Widgets::installTranslations();
    MsalQtDemo::installTranslations(QLocale(), &application);
    MsalQtDemo::LogPane::installMessageHandler();
    MsalQtDemo::Options options = MsalQtDemo::parseOptions(QApplication::arguments());

    const MsalQtDemo::Automation automation = MsalQtDemo::Automation::fromEnvironment();

    QUrl graph(QStringLiteral("https://graph.microsoft.com"));
    MsalQt::Emulator::Server server; // offline unless an authority is given
    if (options.authority.isEmpty()) {
        if (!server.listen())
            qFatal("The built-in emulator could not listen on a loopback port.");
        automation.prepare(&server);
        options.authority = server.authorityUrl(QStringLiteral("organizations")).toString();
        options.clientId = server.publicClientId();
        graph = server.baseUrl();
    }
    MsalQt::PublicClientApplication app(options.clientId, MsalQt::Authority::fromUrl(options.authority));
    MsalQtDemo::MainWindow window(&app, options.scopes, graph);
    if (server.isListening())
        window.setEmulator(&server);
    else // a real tenant: accounts survive restarts, encrypted (the key in the keychain)
        app.setCacheStorage(new MsalQt::KeychainCacheStorage(MsalQtDemo::tokenCachePath(), &app));
    window.show();
    app.loadCache();
    automation.start(&window);
    return QApplication::exec();
}
