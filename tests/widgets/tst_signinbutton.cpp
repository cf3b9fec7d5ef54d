#include "guitestsupport.h"
#include "testsupport.h"
#include "widgettestaccounts.h"

#include <MsalQt/Widgets/accountpicker.h>
#include <MsalQt/Widgets/signinbutton.h>
#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/systembrowseragent.h>
#include <MsalQt/tokencache.h>

#include <QAction>
#include <QApplication>
#include <QListView>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace MsalQt;
using namespace MsalQt::Widgets;

// The sign-in button over a real token cache (device-code sign-ins on the emulator): silent
// sign-in, switching accounts through the picker, signing out, its menu by keyboard.
class tst_SignInButton : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsCachedAccount();
    void followsAccountsChangedElsewhere();
    void signInSilently();
    void signOutFromMenuByKeyboard();
    void switchAccount();
    void interactiveSignInCancelled();
    void systemBrowserWaitCancelledByKeyboard();
    void deletedWhileSigningIn();

private:
    MsalQt::Emulator::Server m_emulator;
    std::unique_ptr<PublicClientApplication> m_app;
    std::unique_ptr<QWidget> m_window;
    SignInButton *m_button = nullptr;
};

void tst_SignInButton::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

// The account is removed behind the button's back (the msalqt command, another instance, the
// application's own code): the button signs out; an account that appears is shown.
void tst_SignInButton::followsAccountsChangedElsewhere()
{
    QSignalSpy signedOut(m_button, &SignInButton::signedOut);
    const Account alice = m_button->account();
    QVERIFY(m_app->tokenCache()->removeAccount(alice));
    QTRY_COMPARE(signedOut.size(), 1);
    QVERIFY(m_button->account().isNull());
    QVERIFY(m_button->signInAction()->isVisible());

    QVERIFY(GuiTest::signInWithDeviceCode(m_app.get(), m_emulator, TestSupport::alice()));
    QTRY_COMPARE(m_button->account().username(), TestSupport::alice());
    QCOMPARE(signedOut.size(), 1);
}

void tst_SignInButton::init()
{
    m_app = GuiTest::emulatorApp(m_emulator);
    QVERIFY(GuiTest::signInWithDeviceCode(m_app.get(), m_emulator, TestSupport::alice()));
    m_window = std::make_unique<QWidget>();
    m_button = new SignInButton(m_app.get(), {QStringLiteral("User.Read")}, m_window.get());
    m_button->move(10, 10);
    m_window->resize(260, 60);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_SignInButton::cleanup()
{
    m_window.reset();
    m_app.reset();
}

void tst_SignInButton::showsCachedAccount()
{
    QCOMPARE(m_button->account().username(), TestSupport::alice());
    QCOMPARE(m_button->text(), QStringLiteral("Alice Example"));
    QVERIFY(m_button->accessibleName().contains(TestSupport::alice()));
    QVERIFY(!m_button->signInAction()->isVisible());
    QVERIFY(m_button->signOutAction()->isEnabled());
    GuiTest::saveScreenshot(m_window.get(), QStringLiteral("signinbutton-signed-in"));
}

void tst_SignInButton::signInSilently()
{
    QSignalSpy signedIn(m_button, &SignInButton::signedIn);
    QSignalSpy failed(m_button, &SignInButton::failed);
    m_button->signIn();
    QVERIFY(signedIn.wait(15000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(signedIn.first().first().value<AuthenticationResult>().account().username(), TestSupport::alice());
    QVERIFY(!m_button->signInDialog()->isVisible()); // the cache answered: no page shown
}

void tst_SignInButton::signOutFromMenuByKeyboard()
{
    QSignalSpy signedOut(m_button, &SignInButton::signedOut);
    bool menuSeen = false;
    // The menu runs its own loop while open: answer it from a timer, as a person would.
    QTimer::singleShot(300, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        menuSeen = true;
        GuiTest::saveScreenshot(menu, QStringLiteral("signinbutton-menu"));
        menu->setActiveAction(m_button->signOutAction());
        QTest::keyClick(menu, Qt::Key_Return);
    });
    m_button->setFocus();
    QTest::keyClick(m_button, Qt::Key_Space);
    QTRY_VERIFY(menuSeen);
    QTRY_COMPARE(signedOut.count(), 1);
    QVERIFY(m_button->account().isNull());
    QCOMPARE(m_button->text(), QStringLiteral("Sign in"));
    QVERIFY(m_app->accounts().isEmpty());
    QVERIFY(m_button->signInAction()->isVisible());
    GuiTest::saveScreenshot(m_window.get(), QStringLiteral("signinbutton-signed-out"));
}

void tst_SignInButton::switchAccount()
{
    QVERIFY(GuiTest::signInWithDeviceCode(m_app.get(), m_emulator, TestSupport::carol()));
    QSignalSpy signedIn(m_button, &SignInButton::signedIn);
    QVERIFY(m_button->switchAccountAction()->isEnabled());
    m_button->switchAccountAction()->trigger();
    AccountPicker *picker = nullptr;
    QTRY_VERIFY((picker = m_button->findChild<AccountPicker *>(QStringLiteral("msalqt-account-picker"))));
    QVERIFY(QTest::qWaitForWindowExposed(picker));
    QCOMPARE(picker->currentAccount().username(), TestSupport::alice()); // starts at the current one
    QListView *list = picker->listView();
    // Down to Carol, Enter picks.
    for (int i = 0; i < 2 && picker->currentAccount().username() != TestSupport::carol(); ++i)
        QTest::keyClick(list, i == 0 ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(picker->currentAccount().username(), TestSupport::carol());
    GuiTest::saveScreenshot(picker, QStringLiteral("signinbutton-switch-account"));
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(signedIn.wait(15000));
    QCOMPARE(m_button->account().username(), TestSupport::carol());
    QCOMPARE(m_button->text(), QStringLiteral("Carol Example"));
}

void tst_SignInButton::interactiveSignInCancelled()
{
    m_button->signOut();
    QSignalSpy failed(m_button, &SignInButton::failed);
    m_button->signIn(); // nothing cached: silent answers UiRequired, the dialog opens
    SignInDialog *dialog = m_button->signInDialog();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 15000);
    QVERIFY(m_button->isBusy());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(failed.count() || failed.wait(10000));
    QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::Cancelled);
    QVERIFY(!m_button->isBusy());
    QCOMPARE(m_button->text(), QStringLiteral("Sign in"));
}

// A sign-in in the system browser has no window of its own: the button's menu cancels the wait,
// by keyboard, and the loopback listener stops at once.
void tst_SignInButton::systemBrowserWaitCancelledByKeyboard()
{
    m_button->signOut();
    SystemBrowserAgent browser;
    int opened = 0;
    browser.setUrlOpener([&](const QUrl &) { return ++opened > 0; }); // a browser the person never uses
    m_button->setAgent(&browser);
    QCOMPARE(m_button->agent(), &browser);
    QSignalSpy failed(m_button, &SignInButton::failed);
    m_button->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(opened, 1, 15000);
    QVERIFY(m_button->isBusy());
    QVERIFY(browser.port() != 0);
    QVERIFY(!m_button->signInDialog()->isVisible());
    QCOMPARE(m_button->text(), QStringLiteral("Signing in…"));
    QVERIFY(m_button->cancelAction()->isVisible());
    QVERIFY(m_button->cancelAction()->isEnabled());

    bool menuSeen = false;
    QTimer::singleShot(300, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        menuSeen = true;
        GuiTest::saveScreenshot(menu, QStringLiteral("signinbutton-cancel-menu"));
        QTest::keyClick(menu, Qt::Key_C); // &Cancel sign-in, the only enabled entry
    });
    m_button->setFocus();
    QTest::keyClick(m_button, Qt::Key_Space);
    QTRY_VERIFY(menuSeen);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<AuthError>().type(), AuthError::Cancelled);
    QCOMPARE(browser.port(), quint16(0)); // the wait is over: nothing listens any more
    QVERIFY(!m_button->isBusy());
    QVERIFY(!m_button->cancelAction()->isVisible());
    QCOMPARE(m_button->text(), QStringLiteral("Sign in"));
    m_button->setAgent(nullptr);
    QCOMPARE(m_button->agent(), m_button->signInDialog()->agent());
}

// The window goes while the button's sign-in waits: the sign-in ends as Cancelled and reports
// to no half-destroyed button (its dialog's agent, deleted with it, ends the request).
void tst_SignInButton::deletedWhileSigningIn()
{
    m_button->signOut();
    m_button->signIn();
    SignInDialog *dialog = m_button->signInDialog();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 15000);
    QVERIFY(m_button->isBusy());
    const QList<TokenRequest *> requests = m_app->findChildren<TokenRequest *>();
    QVERIFY(!requests.isEmpty());
    QObject context;
    QList<AuthError::Type> ended;
    for (TokenRequest *request : requests) {
        connect(request, &TokenRequest::finished, &context,
                [&ended](TokenRequest *finished) { ended << finished->error().type(); });
    }
    QSignalSpy busy(m_button, &SignInButton::busyChanged);
    m_window.reset(); // the button and its dialog with it
    m_button = nullptr;
    QCOMPARE(ended.size(), requests.size());
    for (AuthError::Type type : std::as_const(ended))
        QCOMPARE(type, AuthError::Cancelled);
    QCOMPARE(busy.size(), 0); // nothing emitted from a button being destroyed
}

QTEST_MAIN(tst_SignInButton)
#include "tst_signinbutton.moc"
