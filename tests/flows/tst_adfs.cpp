// AD FS 2019 authorities end to end against the emulator's farm at /adfs: sign-in, silent,
// refresh, device code, client credentials, username/password, the refusals, and the cache
// entries as MSAL writes them for AD FS (issue 18).
#include "../confidential/confidentialtestdata.h"
#include "emulator.h"
#include "followingagent.h"
#include "testsupport.h"

#include <MsalQt/authorizationagent.h>
#include <MsalQt/clientcredential.h>
#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/interactiveparameters.h>
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

#include <algorithm>

using namespace MsalQt;
using namespace TestSupport;
using Fault = MsalQt::Emulator::Fault;

namespace {

QJsonObject payload(const QString &jwt)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(jwt.section(QLatin1Char('.'), 1, 1).toLatin1(),
                                                          QByteArray::Base64UrlEncoding))
        .object();
}

const QString dave = QStringLiteral("dave@woodgrove.com"); // a user of the federated tenant: the farm's
const QString graphUserRead = QStringLiteral("https://graph.microsoft.com/User.Read");

} // namespace

class tst_Adfs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void signInSilentRefresh();
    void signInWithResponseIssuer();
    void cacheAsMsalWritesIt();
    void deviceCode();
    void clientCredentials();
    void usernamePassword();
    void wrongPassword();
    void integratedWindowsAuthRefused();
    void forgedIssuer_data();
    void forgedIssuer();
    void clientCertificate();
    void identityFixedOnRefresh();

private:
    Authority farm() const { return Authority::adfs(m_emulator.baseUrl().toString() + QStringLiteral("/adfs")); }
    std::unique_ptr<PublicClientApplication> newApp() const;
    std::unique_ptr<TokenRequest> finish(TokenRequest *request, int timeoutMs = 20000);
    QList<Emulator::RecordedRequest> requestsTo(const QString &suffix) const;
    void verifyNoInstanceDiscovery() const;
    static bool startSecondFarm(Emulator::Server *server);

    MsalQt::Emulator::Server m_emulator;
};

void tst_Adfs::initTestCase()
{
    QVERIFY(m_emulator.listen());
    QVERIFY2(farm().isValid(), qPrintable(farm().errorString()));
}

void tst_Adfs::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
    m_emulator.clearSessions();
    m_emulator.setAutoSignIn(dave);
    m_emulator.setDeviceCodeTiming(1, 60);
}

std::unique_ptr<PublicClientApplication> tst_Adfs::newApp() const
{
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(), farm());
    app->setRetryDelay(std::chrono::milliseconds(10));
    return app;
}

std::unique_ptr<TokenRequest> tst_Adfs::finish(TokenRequest *request, int timeoutMs)
{
    std::unique_ptr<TokenRequest> owned(request);
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!request->isFinished())
        finished.wait(timeoutMs);
    return owned;
}

QList<Emulator::RecordedRequest> tst_Adfs::requestsTo(const QString &suffix) const
{
    QList<Emulator::RecordedRequest> result;
    for (const auto &request : m_emulator.requests()) {
        if (request.path.endsWith(suffix))
            result << request;
    }
    return result;
}

void tst_Adfs::verifyNoInstanceDiscovery() const
{
    // AD FS is validated by its own metadata only: MSAL never asks instance discovery about it.
    for (const auto &request : m_emulator.requests()) {
        QVERIFY2(!request.path.endsWith(QStringLiteral("/discovery/instance")), qPrintable(request.path));
        QVERIFY2(!request.path.contains(QStringLiteral("/v2.0/")), qPrintable(request.path));
    }
}

void tst_Adfs::signInSilentRefresh()
{
    auto app = newApp();
    FollowingAgent agent;
    InteractiveParameters parameters({graphUserRead});
    parameters.setAgent(&agent);
    auto signIn = finish(app->acquireTokenInteractive(parameters));
    QVERIFY2(signIn->isSuccess(), qPrintable(signIn->error().errorString()));

    // The farm's own endpoints, with PKCE and the OpenID Connect scopes as MSAL sends them.
    QCOMPARE(agent.lastAuthorizationUrl.path(), QStringLiteral("/adfs/oauth2/authorize"));
    const QUrlQuery authorize(agent.lastAuthorizationUrl);
    QCOMPARE(authorize.queryItemValue("code_challenge_method"), QStringLiteral("S256"));
    const QList<Emulator::RecordedRequest> tokens = requestsTo(QStringLiteral("/adfs/oauth2/token"));
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(tokens.first().form.queryItemValue("grant_type"), QStringLiteral("authorization_code"));
    QVERIFY(!tokens.first().form.queryItemValue("code_verifier").isEmpty());
    const QStringList scope = tokens.first().form.queryItemValue("scope", QUrl::FullyDecoded).split(' ');
    for (const QString &expected : {graphUserRead, QStringLiteral("openid"), QStringLiteral("profile"),
                                    QStringLiteral("offline_access")})
        QVERIFY2(scope.contains(expected), qPrintable(scope.join(' ')));
    // AD FS knows no client_info: MSAL does not ask it for one.
    QVERIFY(!tokens.first().form.hasQueryItem("client_info"));

    const AuthenticationResult result = signIn->result();
    const QJsonObject claims = result.idTokenClaims();
    QCOMPARE(claims.value("iss").toString(), farm().url().toString());
    QVERIFY(!claims.contains("tid"));
    const Account account = result.account();
    QCOMPARE(account.homeAccountId(), claims.value("sub").toString()); // sub alone, as MSAL for AD FS
    QCOMPARE(account.username(), dave);                                // from upn
    QCOMPARE(account.environment(), farm().host());
    QVERIFY(account.tenantId().isEmpty());

    // Silent: from the cache, no request at all.
    m_emulator.clearRequests();
    auto silent = finish(app->acquireTokenSilent({graphUserRead}, account));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QCOMPARE(silent->result().accessToken(), result.accessToken());
    QCOMPARE(requestsTo(QStringLiteral("/oauth2/token")).size(), 0);

    // Refresh: the refresh token goes to the farm, and the account stays the same.
    auto refreshed = finish(app->acquireTokenSilent({graphUserRead}, account, ClientApplication::ForceRefresh));
    QVERIFY2(refreshed->isSuccess(), qPrintable(refreshed->error().errorString()));
    const QList<Emulator::RecordedRequest> refreshes = requestsTo(QStringLiteral("/adfs/oauth2/token"));
    QCOMPARE(refreshes.size(), 1);
    QCOMPARE(refreshes.first().form.queryItemValue("grant_type"), QStringLiteral("refresh_token"));
    QVERIFY(refreshed->result().accessToken() != result.accessToken());
    QCOMPARE(refreshed->result().account().homeAccountId(), account.homeAccountId());
    QCOMPARE(app->accounts().size(), 1);
    verifyNoInstanceDiscovery();
}

void tst_Adfs::signInWithResponseIssuer()
{
    // RFC 9207: the redirect names the farm as its issuer, which the client checks against the
    // farm's metadata.
    m_emulator.setAuthorizationResponseIssuer(true);
    auto app = newApp();
    FollowingAgent agent;
    InteractiveParameters parameters({graphUserRead});
    parameters.setAgent(&agent);
    auto signIn = finish(app->acquireTokenInteractive(parameters));
    m_emulator.setAuthorizationResponseIssuer(false);
    QVERIFY2(signIn->isSuccess(), qPrintable(signIn->error().errorString()));
    QCOMPARE(signIn->result().account().username(), dave);
}

void tst_Adfs::cacheAsMsalWritesIt()
{
    auto app = newApp();
    auto request = finish(app->acquireTokenByUsernamePassword({graphUserRead}, dave, password()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const QString sub = request->result().idTokenClaims().value("sub").toString();
    QVERIFY(!sub.isEmpty());

    // What MSAL Python 1.21's TokenCache.add() writes for an AD FS answer (token endpoint
    // https://{host}/adfs/oauth2/token, no client_info): home_account_id = sub, realm "adfs",
    // authority_type "ADFS", local_account_id = sub, username = upn.
    const QJsonObject cache = QJsonDocument::fromJson(app->tokenCache()->serialize()).object();
    const QString environment = farm().host();
    const QString accountKey = (sub + '-' + environment + "-adfs").toLower();
    const QJsonObject account = cache.value("Account").toObject().value(accountKey).toObject();
    QVERIFY2(!account.isEmpty(), QJsonDocument(cache.value("Account").toObject()).toJson().constData());
    QCOMPARE(account.value("home_account_id").toString(), sub);
    QCOMPARE(account.value("environment").toString(), environment);
    QCOMPARE(account.value("realm").toString(), QStringLiteral("adfs"));
    QCOMPARE(account.value("local_account_id").toString(), sub);
    QCOMPARE(account.value("username").toString(), dave);
    QCOMPARE(account.value("authority_type").toString(), QStringLiteral("ADFS"));

    const QString clientId = m_emulator.publicClientId().toLower();
    const QJsonObject idTokens = cache.value("IdToken").toObject();
    QVERIFY2(idTokens.contains((sub + '-' + environment + "-idtoken-" + clientId + "-adfs-").toLower()),
             QJsonDocument(idTokens).toJson().constData());
    bool accessTokenFound = false;
    const QJsonObject accessTokens = cache.value("AccessToken").toObject();
    for (auto it = accessTokens.begin(); it != accessTokens.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        QCOMPARE(entry.value("realm").toString(), QStringLiteral("adfs"));
        QCOMPARE(entry.value("home_account_id").toString(), sub);
        QVERIFY(it.key().startsWith((sub + '-' + environment + "-accesstoken-" + clientId + "-adfs-").toLower()));
        accessTokenFound = true;
    }
    QVERIFY(accessTokenFound);
    const QJsonObject refreshTokens = cache.value("RefreshToken").toObject();
    QCOMPARE(refreshTokens.size(), 1);
    QVERIFY(refreshTokens.constBegin().key().startsWith((sub + '-' + environment + "-refreshtoken-" + clientId + "--").toLower()));

    // And a second application reading that cache finds the account and serves it silently.
    auto second = newApp();
    QVERIFY(second->tokenCache()->deserialize(app->tokenCache()->serialize()));
    QCOMPARE(second->accounts().size(), 1);
    m_emulator.clearRequests();
    auto silent = finish(second->acquireTokenSilent({graphUserRead}, second->accounts().first()));
    QVERIFY2(silent->isSuccess(), qPrintable(silent->error().errorString()));
    QCOMPARE(requestsTo(QStringLiteral("/oauth2/token")).size(), 0);
}

void tst_Adfs::deviceCode()
{
    auto app = newApp();
    TokenRequest *raw = app->acquireTokenWithDeviceCode({graphUserRead});
    raw->setAutoDelete(false);
    std::unique_ptr<TokenRequest> request(raw);
    QSignalSpy received(raw, &TokenRequest::deviceCodeReceived);
    QVERIFY(received.wait(10000));
    const DeviceCode code = received.first().first().value<DeviceCode>();
    // AD FS 2019's device authorization endpoint, from its metadata.
    QCOMPARE(requestsTo(QStringLiteral("/adfs/oauth2/devicecode")).size(), 1);
    QVERIFY(m_emulator.approveDeviceCode(code.userCode(), dave));
    QSignalSpy finished(raw, &TokenRequest::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY2(raw->isSuccess(), qPrintable(raw->error().errorString()));
    QCOMPARE(raw->result().account().username(), dave);
    QCOMPARE(raw->result().account().homeAccountId(), raw->result().idTokenClaims().value("sub").toString());
    verifyNoInstanceDiscovery();
}

void tst_Adfs::clientCredentials()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()), farm());
    const QStringList scopes{QStringLiteral("https://graph.microsoft.com/.default")};
    auto request = finish(app.acquireTokenForClient(scopes));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(payload(request->result().accessToken()).value("iss").toString(), farm().url().toString());
    const QList<Emulator::RecordedRequest> tokens = requestsTo(QStringLiteral("/adfs/oauth2/token"));
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(tokens.first().form.queryItemValue("grant_type"), QStringLiteral("client_credentials"));

    // The second time from the cache.
    auto cached = finish(app.acquireTokenForClient(scopes));
    QVERIFY2(cached->isSuccess(), qPrintable(cached->error().errorString()));
    QCOMPARE(cached->result().accessToken(), request->result().accessToken());
    QCOMPARE(requestsTo(QStringLiteral("/adfs/oauth2/token")).size(), 1);
    verifyNoInstanceDiscovery();
}

void tst_Adfs::usernamePassword()
{
    auto app = newApp();
    auto request = finish(app->acquireTokenByUsernamePassword({graphUserRead}, dave, password()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QCOMPARE(request->result().account().username(), dave);
    // Straight to the farm: no user realm discovery, no WS-Trust (MSAL Python does the same).
    QCOMPARE(requestsTo(QStringLiteral("/adfs/oauth2/token")).size(), 1);
    for (const auto &recorded : m_emulator.requests()) {
        QVERIFY2(!recorded.path.contains(QStringLiteral("userrealm"), Qt::CaseInsensitive), qPrintable(recorded.path));
        QVERIFY2(!recorded.path.contains(QStringLiteral("/services/trust")), qPrintable(recorded.path));
    }
    verifyNoInstanceDiscovery();
}

void tst_Adfs::wrongPassword()
{
    auto app = newApp();
    auto request = finish(app->acquireTokenByUsernamePassword({graphUserRead}, dave, QStringLiteral("wrong")));
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->error().protocolError(), QStringLiteral("invalid_grant"));
    QVERIFY(app->accounts().isEmpty());
}

void tst_Adfs::integratedWindowsAuthRefused()
{
    auto app = newApp();
    auto request = finish(app->acquireTokenByIntegratedWindowsAuth({graphUserRead}, dave));
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->error().type(), AuthError::UnsupportedAuthority);
    QVERIFY2(request->error().errorString().contains(QStringLiteral("AD FS")), qPrintable(request->error().errorString()));
    QVERIFY2(m_emulator.requests().isEmpty(), "refused before any request");
}

void tst_Adfs::forgedIssuer_data()
{
    QTest::addColumn<QString>("issuer");
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_emulator.port());
    QTest::newRow("another host") << QStringLiteral("https://sts.attacker.example/adfs");
    QTest::newRow("the platform's tenant issuer") << base + QStringLiteral("/ce78edf1-b7b2-49e9-9eb0-751756c7ce81/v2.0");
    QTest::newRow("another path") << base + QStringLiteral("/adfs/services/trust");
    QTest::newRow("another port") << QStringLiteral("http://127.0.0.1:%1/adfs").arg(m_emulator.port() + 1);
}

void tst_Adfs::forgedIssuer()
{
    QFETCH(QString, issuer);
    // The farm's real document with only the issuer changed.
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(farm().discoveryUrl()));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QJsonObject document = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    QCOMPARE(document.value("issuer").toString(), farm().url().toString());
    document.insert("issuer", issuer);

    Fault fault;
    fault.kind = Fault::Body;
    fault.path = QStringLiteral("/adfs/.well-known/openid-configuration");
    fault.body = QJsonDocument(document).toJson(QJsonDocument::Compact);
    fault.times = -1;
    m_emulator.addFault(fault);
    m_emulator.clearRequests();

    auto app = newApp();
    auto request = finish(app->acquireTokenByUsernamePassword({graphUserRead}, dave, password()));
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->error().type(), AuthError::InvalidResponse);
    QVERIFY2(request->error().errorString().contains(QStringLiteral("issuer")), qPrintable(request->error().errorString()));
    QCOMPARE(requestsTo(QStringLiteral("/oauth2/token")).size(), 0); // the password never left
}

// The default directory plus a second user of the federated tenant (erin) and the test
// certificates on the confidential app.
bool tst_Adfs::startSecondFarm(Emulator::Server *server)
{
    QJsonObject config = ConfidentialTestData::emulatorConfig(Emulator::Server().confidentialClientId());
    QJsonArray users = config.value("users").toArray();
    QJsonObject erin = users.first().toObject();
    if (erin.value("username").toString() != dave)
        return false;
    erin.insert("oid", "9a3c1f0e-5d2b-4c7a-8e6f-1b2c3d4e5f60");
    erin.insert("username", "erin@woodgrove.com");
    erin.insert("displayName", "Erin Federated");
    erin.insert("givenName", "Erin");
    users.append(erin);
    config.insert("users", users);
    QString error;
    if (!server->loadConfig(config, &error)) {
        qWarning() << error;
        return false;
    }
    return server->listen();
}

void tst_Adfs::clientCertificate()
{
    Emulator::Server emulator;
    QVERIFY(startSecondFarm(&emulator));
    QString error;
    const ClientCredential credential = ClientCredential::fromCertificate(
        ConfidentialTestData::read("rsa-cert.pem"), ConfidentialTestData::read("rsa-key.pem"), &error);
    QVERIFY2(!credential.isNull(), qPrintable(error));
    ConfidentialClientApplication app(emulator.confidentialClientId(), credential,
                                      Authority::adfs(emulator.baseUrl().toString() + "/adfs"));
    auto request = finish(app.acquireTokenForClient({QStringLiteral("https://graph.microsoft.com/.default")}));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    // The assertion is addressed to the farm's token endpoint (RFC 7523 §3: aud).
    const QList<Emulator::RecordedRequest> requests = emulator.requests();
    const auto token = std::find_if(requests.begin(), requests.end(), [](const Emulator::RecordedRequest &r) {
        return r.path == QStringLiteral("/adfs/oauth2/token");
    });
    QVERIFY(token != requests.end());
    const QJsonObject assertion = payload(token->form.queryItemValue("client_assertion", QUrl::FullyDecoded));
    QCOMPARE(assertion.value("aud").toString(), emulator.baseUrl().toString() + "/adfs/oauth2/token");
}

void tst_Adfs::identityFixedOnRefresh()
{
    Emulator::Server emulator;
    QVERIFY(startSecondFarm(&emulator));
    const Authority farm = Authority::adfs(emulator.baseUrl().toString() + "/adfs");
    PublicClientApplication app(emulator.publicClientId(), farm);
    auto signIn = finish(app.acquireTokenByUsernamePassword({graphUserRead}, dave, password()));
    QVERIFY2(signIn->isSuccess(), qPrintable(signIn->error().errorString()));
    const Account account = signIn->result().account();
    const QByteArray cacheBefore = app.tokenCache()->serialize();

    // Erin's genuine answer from the same farm, for the same app: signed, right issuer and
    // audience, but another sub.
    QNetworkAccessManager manager;
    QNetworkRequest post(QUrl(farm.url().toString() + "/oauth2/token"));
    post.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    QUrlQuery form;
    form.addQueryItem("grant_type", "password");
    form.addQueryItem("client_id", emulator.publicClientId());
    form.addQueryItem("username", "erin@woodgrove.com");
    form.addQueryItem("password", QString::fromLatin1(QUrl::toPercentEncoding(password())));
    form.addQueryItem("scope", QString::fromLatin1(QUrl::toPercentEncoding(graphUserRead + " openid profile offline_access")));
    QNetworkReply *reply = manager.post(post, form.toString(QUrl::FullyEncoded).toUtf8());
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    const QByteArray erinsAnswer = reply->readAll();
    reply->deleteLater();
    const QJsonObject erin = QJsonDocument::fromJson(erinsAnswer).object();
    QVERIFY2(erin.contains("id_token"), erinsAnswer.constData());
    QVERIFY(payload(erin.value("id_token").toString()).value("sub") != account.homeAccountId());

    Fault fault;
    fault.kind = Fault::Body;
    fault.path = QStringLiteral("/adfs/oauth2/token");
    fault.grantType = QStringLiteral("refresh_token");
    fault.body = erinsAnswer;
    emulator.addFault(fault);
    auto refreshed = finish(app.acquireTokenSilent({graphUserRead}, account, ClientApplication::ForceRefresh));
    QVERIFY(!refreshed->isSuccess());
    QCOMPARE(refreshed->error().type(), AuthError::IdentityMismatch);
    QCOMPARE(app.tokenCache()->serialize(), cacheBefore); // dave's tokens as they were
    QCOMPARE(app.accounts().size(), 1);
}

QTEST_MAIN(tst_Adfs)
#include "tst_adfs.moc"
