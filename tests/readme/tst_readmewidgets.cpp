#include "testsupport.h"

#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

// The README's SignInDialog snippet, verbatim between the markers (check-snippets.cmake), run
// under Xvfb with the real dialog: an account is in the cache, so silent first answers and the
// dialog never shows a page.
class tst_ReadmeWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signInDialogSilentFirst();

private:
    MsalQt::Emulator::Server m_emulator;
};

// Counts the times a widget is shown.
class ShowCounter : public QObject
{
public:
    int shown = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            ++shown;
        return QObject::eventFilter(watched, event);
    }
};

void tst_ReadmeWidgets::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_ReadmeWidgets::signInDialogSilentFirst()
{
    QWidget mainWindow;
    mainWindow.resize(400, 300);
    mainWindow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&mainWindow));
    QWidget *window = &mainWindow;
    auto *app = new MsalQt::PublicClientApplication(m_emulator.publicClientId(),
                                                    MsalQt::Authority::microsoft(m_emulator.authorityUrl("organizations")),
                                                    &mainWindow);
    {
        // Signed in earlier: the account and its tokens are in the cache.
        std::unique_ptr<MsalQt::TokenRequest> earlier(
            app->acquireTokenByUsernamePassword({"User.Read"}, TestSupport::alice(), TestSupport::password()));
        earlier->setAutoDelete(false);
        QSignalSpy finished(earlier.get(), &MsalQt::TokenRequest::finished);
        QVERIFY(finished.wait(20000));
        QVERIFY2(earlier->isSuccess(), qPrintable(earlier->error().errorString()));
    }
    m_emulator.clearRequests();

    // README snippet: Sign-in widgets
auto *dialog = new MsalQt::Widgets::SignInDialog(window);
MsalQt::InteractiveParameters parameters({QStringLiteral("User.Read")});
parameters.setAgent(dialog->agent());
parameters.setAccount(app->accounts().value(0));       // silent first when there is one
MsalQt::TokenRequest *request = app->acquireToken(parameters);
    // README snippet end

    ShowCounter counter;
    dialog->installEventFilter(&counter);
    request->setAutoDelete(false);
    QSignalSpy finished(request, &MsalQt::TokenRequest::finished);
    QVERIFY(request->isFinished() || finished.wait(20000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(request->result().isFromCache());
    QCOMPARE(request->result().account().username(), TestSupport::alice());
    QCOMPARE(counter.shown, 0);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(m_emulator.requests().size(), 0); // no authorize page, no token request
    delete request;
}

QTEST_MAIN(tst_ReadmeWidgets)
#include "tst_readmewidgets.moc"
