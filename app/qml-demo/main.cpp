// msalqt-qml-demo: the MsalQt QML module at work (Main.qml). Offline by default on the built-in
// emulator (sign in as alice@contoso.com / Passw0rd!); --authority/--client-id for a tenant.
#include "automation.h"
#include "options.h"

#include <emulator.h>
#include <MsalQt/Quick/translations.h>

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTranslator>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

int main(int argc, char *argv[])
{
    QtWebEngineQuick::initialize(); // before the application object: SignInView's browser
    QGuiApplication application(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("MsalQt"));
    QGuiApplication::setApplicationName(QStringLiteral("msalqt-qml-demo"));
    // The system locale's: the module's and the library's, and the demo's own.
    MsalQt::Quick::installTranslations();
    auto *translator = new QTranslator(&application);
    if (translator->load(QLocale(), QStringLiteral("msalqt_qmldemo"), QStringLiteral("_"), QStringLiteral(":/msalqt/qmldemo/i18n")))
        QCoreApplication::installTranslator(translator);
    MsalQtQmlDemo::Options options = MsalQtQmlDemo::parseOptions(QGuiApplication::arguments());
    MsalQtQmlDemo::Automation *automation = MsalQtQmlDemo::Automation::fromEnvironment(&application);

    MsalQt::Emulator::Server server; // offline unless an authority is given
    if (options.authority.isEmpty()) {
        if (!server.listen())
            qFatal("The built-in emulator could not listen on a loopback port.");
        automation->prepare(&server);
        options.authority = server.authorityUrl(QStringLiteral("organizations")).toString();
        options.clientId = server.publicClientId();
        options.graph = server.baseUrl();
    } else { // a real tenant: accounts survive restarts, encrypted (the key in the keychain)
        options.cacheFile = MsalQtQmlDemo::tokenCachePath();
    }

    QQmlApplicationEngine engine;
    // The MsalQt module: in the build tree (bin/../qml) or installed beside the program.
    const QDir programDir(QCoreApplication::applicationDirPath());
    for (const QString &path : {QStringLiteral("../qml"), QStringLiteral("../" MSALQT_QML_INSTALL_DIR)}) {
        if (programDir.exists(path + QStringLiteral("/MsalQt/qmldir")))
            engine.addImportPath(QDir::cleanPath(programDir.filePath(path)));
    }
    engine.setInitialProperties({
        {QStringLiteral("clientId"), options.clientId},
        {QStringLiteral("authority"), options.authority},
        {QStringLiteral("cacheFile"), options.cacheFile},
        {QStringLiteral("scopes"), options.scopes},
        {QStringLiteral("graphUrl"), options.graph.toString()},
        {QStringLiteral("automation"), automation->mode()},
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/MsalQtQmlDemo/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    automation->start(window);
    return QGuiApplication::exec();
}
