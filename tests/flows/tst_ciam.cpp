#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

// Microsoft Entra External ID (CIAM) through the public API against the emulator's customer
// tenant (issue 18). On loopback the host cannot be {tenant}.ciamlogin.com, so the authority is
// Authority::ciam() on the emulator's address: a Microsoft tenant authority (v2.0 metadata,
// client_info, the issuer's tenant checked) that never asks instance discovery.
class tst_Ciam : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void signInSilentRefresh_data();
    void signInSilentRefresh();
    void usernamePassword();
    void refusesIntegratedWindowsAuth();

private:
    std::unique_ptr<PublicClientApplication> newApp(const QString &tenant);
    std::unique_ptr<TokenRequest> finish(TokenRequest *request);
    int count(const QString &pathSuffix, const QString &grant = {}) const;

    MsalQt::Emulator::Server m_emulator;
};

static const QString customerTenantId = QStringLiteral("6a1d3c7e-94b2-4f0e-8c5d-2b7f9e1a4c38");
static const QString customerDomain = QStringLiteral("fabrikamcustomers.onmicrosoft.com");
static const QString erin = QStringLiteral("erin@fabrikamcustomers.onmicrosoft.com");
static const QString instancePath = QStringLiteral("/common/discovery/instance");

void tst_Ciam::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_Ciam::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setDeviceCodeTiming(1, 60);
}

std::unique_ptr<PublicClientApplication> tst_Ciam::newApp(const QString &tenant)
{
    const Authority authority = Authority::ciam(QUrl(m_emulator.baseUrl().toString() + QLatin1Char('/') + tenant));
    if (authority.type() != Authority::Ciam)
        return {};
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(), authority);
    app->setRetryDelay(std::chrono::milliseconds(10));
    return app;
}

std::unique_ptr<TokenRequest> tst_Ciam::finish(TokenRequest *request)
{
    std::unique_ptr<TokenRequest> owned(request);
    owned->setAutoDelete(false);
    if (!owned->isFinished()) {
        QSignalSpy finished(request, &TokenRequest::finished);
        finished.wait(20000);
    }
    return owned;
}

int tst_Ciam::count(const QString &pathSuffix, const QString &grant) const
{
    int n = 0;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.endsWith(pathSuffix) && (grant.isEmpty() || request.form.queryItemValue("grant_type") == grant))
            ++n;
    }
    return n;
}

void tst_Ciam::signInSilentRefresh_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::newRow("tenant domain") << customerDomain;
    QTest::newRow("tenant id") << customerTenantId;
}

void tst_Ciam::signInSilentRefresh()
{
    QFETCH(QString, tenant);
    auto app = newApp(tenant);
    QVERIFY(app);

    std::unique_ptr<TokenRequest> request(app->acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    QVERIFY(received.wait(10000));
    QVERIFY(m_emulator.approveDeviceCode(received.first().first().value<DeviceCode>().userCode(), erin));
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(request->isFinished() || finished.wait(20000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const AuthenticationResult first = request->result();
    const Account account = first.account();
    QCOMPARE(account.username(), erin);
    QCOMPARE(account.tenantId(), customerTenantId);
    // client_info made the home account id, as for any Microsoft tenant.
    QVERIFY(account.homeAccountId().endsWith(QLatin1Char('.') + customerTenantId));
    QCOMPARE(count(instancePath), 0); // External ID: no instance discovery
    QCOMPARE(count("/v2.0/.well-known/openid-configuration"), 1);
    QCOMPARE(app->accounts().size(), 1);

    m_emulator.clearRequests();
    auto hit = finish(app->acquireTokenSilent({"User.Read"}, account));
    QVERIFY2(hit->isSuccess(), qPrintable(hit->error().errorString()));
    QVERIFY(hit->result().isFromCache());
    QCOMPARE(hit->result().accessToken(), first.accessToken());
    QCOMPARE(m_emulator.requests().size(), 0);

    auto refreshed = finish(app->acquireTokenSilent({"User.Read"}, account, ClientApplication::ForceRefresh));
    QVERIFY2(refreshed->isSuccess(), qPrintable(refreshed->error().errorString()));
    QVERIFY(!refreshed->result().isFromCache());
    QVERIFY(refreshed->result().accessToken() != first.accessToken());
    QCOMPARE(refreshed->result().account(), account);
    QCOMPARE(count("/token", "refresh_token"), 1);
    QCOMPARE(count(instancePath), 0);
}

void tst_Ciam::usernamePassword()
{
    // External ID tenants accept the password grant (not recommended, as everywhere).
    auto app = newApp(customerDomain);
    QVERIFY(app);
    auto request = finish(app->acquireTokenByUsernamePassword({"User.Read"}, erin, password()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().tenantId(), customerTenantId);
    QCOMPARE(count(instancePath), 0);
}

void tst_Ciam::refusesIntegratedWindowsAuth()
{
    auto app = newApp(customerDomain);
    QVERIFY(app);
    auto request = finish(app->acquireTokenByIntegratedWindowsAuth({"User.Read"}, erin));
    QVERIFY(request->isFinished());
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->error().type(), AuthError::UnsupportedAuthority);
    QVERIFY(request->error().errorString().contains(QStringLiteral("External ID")));
    QCOMPARE(m_emulator.requests().size(), 0); // refused before anything is sent
}

QTEST_GUILESS_MAIN(tst_Ciam)
#include "tst_ciam.moc"
