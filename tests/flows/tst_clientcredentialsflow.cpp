#include "testsupport.h"

#include <MsalQt/confidentialclientapplication.h>
#include <MsalQt/memorycachestorage.h>
#include <MsalQt/tokencache.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace MsalQt;
using namespace TestSupport;

// Client credentials with a secret against the in-process emulator.
class tst_ClientCredentialsFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void success();
    void refusedBeforeTheNetwork_data();
    void refusedBeforeTheNetwork();
    void wrongSecret();
    void unknownClient();
    void secretStaysOutOfLogs();
    void cachedTokenForClient();
    void cachedTokenForClientRules_data();
    void cachedTokenForClientRules();
    void cachedTokenForClientAnswersFromMemory();

private:
    TokenRequest *run(ConfidentialClientApplication *app, const QStringList &scopes);
    MsalQt::Emulator::Server m_emulator;
};

void tst_ClientCredentialsFlow::initTestCase()
{
    QVERIFY(m_emulator.listen());
}

void tst_ClientCredentialsFlow::init()
{
    m_emulator.clearFaults();
    m_emulator.clearRequests();
}

TokenRequest *tst_ClientCredentialsFlow::run(ConfidentialClientApplication *app, const QStringList &scopes)
{
    TokenRequest *request = app->acquireTokenForClient(scopes);
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    if (!finished.wait(15000))
        qWarning("request did not finish");
    return request;
}

void tst_ClientCredentialsFlow::success()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    const AuthenticationResult result = request->result();
    QVERIFY(!result.accessToken().isEmpty());
    QVERIFY(result.account().isNull()); // an app token has no user
    QVERIFY(result.idToken().isEmpty());
    QCOMPARE(result.tenantId(), m_emulator.defaultTenantId());
    QVERIFY(result.expiresOn() > QDateTime::currentDateTimeUtc());

    // The grant carried the secret in the body and no OpenID Connect scopes.
    const auto requests = m_emulator.requests();
    const auto token = std::find_if(requests.cbegin(), requests.cend(), [](const auto &r) {
        return r.path.endsWith("/oauth2/v2.0/token");
    });
    QVERIFY(token != requests.cend());
    QCOMPARE(token->form.queryItemValue("grant_type"), QString("client_credentials"));
    QCOMPARE(token->form.queryItemValue("scope", QUrl::FullyDecoded), QString("https://graph.microsoft.com/.default"));
    QVERIFY(!token->form.hasQueryItem("client_info"));
}

void tst_ClientCredentialsFlow::refusedBeforeTheNetwork_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<int>("type");

    const QStringList graph{"https://graph.microsoft.com/.default"};
    QTest::newRow("/common") << "common" << "s" << graph << int(AuthError::UnsupportedAuthority);
    QTest::newRow("/organizations") << "organizations" << "s" << graph << int(AuthError::UnsupportedAuthority);
    QTest::newRow("/consumers") << "consumers" << "s" << graph << int(AuthError::UnsupportedAuthority);
    QTest::newRow("delegated scope") << "" << "s" << QStringList{"User.Read"} << int(AuthError::InvalidConfiguration);
    QTest::newRow("no scope") << "" << "s" << QStringList{} << int(AuthError::InvalidConfiguration);
    QTest::newRow("no credential") << "" << "" << graph << int(AuthError::InvalidConfiguration);
}

void tst_ClientCredentialsFlow::refusedBeforeTheNetwork()
{
    QFETCH(QString, tenant);
    QFETCH(QString, secret);
    QFETCH(QStringList, scopes);
    QFETCH(int, type);

    ConfidentialClientApplication app(m_emulator.confidentialClientId(), ClientCredential::fromSecret(secret),
                                      Authority::microsoft(m_emulator.authorityUrl(tenant)));
    std::unique_ptr<TokenRequest> request(run(&app, scopes));
    QVERIFY(request->isFinished());
    QCOMPARE(AuthError::typeName(request->error().type()), AuthError::typeName(AuthError::Type(type)));
    QVERIFY(!request->error().errorString().isEmpty());
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_ClientCredentialsFlow::wrongSecret()
{
    ConfidentialClientApplication app(m_emulator.confidentialClientId(), ClientCredential::fromSecret("not-the-secret"),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    const AuthError error = request->error();
    QCOMPARE(error.type(), AuthError::InvalidConfiguration);
    QCOMPARE(error.protocolError(), QString("invalid_client"));
    QVERIFY(error.hasErrorCode(7000215));
    QCOMPARE(error.httpStatus(), 401);
    QCOMPARE(error.correlationId(), request->correlationId()); // echoed by the server
    QVERIFY(error.errorString().contains("AADSTS7000215"));
}

void tst_ClientCredentialsFlow::unknownClient()
{
    ConfidentialClientApplication app("00000000-1111-2222-3333-444444444444", ClientCredential::fromSecret("x"),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QVERIFY(!request->error().errorCodes().isEmpty());
}

void tst_ClientCredentialsFlow::secretStaysOutOfLogs()
{
    LogCapture logs;
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    std::unique_ptr<TokenRequest> request(run(&app, {"https://graph.microsoft.com/.default"}));
    QVERIFY(request->isSuccess());
    QVERIFY(logs.contains("msalqt.http")); // debug logging was on
    QVERIFY(!logs.contains(m_emulator.confidentialClientSecret()));
    QVERIFY(!logs.contains(request->result().accessToken().left(32)));
}

// The synchronous question answers what the request would answer from the cache, field for
// field, and asks no server.
void tst_ClientCredentialsFlow::cachedTokenForClient()
{
    const QStringList graph{"https://graph.microsoft.com/.default"};
    ConfidentialClientApplication app(m_emulator.confidentialClientId(),
                                      ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                      Authority::microsoft(m_emulator.authorityUrl()));
    QVERIFY(app.cachedTokenForClient(graph).isNull()); // nothing cached yet
    QCOMPARE(m_emulator.requests().size(), 0);
    std::unique_ptr<TokenRequest> fetched(run(&app, graph));
    QVERIFY2(fetched->isSuccess(), qPrintable(fetched->error().errorString()));
    QVERIFY(!fetched->result().isFromCache());
    m_emulator.clearRequests();

    const AuthenticationResult cached = app.cachedTokenForClient(graph);
    QVERIFY(!cached.isNull());
    QVERIFY(cached.isFromCache());
    QCOMPARE(cached.accessToken(), fetched->result().accessToken());
    QCOMPARE(cached.tokenType(), QString("Bearer"));
    QCOMPARE(cached.tenantId(), m_emulator.defaultTenantId());
    QCOMPARE(cached.expiresOn().toSecsSinceEpoch(), fetched->result().expiresOn().toSecsSinceEpoch());
    QVERIFY(cached.account().isNull());
    QVERIFY(cached.idToken().isEmpty());
    QVERIFY(cached.correlationId().isEmpty()); // no request was made
    QCOMPARE(m_emulator.requests().size(), 0);

    std::unique_ptr<TokenRequest> again(run(&app, graph));
    const AuthenticationResult answered = again->result();
    QVERIFY(answered.isFromCache());
    QCOMPARE(m_emulator.requests().size(), 0);
    QCOMPARE(cached.accessToken(), answered.accessToken());
    QCOMPARE(cached.tokenType(), answered.tokenType());
    QCOMPARE(cached.expiresOn(), answered.expiresOn());
    QCOMPARE(cached.extendedExpiresOn(), answered.extendedExpiresOn());
    QCOMPARE(cached.refreshOn(), answered.refreshOn());
    QCOMPARE(cached.scopes(), answered.scopes());
    QCOMPARE(cached.tenantId(), answered.tenantId());
    QVERIFY(!answered.correlationId().isEmpty());
}

// A tenant the emulator does not know: a request to it fails at the metadata.
static const QString unknownTenant = QStringLiteral("11111111-2222-3333-4444-555555555555");

void tst_ClientCredentialsFlow::cachedTokenForClientRules_data()
{
    QTest::addColumn<QString>("tenant");      // the authority's; empty: the one the token is filed under
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<int>("expiresIn");       // the cached token's, from now; 0: no token cached
    QTest::addColumn<int>("refreshIn");       // its refresh_on, from now; 0: none
    QTest::addColumn<QString>("tokenType");
    QTest::addColumn<bool>("hit");

    const QStringList graph{"https://graph.microsoft.com/.default"};
    QTest::newRow("hit") << "" << "s" << graph << 3600 << 0 << "Bearer" << true;
    QTest::newRow("scope in another case, padded") << "" << "s" << QStringList{" HTTPS://Graph.Microsoft.com/.default "}
                                                   << 3600 << 0 << "Bearer" << true;
    QTest::newRow("no token") << "" << "s" << graph << 0 << 0 << "Bearer" << false;
    QTest::newRow("other tenant") << unknownTenant << "s" << graph << 3600 << 0 << "Bearer" << false;
    QTest::newRow("other scope") << "" << "s" << QStringList{"https://management.azure.com/.default"} << 3600 << 0
                                 << "Bearer" << false;
    QTest::newRow("expires in 300 s") << "" << "s" << graph << 300 << 0 << "Bearer" << false;
    QTest::newRow("expires in 301 s") << "" << "s" << graph << 301 << 0 << "Bearer" << true;
    QTest::newRow("refresh_on passed") << "" << "s" << graph << 3600 << -1 << "Bearer" << false;
    QTest::newRow("refresh_on ahead") << "" << "s" << graph << 3600 << 600 << "Bearer" << true;
    QTest::newRow("proof-of-possession token") << "" << "s" << graph << 3600 << 0 << "pop" << false;
    QTest::newRow("/common") << "common" << "s" << graph << 3600 << 0 << "Bearer" << false;
    QTest::newRow("/organizations") << "organizations" << "s" << graph << 3600 << 0 << "Bearer" << false;
    QTest::newRow("/consumers") << "consumers" << "s" << graph << 3600 << 0 << "Bearer" << false;
    // A delegated scope is refused before the lookup, though a token with it is cached.
    QTest::newRow("delegated scope") << "" << "s" << QStringList{"User.Read"} << 3600 << 0 << "Bearer" << false;
    QTest::newRow("no scope") << "" << "s" << QStringList{} << 3600 << 0 << "Bearer" << false;
    QTest::newRow("no credential") << "" << "" << graph << 3600 << 0 << "Bearer" << false;
}

// Whatever the synchronous question answers, the request answers the same from the cache.
void tst_ClientCredentialsFlow::cachedTokenForClientRules()
{
    QFETCH(QString, tenant);
    QFETCH(QString, secret);
    QFETCH(QStringList, scopes);
    QFETCH(int, expiresIn);
    QFETCH(int, refreshIn);
    QFETCH(QString, tokenType);
    QFETCH(bool, hit);

    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
    const QString environment = Authority::microsoft(m_emulator.authorityUrl()).host();
    const auto entry = [&](const QString &target, const QString &token) {
        QJsonObject json{{"credential_type", "AccessToken"}, {"secret", token}, {"home_account_id", ""},
                         {"environment", environment}, {"client_id", m_emulator.confidentialClientId()},
                         {"realm", m_emulator.defaultTenantId()}, {"target", target}, {"token_type", tokenType},
                         {"cached_at", QString::number(now.toSecsSinceEpoch())},
                         {"expires_on", QString::number(now.toSecsSinceEpoch() + expiresIn)},
                         {"extended_expires_on", QString::number(now.toSecsSinceEpoch() + expiresIn)}};
        if (refreshIn != 0)
            json.insert("refresh_on", QString::number(now.toSecsSinceEpoch() + refreshIn));
        if (tokenType == "pop")
            json.insert("key_id", "kid-1");
        return json;
    };
    QJsonObject accessTokens;
    if (expiresIn != 0) {
        accessTokens.insert("graph", entry("https://graph.microsoft.com/.default", "cached-app-token"));
        accessTokens.insert("user", entry("User.Read", "cached-user-read"));
    }
    const QJsonObject cache{{"AccessToken", accessTokens}, {"RefreshToken", QJsonObject()}, {"IdToken", QJsonObject()},
                            {"Account", QJsonObject()}, {"AppMetadata", QJsonObject()}};

    ConfidentialClientApplication app(m_emulator.confidentialClientId(), ClientCredential::fromSecret(secret),
                                      Authority::microsoft(m_emulator.authorityUrl(tenant)));
    app.setClock([now] { return now; });
    QString error;
    QVERIFY2(app.tokenCache()->deserialize(QJsonDocument(cache).toJson(), &error), qPrintable(error));

    const AuthenticationResult cached = app.cachedTokenForClient(scopes);
    QCOMPARE(!cached.isNull(), hit);
    if (hit) {
        QCOMPARE(cached.accessToken(), QString("cached-app-token"));
        QVERIFY(cached.isFromCache());
        QCOMPARE(cached.expiresOn().toSecsSinceEpoch(), now.toSecsSinceEpoch() + expiresIn);
    }
    QCOMPARE(m_emulator.requests().size(), 0); // neither way asks a server

    if (tenant == unknownTenant)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("Authority metadata failed"));
    std::unique_ptr<TokenRequest> request(run(&app, scopes));
    QCOMPARE(request->isSuccess() && request->result().isFromCache(), hit);
    if (hit)
        QCOMPARE(request->result().accessToken(), cached.accessToken());
}

// Memory only: a persisted cache counts once it is loaded.
void tst_ClientCredentialsFlow::cachedTokenForClientAnswersFromMemory()
{
    const QStringList graph{"https://graph.microsoft.com/.default"};
    MemoryCacheStorage storage;
    ConfidentialClientApplication writer(m_emulator.confidentialClientId(),
                                         ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                         Authority::microsoft(m_emulator.authorityUrl()));
    writer.setCacheStorage(&storage);
    QSignalSpy saved(&writer, &ClientApplication::cacheSaved);
    std::unique_ptr<TokenRequest> fetched(run(&writer, graph));
    QVERIFY(fetched->isSuccess());
    QVERIFY(saved.count() > 0 || saved.wait(5000));
    m_emulator.clearRequests();

    ConfidentialClientApplication reader(m_emulator.confidentialClientId(),
                                         ClientCredential::fromSecret(m_emulator.confidentialClientSecret()),
                                         Authority::microsoft(m_emulator.authorityUrl()));
    reader.setCacheStorage(&storage);
    QVERIFY(reader.cachedTokenForClient(graph).isNull()); // not loaded yet, and not loaded by this
    QSignalSpy loaded(&reader, &ClientApplication::cacheLoaded);
    reader.loadCache();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(reader.cachedTokenForClient(graph).accessToken(), fetched->result().accessToken());
    QCOMPARE(m_emulator.requests().size(), 0);
}

QTEST_GUILESS_MAIN(tst_ClientCredentialsFlow)
#include "tst_clientcredentialsflow.moc"
