// Refresh before expiry (ClientApplication::setAutoRefresh(), issue 17): with short-lived tokens
// from the emulator, the application refreshes once the lead time before expiry has come, tells
// it with tokenRefreshed(), and sends nothing more once the application turns it off; off by
// default, it never refreshes by itself.

#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using namespace std::chrono_literals;

class tst_AutoRefresh : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void refreshedBeforeExpiry();
    void offByDefault();
    void failureReportedNotRetried();
    void applicationDeletedWhileRefreshing();

private:
    std::unique_ptr<TokenRequest> signIn(PublicClientApplication &app);
    int refreshGrants() const;

    Emulator::Server m_emulator;
};

void tst_AutoRefresh::initTestCase()
{
    QVERIFY(m_emulator.listen());
    m_emulator.setAccessTokenLifetime(6); // seconds
}

void tst_AutoRefresh::init()
{
    m_emulator.clearRequests();
}

std::unique_ptr<TokenRequest> tst_AutoRefresh::signIn(PublicClientApplication &app)
{
    std::unique_ptr<TokenRequest> request(app.acquireTokenByUsernamePassword({"User.Read"}, alice(), password()));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    finished.wait(30000);
    return request;
}

int tst_AutoRefresh::refreshGrants() const
{
    int count = 0;
    for (const Emulator::RecordedRequest &request : m_emulator.requests())
        count += request.form.queryItemValue(QStringLiteral("grant_type")) == QLatin1String("refresh_token");
    return count;
}

void tst_AutoRefresh::refreshedBeforeExpiry()
{
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    QVERIFY(!app.autoRefresh());
    app.setAutoRefresh(true);
    app.setRefreshLeadTime(3s); // a 6-second token: refreshed 3 seconds after it came
    QSignalSpy refreshed(&app, &ClientApplication::tokenRefreshed);
    QSignalSpy failed(&app, &ClientApplication::tokenRefreshFailed);
    const auto first = signIn(app);
    QVERIFY2(first->isSuccess(), qPrintable(first->error().errorString()));
    QCOMPARE(refreshGrants(), 0);

    QVERIFY(refreshed.wait(15000));
    QCOMPARE(refreshGrants(), 1); // once, not a loop
    QCOMPARE(failed.size(), 0);
    const AuthenticationResult result = refreshed.first().first().value<AuthenticationResult>();
    QCOMPARE(result.account().homeAccountId(), first->result().account().homeAccountId());
    QVERIFY(result.accessToken() != first->result().accessToken());
    QVERIFY(result.expiresOn() > first->result().expiresOn());
    QVERIFY(first->result().expiresOn() > QDateTime::currentDateTimeUtc()); // before the old one expired

    // Off: nothing more goes out, though the new token will expire too.
    app.setAutoRefresh(false);
    QVERIFY(!app.autoRefresh());
    QTest::qWait(7000);
    QCOMPARE(refreshGrants(), 1);
    QCOMPARE(refreshed.size(), 1);
}

void tst_AutoRefresh::offByDefault()
{
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    QSignalSpy refreshed(&app, &ClientApplication::tokenRefreshed);
    const auto first = signIn(app);
    QVERIFY(first->isSuccess());
    QTest::qWait(7000); // past the token's expiry
    QCOMPARE(refreshGrants(), 0);
    QCOMPARE(refreshed.size(), 0);
}

void tst_AutoRefresh::failureReportedNotRetried()
{
    PublicClientApplication app(m_emulator.publicClientId(), Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app.setAutoRefresh(true);
    app.setRefreshLeadTime(4s);
    QSignalSpy refreshed(&app, &ClientApplication::tokenRefreshed);
    QSignalSpy failed(&app, &ClientApplication::tokenRefreshFailed);
    const auto first = signIn(app);
    QVERIFY(first->isSuccess());
    m_emulator.revokeRefreshTokens(alice());
    QVERIFY(failed.wait(15000));
    QCOMPARE(failed.first().at(0).value<Account>().homeAccountId(), first->result().account().homeAccountId());
    QCOMPARE(failed.first().at(1).toStringList(), QStringList{"User.Read"});
    QCOMPARE(failed.first().at(2).value<AuthError>().type(), AuthError::UiRequired);
    QTest::qWait(4000);
    QCOMPARE(refreshGrants(), 1); // reported, not retried
    QCOMPARE(refreshed.size(), 0);
}

// The application goes while its refresh is on the wire (the token endpoint holds it): the
// refresh ends with the application, and nothing is reported to a deleted object.
void tst_AutoRefresh::applicationDeletedWhileRefreshing()
{
    Emulator::Fault slow;
    slow.kind = Emulator::Fault::Delay;
    slow.path = QStringLiteral("/oauth2/v2.0/token");
    slow.grantType = QStringLiteral("refresh_token");
    slow.delayMs = 3000;
    m_emulator.addFault(slow);
    const auto clearFaults = qScopeGuard([this] { m_emulator.clearFaults(); });
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                         Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app->setAutoRefresh(true);
    app->setRefreshLeadTime(5s);
    QVERIFY(signIn(*app)->isSuccess()); // (a request is its application's child: gone before it)
    QTRY_COMPARE_WITH_TIMEOUT(refreshGrants(), 1, 10000); // on the wire, held
    app.reset();
    QTest::qWait(4000); // the held answer arrives for nobody
    QCOMPARE(refreshGrants(), 1);
}

QTEST_GUILESS_MAIN(tst_AutoRefresh)
#include "tst_autorefresh.moc"
