#include "testsupport.h"

#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

// Clouds and their aliases (issue 18): a token filed under one alias of a cloud serves an
// application whose authority names another alias; a token of one cloud never serves another;
// instance discovery runs only when it may (setInstanceDiscoveryEnabled(), setKnownAuthorities()).
// The emulator's instance discovery announces 127.0.0.1:{port} and localhost:{port} as one cloud,
// with 127.0.0.1:{port} as preferred_cache; a second emulator is a second cloud.
class tst_Clouds : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void aliasSharesCache();
    void otherCloudNeverServed();
    void instanceDiscoverySwitch_data();
    void instanceDiscoverySwitch();
    void switchAfterFirstRequestIgnored();

private:
    std::unique_ptr<PublicClientApplication> newApp(const QUrl &authority);
    Account signIn(MsalQt::Emulator::Server &emulator, PublicClientApplication *app,
                   AuthenticationResult *result = nullptr);
    static std::unique_ptr<TokenRequest> silent(ClientApplication *app, const Account &account,
                                                ClientApplication::SilentOptions options = {});
    static int count(const MsalQt::Emulator::Server &emulator, const QString &pathSuffix, const QString &grant = {});
    static QSet<QString> cachedEnvironments(const TokenCache *cache);

    MsalQt::Emulator::Server m_cloudA;
    MsalQt::Emulator::Server m_cloudB;
};

static const QString instancePath = QStringLiteral("/common/discovery/instance");

void tst_Clouds::initTestCase()
{
    QVERIFY(m_cloudA.listen());
    QVERIFY(m_cloudB.listen());
    QVERIFY(m_cloudA.port() != m_cloudB.port());
}

void tst_Clouds::init()
{
    for (auto *emulator : {&m_cloudA, &m_cloudB}) {
        emulator->clearFaults();
        emulator->clearRequests();
        emulator->setDeviceCodeTiming(1, 60);
        emulator->setPreferredCacheEnvironment(QString());
    }
}

std::unique_ptr<PublicClientApplication> tst_Clouds::newApp(const QUrl &authority)
{
    auto app = std::make_unique<PublicClientApplication>(m_cloudA.publicClientId(), Authority::microsoft(authority));
    app->setRetryDelay(std::chrono::milliseconds(10));
    return app;
}

Account tst_Clouds::signIn(MsalQt::Emulator::Server &emulator, PublicClientApplication *app,
                           AuthenticationResult *result)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenWithDeviceCode({"User.Read"}));
    request->setAutoDelete(false);
    QSignalSpy received(request.get(), &TokenRequest::deviceCodeReceived);
    if (!received.wait(10000))
        return {};
    emulator.approveDeviceCode(received.first().first().value<DeviceCode>().userCode(), alice());
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    if (!request->isFinished() && !finished.wait(20000))
        return {};
    if (!request->isSuccess())
        return {};
    if (result)
        *result = request->result();
    return request->result().account();
}

std::unique_ptr<TokenRequest> tst_Clouds::silent(ClientApplication *app, const Account &account,
                                                 ClientApplication::SilentOptions options)
{
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilent({"User.Read"}, account, options));
    request->setAutoDelete(false);
    if (!request->isFinished()) {
        QSignalSpy finished(request.get(), &TokenRequest::finished);
        finished.wait(20000);
    }
    return request;
}

int tst_Clouds::count(const MsalQt::Emulator::Server &emulator, const QString &pathSuffix, const QString &grant)
{
    int n = 0;
    for (const auto &request : emulator.requests()) {
        if (request.path.endsWith(pathSuffix) && (grant.isEmpty() || request.form.queryItemValue("grant_type") == grant))
            ++n;
    }
    return n;
}

// The "environment" of every entry of every kind in the unified-schema cache.
QSet<QString> tst_Clouds::cachedEnvironments(const TokenCache *cache)
{
    QSet<QString> environments;
    const QJsonObject root = QJsonDocument::fromJson(cache->serialize()).object();
    for (const char *kind : {"Account", "AccessToken", "RefreshToken", "IdToken"}) {
        const QJsonObject entries = root.value(QLatin1String(kind)).toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it)
            environments.insert(it.value().toObject().value(QLatin1String("environment")).toString());
    }
    return environments;
}

void tst_Clouds::aliasSharesCache()
{
    const QString tenant = m_cloudA.defaultTenantId();
    const QString ip = QStringLiteral("127.0.0.1:%1").arg(m_cloudA.port());
    const QUrl viaIp(QStringLiteral("http://%1/%2").arg(ip, tenant));
    const QUrl viaLocalhost(QStringLiteral("http://localhost:%1/%2").arg(m_cloudA.port()).arg(tenant));

    auto first = newApp(viaIp);
    AuthenticationResult signedIn;
    const Account account = signIn(m_cloudA, first.get(), &signedIn);
    QVERIFY(!account.isNull());
    QCOMPARE(account.environment(), ip); // preferred_cache
    QCOMPARE(cachedEnvironments(first->tokenCache()), QSet<QString>{ip});

    // Another application, through the other alias, with the same cache.
    auto second = newApp(viaLocalhost);
    QVERIFY(second->tokenCache()->deserialize(first->tokenCache()->serialize()));
    QCOMPARE(second->accounts().size(), 1);
    m_cloudA.clearRequests();

    // The access token filed under 127.0.0.1 serves localhost: instance discovery names the
    // alias, and no token is asked for.
    auto hit = silent(second.get(), second->accounts().first());
    QVERIFY2(hit->isSuccess(), qPrintable(hit->error().errorString()));
    QVERIFY(hit->result().isFromCache());
    QCOMPARE(hit->result().accessToken(), signedIn.accessToken());
    QCOMPARE(count(m_cloudA, "/token"), 0);
    QCOMPARE(count(m_cloudA, instancePath), 1);
    const auto requests = m_cloudA.requests();
    const auto discovery = std::find_if(requests.cbegin(), requests.cend(),
                                        [](const auto &r) { return r.path == instancePath; });
    const QString asked = QUrl::fromPercentEncoding(
        discovery->query.queryItemValue("authorization_endpoint", QUrl::FullyDecoded).toUtf8());
    QVERIFY2(asked.startsWith("http://localhost:"), qPrintable(asked));

    // Once the aliases are known, no network at all.
    m_cloudA.clearRequests();
    auto again = silent(second.get(), account);
    QVERIFY(again->isSuccess());
    QVERIFY(again->result().isFromCache());
    QCOMPARE(m_cloudA.requests().size(), 0);

    // The refresh token filed under 127.0.0.1 is redeemed through localhost, and what comes
    // back is filed under preferred_cache again: one account, one environment.
    auto refreshed = silent(second.get(), account, ClientApplication::ForceRefresh);
    QVERIFY2(refreshed->isSuccess(), qPrintable(refreshed->error().errorString()));
    QVERIFY(!refreshed->result().isFromCache());
    QVERIFY(refreshed->result().accessToken() != signedIn.accessToken());
    QCOMPARE(count(m_cloudA, "/token", "refresh_token"), 1);
    QCOMPARE(refreshed->result().account().environment(), ip);
    QCOMPARE(second->accounts().size(), 1);
    QCOMPARE(cachedEnvironments(second->tokenCache()), QSet<QString>{ip});

    // And the new token serves the first application, through 127.0.0.1, from the cache.
    QVERIFY(first->tokenCache()->deserialize(second->tokenCache()->serialize()));
    m_cloudA.clearRequests();
    auto back = silent(first.get(), account);
    QVERIFY(back->isSuccess());
    QCOMPARE(back->result().accessToken(), refreshed->result().accessToken());
    QCOMPARE(m_cloudA.requests().size(), 0);
}

void tst_Clouds::otherCloudNeverServed()
{
    const QString tenant = m_cloudA.defaultTenantId();
    auto appA = newApp(m_cloudA.authorityUrl(tenant));
    AuthenticationResult signedIn;
    const Account account = signIn(m_cloudA, appA.get(), &signedIn);
    QVERIFY(!account.isNull());

    // Cloud B: the same user, the same tenant, the same client, the same cache.
    auto appB = newApp(m_cloudB.authorityUrl(tenant));
    QVERIFY(appB->tokenCache()->deserialize(appA->tokenCache()->serialize()));
    m_cloudA.clearRequests();
    for (const auto options : {ClientApplication::SilentOptions(), ClientApplication::SilentOptions(ClientApplication::ForceRefresh)}) {
        auto request = silent(appB.get(), account, options);
        QVERIFY(request->isFinished());
        QVERIFY(!request->isSuccess());
        QCOMPARE(request->error().type(), AuthError::UiRequired);
        QCOMPARE(request->error().subError(), QStringLiteral("no_tokens_found"));
    }
    QCOMPARE(m_cloudA.requests().size(), 0); // cloud A's refresh token went nowhere
    QCOMPARE(count(m_cloudB, "/token"), 0);
    QCOMPARE(count(m_cloudB, instancePath), 1); // B's own instance discovery: A is not its alias

    // Signed in on B too, each cloud serves its own token.
    AuthenticationResult onB;
    const Account accountB = signIn(m_cloudB, appB.get(), &onB);
    QVERIFY(!accountB.isNull());
    QVERIFY(onB.accessToken() != signedIn.accessToken());
    auto fromB = silent(appB.get(), account);
    QVERIFY(fromB->isSuccess());
    QCOMPARE(fromB->result().accessToken(), onB.accessToken());
}

void tst_Clouds::instanceDiscoverySwitch_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("known");      // the host in knownAuthorities()
    QTest::addColumn<int>("discoveries"); // instance discovery requests seen

    QTest::newRow("default: asked") << true << false << 1;
    QTest::newRow("switched off") << false << false << 0;
    QTest::newRow("known authority") << true << true << 0;
}

void tst_Clouds::instanceDiscoverySwitch()
{
    QFETCH(bool, enabled);
    QFETCH(bool, known);
    QFETCH(int, discoveries);

    // Instance discovery, when asked, names another preferred_cache than the host.
    const QString preferred = QStringLiteral("cache.emulator.test");
    m_cloudA.setPreferredCacheEnvironment(preferred);
    const QString ip = QStringLiteral("127.0.0.1:%1").arg(m_cloudA.port());
    auto app = newApp(m_cloudA.authorityUrl());
    QVERIFY(app->isInstanceDiscoveryEnabled());
    QVERIFY(app->knownAuthorities().isEmpty());
    app->setInstanceDiscoveryEnabled(enabled);
    if (known)
        app->setKnownAuthorities({QStringLiteral("login.contoso.example"), QStringLiteral("http://%1").arg(ip)});
    QCOMPARE(app->isInstanceDiscoveryEnabled(), enabled);
    const QStringList expectedKnown = known ? QStringList{"login.contoso.example", ip} : QStringList();
    QCOMPARE(app->knownAuthorities(), expectedKnown);

    const Account account = signIn(m_cloudA, app.get());
    QVERIFY(!account.isNull());
    QCOMPARE(count(m_cloudA, instancePath), discoveries);
    // Without instance discovery the host is its own and only alias, and the cache's environment.
    QCOMPARE(account.environment(), discoveries ? preferred : ip);

    // Silent and refresh work the same either way, still without instance discovery.
    m_cloudA.clearRequests();
    auto hit = silent(app.get(), account);
    QVERIFY(hit->isSuccess());
    QVERIFY(hit->result().isFromCache());
    auto refreshed = silent(app.get(), account, ClientApplication::ForceRefresh);
    QVERIFY2(refreshed->isSuccess(), qPrintable(refreshed->error().errorString()));
    QCOMPARE(count(m_cloudA, "/token", "refresh_token"), 1);
    QCOMPARE(count(m_cloudA, instancePath), 0);
}

void tst_Clouds::switchAfterFirstRequestIgnored()
{
    auto app = newApp(m_cloudA.authorityUrl());
    QVERIFY(!signIn(m_cloudA, app.get()).isNull());
    QCOMPARE(count(m_cloudA, instancePath), 1);
    LogCapture log;
    app->setInstanceDiscoveryEnabled(false);
    app->setKnownAuthorities({QStringLiteral("login.contoso.example")});
    QVERIFY(app->isInstanceDiscoveryEnabled());
    QVERIFY(app->knownAuthorities().isEmpty());
    QVERIFY(log.contains(QStringLiteral("setInstanceDiscoveryEnabled() after the first request is ignored")));
    QVERIFY(log.contains(QStringLiteral("setKnownAuthorities() after the first request is ignored")));
}

QTEST_GUILESS_MAIN(tst_Clouds)
#include "tst_clouds.moc"
