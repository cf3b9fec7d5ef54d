#include "accountspanel.h"
#include "graphpanel.h"
#include "logpane.h"
#include "mainwindow.h"
#include "tokenview.h"

#include <emulator.h>
#include <MsalQt/publicclientapplication.h>

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

// The demo's window on an in-process emulator: sign in through the embedded browser (the
// emulator signs Alice in at once), the account in the list, the decoded ID token, the Graph
// call to /v1.0/me; a screenshot goes to test-artifacts/demo.png.
class tst_Demo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signInAndCallGraph();

private:
    MsalQt::Emulator::Server m_emulator;
};

void tst_Demo::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MsalQt-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_demo"));
    MsalQtDemo::LogPane::installMessageHandler();
    QVERIFY(m_emulator.listen());
    m_emulator.setAutoSignIn(QStringLiteral("alice@contoso.com"));
}

void tst_Demo::signInAndCallGraph()
{
    MsalQt::PublicClientApplication app(m_emulator.publicClientId(),
                                        MsalQt::Authority::microsoft(m_emulator.authorityUrl(QStringLiteral("organizations"))));
    MsalQtDemo::MainWindow window(&app, {QStringLiteral("User.Read")}, m_emulator.baseUrl());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.accountsPanel()->setMode(MsalQtDemo::AccountsPanel::Embedded);

    auto *signIn = window.findChild<QPushButton *>(QStringLiteral("signIn"));
    QVERIFY(signIn);
    QTest::mouseClick(signIn, Qt::LeftButton);
    QListWidget *accounts = window.accountsPanel()->accountList();
    QTRY_COMPARE_WITH_TIMEOUT(accounts->count(), 1, 60000);
    QVERIFY2(accounts->item(0)->text().contains(QLatin1String("alice@contoso.com")), qPrintable(accounts->item(0)->text()));

    // The ID token's claims.
    auto *kind = window.findChild<QComboBox *>(QStringLiteral("tokenKind"));
    QVERIFY(kind);
    kind->setCurrentIndex(1);
    QTreeWidget *claims = window.tokenView()->claimsTree();
    const QList<QTreeWidgetItem *> found = claims->findItems(QStringLiteral("preferred_username"), Qt::MatchExactly, 0);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(1), QStringLiteral("alice@contoso.com"));
    kind->setCurrentIndex(0); // the access token, as the screenshot shows it
    QVERIFY(!claims->findItems(QStringLiteral("scp"), Qt::MatchExactly, 0).isEmpty());

    // Graph: /v1.0/me with the token (silent, from the cache).
    auto *send = window.findChild<QPushButton *>(QStringLiteral("graphSend"));
    QVERIFY(send);
    QTest::mouseClick(send, Qt::LeftButton);
    QLabel *status = window.graphPanel()->statusLabel();
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("HTTP 200")), qPrintable(status->text()), 30000);
    QVERIFY(window.graphPanel()->rawView()->toPlainText().contains(QLatin1String("Alice Example")));
    QVERIFY(!window.graphPanel()->jsonTree()->findItems(QStringLiteral("displayName"), Qt::MatchExactly, 0).isEmpty());

    QTest::qWait(200);
    QVERIFY(QDir().mkpath(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR)));
    const QString path = QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/demo.png");
    QVERIFY(window.grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(tst_Demo)
#include "tst_demo.moc"
