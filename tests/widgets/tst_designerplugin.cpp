#include <MsalQt/Widgets/signinbutton.h>

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QPluginLoader>
#include <QRegularExpression>
#include <QTest>
#include <QUiLoader>
#include <QtUiPlugin/QDesignerCustomWidgetInterface>

#include <memory>

using namespace MsalQt::Widgets;

// The Qt Designer plugin as Designer and QUiLoader load it: a plugin file in a designer/
// folder, its description of SignInButton, and the widget it creates from a form.
class tst_DesignerPlugin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void describesSignInButton();
    void uiLoaderBuildsFormWithIt();
};

void tst_DesignerPlugin::describesSignInButton()
{
    QPluginLoader loader(QStringLiteral(MSALQT_DESIGNER_PLUGIN));
    QObject *instance = loader.instance();
    QVERIFY2(instance, qPrintable(loader.errorString()));
    auto *plugin = qobject_cast<QDesignerCustomWidgetInterface *>(instance);
    QVERIFY(plugin);
    QCOMPARE(plugin->name(), QStringLiteral("MsalQt::Widgets::SignInButton"));
    QCOMPARE(plugin->includeFile(), QStringLiteral("<MsalQt/Widgets/signinbutton.h>"));
    QCOMPARE(plugin->group(), QStringLiteral("MsalQt"));
    QVERIFY(!plugin->isContainer());
    QVERIFY(!plugin->icon().isNull());
    QVERIFY(plugin->domXml().contains(QLatin1String("<widget class=\"MsalQt::Widgets::SignInButton\"")));

    QWidget form;
    QWidget *widget = plugin->createWidget(&form);
    auto *button = qobject_cast<SignInButton *>(widget);
    QVERIFY(button);
    QCOMPARE(button->parentWidget(), &form);
    QVERIFY(!button->isEnabled()); // no application in a form
    QCOMPARE(button->text(), QStringLiteral("Sign in"));
}

// QUiLoader finds the plugin in its plugin path and sets the form's properties through the
// property system (Q_PROPERTY scopes), unlike uic's setter calls.
void tst_DesignerPlugin::uiLoaderBuildsFormWithIt()
{
    QUiLoader loader;
    loader.clearPluginPaths();
    loader.addPluginPath(QFileInfo(QStringLiteral(MSALQT_DESIGNER_PLUGIN)).absolutePath());
    QVERIFY(loader.availableWidgets().contains(QStringLiteral("MsalQt::Widgets::SignInButton")));
    QFile file(QStringLiteral(MSALQT_PROMOTED_UI));
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The dialogs have no plugin (a form holds widgets, not windows): QUiLoader says so and
    // makes their placeholders plain widgets.
    for (const char *dialog : {"AccountPicker", "DeviceCodeDialog"})
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("unable to create a custom widget of the class "
                                                               "'MsalQt::Widgets::%1'")
                                                    .arg(QLatin1String(dialog))));
    std::unique_ptr<QWidget> form(loader.load(&file));
    QVERIFY2(form, qPrintable(loader.errorString()));
    auto *button = form->findChild<SignInButton *>(QStringLiteral("signInButton"));
    QVERIFY(button);
    QCOMPARE(button->scopes(), QStringList({QStringLiteral("User.Read"), QStringLiteral("Mail.Read")}));
    QVERIFY(button->autoRaise());
}

QTEST_MAIN(tst_DesignerPlugin)
#include "tst_designerplugin.moc"
