#include "guitestsupport.h"
#include "mnemonics.h"

#include <MsalQt/Widgets/accountpicker.h>
#include <MsalQt/Widgets/devicecodedialog.h>
#include <MsalQt/Widgets/signinbutton.h>
#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/Widgets/translations.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/publicclientapplication.h>

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QVBoxLayout>

using namespace MsalQt;
using namespace MsalQt::Widgets;

// No Alt+letter names two controls of one window or one menu, in English and in every shipped
// translation: each widget of the kit is shown with its mnemonics and walked (tests/widgets/mnemonics.cpp).
class tst_Mnemonics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void clashFound();
    void widgets_data();
    void widgets();

private:
    static void useLanguage(const QString &language);
};

void tst_Mnemonics::cleanup()
{
    useLanguage(QStringLiteral("en"));
}

void tst_Mnemonics::useLanguage(const QString &language)
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    if (language != QLatin1String("en"))
        QVERIFY(installTranslations(QLocale(language)));
}

// The walker itself finds a clash: in the window, in a menu, and a label's only with a buddy.
void tst_Mnemonics::clashFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *apply = new QPushButton(QStringLiteral("&Apply"), &window);
    auto *label = new QLabel(QStringLiteral("&Address:"), &window);
    auto *tool = new QToolButton(&window);
    tool->setText(QStringLiteral("More"));
    auto *menu = new QMenu(tool);
    menu->addAction(QStringLiteral("&Open"));
    menu->addAction(QStringLiteral("Re&open"));
    menu->addAction(QStringLiteral("&Close"));
    tool->setMenu(menu);
    layout->addWidget(apply);
    layout->addWidget(label);
    layout->addWidget(tool);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList clashes = GuiTest::duplicateMnemonics(&window);
    QCOMPARE(clashes.size(), 1); // the menu's O; the label has no buddy yet
    QVERIFY2(clashes.first().contains(QLatin1String("Alt+O")), qPrintable(clashes.join(QLatin1Char('\n'))));
    label->setBuddy(apply);
    clashes = GuiTest::duplicateMnemonics(&window);
    QCOMPARE(clashes.size(), 2);
    QVERIFY2(clashes.first().contains(QLatin1String("Alt+A")), qPrintable(clashes.join(QLatin1Char('\n'))));
    apply->setText(QStringLiteral("A&pply"));
    QCOMPARE(GuiTest::duplicateMnemonics(&window).size(), 1);
}

void tst_Mnemonics::widgets_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("French") << QStringLiteral("fr");
}

void tst_Mnemonics::widgets()
{
    QFETCH(QString, language);
    useLanguage(language);
    PublicClientApplication app(QStringLiteral("00000000-0000-0000-0000-000000000001"),
                                Authority::microsoft(QStringLiteral("https://login.microsoftonline.com/common")));
    // Each one as a person meets it, and how many mnemonics it has at least (so an empty walk
    // cannot pass).
    auto check = [&language](QWidget *window, int atLeast) {
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        GuiTest::saveScreenshot(window, QStringLiteral("mnemonics-%1-%2")
                                            .arg(QString::fromLatin1(window->metaObject()->className())
                                                     .section(QLatin1String("::"), -1).toLower(), language));
        const QStringList clashes = GuiTest::duplicateMnemonics(window);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
        const QString report = GuiTest::mnemonicReport(window);
        QVERIFY2(report.count(QLatin1String("Alt+")) >= atLeast, qPrintable(report));
        window->close();
    };

    DeviceCodeDialog deviceCode;
    DeviceCode code;
    code.setUserCode(QStringLiteral("ABCD-EFGH"));
    code.setVerificationUri(QUrl(QStringLiteral("https://microsoft.com/devicelogin?a=1&b=2")));
    code.setExpiresOn(QDateTime::currentDateTimeUtc().addSecs(600));
    deviceCode.setDeviceCode(code);
    check(&deviceCode, 1); // Copy

    AccountPicker picker(&app);
    check(&picker, 3); // Use, Add, Remove

    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new SignInButton(&app, {QStringLiteral("User.Read")}, &window));
    check(&window, 3); // its menu: Sign in, Switch account, Sign out

    SignInDialog dialog;
    check(&dialog, 0); // the page brings its own access keys
}

QTEST_MAIN(tst_Mnemonics)
#include "tst_mnemonics.moc"
