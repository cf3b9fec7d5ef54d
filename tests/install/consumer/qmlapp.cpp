// A QML application of the installed MsalQt module: qmlapp IMPORT_PATH FILE.qml. The QML's
// root reports its checks in `failures` (empty when all passed).
#include <MsalQt/Quick/translations.h>

#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QUrl>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QtWebEngineQuick::initialize(); // before the application, as SignInView needs
    QGuiApplication app(argc, argv);
    if (argc != 3)
        return 2;
    MsalQt::Quick::installTranslations();
    QQmlEngine engine;
    engine.addImportPath(QString::fromLocal8Bit(argv[1]));
    QQmlComponent component(&engine, QUrl::fromLocalFile(QString::fromLocal8Bit(argv[2])));
    std::unique_ptr<QObject> root(component.create());
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 1;
    }
    const QString failures = root->property("failures").toString();
    if (!failures.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failures));
        return 1;
    }
    std::printf("qml app: ok\n");
    return 0;
}
