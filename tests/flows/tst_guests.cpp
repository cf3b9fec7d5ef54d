#include "followingagent.h"
#include "testsupport.h"

#include <MsalQt/authorizationagent.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

// Guests (B2B) and multi-tenant applications: alice of Contoso is a guest in Fabrikam (the
// emulator's default directory). A token for Fabrikam comes from her home sign-in's refresh
// token, at Fabrikam's token endpoint, from Fabrikam's issuer, with her guest object's oid; it
// is cached under Fabrikam, a second tenant profile of the one account.
namespace {
const QString contoso = QStringLiteral("ce78edf1-b7b2-49e9-9eb0-751756c7ce81");
const QString fabrikam = QStringLiteral("a4c1e7d2-58b3-4f06-9e2a-7b5d3c1f8e64");
const QString woodgrove = QStringLiteral("3f2c51a8-0b7e-4d55-9a61-6f1c2e4b8d90"); // alice is no guest there
const QString aliceHomeOid = QStringLiteral("074471ff-7ea4-4db2-82fd-8145c634ad72");
const QString aliceGuestOid = QStringLiteral("e3b7c915-6d2a-4f80-b1c4-92f5a0d8e7b3");
const QString bobOid = QStringLiteral("dd01bc71-c983-4c2f-8542-9459c0a9763d");

QJsonObject jwtClaims(const QString &jwt)
{
    const QByteArray payload = QByteArray::fromBase64(jwt.section(QLatin1Char('.'), 1, 1).toLatin1(),
                                                      QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object();
}

QString clientInfo(const QString &uid, const QString &utid)
{
    const QJsonObject info{{"uid", uid}, {"utid", utid}};
    return QString::fromLatin1(QJsonDocument(info).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class tst_Guests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void guestTokenFromHomeRefreshToken();
    void guestTenantByDomain();
    void tenantProfiles();
    void aliasHitInCache();
    void instanceDiscoverySwitchHoldsForTheTenant();
    void notAGuest();
    void refusedBeforeNetwork_data();
    void refusedBeforeNetwork();
    void anotherPersonRefused();
    void anotherGuestsIdTokenRefused();
    void removeAccountRemovesEveryProfile();
    void interactiveSignInToGuestTenant();

private:
    std::unique_ptr<PublicClientApplication> newApp(const Authority &authority = {});
    Account signIn(PublicClientApplication *app, const QString &username = alice());
    std::unique_ptr<TokenRequest> silentIn(ClientApplication *app, const Account &account, const QString &tenant,
                                           ClientApplication::SilentOptions options = {});
    QList<MsalQt::Emulator::RecordedRequest> tokenRequests() const;

    MsalQt::Emulator::Server m_emulator;
};

void tst_Guests::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_Guests::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.setDeviceCodeTiming(1, 60);
    m_emulator.setAutoSignIn({});
    m_emulator.setPreferredCacheEnvironment({});
}

std::unique_ptr<PublicClientApplication> tst_Guests::newApp(const Authority &authority)
{
    auto app = std::make_unique<PublicClientApplication>(
        m_emulator.publicClientId(),
        authority.isValid() ? authority : Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app->setRetryDelay(std::chrono::milliseconds(10));
    return app;
}

Account tst_Guests::signIn(PublicClientApplication *app, const QString &username)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    if (!received.wait(10000))
        return {};
    m_emulator.approveDeviceCode(received.first().first().value<DeviceCode>().userCode(), username);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    if ((!request->isFinished() && !finished.wait(20000)) || !request->isSuccess())
        return {};
    m_emulator.clearRequests();
    return request->result().account();
}

std::unique_ptr<TokenRequest> tst_Guests::silentIn(ClientApplication *app, const Account &account,
                                                   const QString &tenant, ClientApplication::SilentOptions options)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilentForTenant({"User.Read"}, account, tenant, options));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    if (!request->isFinished())
        finished.wait(20000);
    return request;
}

QList<MsalQt::Emulator::RecordedRequest> tst_Guests::tokenRequests() const
{
    QList<MsalQt::Emulator::RecordedRequest> tokens;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.endsWith("/oauth2/v2.0/token"))
            tokens.append(request);
    }
    return tokens;
}

void tst_Guests::guestTokenFromHomeRefreshToken()
{
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    QCOMPARE(account.tenantId(), contoso);

    const auto request = silentIn(app.get(), account, fabrikam);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const AuthenticationResult guest = request->result();
    QVERIFY(!guest.isFromCache());
    QCOMPARE(guest.tenantId(), fabrikam);
    // The ID token is Fabrikam's, of the guest object; the account is still alice's home one.
    QCOMPARE(guest.idTokenClaims().value("tid").toString(), fabrikam);
    QCOMPARE(guest.idTokenClaims().value("oid").toString(), aliceGuestOid);
    QCOMPARE(guest.idTokenClaims().value("iss").toString(), m_emulator.authorityUrl(fabrikam).toString() + "/v2.0");
    QCOMPARE(jwtClaims(guest.accessToken()).value("tid").toString(), fabrikam);
    QCOMPARE(guest.account(), account);
    QCOMPARE(guest.account().tenantId(), fabrikam);
    QCOMPARE(guest.account().localAccountId(), aliceGuestOid);

    // One redemption of the home refresh token, at Fabrikam's token endpoint.
    const auto tokens = tokenRequests();
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(tokens.first().path, QString("/%1/oauth2/v2.0/token").arg(fabrikam));
    QCOMPARE(tokens.first().form.queryItemValue("grant_type"), QString("refresh_token"));

    // Again: from the cache, no network at all.
    m_emulator.clearRequests();
    const auto cached = silentIn(app.get(), account, fabrikam);
    QVERIFY2(cached->isSuccess(), qPrintable(cached->error().errorString()));
    QVERIFY(cached->result().isFromCache());
    QCOMPARE(cached->result().accessToken(), guest.accessToken());
    QCOMPARE(cached->result().tenantId(), fabrikam);
    QCOMPARE(m_emulator.requests().size(), 0);

    // The home tenant's token is another one, still served from the cache.
    const auto home = silentIn(app.get(), account, QString());
    QVERIFY(home->isSuccess());
    QVERIFY(home->result().isFromCache());
    QCOMPARE(home->result().tenantId(), contoso);
    QVERIFY(home->result().accessToken() != guest.accessToken());
    QCOMPARE(m_emulator.requests().size(), 0);

    // A second refresh in Fabrikam is checked against the guest's cached ID token: accepted.
    const auto again = silentIn(app.get(), account, fabrikam, ClientApplication::ForceRefresh);
    QVERIFY2(again->isSuccess(), qPrintable(again->error().errorString()));
    QCOMPARE(again->result().idTokenClaims().value("oid").toString(), aliceGuestOid);
    QCOMPARE(tokenRequests().size(), 1);
    QCOMPARE(tokenRequests().first().path, QString("/%1/oauth2/v2.0/token").arg(fabrikam));
}

void tst_Guests::guestTenantByDomain()
{
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    const auto request = silentIn(app.get(), account, "fabrikam.onmicrosoft.com");
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().tenantId(), fabrikam);
    QCOMPARE(tokenRequests().size(), 1);

    // Filed under the tenant's id: the domain and the id both find it, without a refresh.
    m_emulator.clearRequests();
    for (const QString &tenant : {QString("fabrikam.onmicrosoft.com"), fabrikam}) {
        const auto cached = silentIn(app.get(), account, tenant);
        QVERIFY2(cached->isSuccess(), qPrintable(cached->error().errorString()));
        QVERIFY(cached->result().isFromCache());
        QCOMPARE(cached->result().accessToken(), request->result().accessToken());
    }
    QCOMPARE(tokenRequests().size(), 0);
}

void tst_Guests::tenantProfiles()
{
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    QCOMPARE(app->accounts().size(), 1);
    QCOMPARE(app->accounts().first().tenantProfiles().size(), 1);

    QSignalSpy changed(app.get(), &ClientApplication::accountsChanged);
    QVERIFY(silentIn(app.get(), account, fabrikam)->isSuccess());
    QCOMPARE(changed.size(), 1); // a new profile is a change of the list

    // One person, listed once, by the home tenant, with a profile per tenant (home first).
    const QList<Account> accounts = app->accounts();
    QCOMPARE(accounts.size(), 1);
    const Account listed = accounts.first();
    QCOMPARE(listed, account);
    QCOMPARE(listed.tenantId(), contoso);
    QCOMPARE(listed.localAccountId(), aliceHomeOid);
    const QList<TenantProfile> profiles = listed.tenantProfiles();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).tenantId(), contoso);
    QCOMPARE(profiles.at(0).localAccountId(), aliceHomeOid);
    QVERIFY(profiles.at(0).isHomeTenant());
    QCOMPARE(profiles.at(1).tenantId(), fabrikam);
    QCOMPARE(profiles.at(1).localAccountId(), aliceGuestOid);
    QVERIFY(!profiles.at(1).isHomeTenant());
    QCOMPARE(profiles.at(1).name(), QString("Alice Example"));
    // TokenCache::account() finds the same person, with the same profiles.
    QCOMPARE(app->tokenCache()->account(account.homeAccountId()).tenantProfiles(), profiles);

    // The profiles survive a round trip through the serialized cache (one Account entry each).
    auto other = newApp();
    QVERIFY(other->tokenCache()->deserialize(app->tokenCache()->serialize()));
    QCOMPARE(other->accounts().size(), 1);
    QCOMPARE(other->accounts().first().tenantProfiles(), profiles);
}

void tst_Guests::aliasHitInCache()
{
    // Instance discovery names another host of the same cloud as the one tokens are filed
    // under (as the real cloud names login.windows.net): the guest's token is filed there, and
    // another application finds it without a token request. That application first learns the
    // cloud's aliases (instance discovery and the discovery document): a host it has not heard
    // of is not taken for its own cloud.
    m_emulator.setPreferredCacheEnvironment("login.emulator.test");
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    QCOMPARE(account.environment(), QString("login.emulator.test"));
    const auto guest = silentIn(app.get(), account, fabrikam);
    QVERIFY2(guest->isSuccess(), qPrintable(guest->error().errorString()));
    const QJsonObject tokens = QJsonDocument::fromJson(app->tokenCache()->serialize()).object().value("AccessToken").toObject();
    QCOMPARE(tokens.size(), 2);
    for (const QJsonValue &token : tokens)
        QCOMPARE(token.toObject().value("environment").toString(), QString("login.emulator.test"));

    auto other = newApp();
    QVERIFY(other->tokenCache()->deserialize(app->tokenCache()->serialize()));
    m_emulator.clearRequests();
    const auto cached = silentIn(other.get(), other->accounts().value(0), fabrikam);
    QVERIFY2(cached->isSuccess(), qPrintable(cached->error().errorString()));
    QVERIFY(cached->result().isFromCache());
    QCOMPARE(cached->result().accessToken(), guest->result().accessToken());
    for (const auto &request : m_emulator.requests())
        QVERIFY2(!request.path.endsWith(QLatin1String("/token")), qPrintable(request.path));
    m_emulator.clearRequests();
    const auto again = silentIn(other.get(), other->accounts().value(0), fabrikam);
    QVERIFY2(again->isSuccess() && again->result().isFromCache(), qPrintable(again->error().errorString()));
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_Guests::instanceDiscoverySwitchHoldsForTheTenant()
{
    // Instance discovery switched off for the application: the other tenant's metadata is
    // fetched without it too.
    auto app = newApp();
    app->setInstanceDiscoveryEnabled(false);
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    m_emulator.clearRequests();
    const auto guest = silentIn(app.get(), account, fabrikam);
    QVERIFY2(guest->isSuccess(), qPrintable(guest->error().errorString()));
    QVERIFY(!m_emulator.requests().isEmpty());
    for (const auto &request : m_emulator.requests())
        QVERIFY2(!request.path.endsWith(QLatin1String("/discovery/instance")), qPrintable(request.path));
}

void tst_Guests::notAGuest()
{
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    const QByteArray before = app->tokenCache()->serialize();

    const auto request = silentIn(app.get(), account, woodgrove);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::UiRequired);
    QCOMPARE(request->error().protocolError(), QString("invalid_grant"));
    QVERIFY(request->error().errorCodes().contains(50020));
    QCOMPARE(tokenRequests().size(), 1);
    QCOMPARE(tokenRequests().first().path, QString("/%1/oauth2/v2.0/token").arg(woodgrove));
    QCOMPARE(app->tokenCache()->serialize(), before);
    QCOMPARE(app->accounts().first().tenantProfiles().size(), 1);
}

void tst_Guests::refusedBeforeNetwork_data()
{
    QTest::addColumn<QString>("authority"); // "oidc", "b2c", "adfs", or a tenant segment of the emulator
    QTest::addColumn<QString>("tenant");
    QTest::newRow("OpenID Connect authority") << "oidc" << fabrikam;
    QTest::newRow("B2C authority") << "b2c" << fabrikam;
    QTest::newRow("AD FS authority") << "adfs" << fabrikam;
    QTest::newRow("consumers authority") << "consumers" << fabrikam;
    QTest::newRow("common as tenant") << "organizations" << "common";
    QTest::newRow("organizations as tenant") << "organizations" << "organizations";
    QTest::newRow("consumers as tenant") << "organizations" << "consumers";
    QTest::newRow("consumers tenant id") << "organizations" << "9188040d-6c67-4c5b-b112-36a304b66dad";
    QTest::newRow("not a tenant") << "organizations" << "fabrikam/../common";
}

void tst_Guests::refusedBeforeNetwork()
{
    QFETCH(QString, authority);
    QFETCH(QString, tenant);
    const QString base = m_emulator.authorityUrl(contoso).adjusted(QUrl::RemovePath).toString();
    const Authority chosen = authority == "oidc"
        ? Authority::openIdConnect(QUrl(m_emulator.authorityUrl(contoso).toString() + "/v2.0"))
        : authority == "b2c"  ? Authority::b2c(base + "/tfp/fabrikamb2c.onmicrosoft.com/B2C_1_signupsignin")
        : authority == "adfs" ? Authority::adfs(base + "/adfs")
                              : Authority::microsoft(m_emulator.authorityUrl(authority));
    QVERIFY(chosen.isValid());
    auto app = newApp(chosen);
    Account account;
    account.setHomeAccountId(aliceHomeOid + "." + contoso);
    account.setEnvironment(chosen.host());
    const auto request = silentIn(app.get(), account, tenant);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QVERIFY(!request->error().errorString().isEmpty());
    if (authority == "b2c" || authority == "adfs") // says which authority has no tenants
        QVERIFY2(request->error().errorString().contains("B2C and AD FS"), qPrintable(request->error().errorString()));
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_Guests::anotherPersonRefused()
{
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    const QByteArray before = app->tokenCache()->serialize();

    // Fabrikam's token endpoint answers with another person's tokens (bob's client_info).
    Fault fault;
    fault.kind = Fault::Body;
    fault.path = QString("/%1/oauth2/v2.0/token").arg(fabrikam);
    fault.grantType = "refresh_token";
    fault.body = QJsonDocument(QJsonObject{{"token_type", "Bearer"}, {"scope", "User.Read"}, {"expires_in", 3599},
                                           {"ext_expires_in", 3599}, {"access_token", "someone-elses-token"},
                                           {"refresh_token", "someone-elses-refresh-token"},
                                           {"client_info", clientInfo(bobOid, contoso)}})
                     .toJson(QJsonDocument::Compact);
    fault.times = -1;
    m_emulator.addFault(fault);

    const auto request = silentIn(app.get(), account, fabrikam);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::IdentityMismatch);
    QCOMPARE(app->tokenCache()->serialize(), before);
    QCOMPARE(app->accounts().first().tenantProfiles().size(), 1);

    // The genuine answer is accepted once the server stops lying.
    m_emulator.clearFaults();
    const auto genuine = silentIn(app.get(), account, fabrikam);
    QVERIFY2(genuine->isSuccess(), qPrintable(genuine->error().errorString()));
    QCOMPARE(genuine->result().idTokenClaims().value("oid").toString(), aliceGuestOid);
}

void tst_Guests::anotherGuestsIdTokenRefused()
{
    // Bob is a guest in Fabrikam too: his real Fabrikam ID token, signed by the emulator's
    // published key and from Fabrikam's issuer, is what a hostile server pairs with alice's
    // client_info. Alice's Fabrikam ID token is cached: its oid and sub must not change.
    auto elsewhere = newApp();
    const Account bob = signIn(elsewhere.get(), "bob@contoso.com");
    QVERIFY(!bob.isNull());
    const auto bobInFabrikam = silentIn(elsewhere.get(), bob, fabrikam);
    QVERIFY2(bobInFabrikam->isSuccess(), qPrintable(bobInFabrikam->error().errorString()));
    const QString bobIdToken = bobInFabrikam->result().idToken();
    QCOMPARE(jwtClaims(bobIdToken).value("tid").toString(), fabrikam);

    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    QVERIFY(silentIn(app.get(), account, fabrikam)->isSuccess());
    const QByteArray before = app->tokenCache()->serialize();

    Fault fault;
    fault.kind = Fault::Body;
    fault.path = QString("/%1/oauth2/v2.0/token").arg(fabrikam);
    fault.grantType = "refresh_token";
    fault.body = QJsonDocument(QJsonObject{{"token_type", "Bearer"}, {"scope", "User.Read"}, {"expires_in", 3599},
                                           {"ext_expires_in", 3599}, {"access_token", "bobs-token"},
                                           {"refresh_token", "bobs-refresh-token"}, {"id_token", bobIdToken},
                                           {"client_info", clientInfo(aliceHomeOid, contoso)}})
                     .toJson(QJsonDocument::Compact);
    fault.times = -1;
    m_emulator.addFault(fault);
    const auto request = silentIn(app.get(), account, fabrikam, ClientApplication::ForceRefresh);
    QVERIFY(request->isFinished());
    QCOMPARE(request->error().type(), AuthError::IdentityMismatch);
    QCOMPARE(app->tokenCache()->serialize(), before);
}

void tst_Guests::removeAccountRemovesEveryProfile()
{
    auto app = newApp();
    const Account account = signIn(app.get());
    QVERIFY(!account.isNull());
    QVERIFY(silentIn(app.get(), account, fabrikam)->isSuccess());
    QCOMPARE(app->accounts().first().tenantProfiles().size(), 2);

    app->removeAccount(app->accounts().first());
    QTRY_VERIFY(app->accounts().isEmpty());
    const QJsonObject cache = QJsonDocument::fromJson(app->tokenCache()->serialize()).object();
    for (const char *section : {"Account", "AccessToken", "RefreshToken", "IdToken"})
        QVERIFY2(cache.value(section).toObject().isEmpty(), section);

    m_emulator.clearRequests();
    const auto request = silentIn(app.get(), account, fabrikam);
    QCOMPARE(request->error().type(), AuthError::UiRequired);
    QCOMPARE(tokenRequests().size(), 0);
}

void tst_Guests::interactiveSignInToGuestTenant()
{
    // The application's authority is alice's home tenant; the sign-in asks for Fabrikam.
    auto app = newApp(Authority::microsoft(m_emulator.authorityUrl(contoso)));
    m_emulator.setAutoSignIn(alice());
    FollowingAgent agent;
    InteractiveParameters parameters({"User.Read"});
    parameters.setAgent(&agent);
    parameters.setTenant(fabrikam);
    QCOMPARE(parameters.tenant(), fabrikam);
    std::unique_ptr<TokenRequest> request(app->acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(request->isFinished() || finished.wait(20000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(agent.lastAuthorizationUrl.path().startsWith("/" + fabrikam + "/"));
    QCOMPARE(request->result().tenantId(), fabrikam);
    QCOMPARE(request->result().idTokenClaims().value("oid").toString(), aliceGuestOid);
    const Account account = request->result().account();
    QCOMPARE(account.homeAccountId(), aliceHomeOid + "." + contoso);
    const auto tokens = tokenRequests();
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(tokens.first().path, QString("/%1/oauth2/v2.0/token").arg(fabrikam));

    // Silent for Fabrikam: the cache; for the home tenant: the same refresh token, at home.
    m_emulator.clearRequests();
    const auto guest = silentIn(app.get(), account, fabrikam);
    QVERIFY(guest->isSuccess());
    QVERIFY(guest->result().isFromCache());
    const auto home = silentIn(app.get(), account, QString());
    QVERIFY2(home->isSuccess(), qPrintable(home->error().errorString()));
    QCOMPARE(home->result().tenantId(), contoso);
    QCOMPARE(home->result().idTokenClaims().value("oid").toString(), aliceHomeOid);
    QCOMPARE(tokenRequests().size(), 1);
    QCOMPARE(tokenRequests().first().path, QString("/%1/oauth2/v2.0/token").arg(contoso));

    // Silent first with the tenant: Fabrikam's cached token, no page, no network.
    m_emulator.clearRequests();
    FollowingAgent unused;
    InteractiveParameters again({"User.Read"});
    again.setAgent(&unused);
    again.setAccount(account);
    again.setTenant(fabrikam);
    std::unique_ptr<TokenRequest> silentFirst(app->acquireToken(again));
    silentFirst->setAutoDelete(false);
    QSignalSpy done(silentFirst.get(), &TokenRequest::finished);
    QVERIFY(silentFirst->isFinished() || done.wait(20000));
    QVERIFY2(silentFirst->isSuccess(), qPrintable(silentFirst->error().errorString()));
    QVERIFY(silentFirst->result().isFromCache());
    QCOMPARE(silentFirst->result().tenantId(), fabrikam);
    QVERIFY(unused.lastAuthorizationUrl.isEmpty());
    QCOMPARE(m_emulator.requests().size(), 0);
}

QTEST_MAIN(tst_Guests)
#include "tst_guests.moc"
