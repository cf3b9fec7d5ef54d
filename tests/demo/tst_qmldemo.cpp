#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The msalqt-qml-demo executable, unattended (MSALQT_QML_DEMO_SCREENSHOT): it starts its built-in
// emulator, signs Alice in through the embedded SignInView or with a device code (approved by
// the emulator as if on another device), calls Graph /v1.0/me with the token and saves a picture
// of its window. Each run must end with exit code 0, say what the window shows (the account, the
// Graph status and whom Graph named, in the run's language), print no token, and leave a PNG of
// the window's size; the pictures are kept in test-artifacts/.
class tst_QmlDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signInAndCallGraph_data();
    void signInAndCallGraph();
};

void tst_QmlDemo::signInAndCallGraph_data()
{
    QTest::addColumn<QString>("signIn");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("graphStatus");

    QTest::newRow("embedded") << QStringLiteral("embedded") << QStringLiteral("en") << QStringLiteral("HTTP 200: Graph answered.");
    QTest::newRow("device-code") << QStringLiteral("device-code") << QStringLiteral("en") << QStringLiteral("HTTP 200: Graph answered.");
    // The demo's own catalogue is loaded for the locale (the status is the demo's text).
    QTest::newRow("embedded-de") << QStringLiteral("embedded") << QStringLiteral("de") << QStringLiteral("HTTP 200: Graph hat geantwortet.");
}

void tst_QmlDemo::signInAndCallGraph()
{
    QFETCH(QString, signIn);
    QFETCH(QString, language);
    QFETCH(QString, graphStatus);

    QVERIFY(QDir().mkpath(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR)));
    const QString picture = QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/qml-demo-%1-%2.png").arg(signIn, language);
    QFile::remove(picture);
    QTemporaryDir scratch; // the person's settings and data are not the run's
    QVERIFY(scratch.isValid());

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MSALQT_QML_DEMO_SCREENSHOT"), picture);
    environment.insert(QStringLiteral("MSALQT_QML_DEMO_SIGN_IN"), signIn);
    environment.insert(QStringLiteral("LANG"), language == QLatin1String("de") ? QStringLiteral("de_DE.UTF-8") : QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), language);
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LC_MESSAGES"));
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        environment.insert(QString::fromLatin1(name), scratch.filePath(QString::fromLatin1(name)));

    QProcess demo;
    demo.setProcessEnvironment(environment);
    demo.start(QStringLiteral(MSALQT_QML_DEMO_EXECUTABLE), {});
    QVERIFY2(demo.waitForStarted(), qPrintable(demo.errorString()));
    QVERIFY2(demo.waitForFinished(150000), "msalqt-qml-demo did not finish");
    const QString out = QString::fromUtf8(demo.readAllStandardOutput());
    const QString err = QString::fromUtf8(demo.readAllStandardError());
    const QString log = out + QLatin1Char('\n') + err;
    QCOMPARE(demo.exitStatus(), QProcess::NormalExit);
    QVERIFY2(demo.exitCode() == 0, qPrintable(QStringLiteral("exit code %1\n%2").arg(demo.exitCode()).arg(log)));

    // What the window showed: Alice signed in, Graph's 200 and the profile it returned.
    QVERIFY2(out.startsWith(QLatin1String("ok: alice@contoso.com; ")), qPrintable(log));
    QVERIFY2(out.contains(graphStatus), qPrintable(log));
    QVERIFY2(out.contains(QLatin1String("Alice Example")), qPrintable(log));
    // No token in what it printed (a JWT starts with the base64 of '{"').
    QVERIFY2(!log.contains(QLatin1String("eyJ")), qPrintable(log));

    const QImage image(picture);
    QVERIFY2(!image.isNull(), qPrintable(picture));
    // The window's size (Main.qml: 1100 x 720; Xvfb at 96 dpi, device pixel ratio 1).
    QCOMPARE(image.size(), QSize(1100, 720));
    // Not a blank window: the toolbar, the panels and their text make many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 50; y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() >= 50, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
}

QTEST_GUILESS_MAIN(tst_QmlDemo)
#include "tst_qmldemo.moc"
