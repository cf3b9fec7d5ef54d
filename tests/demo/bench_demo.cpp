#include "mainwindow.h"

#include <emulator.h>
#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/publicclientapplication.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QWebEnginePage>

// How long msalqt-demo takes to show its window, and what it does not pay at start: the embedded
// browser (WebEngine) starts with the first sign-in that needs a page. Numbers, not assertions:
// ctest -L benchmark -R bench_demo -V
class bench_Demo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void coldStartToShownWindow();
    void mainWindowInProcess();
    void firstEmbeddedBrowser();
};

// A new msalqt-demo process, from exec to its main window exposed on the X server (the app
// quits there: MSALQT_DEMO_QUIT_WHEN_SHOWN). Includes loading the libraries, starting the
// built-in emulator, and the process's exit.
void bench_Demo::coldStartToShownWindow()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MSALQT_DEMO_QUIT_WHEN_SHOWN"), QStringLiteral("1"));
    QBENCHMARK {
        QProcess demo;
        demo.setProcessEnvironment(environment);
        demo.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        demo.start(QStringLiteral(MSALQT_DEMO_EXECUTABLE), {});
        QVERIFY2(demo.waitForFinished(60000), "msalqt-demo did not quit when shown");
        QCOMPARE(demo.exitStatus(), QProcess::NormalExit);
        QCOMPARE(demo.exitCode(), 0);
    }
}

// The window alone, in a warm process: construction until exposed.
void bench_Demo::mainWindowInProcess()
{
    MsalQt::Emulator::Server emulator;
    QVERIFY(emulator.listen());
    MsalQt::PublicClientApplication app(emulator.publicClientId(),
                                        MsalQt::Authority::microsoft(emulator.authorityUrl(QStringLiteral("organizations"))));
    QBENCHMARK {
        MsalQtDemo::MainWindow window(&app, {QStringLiteral("User.Read")}, emulator.baseUrl());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }
}

// What the lazy start saves the window: the first web view and profile of the process, until
// it has loaded an empty page (Chromium's start). Once per process by nature.
void bench_Demo::firstEmbeddedBrowser()
{
    QBENCHMARK_ONCE {
        MsalQt::Widgets::SignInDialog dialog;
        QVERIFY(!dialog.isBrowserCreated());
        QSignalSpy loaded(dialog.page(), &QWebEnginePage::loadFinished);
        dialog.page()->setUrl(QUrl(QStringLiteral("about:blank")));
        QVERIFY(loaded.wait(60000));
    }
}

QTEST_MAIN(bench_Demo)
#include "bench_demo.moc"
