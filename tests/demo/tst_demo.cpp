#include "accountspanel.h"
#include "demofixture.h"
#include "errorpanel.h"
#include "graphpanel.h"
#include "logpane.h"
#include "mainwindow.h"
#include "tokenview.h"
#include "translations.h"

#include <emulator.h>
#include <MsalQt/Widgets/accountpicker.h>
#include <MsalQt/Widgets/devicecodedialog.h>
#include <MsalQt/Widgets/signinbutton.h>
#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/Widgets/translations.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/filecachestorage.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>

#include <QAbstractButton>
#include <QClipboard>
#include <QAction>
#include <QGuiApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QTranslator>
#include <QTemporaryDir>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QWebEngineView>

#include <memory>

// The demo's window on an in-process emulator: sign in through the embedded browser (the
// emulator signs Alice in at once), the account in the list, the decoded ID token, the Graph
// call to /v1.0/me; a screenshot goes to test-artifacts/demo.png. Then the other two ways in
// (system browser, device code), one sign-in at a time with its Cancel, and a Graph claims
// challenge answered with a new token. The demo in other languages: tst_demo_language.
class tst_Demo : public QObject, protected DemoFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void signInAndCallGraph();
    void systemBrowserSignIn();
    void systemBrowserWaitCancelledFromThePanel_data();
    void systemBrowserWaitCancelledFromThePanel();
    void oneSignInAtATimeInTheChosenMode_data();
    void oneSignInAtATimeInTheChosenMode();
    void graphSignInIsTheOneSignIn();
    void deviceCodeSignInAndClaimsChallenge();
    void sessionEndedAnsweredFromTheGraphPanel();
    void accountsOfAPersistedCache();
};

void tst_Demo::initTestCase()
{
    QVERIFY(startFixture(QStringLiteral("tst_demo")));
}

void tst_Demo::init()
{
    resetFixture();
}

void tst_Demo::signInAndCallGraph()
{
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    window.accountsPanel()->setMode(MsalQtDemo::AccountsPanel::Embedded);
    // WebEngine is started by the first sign-in that needs a page, not with the window.
    MsalQt::Widgets::SignInDialog *dialog = window.accountsPanel()->signInButton()->signInDialog();
    QVERIFY(!dialog->isBrowserCreated());
    QVERIFY(window.findChildren<QWebEngineView *>().isEmpty());

    auto *signIn = window.findChild<QPushButton *>(QStringLiteral("signIn"));
    QVERIFY(signIn);
    QTest::mouseClick(signIn, Qt::LeftButton);
    QListWidget *accounts = window.accountsPanel()->accountList();
    QTRY_COMPARE_WITH_TIMEOUT(accounts->count(), 1, 60000);
    QVERIFY2(accounts->item(0)->text().contains(QLatin1String("alice@contoso.com")), qPrintable(accounts->item(0)->text()));
    QVERIFY(dialog->isBrowserCreated());

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

    // The expiry counts down, live.
    auto *expires = window.findChild<QLabel *>(QStringLiteral("expiresLabel"));
    QVERIFY(expires);
    const QString expiresBefore = expires->text();
    QVERIFY2(expiresBefore.contains(QLatin1String("0:59:")), qPrintable(expiresBefore));
    QTRY_VERIFY_WITH_TIMEOUT(expires->text() != expiresBefore, 3000);

    // The raw token: hidden until asked for, then shown; Copy puts it on the clipboard.
    auto *raw = window.findChild<QPlainTextEdit *>(QStringLiteral("rawToken"));
    auto *showRaw = window.findChild<QPushButton *>(QStringLiteral("showRawToken"));
    auto *copy = window.findChild<QPushButton *>(QStringLiteral("copyToken"));
    QVERIFY(raw && showRaw && copy);
    QVERIFY(!raw->isVisible());
    QTest::mouseClick(showRaw, Qt::LeftButton);
    QVERIFY(raw->isVisible());
    const QString token = raw->toPlainText();
    QCOMPARE(token.count(QLatin1Char('.')), 2); // a JWS
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), token);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(showRaw, Qt::LeftButton); // hidden again: no token in the screenshot
    QVERIFY(!raw->isVisible());

    // Graph: /v1.0/me with the token (silent, from the cache).
    auto *send = window.findChild<QPushButton *>(QStringLiteral("graphSend"));
    QVERIFY(send);
    QTest::mouseClick(send, Qt::LeftButton);
    QLabel *status = window.graphPanel()->statusLabel();
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("HTTP 200")), qPrintable(status->text()), 30000);
    QVERIFY(window.graphPanel()->rawView()->toPlainText().contains(QLatin1String("Alice Example")));
    QVERIFY(!window.graphPanel()->jsonTree()->findItems(QStringLiteral("displayName"), Qt::MatchExactly, 0).isEmpty());

    // A POST with a JSON body, typed in: the body field is only open to POST and PATCH.
    auto *method = window.graphPanel()->findChild<QComboBox *>();
    auto *graphPath = window.findChild<QLineEdit *>(QStringLiteral("graphPath"));
    auto *body = window.findChild<QLineEdit *>(QStringLiteral("graphBody"));
    QVERIFY(method && graphPath && body);
    QVERIFY(!body->isEnabled());
    method->setCurrentText(QStringLiteral("POST"));
    QVERIFY(body->isEnabled());
    graphPath->selectAll();
    QTest::keyClicks(graphPath, QStringLiteral("/v1.0/me/todo/lists"));
    QTest::keyClicks(body, QStringLiteral(R"({"displayName": "Groceries"})"));
    QTest::keyClick(body, Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("HTTP 201")), qPrintable(status->text()), 30000);
    QVERIFY(window.graphPanel()->rawView()->toPlainText().contains(QLatin1String("\"Groceries\"")));
    method->setCurrentText(QStringLiteral("GET"));
    QVERIFY(!body->isEnabled());

    // The log pane shows the library's messages, never the token or the code it redeemed.
    const QString log = window.logPane()->toPlainText();
    QVERIFY(log.contains(QLatin1String("msalqt.")));
    QVERIFY(!log.contains(token));
    QVERIFY(!log.contains(token.section(QLatin1Char('.'), 2))); // not even the signature
    bool sawCode = false;
    for (const MsalQt::Emulator::RecordedRequest &request : m_emulator.requests()) {
        const QString code = request.form.queryItemValue(QStringLiteral("code"));
        if (code.isEmpty())
            continue;
        sawCode = true;
        QVERIFY2(!log.contains(code), "the authorization code reached the log");
    }
    QVERIFY(sawCode);

    QTest::qWait(200);
    QVERIFY(QDir().mkpath(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR)));
    const QString path = QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/demo.png");
    QVERIFY(window.grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));

    // Signing out clears everything of the account: its token and its Graph answer.
    auto *signOut = window.findChild<QPushButton *>(QStringLiteral("signOut"));
    QVERIFY(signOut && signOut->isEnabled());
    QTest::mouseClick(signOut, Qt::LeftButton);
    QTRY_COMPARE(window.accountsPanel()->accountList()->count(), 0);
    QVERIFY(window.graphPanel()->rawView()->toPlainText().isEmpty());
    QCOMPARE(window.graphPanel()->jsonTree()->topLevelItemCount(), 0);
    QVERIFY(!status->text().startsWith(QLatin1String("HTTP")));
    QVERIFY(window.tokenView()->claimsTree()->findItems(QStringLiteral("scp"), Qt::MatchExactly, 0).isEmpty());
}

// The system browser mode: the loopback redirect, no WebEngine at all. The "browser" here is an
// HTTP client following the emulator's redirect (auto sign-in) to the demo's loopback listener.
void tst_Demo::systemBrowserSignIn()
{
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    window.accountsPanel()->setMode(MsalQtDemo::AccountsPanel::SystemBrowser);
    QNetworkAccessManager browser;
    QUrl opened;
    int browserStatus = 0;
    window.accountsPanel()->systemBrowserAgent()->setUrlOpener([&](const QUrl &url) {
        opened = url;
        QNetworkReply *reply = browser.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&browserStatus, reply] {
            browserStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
        });
        return true;
    });

    window.accountsPanel()->signIn();
    QListWidget *accounts = window.accountsPanel()->accountList();
    QTRY_COMPARE_WITH_TIMEOUT(accounts->count(), 1, 30000);
    QVERIFY(accounts->item(0)->text().contains(QLatin1String("alice@contoso.com")));
    QVERIFY2(opened.path().endsWith(QLatin1String("/oauth2/v2.0/authorize")), qPrintable(opened.toString()));
    const QUrl redirect(QUrlQuery(opened).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.scheme(), QStringLiteral("http"));
    QCOMPARE(redirect.host(), QStringLiteral("localhost")); // RFC 8252 §7.3: the loopback listener
    QVERIFY(redirect.port() > 0);
    QTRY_COMPARE(browserStatus, 200); // the "you can close this tab" page
    QVERIFY(!window.accountsPanel()->signInButton()->signInDialog()->isBrowserCreated());
    // The library's informational lines reach the log pane (its categories log warnings only
    // unless told otherwise).
    QTRY_VERIFY2(window.logPane()->toPlainText().contains(QLatin1String(" info msalqt.auth: Opening the system browser")),
                 qPrintable(window.logPane()->toPlainText().right(2000)));
    QVERIFY(!window.tokenView()->claimsTree()->findItems(QStringLiteral("scp"), Qt::MatchExactly, 0).isEmpty());
    // The sign-in mode is a setting: the next window starts in it.
    {
        const std::unique_ptr<MsalQtDemo::MainWindow> next = newWindow();
        QVERIFY(next);
        QCOMPARE(next->accountsPanel()->mode(), MsalQtDemo::AccountsPanel::SystemBrowser);
    }

    // Account ▸ Switch account… opens the AccountPicker on the cached accounts; picking one
    // acquires its token silently (the cache), and the token view shows it again.
    window.tokenView()->clear();
    auto *pick = window.findChild<QAction *>(QStringLiteral("switchAccount"));
    QVERIFY(pick);
    pick->trigger();
    MsalQt::Widgets::AccountPicker *picker = nullptr;
    QTRY_VERIFY((picker = window.findChild<MsalQt::Widgets::AccountPicker *>()) && picker->isVisible());
    QCOMPARE(picker->model()->rowCount(), 1);
    m_emulator.clearRequests();
    picker->setCurrentAccount(m_app->accounts().value(0));
    picker->pickCurrent();
    QTRY_VERIFY(!window.tokenView()->claimsTree()->findItems(QStringLiteral("scp"), Qt::MatchExactly, 0).isEmpty());
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/token")), 0);

    // Sign out: the account leaves the list and the cache, the token view empties.
    auto *signOut = window.findChild<QPushButton *>(QStringLiteral("signOut"));
    QVERIFY(signOut && signOut->isEnabled());
    QTest::mouseClick(signOut, Qt::LeftButton);
    QCOMPARE(accounts->count(), 0);
    QVERIFY(m_app->accounts().isEmpty());
    QCOMPARE(window.tokenView()->claimsTree()->topLevelItemCount(), 0);
    QVERIFY(!signOut->isEnabled());
}

void tst_Demo::systemBrowserWaitCancelledFromThePanel_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("signInText");
    QTest::addColumn<QString>("cancelText");
    QTest::addColumn<QString>("cancelled"); // the error panel's text once cancelled
    QTest::newRow("English") << "en" << "Sign &in" << "&Cancel sign-in" << "Failed: The sign-in was cancelled.";
    QTest::newRow("German") << "de" << "Anme&lden" << "Anmeldung a&bbrechen"
                            << "Fehlgeschlagen: Die Anmeldung wurde abgebrochen.";
}

// A browser the person never uses: the panel's Sign in button becomes Cancel, by keyboard, and
// the wait ends at once (the loopback listener closes), whichever way the sign-in started;
// in English and German.
void tst_Demo::systemBrowserWaitCancelledFromThePanel()
{
    QFETCH(QString, language);
    QFETCH(QString, signInText);
    QFETCH(QString, cancelText);
    QFETCH(QString, cancelled);
    QObject translators;
    const auto uninstall = qScopeGuard([] { removeApplicationTranslators(); });
    if (language != QLatin1String("en"))
        QVERIFY(installLanguage(language, &translators));
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    MsalQtDemo::AccountsPanel *panel = window.accountsPanel();
    panel->setMode(MsalQtDemo::AccountsPanel::SystemBrowser);
    int opened = 0;
    panel->systemBrowserAgent()->setUrlOpener([&](const QUrl &) { return ++opened > 0; });
    QSignalSpy failed(panel, &MsalQtDemo::AccountsPanel::failed);
    auto *signIn = window.findChild<QPushButton *>(QStringLiteral("signIn"));
    QVERIFY(signIn);
    QCOMPARE(signIn->text(), signInText);
    QTest::mouseClick(signIn, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(opened, 1, 15000);
    QVERIFY(panel->isBusy());
    QVERIFY(panel->systemBrowserAgent()->port() != 0);
    QCOMPARE(signIn->text(), cancelText);
    QVERIFY(signIn->isEnabled());
    QVERIFY(window.grab().save(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/demo-system-browser-waiting-") + language
                               + QStringLiteral(".png")));
    signIn->setFocus();
    QTest::keyClick(signIn, Qt::Key_Space);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<MsalQt::AuthError>().type(), MsalQt::AuthError::Cancelled);
    QCOMPARE(panel->systemBrowserAgent()->port(), quint16(0));
    QVERIFY(!panel->isBusy());
    QCOMPARE(signIn->text(), signInText);
    // What the person reads, in their language.
    QTRY_VERIFY(window.errorPanel()->isVisible());
    const QString shownText = window.errorPanel()->textLabel()->text();
    QVERIFY2(shownText.startsWith(cancelled), qPrintable(shownText));
    QVERIFY(window.grab().save(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/demo-system-browser-cancelled-") + language
                               + QStringLiteral(".png")));
}

void tst_Demo::oneSignInAtATimeInTheChosenMode_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("system browser") << int(MsalQtDemo::AccountsPanel::SystemBrowser);
    QTest::newRow("device code") << int(MsalQtDemo::AccountsPanel::DeviceCode);
    QTest::newRow("embedded") << int(MsalQtDemo::AccountsPanel::Embedded);
}

// The SignInButton's Sign in at the top signs in the way "Sign in with:" says, and while it runs
// every other way to start a sign-in waits; the panel's button is its Cancel.
void tst_Demo::oneSignInAtATimeInTheChosenMode()
{
    QFETCH(int, mode);
    m_emulator.setDeviceCodeTiming(1, 120);
    m_emulator.setAutoSignIn({}); // the embedded page waits for the person
    const auto restore = qScopeGuard([this] { m_emulator.setAutoSignIn(QStringLiteral("alice@contoso.com")); });
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    MsalQtDemo::AccountsPanel *panel = window.accountsPanel();
    panel->setMode(MsalQtDemo::AccountsPanel::Mode(mode));
    int opened = 0;
    panel->systemBrowserAgent()->setUrlOpener([&](const QUrl &) { return ++opened > 0; });
    MsalQt::Widgets::SignInButton *top = panel->signInButton();
    QVERIFY(top->signInAction()->isVisible() && top->signInAction()->isEnabled());
    QSignalSpy failed(panel, &MsalQtDemo::AccountsPanel::failed);
    QSignalSpy topFailed(top, &MsalQt::Widgets::SignInButton::failed);
    top->signInAction()->trigger();

    MsalQt::Widgets::SignInDialog *dialog = top->signInDialog();
    if (mode == MsalQtDemo::AccountsPanel::SystemBrowser) {
        QTRY_COMPARE_WITH_TIMEOUT(opened, 1, 15000);
        QVERIFY(!dialog->isVisible());
    } else if (mode == MsalQtDemo::AccountsPanel::DeviceCode) {
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<MsalQt::Widgets::DeviceCodeDialog *>(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_emulator.requestCount(QStringLiteral("/devicecode")), 1, 15000);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(opened, 0);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_emulator.requestCount(QStringLiteral("/authorize")) >= 1, 15000);
        QCOMPARE(opened, 0);
    }
    QVERIFY(panel->isBusy());
    // Nothing else starts a second sign-in.
    auto *signIn = window.findChild<QPushButton *>(QStringLiteral("signIn"));
    QCOMPARE(signIn->text(), QStringLiteral("&Cancel sign-in"));
    QVERIFY(signIn->isEnabled());
    QVERIFY(!window.findChild<QComboBox *>(QStringLiteral("signInMode"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("switchAccount"))->isEnabled());
    QVERIFY(!top->isEnabled() || !top->signInAction()->isEnabled());
    auto *graphSend = window.findChild<QPushButton *>(QStringLiteral("graphSend"));
    QVERIFY(!graphSend->isEnabled()); // its token request could show a second page
    const int requestsBefore = m_emulator.requestCount(QStringLiteral("/authorize"))
                               + m_emulator.requestCount(QStringLiteral("/devicecode"));
    // The other ways in, tried anyway: the menu's Sign in, the button's, the panel's slot.
    window.findChild<QAction *>(QStringLiteral("signInAction"))->trigger();
    top->signInAction()->trigger();
    panel->signIn();
    window.graphPanel()->send();
    QTest::qWait(200);
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/authorize")) + m_emulator.requestCount(QStringLiteral("/devicecode")),
             requestsBefore);
    QCOMPARE(opened, mode == MsalQtDemo::AccountsPanel::SystemBrowser ? 1 : 0);

    QTest::mouseClick(signIn, Qt::LeftButton); // Cancel
    QTRY_VERIFY(!panel->isBusy());
    QCOMPARE(failed.size() + topFailed.size() >= 1, true);
    const MsalQt::AuthError error = (failed.isEmpty() ? topFailed : failed).first().first().value<MsalQt::AuthError>();
    QCOMPARE(error.type(), MsalQt::AuthError::Cancelled);
    QCOMPARE(panel->systemBrowserAgent()->port(), quint16(0));
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(signIn->text(), QStringLiteral("Sign &in"));
    QVERIFY(window.findChild<QComboBox *>(QStringLiteral("signInMode"))->isEnabled());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());
    QVERIFY(top->isEnabled() && top->signInAction()->isEnabled());
    QVERIFY(graphSend->isEnabled());
}

// Graph's Send without a usable token goes interactive: that sign-in is the one sign-in, the
// panel's button is its Cancel, and cancelling ends the Graph request with the reason.
void tst_Demo::graphSignInIsTheOneSignIn()
{
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    MsalQtDemo::AccountsPanel *panel = window.accountsPanel();
    panel->setMode(MsalQtDemo::AccountsPanel::SystemBrowser);
    int opened = 0;
    panel->systemBrowserAgent()->setUrlOpener([&](const QUrl &) { return ++opened > 0; });
    QVERIFY(panel->currentAccount().isNull()); // no account: silent cannot answer
    QSignalSpy graphFinished(window.graphPanel(), &MsalQtDemo::GraphPanel::finished);
    auto *graphSend = window.findChild<QPushButton *>(QStringLiteral("graphSend"));
    QTest::mouseClick(graphSend, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(opened, 1, 15000);
    QTRY_VERIFY(panel->isBusy());
    auto *signIn = window.findChild<QPushButton *>(QStringLiteral("signIn"));
    QCOMPARE(signIn->text(), QStringLiteral("&Cancel sign-in"));
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());
    QVERIFY(!graphSend->isEnabled());
    panel->signIn(); // refused while it waits
    QTest::qWait(200);
    QCOMPARE(opened, 1);

    QTest::mouseClick(signIn, Qt::LeftButton); // Cancel
    QTRY_COMPARE(graphFinished.size(), 1);
    QCOMPARE(graphFinished.first().first().toInt(), 0);
    QVERIFY2(window.graphPanel()->statusLabel()->text().contains(QLatin1String("The sign-in was cancelled.")),
             qPrintable(window.graphPanel()->statusLabel()->text()));
    QVERIFY(!panel->isBusy());
    QCOMPARE(signIn->text(), QStringLiteral("Sign &in"));
    QVERIFY(graphSend->isEnabled());
    QCOMPARE(panel->systemBrowserAgent()->port(), quint16(0));
}

// Device code in its dialog (approved on the emulator's side, as a phone would), then Graph under
// an authentication-context policy: 401 with a claims challenge, a new token carrying the
// context (the refresh token, with the claims), the request retried once and answered.
void tst_Demo::deviceCodeSignInAndClaimsChallenge()
{
    m_emulator.setDeviceCodeTiming(1, 120);
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    window.accountsPanel()->setMode(MsalQtDemo::AccountsPanel::DeviceCode);
    window.accountsPanel()->signIn();

    MsalQt::Widgets::DeviceCodeDialog *codeDialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((codeDialog = window.findChild<MsalQt::Widgets::DeviceCodeDialog *>()), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!codeDialog->deviceCode().userCode().isEmpty(), 10000);
    QVERIFY(codeDialog->isVisible());
    QVERIFY(m_emulator.approveDeviceCode(codeDialog->deviceCode().userCode(), QStringLiteral("alice@contoso.com")));
    QListWidget *accounts = window.accountsPanel()->accountList();
    QTRY_COMPARE_WITH_TIMEOUT(accounts->count(), 1, 30000);
    QVERIFY(!window.accountsPanel()->signInButton()->signInDialog()->isBrowserCreated());

    QTreeWidget *claims = window.tokenView()->claimsTree();
    QVERIFY(claims->findItems(QStringLiteral("acrs"), Qt::MatchExactly, 0).isEmpty());
    // Emulator ▸ Graph requires an authentication context (the offline demo's menu).
    window.setEmulator(&m_emulator);
    auto *requireContext = window.findChild<QAction *>(QStringLiteral("requireAuthContext"));
    QVERIFY(requireContext);
    requireContext->trigger();
    QVERIFY(requireContext->isChecked());
    m_emulator.clearRequests();
    window.graphPanel()->send();
    QLabel *status = window.graphPanel()->statusLabel();
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("HTTP 200")), qPrintable(status->text()), 30000);

    QList<int> order; // 0: Graph, 1: a token request with claims
    const QList<MsalQt::Emulator::RecordedRequest> requests = m_emulator.requests();
    for (const MsalQt::Emulator::RecordedRequest &request : requests) {
        if (request.path == QLatin1String("/v1.0/me"))
            order.append(0);
        else if (request.path.endsWith(QLatin1String("/oauth2/v2.0/token"))) {
            QCOMPARE(request.form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
            QVERIFY(request.form.queryItemValue(QStringLiteral("claims"), QUrl::FullyDecoded).contains(QLatin1String("\"acrs\"")));
            const QString refreshToken = request.form.queryItemValue(QStringLiteral("refresh_token"));
            QVERIFY(!refreshToken.isEmpty());
            QVERIFY2(!window.logPane()->toPlainText().contains(refreshToken), "the refresh token reached the log");
            order.append(1);
        }
    }
    QCOMPARE(order, (QList<int>{0, 1, 0}));
    QVERIFY2(status->text().contains(QLatin1String("claims challenge")), qPrintable(status->text()));
    // The token view shows the new token, which carries the authentication context.
    QTRY_VERIFY(!claims->findItems(QStringLiteral("acrs"), Qt::MatchExactly, 0).isEmpty());
    QVERIFY(window.grab().save(QStringLiteral(MSALQT_DEMO_ARTIFACTS_DIR "/demo-claims-challenge.png")));
}

// Emulator ▸ End the current account's session: Graph answers the demo's (cp1) token with a CAE
// claims challenge; the refresh token went with the session, so the Graph panel's token request
// signs the person in again (the system browser here), with the challenge's claims, and the
// request is retried once and answered.
void tst_Demo::sessionEndedAnsweredFromTheGraphPanel()
{
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    MsalQtDemo::MainWindow &window = *shown;
    QCOMPARE(m_app->clientCapabilities(), QStringList{QStringLiteral("cp1")});
    window.accountsPanel()->setMode(MsalQtDemo::AccountsPanel::SystemBrowser);
    QNetworkAccessManager browser;
    int opened = 0;
    window.accountsPanel()->systemBrowserAgent()->setUrlOpener([&](const QUrl &url) {
        ++opened;
        QNetworkReply *reply = browser.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    });
    window.accountsPanel()->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(window.accountsPanel()->accountList()->count(), 1, 30000);
    QLabel *status = window.graphPanel()->statusLabel();
    window.graphPanel()->send();
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("HTTP 200")), qPrintable(status->text()), 30000);

    window.setEmulator(&m_emulator);
    auto *endSession = window.findChild<QAction *>(QStringLiteral("endSession"));
    QVERIFY(endSession);
    endSession->trigger();
    m_emulator.clearRequests();
    window.graphPanel()->send();
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QLatin1String("HTTP 200")), qPrintable(status->text()), 30000);
    QVERIFY2(status->text().contains(QLatin1String("claims challenge")), qPrintable(status->text()));
    QCOMPARE(opened, 2); // the sign-in, and the new one the challenge needed
    int graphCalls = 0;
    QString redeemedClaims;
    for (const MsalQt::Emulator::RecordedRequest &request : m_emulator.requests()) {
        if (request.path == QLatin1String("/v1.0/me"))
            ++graphCalls;
        else if (request.form.queryItemValue(QStringLiteral("grant_type")) == QLatin1String("authorization_code"))
            redeemedClaims = request.form.queryItemValue(QStringLiteral("claims"), QUrl::FullyDecoded);
    }
    QCOMPARE(graphCalls, 2); // exactly one retry
    QVERIFY2(redeemedClaims.contains(QLatin1String("\"nbf\"")) && redeemedClaims.contains(QLatin1String("\"cp1\"")),
             qPrintable(redeemedClaims));
    QVERIFY(!window.accountsPanel()->isBusy());
}

// A window whose application has a persisted cache lists its accounts once it has loaded (after
// the window is up), and Graph is called with the cached token, without signing in.
void tst_Demo::accountsOfAPersistedCache()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("cache.json"));
    m_app->setCacheStorage(new MsalQt::FileCacheStorage(path, m_app.get()));
    {
        const std::unique_ptr<MsalQtDemo::MainWindow> first = newWindow();
        QVERIFY(first);
        first->accountsPanel()->setMode(MsalQtDemo::AccountsPanel::SystemBrowser);
        first->accountsPanel()->systemBrowserAgent()->setUrlOpener([this](const QUrl &url) {
            auto *browser = new QNetworkAccessManager(m_app.get());
            connect(browser->get(QNetworkRequest(url)), &QNetworkReply::finished, browser, &QObject::deleteLater);
            return true;
        });
        QSignalSpy saved(m_app.get(), &MsalQt::ClientApplication::cacheSaved);
        first->accountsPanel()->signIn();
        QVERIFY(saved.wait(30000));
    }

    // The next run: a new application on the same file.
    m_app = std::make_unique<MsalQt::PublicClientApplication>(
        m_emulator.publicClientId(), MsalQt::Authority::microsoft(m_emulator.authorityUrl(QStringLiteral("organizations"))));
    m_app->setCacheStorage(new MsalQt::FileCacheStorage(path, m_app.get()));
    const std::unique_ptr<MsalQtDemo::MainWindow> shown = newWindow();
    QVERIFY(shown);
    QListWidget *accounts = shown->accountsPanel()->accountList();
    QCOMPARE(accounts->count(), 0);
    m_app->loadCache();
    QTRY_COMPARE(accounts->count(), 1);
    QVERIFY(accounts->item(0)->text().contains(QLatin1String("alice@contoso.com")));
    QCOMPARE(shown->accountsPanel()->signInButton()->account().username(), QStringLiteral("alice@contoso.com"));

    m_emulator.clearRequests();
    shown->graphPanel()->send();
    QTRY_VERIFY2_WITH_TIMEOUT(shown->graphPanel()->statusLabel()->text().startsWith(QLatin1String("HTTP 200")),
                              qPrintable(shown->graphPanel()->statusLabel()->text()), 30000);
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/token")), 0); // the persisted access token
}

QTEST_MAIN(tst_Demo)
#include "tst_demo.moc"
