#include "kdcfixture.h"
#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// examples/integratedauth.cpp as a person runs it: a real process with a Kerberos ticket from a
// real MIT KDC (the fixture of tests/federation), against the in-process emulator reached as
// "localhost" so that the program asks for a ticket to HTTP/localhost.
class tst_ExamplesIntegrated : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signIn_data();
    void signIn();

private:
    KdcFixture m_kdc;
    MsalQt::Emulator::Server m_emulator;
};

void tst_ExamplesIntegrated::initTestCase()
{
    QString error;
    QVERIFY2(m_kdc.start(QStringLiteral("dave"), {QStringLiteral("localhost")}, &error), qPrintable(error));
    QVERIFY2(m_kdc.kinit(QStringLiteral("valid.cc"), QStringLiteral("10h"), &error), qPrintable(error));
    QVERIFY(m_emulator.listen());
}

void tst_ExamplesIntegrated::cleanupTestCase()
{
    m_kdc.stop();
}

void tst_ExamplesIntegrated::signIn_data()
{
    QTest::addColumn<QString>("cache");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("a ticket") << QStringLiteral("valid.cc") << 0;
    QTest::newRow("no ticket: UiRequired") << QStringLiteral("missing.cc") << 1;
}

void tst_ExamplesIntegrated::signIn()
{
    QFETCH(QString, cache);
    QFETCH(int, exitCode);

    QUrl authority = m_emulator.authorityUrl(QStringLiteral("organizations"));
    authority.setHost(QStringLiteral("localhost"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // the fixture's KRB5_CONFIG
    env.insert(QStringLiteral("KRB5CCNAME"), QStringLiteral("FILE:") + m_kdc.cachePath(cache));
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(MSALQT_EXAMPLES_DIR "/example-integratedauth"),
                  {QStringLiteral("--authority"), authority.toString(), QStringLiteral("--client-id"),
                   m_emulator.publicClientId()});
    QVERIFY(finished.wait(60000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode, err.constData());
    if (exitCode == 0) {
        static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n$"));
        QVERIFY2(token.match(QString::fromLatin1(out)).hasMatch(), out.constData());
        QVERIFY2(err.contains("Signed in as dave@woodgrove.com"), err.constData());
    } else {
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains("kinit"), err.constData());
    }
}

QTEST_GUILESS_MAIN(tst_ExamplesIntegrated)
#include "tst_examples_integrated.moc"
