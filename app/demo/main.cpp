// msalqt-demo: accounts, decoded tokens and a Microsoft Graph call. Offline by default on the
// built-in emulator (sign in as alice@contoso.com / Passw0rd!); --authority/--client-id for a tenant.
#include "logpane.h"
#include "mainwindow.h"
#include "options.h"

#include <emulator.h>
#include <MsalQt/Widgets/translations.h>
#include <MsalQt/publicclientapplication.h>

#include <QApplication>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MsalQt"));
    QApplication::setApplicationName(QStringLiteral("msalqt-demo"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/msalqt/demo/msalqt-demo.svg")));
    MsalQt::Widgets::installTranslations();
    QTranslator translator; // the system locale's
    if (translator.load(QLocale(), QStringLiteral("msalqt_demo"), QStringLiteral("_"), QStringLiteral(":/msalqt/demo/i18n")))
        QApplication::installTranslator(&translator);
    MsalQtDemo::LogPane::installMessageHandler();
    MsalQtDemo::Options options = MsalQtDemo::parseOptions(QApplication::arguments());

    QUrl graph(QStringLiteral("https://graph.microsoft.com"));
    MsalQt::Emulator::Server server; // offline unless an authority is given
    const QString screenshot = qEnvironmentVariable("MSALQT_DEMO_SCREENSHOT");
    if (options.authority.isEmpty()) {
        if (!server.listen())
            qFatal("The built-in emulator could not listen on a loopback port.");
        if (!screenshot.isEmpty()) // unattended: the emulator signs Alice in at once
            server.setAutoSignIn(QStringLiteral("alice@contoso.com"));
        options.authority = server.authorityUrl(QStringLiteral("organizations")).toString();
        options.clientId = server.publicClientId();
        graph = server.baseUrl();
    }
    MsalQt::PublicClientApplication app(options.clientId, MsalQt::Authority::microsoft(options.authority));
    MsalQtDemo::MainWindow window(&app, options.scopes, graph);
    window.show();
    if (!screenshot.isEmpty()) { // MSALQT_DEMO_SCREENSHOT=path: sign in, call Graph, grab, quit
        QObject::connect(&window, &MsalQtDemo::MainWindow::scriptFinished, &window, [&](bool ok) {
            QTimer::singleShot(300, &window, [&, ok] {
                window.grab().save(screenshot);
                QApplication::exit(ok ? 0 : 1);
            });
        });
        QTimer::singleShot(0, &window, [&] { window.runScript(); });
    }
    return QApplication::exec();
}
