#include "guitestsupport.h"
#include "testsupport.h"
#include "widgettestaccounts.h"

#include <MsalQt/Widgets/signindialog.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/publicclientapplication.h>

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QWebEnginePage>

using namespace MsalQt;
using namespace MsalQt::Widgets;
using Fault = MsalQt::Emulator::Fault;

// The real SignInDialog as the agent of the real interactive flow, and one of the three deleted
// in each state of the sign-in (issue 14): the request ends once as Cancelled, no window stays
// on screen, nothing stays on the wire. Only the dialog deleted after it has answered leaves
// the redemption alone.
class tst_SignInDialogLifetime : public QObject
{
    Q_OBJECT
public:
    enum Victim { Request, Application, Dialog };
    Q_ENUM(Victim)

private Q_SLOTS:
    void initTestCase();
    void deleteMidSignIn_data();
    void deleteMidSignIn();

private:
    MsalQt::Emulator::Server m_emulator;
    QNetworkAccessManager m_network;
};

void tst_SignInDialogLifetime::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_SignInDialogLifetime::deleteMidSignIn_data()
{
    QTest::addColumn<TokenRequest::State>("state");
    QTest::addColumn<Victim>("victim");
    for (TokenRequest::State state : {TokenRequest::NotStarted, TokenRequest::WaitingForUser, TokenRequest::RequestingToken}) {
        for (Victim victim : {Request, Application, Dialog}) {
            QTest::addRow("%s, %s deleted", QMetaEnum::fromType<TokenRequest::State>().valueToKey(state),
                          QMetaEnum::fromType<Victim>().valueToKey(victim))
                << state << victim;
        }
    }
}

void tst_SignInDialogLifetime::deleteMidSignIn()
{
    QFETCH(TokenRequest::State, state);
    QFETCH(Victim, victim);

    m_emulator.clearFaults();
    m_emulator.clearSessions();
    m_emulator.clearRequests();
    // Waiting for the person: the login page stays. Redeeming: the emulator answers the page at
    // once (as a remembered session would) and holds the token answer back for 3 s.
    m_emulator.setAutoSignIn(state == TokenRequest::RequestingToken ? TestSupport::alice() : QString());
    if (state == TokenRequest::RequestingToken) {
        Fault fault;
        fault.kind = Fault::Delay;
        fault.path = QStringLiteral("/oauth2/v2.0/token");
        fault.delayMs = 3000;
        m_emulator.addFault(fault);
    }

    QPointer<PublicClientApplication> app(GuiTest::emulatorApp(m_emulator, QStringLiteral("organizations")).release());
    app->setNetworkAccessManager(&m_network);
    QPointer<SignInDialog> dialog(new SignInDialog);
    auto cleanup = qScopeGuard([&] {
        delete dialog;
        delete app;
    });

    InteractiveParameters parameters({QStringLiteral("User.Read")});
    parameters.setAgent(dialog->agent());
    QPointer<TokenRequest> request(app->acquireTokenInteractive(parameters));
    int finishedCount = 0;
    bool success = false;
    AuthError::Type errorType = AuthError::NoError;
    connect(request, &TokenRequest::finished, this, [&](TokenRequest *finished) {
        ++finishedCount;
        success = finished->isSuccess();
        errorType = finished->error().type();
    });

    if (state == TokenRequest::WaitingForUser) {
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 15000);
        QSignalSpy loaded(dialog->page(), &QWebEnginePage::loadFinished);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(request->state(), TokenRequest::WaitingForUser);
        GuiTest::saveScreenshot(dialog, QStringLiteral("lifetime-before-deletion"));
    } else if (state == TokenRequest::RequestingToken) {
        QTRY_COMPARE_WITH_TIMEOUT(m_emulator.requestCount("/oauth2/v2.0/token"), 1, 20000);
        QCOMPARE(request->state(), TokenRequest::RequestingToken);
    }
    QCOMPARE(finishedCount, 0);

    switch (victim) {
    case Request:
        delete request;
        break;
    case Application:
        delete app;
        break;
    case Dialog:
        delete dialog;
        break;
    }

    if (victim == Dialog && state == TokenRequest::RequestingToken) {
        // The dialog had answered: the code is redeemed without it.
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 15000);
        QVERIFY(success);
    } else {
        // Ended once, as Cancelled: at once for a deleted request or application (from the
        // destructor), on the next event-loop turn for a deleted dialog.
        if (victim == Dialog)
            QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 5000);
        QCOMPARE(finishedCount, 1);
        QCOMPARE(AuthError::typeName(errorType), AuthError::typeName(AuthError::Cancelled));
    }

    // No window of the sign-in stays on screen, nothing stays on the wire.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (dialog)
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 5000);
    QTest::qWait(500);
    for (QWidget *window : QApplication::topLevelWidgets())
        QVERIFY2(!window->isVisible(), qPrintable(window->metaObject()->className()));
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>())
        QVERIFY2(!reply->isRunning(), qPrintable(reply->url().toString()));
    QCOMPARE(finishedCount, 1);
}

QTEST_MAIN(tst_SignInDialogLifetime)
#include "tst_signindialoglifetime.moc"
