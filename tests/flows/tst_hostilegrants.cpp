#include "hostileserver.h"
#include "routingnetworkaccessmanager.h"
#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;
using Answer = TestSupport::HostileServer::Answer;

// Every grant, and every JSON endpoint a flow reads, against a hostile server standing in for
// that one endpoint (the emulator answers the rest): a 307 to another host, 64 MiB, a body that
// never ends, one byte a second. Each is refused with a typed error, with no secret re-sent
// elsewhere and nothing written to the cache.
class tst_HostileGrants : public QObject
{
    Q_OBJECT
public:
    enum Grant { ClientSecret, Password, RefreshToken, DeviceCode, OnBehalfOf, AuthorizationCode };
    Q_ENUM(Grant)

private Q_SLOTS:
    void initTestCase();
    void init();
    void tokenEndpoint_data();
    void tokenEndpoint();
    void jsonEndpoints_data();
    void jsonEndpoints();

private:
    std::unique_ptr<ClientApplication> application(Grant grant);
    // Starts the grant; for a refresh token, after a sign-in that fills the cache.
    std::unique_ptr<TokenRequest> start(Grant grant, ClientApplication *app);
    std::unique_ptr<TokenRequest> wait(TokenRequest *request);
    MsalQt::Emulator::Server m_emulator;
    HostileServer m_hostile;
    HostileServer m_otherHost; // 127.0.0.2
    RoutingNetworkAccessManager m_network;
};

static constexpr qint64 MiB = 1024 * 1024;

void tst_HostileGrants::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY(m_hostile.listen(QHostAddress::LocalHost));
    QVERIFY(m_otherHost.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_emulator.setDeviceCodeTiming(1, 60);
}

void tst_HostileGrants::init()
{
    m_emulator.clearRequests();
    m_hostile.clear();
    m_otherHost.clear();
    m_network.clearRoutes();
}

std::unique_ptr<ClientApplication> tst_HostileGrants::application(Grant grant)
{
    std::unique_ptr<ClientApplication> app;
    switch (grant) {
    case ClientSecret:
    case OnBehalfOf:
    case AuthorizationCode:
        app = std::make_unique<ConfidentialClientApplication>(
            m_emulator.confidentialClientId(), ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
            Authority::microsoft(m_emulator.authorityUrl()));
        break;
    case Password:
    case RefreshToken:
    case DeviceCode:
        app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                        Authority::microsoft(m_emulator.authorityUrl()));
        break;
    }
    app->setNetworkAccessManager(&m_network);
    app->setRetryDelay(std::chrono::milliseconds(10));
    app->setHttpTimeout(std::chrono::milliseconds(2500));
    return app;
}

std::unique_ptr<TokenRequest> tst_HostileGrants::wait(TokenRequest *request)
{
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!request->isFinished() && !finished.wait(30000))
        qWarning("request did not finish");
    return std::unique_ptr<TokenRequest>(request);
}

std::unique_ptr<TokenRequest> tst_HostileGrants::start(Grant grant, ClientApplication *app)
{
    auto *pub = qobject_cast<PublicClientApplication *>(app);
    auto *conf = qobject_cast<ConfidentialClientApplication *>(app);
    const QStringList user{QStringLiteral("User.Read")};
    switch (grant) {
    case ClientSecret:
        return wait(conf->acquireTokenForClient({QStringLiteral("https://graph.microsoft.com/.default")}));
    case Password:
        return wait(pub->acquireTokenByUsernamePassword(user, alice(), password()));
    case RefreshToken: {
        auto signIn = wait(pub->acquireTokenByUsernamePassword(user, alice(), password()));
        if (!signIn->isSuccess())
            return signIn;
        return wait(app->acquireTokenSilent(user, signIn->result().account(), ClientApplication::ForceRefresh));
    }
    case DeviceCode:
        return wait(pub->acquireTokenWithDeviceCode(user));
    case OnBehalfOf:
        return wait(conf->acquireTokenOnBehalfOf(QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln"), user));
    case AuthorizationCode:
        return wait(conf->acquireTokenByAuthorizationCode(QStringLiteral("the-code"), QStringLiteral("the-verifier"),
                                                          QUrl(QStringLiteral("http://localhost/callback")), user));
    }
    return {};
}

void tst_HostileGrants::tokenEndpoint_data()
{
    QTest::addColumn<int>("grant");
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<int>("type");     // AuthError::Type
    QTest::addColumn<int>("attempts"); // requests the hostile token endpoint gets

    const QUrl elsewhere = m_otherHost.url(QStringLiteral("/steal"));
    QUrl elsewhereTls = elsewhere; // Qt's own policy would follow this one, keeping the POST
    elsewhereTls.setScheme(QStringLiteral("https"));
    const auto grants = {ClientSecret, Password, RefreshToken, DeviceCode, OnBehalfOf, AuthorizationCode};
    for (Grant grant : grants) {
        const QByteArray name = QMetaEnum::fromType<Grant>().valueToKey(grant);
        QTest::newRow(name + ", 307 to another host") << int(grant) << Answer::redirect(307, elsewhere)
                                                      << int(AuthError::InvalidResponse) << 1;
        QTest::newRow(name + ", 308 to https on another host") << int(grant) << Answer::redirect(308, elsewhereTls)
                                                               << int(AuthError::InvalidResponse) << 1;
        QTest::newRow(name + ", 64 MiB") << int(grant) << Answer::huge(64 * MiB) << int(AuthError::ResponseTooLarge) << 1;
        QTest::newRow(name + ", 64 MiB chunked") << int(grant) << Answer::huge(64 * MiB, true)
                                                 << int(AuthError::ResponseTooLarge) << 1;
        QTest::newRow(name + ", endless") << int(grant) << Answer::endless() << int(AuthError::ResponseTooLarge) << 1;
    }
    // A total deadline even while bytes keep coming; the one retry on timeout stays, except for
    // the authorization code, which can be redeemed once only.
    QTest::newRow("ClientSecret, one byte a second") << int(ClientSecret) << Answer::trickle(1000)
                                                     << int(AuthError::Timeout) << 2;
    QTest::newRow("AuthorizationCode, one byte a second") << int(AuthorizationCode) << Answer::trickle(1000)
                                                          << int(AuthError::Timeout) << 1;
}

void tst_HostileGrants::tokenEndpoint()
{
    QFETCH(int, grant);
    QFETCH(Answer, answer);
    QFETCH(int, type);
    QFETCH(int, attempts);

    auto app = application(Grant(grant));
    m_hostile.answer(QStringLiteral("/oauth2/v2.0/token"), answer);
    QByteArray cacheBefore = app->tokenCache()->serialize();
    if (grant == RefreshToken) {
        // The sign-in that fills the cache goes to the emulator; only the refresh is hijacked.
        connect(app->tokenCache(), &TokenCache::changed, this, [&] {
            cacheBefore = app->tokenCache()->serialize();
            m_network.route(QStringLiteral("/oauth2/v2.0/token"), m_hostile.url());
        });
    } else {
        m_network.route(QStringLiteral("/oauth2/v2.0/token"), m_hostile.url());
    }
    LogCapture logs;
    const auto request = start(Grant(grant), app.get());

    QVERIFY(request->isFinished());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(type)));
    QVERIFY(!request->error().errorString().isEmpty());
    QCOMPARE(m_hostile.requestCount(QStringLiteral("/oauth2/v2.0/token")), attempts);
    // Nothing followed the redirect: no connection at all reached the other host.
    QCOMPARE(m_otherHost.connectionCount(), 0);
    QCOMPARE(app->tokenCache()->serialize(), cacheBefore);
    QVERIFY(!logs.contains(m_emulator.confidentialClientSecret()));
    QVERIFY(!logs.contains(password()));
}

void tst_HostileGrants::jsonEndpoints_data()
{
    QTest::addColumn<int>("grant");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<int>("tokenRequests"); // that reached the (real) token endpoint

    const QList<std::tuple<const char *, int, QString, int>> endpoints{
        {"discovery", ClientSecret, QStringLiteral("/v2.0/.well-known/openid-configuration"), 0},
        {"instance discovery", ClientSecret, QStringLiteral("/common/discovery/instance"), 0},
        {"signing keys", Password, QStringLiteral("/discovery/v2.0/keys"), 1}, // read for the ID token
        {"user realm", Password, QStringLiteral("/common/userrealm/"), 0},
        {"device code endpoint", DeviceCode, QStringLiteral("/oauth2/v2.0/devicecode"), 0},
    };
    for (const auto &[name, grant, path, tokenRequests] : endpoints) {
        QTest::newRow(QByteArray(name) + ", 64 MiB") << grant << path << Answer::huge(64 * MiB) << tokenRequests;
        QTest::newRow(QByteArray(name) + ", endless") << grant << path << Answer::endless() << tokenRequests;
    }
}

void tst_HostileGrants::jsonEndpoints()
{
    QFETCH(int, grant);
    QFETCH(QString, path);
    QFETCH(Answer, answer);
    QFETCH(int, tokenRequests);

    auto app = application(Grant(grant));
    m_hostile.answer(path, answer);
    m_network.route(path, m_hostile.url());
    const auto request = start(Grant(grant), app.get());

    QVERIFY(request->isFinished());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::ResponseTooLarge));
    QCOMPARE(m_hostile.requestCount(path), 1);
    QCOMPARE(m_emulator.requestCount(QStringLiteral("/oauth2/v2.0/token")), tokenRequests);
    QVERIFY(app->accounts().isEmpty());
    QCOMPARE(app->tokenCache()->serialize(), application(Grant(grant))->tokenCache()->serialize());
}

QTEST_GUILESS_MAIN(tst_HostileGrants)
#include "tst_hostilegrants.moc"
