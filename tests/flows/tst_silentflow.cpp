#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/filecachestorage.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// Silent first: served from the cache without a network round trip while a token is usable,
// the refresh token redeemed when it is not, UiRequired when only the person can go on.
class tst_SilentFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cacheHitWithoutNetwork();
    void refreshes_data();
    void refreshes();
    void uiRequired_data();
    void uiRequired();
    void noAccount();
    void singleFlight();
    void serviceDownKeepsValidToken();
    void removeAccount();
    void clientCredentialsCached();
    void persistsAcrossApplications();

private:
    std::unique_ptr<PublicClientApplication> newApp();
    Account signIn(PublicClientApplication *app, AuthenticationResult *result = nullptr);
    std::unique_ptr<TokenRequest> silent(ClientApplication *app, const Account &account,
                                         ClientApplication::SilentOptions options = {}, const QString &claims = {});
    static bool finish(TokenRequest *request);
    int tokenRequests(const QString &grant) const;

    MsalQt::Emulator::Server m_emulator;
    QDateTime m_now;
};

void tst_SilentFlow::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_SilentFlow::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setDeviceCodeTiming(1, 60);
    m_emulator.setAccessTokenLifetime(3599);
    m_now = QDateTime::currentDateTimeUtc();
}

std::unique_ptr<PublicClientApplication> tst_SilentFlow::newApp()
{
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                         Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app->setRetryDelay(std::chrono::milliseconds(10));
    app->setClock([this] { return m_now; });
    return app;
}

bool tst_SilentFlow::finish(TokenRequest *request)
{
    if (request->isFinished())
        return true;
    QSignalSpy finished(request, &TokenRequest::finished);
    return finished.wait(20000);
}

Account tst_SilentFlow::signIn(PublicClientApplication *app, AuthenticationResult *result)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    if (!received.wait(10000))
        return {};
    m_emulator.approveDeviceCode(received.first().first().value<DeviceCode>().userCode(), alice());
    if (!finish(request.get()) || !request->isSuccess())
        return {};
    if (result)
        *result = request->result();
    m_emulator.clearRequests();
    return request->result().account();
}

std::unique_ptr<TokenRequest> tst_SilentFlow::silent(ClientApplication *app, const Account &account,
                                                     ClientApplication::SilentOptions options, const QString &claims)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilent({"User.Read"}, account, options, claims));
    request->setAutoDelete(false);
    finish(request.get());
    return request;
}

int tst_SilentFlow::tokenRequests(const QString &grant) const
{
    int count = 0;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/token") && request.form.queryItemValue("grant_type") == grant)
            ++count;
    }
    return count;
}

void tst_SilentFlow::cacheHitWithoutNetwork()
{
    auto app = newApp();
    AuthenticationResult first;
    const Account account = signIn(app.get(), &first);
    QVERIFY(!account.isNull());
    QCOMPARE(app->accounts().size(), 1);
    QCOMPARE(app->accounts().first().username(), alice());

    const auto request = silent(app.get(), app->accounts().first());
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const AuthenticationResult result = request->result();
    QVERIFY(result.isFromCache());
    QCOMPARE(result.accessToken(), first.accessToken());
    QCOMPARE(result.account(), account);
    QCOMPARE(result.account().username(), alice());
    QCOMPARE(result.idTokenClaims().value("preferred_username").toString(), alice());
    QCOMPARE(result.expiresOn().toSecsSinceEpoch(), first.expiresOn().toSecsSinceEpoch());
    QCOMPARE(m_emulator.requests().size(), 0); // not even discovery
}

void tst_SilentFlow::refreshes_data()
{
    QTest::addColumn<int>("lifetime");
    QTest::addColumn<int>("secondsLater");
    QTest::addColumn<int>("options");
    QTest::addColumn<QString>("claims");

    // The clock moves less than the ID token's hour, which the refreshed answer carries too.
    QTest::newRow("expired") << 600 << 1200 << 0 << QString();
    QTest::newRow("within the 5 minute margin") << 3599 << 3599 - 200 << 0 << QString();
    QTest::newRow("forced") << 3599 << 0 << int(ClientApplication::ForceRefresh) << QString();
    QTest::newRow("claims challenge") << 3599 << 0 << 0 << QString(R"({"access_token":{"nbf":{"essential":true,"value":"1700000000"}}})");
}

void tst_SilentFlow::refreshes()
{
    QFETCH(int, lifetime);
    QFETCH(int, secondsLater);
    QFETCH(int, options);
    QFETCH(QString, claims);

    m_emulator.setAccessTokenLifetime(lifetime);
    auto app = newApp();
    AuthenticationResult first;
    const Account account = signIn(app.get(), &first);
    QVERIFY(!account.isNull());
    const QString refreshTokenBefore = QString::fromUtf8(app->tokenCache()->serialize());

    m_now = m_now.addSecs(secondsLater);
    const auto request = silent(app.get(), account, ClientApplication::SilentOptions(options), claims);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(!request->result().isFromCache());
    QVERIFY(request->result().accessToken() != first.accessToken());
    QCOMPARE(request->result().account(), account);
    QCOMPARE(tokenRequests("refresh_token"), 1);
    if (!claims.isEmpty()) {
        const auto requests = m_emulator.requests();
        const auto token = std::find_if(requests.cbegin(), requests.cend(),
                                        [](const auto &r) { return r.path.endsWith("/token"); });
        QCOMPARE(token->form.queryItemValue("claims", QUrl::FullyDecoded), claims);
    }
    // The rotated refresh token replaced the old one in the cache.
    QVERIFY(QString::fromUtf8(app->tokenCache()->serialize()) != refreshTokenBefore);

    // The new token serves the next request from the cache.
    m_emulator.clearRequests();
    const auto again = silent(app.get(), account);
    QVERIFY(again->isSuccess());
    QVERIFY(again->result().isFromCache());
    QCOMPARE(again->result().accessToken(), request->result().accessToken());
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_SilentFlow::uiRequired_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("aadsts");
    QTest::addColumn<QString>("subError");
    QTest::addColumn<QString>("claims");

    QTest::newRow("revoked refresh token") << "" << 0 << "" << "";
    QTest::newRow("invalid_grant") << "invalid_grant" << 70000 << "" << "";
    QTest::newRow("MFA 50076") << "invalid_grant" << 50076 << "basic_action" << R"({"access_token":{"capolids":{"essential":true,"values":["p1"]}}})";
    QTest::newRow("MFA 50079") << "interaction_required" << 50079 << "" << "";
    QTest::newRow("consent_required") << "consent_required" << 65001 << "consent_required" << "";
    QTest::newRow("login_required") << "login_required" << 50058 << "" << "";
}

void tst_SilentFlow::uiRequired()
{
    QFETCH(QString, error);
    QFETCH(int, aadsts);
    QFETCH(QString, subError);
    QFETCH(QString, claims);

    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    if (error.isEmpty()) {
        m_emulator.revokeRefreshTokens(alice());
    } else {
        Fault fault;
        fault.kind = Fault::ServiceError;
        fault.path = "/oauth2/v2.0/token";
        fault.grantType = "refresh_token";
        fault.error = error;
        fault.aadstsCode = aadsts;
        fault.subError = subError;
        fault.claims = claims;
        m_emulator.addFault(fault);
    }
    const auto request = silent(app.get(), account, ClientApplication::ForceRefresh);
    const AuthError result = request->error();
    QCOMPARE(result.type(), AuthError::UiRequired);
    QVERIFY(!result.protocolError().isEmpty());
    if (aadsts)
        QVERIFY(result.hasErrorCode(aadsts));
    QCOMPARE(result.subError(), subError);
    QCOMPARE(result.claims(), claims);
    QVERIFY(result.errorString().contains("interactive"));
    QCOMPARE(tokenRequests("refresh_token"), 1); // no retry loop
}

void tst_SilentFlow::noAccount()
{
    auto app = newApp();
    const auto request = silent(app.get(), Account());
    QCOMPARE(request->error().type(), AuthError::UiRequired);

    // An account this cache has no refresh token for.
    Account stranger;
    stranger.setHomeAccountId("00000000-0000-0000-0000-000000000000.ce78edf1-b7b2-49e9-9eb0-751756c7ce81");
    stranger.setEnvironment(QString("127.0.0.1:%1").arg(m_emulator.port()));
    stranger.setTenantId("ce78edf1-b7b2-49e9-9eb0-751756c7ce81");
    const auto unknown = silent(app.get(), stranger);
    QCOMPARE(unknown->error().type(), AuthError::UiRequired);
    QCOMPARE(unknown->error().subError(), QString("no_tokens_found"));
    QCOMPARE(tokenRequests("refresh_token"), 0);
}

void tst_SilentFlow::singleFlight()
{
    m_emulator.setAccessTokenLifetime(600);
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    m_now = m_now.addSecs(1200);

    std::vector<std::unique_ptr<TokenRequest>> requests;
    for (int i = 0; i < 100; ++i) {
        requests.emplace_back(app->acquireTokenSilent({"User.Read"}, account));
        requests.back()->setAutoDelete(false);
    }
    for (const auto &request : requests)
        QVERIFY(finish(request.get()));
    const QString token = requests.front()->result().accessToken();
    for (const auto &request : requests) {
        QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
        QCOMPARE(request->result().accessToken(), token);
    }
    QCOMPARE(tokenRequests("refresh_token"), 1);
}

void tst_SilentFlow::serviceDownKeepsValidToken()
{
    // A token with refresh_in: past refresh_on it is refreshed, but if the service is down the
    // token, still valid, is returned.
    m_emulator.setAccessTokenLifetime(10000); // the emulator then sends refresh_in = 5000
    auto app = newApp();
    AuthenticationResult first;
    const Account account = signIn(app.get(), &first);
    QVERIFY(first.refreshOn().isValid());
    m_now = m_now.addSecs(5001);
    Fault fault;
    fault.kind = Fault::HttpStatus;
    fault.status = 503;
    fault.path = "/oauth2/v2.0/token";
    fault.times = -1;
    m_emulator.addFault(fault);
    const auto request = silent(app.get(), account);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(request->result().isFromCache());
    QCOMPARE(request->result().accessToken(), first.accessToken());
    QCOMPARE(tokenRequests("refresh_token"), 2); // tried, with its one retry
}

void tst_SilentFlow::removeAccount()
{
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    app->removeAccount(account);
    QVERIFY(app->accounts().isEmpty());
    const auto request = silent(app.get(), account);
    QCOMPARE(request->error().type(), AuthError::UiRequired);
}

void tst_SilentFlow::clientCredentialsCached()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    QString tokens[2];
    for (int i = 0; i < 2; ++i) {
        std::unique_ptr<TokenRequest> request(app.acquireTokenForClient({"https://graph.microsoft.com/.default"}));
        request->setAutoDelete(false);
        QVERIFY(finish(request.get()));
        QVERIFY(request->isSuccess());
        QCOMPARE(request->result().isFromCache(), i == 1);
        tokens[i] = request->result().accessToken();
    }
    QCOMPARE(tokens[0], tokens[1]);
    QCOMPARE(tokenRequests("client_credentials"), 1);
}

void tst_SilentFlow::persistsAcrossApplications()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("cache.json");
    Account account;
    {
        FileCacheStorage storage(path);
        auto app = newApp();
        app->setCacheStorage(&storage);
        account = signIn(app.get());
        QVERIFY(!account.isNull());
    }
    QVERIFY(QFile::exists(path));
    // A new application (as in the next run of the program) finds the account and its token.
    FileCacheStorage storage(path);
    auto app = newApp();
    app->setCacheStorage(&storage);
    QSignalSpy loaded(app.get(), &ClientApplication::cacheLoaded);
    app->loadCache();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(app->accounts().size(), 1);
    const auto request = silent(app.get(), app->accounts().first());
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(request->result().isFromCache());
    QCOMPARE(m_emulator.requests().size(), 0);
}

QTEST_GUILESS_MAIN(tst_SilentFlow)
#include "tst_silentflow.moc"
