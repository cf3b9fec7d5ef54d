// The emulator's wire protocol, part 1: discovery and the device code flow (through the
// HTML form), spoken over real HTTP on loopback.

#include "emulatortestsupport.h"

using namespace MsalQt::Emulator;
using namespace EmulatorTest;


class TestEmulator : public QObject, protected EmulatorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void discovery_data();
    void discovery();
    void unknownTenant();
    void jwksHasOnlyPublicMembers();
    void instanceDiscovery_data();
    void instanceDiscovery();
    void instanceDiscoveryPreferredCache();

    void deviceCodeFlowThroughForm();
    void deviceCodeSlowDown();
    void deviceCodeExpired();
    void deviceCodeDeclined();
    void deviceLoginFormErrors();
    void deviceCodeRequestErrors_data();
    void deviceCodeRequestErrors();
    void deviceCodeTenantRules_data();
    void deviceCodeTenantRules();
};

void TestEmulator::initTestCase()
{
    QVERIFY(m_server.listen());
    QVERIFY(m_server.port() > 0);
    QCOMPARE(m_server.baseUrl().toString(), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
}

void TestEmulator::init()
{
    m_server.clearFaults();
    m_server.setDeviceCodeTiming(0, 60); // interval 0: tests may poll back to back
    m_server.setAccessTokenLifetime(3599);
}

void TestEmulator::discovery_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("issuerTenant");
    QTest::addColumn<QString>("endpointTenant");
    const QString contoso = m_server.defaultTenantId();
    QTest::newRow("common") << "common" << "{tenantid}" << "common";
    QTest::newRow("organizations") << "organizations" << "{tenantid}" << "organizations";
    QTest::newRow("consumers") << "consumers" << consumersGuid << "consumers";
    QTest::newRow("guid") << contoso << contoso << contoso;
    QTest::newRow("domain") << "contoso.com" << contoso << contoso;
    QTest::newRow("domain, other case") << "Contoso.OnMicrosoft.com" << contoso << contoso;
    QTest::newRow("consumers guid") << consumersGuid << consumersGuid << consumersGuid;
}

void TestEmulator::discovery()
{
    QFETCH(QString, tenant);
    QFETCH(QString, issuerTenant);
    QFETCH(QString, endpointTenant);
    const HttpResult r = m_http.get(url(QLatin1Char('/') + tenant + QStringLiteral("/v2.0/.well-known/openid-configuration")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
    const QJsonObject doc = r.json();
    const QString base = m_server.baseUrl().toString();
    const QString root = base + QLatin1Char('/') + endpointTenant;
    QCOMPARE(doc.value(QLatin1String("issuer")).toString(), base + QLatin1Char('/') + issuerTenant + QStringLiteral("/v2.0"));
    QCOMPARE(doc.value(QLatin1String("authorization_endpoint")).toString(), root + QStringLiteral("/oauth2/v2.0/authorize"));
    QCOMPARE(doc.value(QLatin1String("token_endpoint")).toString(), root + QStringLiteral("/oauth2/v2.0/token"));
    QCOMPARE(doc.value(QLatin1String("device_authorization_endpoint")).toString(), root + QStringLiteral("/oauth2/v2.0/devicecode"));
    QCOMPARE(doc.value(QLatin1String("jwks_uri")).toString(), root + QStringLiteral("/discovery/v2.0/keys"));
    QCOMPARE(doc.value(QLatin1String("subject_types_supported")).toArray(), QJsonArray{QStringLiteral("pairwise")});
    QCOMPARE(doc.value(QLatin1String("id_token_signing_alg_values_supported")).toArray(), QJsonArray{QStringLiteral("RS256")});
    QCOMPARE(doc.value(QLatin1String("msgraph_host")).toString(), QStringLiteral("127.0.0.1:%1").arg(m_server.port()));
    QVERIFY(doc.value(QLatin1String("token_endpoint_auth_methods_supported")).toArray().contains(QStringLiteral("client_secret_basic")));
    for (const char *key : {"end_session_endpoint", "userinfo_endpoint", "response_types_supported",
                            "response_modes_supported", "scopes_supported", "claims_supported", "cloud_instance_name"})
        QVERIFY2(doc.contains(QLatin1String(key)), key);
    QVERIFY(doc.contains(QLatin1String("tenant_region_scope")));

    // The JWKS it points at answers.
    QCOMPARE(m_http.get(QUrl(doc.value(QLatin1String("jwks_uri")).toString())).status, 200);
}

void TestEmulator::unknownTenant()
{
    const HttpResult r = m_http.get(url(QStringLiteral("/fabrikam.com/v2.0/.well-known/openid-configuration")));
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, QStringLiteral("invalid_tenant"), 90002);
    QVERIFY(r.json().value(QLatin1String("error_description")).toString().contains(QStringLiteral("Tenant 'fabrikam.com' not found")));
    QVERIFY(r.json().value(QLatin1String("error_uri")).toString().startsWith(m_server.baseUrl().toString()));

    // Every tenant-scoped endpoint answers the same.
    const HttpResult token = m_http.post(url(QStringLiteral("/nope/oauth2/v2.0/token")),
                                         {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}});
    QCOMPARE(token.status, 400);
    verifyErrorShape(token, QStringLiteral("invalid_tenant"), 90002);

    // Unknown paths get a JSON 404.
    const HttpResult missing = m_http.get(url(QStringLiteral("/common/oauth2/v2.0/nothing-here")));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.header("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
    QCOMPARE(missing.json().value(QLatin1String("error")).toString(), QStringLiteral("not_found"));
}

void TestEmulator::jwksHasOnlyPublicMembers()
{
    const HttpResult r = m_http.get(url(QStringLiteral("/common/discovery/v2.0/keys")));
    QCOMPARE(r.status, 200);
    const QJsonArray keys = r.json().value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject key = keys.first().toObject();
    QCOMPARE(key.value(QLatin1String("kty")).toString(), QStringLiteral("RSA"));
    QCOMPARE(key.value(QLatin1String("use")).toString(), QStringLiteral("sig"));
    QCOMPARE(key.value(QLatin1String("kid")).toString(), m_server.signingKeyId());
    QCOMPARE(key.value(QLatin1String("e")).toString(), QStringLiteral("AQAB"));
    QCOMPARE(QByteArray::fromBase64(key.value(QLatin1String("n")).toString().toLatin1(), QByteArray::Base64UrlEncoding).size(), 256);
    for (const char *priv : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
        QVERIFY2(!key.contains(QLatin1String(priv)), priv);
    QCOMPARE(m_http.get(url(QStringLiteral("/contoso.com/discovery/v2.0/keys"))).json(), r.json());
}

void TestEmulator::instanceDiscovery_data()
{
    QTest::addColumn<QString>("authorizationEndpoint"); // "-" = parameter missing
    QTest::addColumn<QString>("expectedTenant");         // empty = invalid_instance
    const QString base = m_server.baseUrl().toString();
    QTest::newRow("common") << base + QStringLiteral("/common/oauth2/v2.0/authorize") << "common";
    QTest::newRow("domain") << base + QStringLiteral("/contoso.com/oauth2/v2.0/authorize") << "contoso.com";
    QTest::newRow("localhost alias") << QStringLiteral("http://localhost:%1/organizations/oauth2/v2.0/authorize").arg(m_server.port()) << "organizations";
    QTest::newRow("missing") << "-" << "";
    QTest::newRow("not a url") << "::::" << "";
    QTest::newRow("foreign host") << "https://login.example.net/common/oauth2/v2.0/authorize" << "";
    QTest::newRow("not authorize") << base + QStringLiteral("/common/oauth2/v2.0/token") << "";
}

void TestEmulator::instanceDiscovery()
{
    QFETCH(QString, authorizationEndpoint);
    QFETCH(QString, expectedTenant);
    QUrl u = url(QStringLiteral("/common/discovery/instance"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("api-version"), QStringLiteral("1.1"));
    if (authorizationEndpoint != QLatin1String("-"))
        q.addQueryItem(QStringLiteral("authorization_endpoint"), QString::fromLatin1(QUrl::toPercentEncoding(authorizationEndpoint)));
    u.setQuery(q);
    const HttpResult r = m_http.get(u);
    if (expectedTenant.isEmpty()) {
        QCOMPARE(r.status, 400);
        verifyErrorShape(r, QStringLiteral("invalid_instance"), 50049);
        return;
    }
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
    QCOMPARE(o.value(QLatin1String("tenant_discovery_endpoint")).toString(),
             m_server.baseUrl().toString() + QLatin1Char('/') + expectedTenant + QStringLiteral("/v2.0/.well-known/openid-configuration"));
    QCOMPARE(o.value(QLatin1String("api-version")).toString(), QStringLiteral("1.1"));
    const QJsonObject metadata = o.value(QLatin1String("metadata")).toArray().first().toObject();
    QCOMPARE(metadata.value(QLatin1String("preferred_network")).toString(), hostPort);
    QCOMPARE(metadata.value(QLatin1String("preferred_cache")).toString(), hostPort);
    QCOMPARE(metadata.value(QLatin1String("aliases")).toArray(),
             (QJsonArray{hostPort, QStringLiteral("localhost:%1").arg(m_server.port())}));
}

void TestEmulator::instanceDiscoveryPreferredCache()
{
    // Another environment to file tokens under, as the cloud names login.windows.net for
    // login.microsoftonline.com; it joins the aliases.
    m_server.setPreferredCacheEnvironment(QStringLiteral("127.0.0.1"));
    QUrl u = url(QStringLiteral("/common/discovery/instance"));
    const QString authorize = m_server.baseUrl().toString() + QStringLiteral("/common/oauth2/v2.0/authorize");
    u.setQuery(QStringLiteral("api-version=1.1&authorization_endpoint=") + QString::fromLatin1(QUrl::toPercentEncoding(authorize)));
    const HttpResult r = m_http.get(u);
    m_server.setPreferredCacheEnvironment(QString());
    QCOMPARE(r.status, 200);
    const QJsonObject metadata = r.json().value(QLatin1String("metadata")).toArray().first().toObject();
    const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
    QCOMPARE(metadata.value(QLatin1String("preferred_network")).toString(), hostPort);
    QCOMPARE(metadata.value(QLatin1String("preferred_cache")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(metadata.value(QLatin1String("aliases")).toArray(),
             (QJsonArray{hostPort, QStringLiteral("localhost:%1").arg(m_server.port()), QStringLiteral("127.0.0.1")}));
}

void TestEmulator::deviceCodeFlowThroughForm()
{
    // init() set interval 0, so the device may poll again right away (slow_down has its own test).
    const QJsonObject code = startDeviceCode();
    const QString userCode = code.value(QLatin1String("user_code")).toString();
    const QString deviceCode = code.value(QLatin1String("device_code")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-HJ-NP-Z]{9}$")).match(userCode).hasMatch(), qPrintable(userCode));
    QVERIFY(deviceCode.size() > 40);
    const QString verificationUri = m_server.baseUrl().toString() + QStringLiteral("/common/oauth2/deviceauth");
    QCOMPARE(code.value(QLatin1String("verification_uri")).toString(), verificationUri);
    QCOMPARE(code.value(QLatin1String("interval")).toInt(), 0);
    QCOMPARE(code.value(QLatin1String("expires_in")).toInt(), 60);
    QCOMPARE(code.value(QLatin1String("message")).toString(),
             QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.")
                 .arg(verificationUri, userCode));

    // Nobody has signed in yet.
    HttpResult r = poll(deviceCode);
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, QStringLiteral("authorization_pending"), 70016);

    // The page, prefilled with the code, has the one form the person fills in.
    const HttpResult page = m_http.get(QUrl(verificationUri + QStringLiteral("?user_code=") + userCode));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("content-type").startsWith("text/html"));
    const QString html = QString::fromUtf8(page.body);
    QCOMPARE(html.count(QStringLiteral("<form")), 1);
    QVERIFY(html.contains(QStringLiteral("id=\"device-login\"")));
    QVERIFY(html.contains(QStringLiteral("method=\"POST\" action=\"/common/oauth2/deviceauth\"")));
    QVERIFY(html.contains(QStringLiteral("name=\"user_code\" value=\"%1\"").arg(userCode)));
    QVERIFY(html.contains(QStringLiteral("name=\"username\"")));
    QVERIFY(html.contains(QStringLiteral("name=\"password\"")));
    QVERIFY(html.contains(QStringLiteral("name=\"action\" value=\"approve\"")));
    QVERIFY(html.contains(QStringLiteral("name=\"action\" value=\"decline\"")));

    // Person signs in; the code is typed in lower case with a dash, as people do.
    const HttpResult signedIn = m_http.post(QUrl(verificationUri),
                                            {{QStringLiteral("user_code"), userCode.toLower().insert(4, QLatin1Char('-'))},
                                             {QStringLiteral("username"), alice},
                                             {QStringLiteral("password"), alicePassword},
                                             {QStringLiteral("action"), QStringLiteral("approve")}});
    QCOMPARE(signedIn.status, 200);
    QVERIFY2(signedIn.body.contains("You have signed in to MsalQt Demo on your device. You may now close this window."),
             signedIn.body.constData());

    // The device's next poll gets the tokens.
    r = poll(deviceCode, QStringLiteral("common"), true);
    QCOMPARE(r.status, 200);
    const QJsonObject tokens = r.json();
    QCOMPARE(tokens.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(tokens.value(QLatin1String("scope")).toString(), QStringLiteral("User.Read profile openid email"));
    QCOMPARE(tokens.value(QLatin1String("expires_in")).toInt(), 3599);
    QCOMPARE(tokens.value(QLatin1String("ext_expires_in")).toInt(), 3599);
    QVERIFY(!tokens.contains(QLatin1String("refresh_in")));
    QVERIFY(!tokens.value(QLatin1String("refresh_token")).toString().isEmpty());

    const HttpResult jwks = m_http.get(url(QStringLiteral("/common/discovery/v2.0/keys")));
    const QByteArray idToken = tokens.value(QLatin1String("id_token")).toString().toLatin1();
    QVERIFY(verifyWithJwks(idToken, jwks.json()));
    const QJsonObject header = jwtPart(idToken, 0);
    QCOMPARE(header.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(header.value(QLatin1String("kid")).toString(), m_server.signingKeyId());
    const QJsonObject id = jwtPart(idToken, 1);
    const QString tid = m_server.defaultTenantId();
    const QString aliceOid = QStringLiteral("074471ff-7ea4-4db2-82fd-8145c634ad72");
    QCOMPARE(id.value(QLatin1String("aud")).toString(), m_server.publicClientId());
    QCOMPARE(id.value(QLatin1String("iss")).toString(), m_server.baseUrl().toString() + QLatin1Char('/') + tid + QStringLiteral("/v2.0"));
    QCOMPARE(id.value(QLatin1String("tid")).toString(), tid);
    QCOMPARE(id.value(QLatin1String("oid")).toString(), aliceOid);
    QCOMPARE(id.value(QLatin1String("preferred_username")).toString(), alice);
    QCOMPARE(id.value(QLatin1String("name")).toString(), QStringLiteral("Alice Example"));
    QCOMPARE(id.value(QLatin1String("ver")).toString(), QStringLiteral("2.0"));
    const qint64 iat = qint64(id.value(QLatin1String("iat")).toDouble());
    QVERIFY(qAbs(iat - QDateTime::currentSecsSinceEpoch()) < 60);
    QCOMPARE(qint64(id.value(QLatin1String("exp")).toDouble()) - iat, 3600);
    QVERIFY(id.contains(QLatin1String("nbf")) && id.contains(QLatin1String("uti")));
    const QString sub = id.value(QLatin1String("sub")).toString();
    QVERIFY(!sub.isEmpty() && sub != aliceOid);

    const QByteArray accessToken = tokens.value(QLatin1String("access_token")).toString().toLatin1();
    QVERIFY(verifyWithJwks(accessToken, jwks.json()));
    const QJsonObject at = jwtPart(accessToken, 1);
    QCOMPARE(at.value(QLatin1String("aud")).toString(), QStringLiteral("https://graph.microsoft.com"));
    QCOMPARE(at.value(QLatin1String("scp")).toString(), QStringLiteral("profile openid email User.Read"));
    QCOMPARE(at.value(QLatin1String("azp")).toString(), m_server.publicClientId());
    QCOMPARE(at.value(QLatin1String("oid")).toString(), aliceOid);
    QCOMPARE(at.value(QLatin1String("tid")).toString(), tid);
    QCOMPARE(at.value(QLatin1String("sub")).toString(), sub);
    QVERIFY(!at.contains(QLatin1String("roles")));

    const QJsonObject clientInfo = QJsonDocument::fromJson(QByteArray::fromBase64(
        tokens.value(QLatin1String("client_info")).toString().toLatin1(), QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(clientInfo, (QJsonObject{{QStringLiteral("uid"), aliceOid}, {QStringLiteral("utid"), tid}}));
    QVERIFY(!tokens.value(QLatin1String("client_info")).toString().contains(QLatin1Char('=')));

    // A device code is good for one redemption.
    r = poll(deviceCode);
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, QStringLiteral("invalid_grant"), 70000);
}

void TestEmulator::deviceCodeSlowDown()
{
    m_server.setDeviceCodeTiming(1, 60);
    const QJsonObject code = startDeviceCode();
    QCOMPARE(code.value(QLatin1String("interval")).toInt(), 1);
    QCOMPARE(code.value(QLatin1String("expires_in")).toInt(), 60);
    const QString deviceCode = code.value(QLatin1String("device_code")).toString();
    QCOMPARE(poll(deviceCode).json().value(QLatin1String("error")).toString(), QStringLiteral("authorization_pending"));
    const HttpResult r = poll(deviceCode); // immediately: far sooner than the 1 s interval
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, QStringLiteral("slow_down"), 0);
    // The interval grew to 6 s, so waiting the old interval is still too fast. (This waits out
    // the protocol's polling interval on purpose; it is not waiting for an answer.)
    QTest::qWait(1000);
    QCOMPARE(poll(deviceCode).json().value(QLatin1String("error")).toString(), QStringLiteral("slow_down"));
}

void TestEmulator::deviceCodeExpired()
{
    m_server.setDeviceCodeTiming(0, 1);
    const QJsonObject code = startDeviceCode();
    const QString deviceCode = code.value(QLatin1String("device_code")).toString();
    QCOMPARE(poll(deviceCode).json().value(QLatin1String("error")).toString(), QStringLiteral("authorization_pending"));
    QTRY_COMPARE_WITH_TIMEOUT(poll(deviceCode).json().value(QLatin1String("error")).toString(),
                              QStringLiteral("expired_token"), 5000);
    verifyErrorShape(poll(deviceCode), QStringLiteral("expired_token"), 70019);
    // Too late to approve, on the form or through the API.
    QVERIFY(!m_server.approveDeviceCode(code.value(QLatin1String("user_code")).toString(), alice));
    const HttpResult form = m_http.post(url(QStringLiteral("/common/oauth2/deviceauth")),
                                        {{QStringLiteral("user_code"), code.value(QLatin1String("user_code")).toString()},
                                         {QStringLiteral("username"), alice},
                                         {QStringLiteral("password"), alicePassword},
                                         {QStringLiteral("action"), QStringLiteral("approve")}});
    QCOMPARE(form.status, 400);
    QVERIFY(form.body.contains("has expired"));
}

void TestEmulator::deviceCodeDeclined()
{
    const QJsonObject code = startDeviceCode();
    const HttpResult page = m_http.post(url(QStringLiteral("/common/oauth2/deviceauth")),
                                        {{QStringLiteral("user_code"), code.value(QLatin1String("user_code")).toString()},
                                         {QStringLiteral("action"), QStringLiteral("decline")}});
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("declined"));
    const HttpResult r = poll(code.value(QLatin1String("device_code")).toString());
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, QStringLiteral("authorization_declined"), 70000);

    // Unknown device codes.
    verifyErrorShape(poll(QStringLiteral("no-such-code")), QStringLiteral("bad_verification_code"), 70018);
}

void TestEmulator::deviceLoginFormErrors()
{
    const QJsonObject code = startDeviceCode();
    const QString userCode = code.value(QLatin1String("user_code")).toString();
    const QUrl page = url(QStringLiteral("/common/oauth2/deviceauth"));

    // Wrong password: the form comes back with the message; the username is echoed, escaped.
    const QString evil = QStringLiteral("<script>alert(1)</script>@contoso.com");
    HttpResult r = m_http.post(page, {{QStringLiteral("user_code"), userCode}, {QStringLiteral("username"), alice},
                                      {QStringLiteral("password"), QStringLiteral("wrong")},
                                      {QStringLiteral("action"), QStringLiteral("approve")}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("Your account or password is incorrect."));
    QVERIFY(r.body.contains("id=\"device-login\""));
    QVERIFY(!r.body.contains("value=\"wrong\""));

    r = m_http.post(page, {{QStringLiteral("user_code"), userCode}, {QStringLiteral("username"), evil},
                           {QStringLiteral("password"), alicePassword}, {QStringLiteral("action"), QStringLiteral("approve")}});
    QCOMPARE(r.status, 400);
    QVERIFY(!r.body.contains("<script>"));
    QVERIFY(r.body.contains("&lt;script&gt;"));

    r = m_http.post(page, {{QStringLiteral("user_code"), QStringLiteral("ZZZZZZZZZ")}, {QStringLiteral("username"), alice},
                           {QStringLiteral("password"), alicePassword}, {QStringLiteral("action"), QStringLiteral("approve")}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("That code didn&#39;t work.") || r.body.contains("That code didn't work."));

    // None of that approved the code.
    QCOMPARE(poll(code.value(QLatin1String("device_code")).toString()).json().value(QLatin1String("error")).toString(),
             QStringLiteral("authorization_pending"));

    // The page also lives under a tenant.
    QCOMPARE(m_http.get(url(QStringLiteral("/contoso.com/oauth2/deviceauth"))).status, 200);
}

void TestEmulator::deviceCodeRequestErrors_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown client") << "11111111-2222-3333-4444-555555555555" << "User.Read" << "unauthorized_client" << 700016;
    QTest::newRow("confidential client") << "confidential" << "User.Read" << "invalid_client" << 7000218;
    QTest::newRow("unknown scope") << "public" << "User.Fly" << "invalid_scope" << 70011;
    QTest::newRow("two resources") << "public" << "User.Read api://b8db5b17-66eb-4a30-9adb-733c69fa0d22/access_as_user"
                                   << "invalid_scope" << 28000;
    QTest::newRow("no scope") << "public" << "" << "invalid_request" << 900144;
}

void TestEmulator::deviceCodeRequestErrors()
{
    QFETCH(QString, clientId);
    QFETCH(QString, scope);
    QFETCH(QString, error);
    QFETCH(int, code);
    if (clientId == QLatin1String("public"))
        clientId = m_server.publicClientId();
    else if (clientId == QLatin1String("confidential"))
        clientId = m_server.confidentialClientId();
    const HttpResult r = m_http.post(url(QStringLiteral("/common/oauth2/v2.0/devicecode")),
                                     {{QStringLiteral("client_id"), clientId}, {QStringLiteral("scope"), scope}});
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, error, code);
}

void TestEmulator::deviceCodeTenantRules_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("expectedTid");
    const QString contoso = m_server.defaultTenantId();
    QTest::newRow("common, work") << "common" << alice << true << contoso;
    QTest::newRow("common, msa") << "common" << "carol@outlook.com" << true << consumersGuid;
    QTest::newRow("organizations, work") << "organizations" << alice << true << contoso;
    QTest::newRow("organizations, msa") << "organizations" << "carol@outlook.com" << false << "";
    QTest::newRow("consumers, msa") << "consumers" << "carol@outlook.com" << true << consumersGuid;
    QTest::newRow("consumers, work") << "consumers" << alice << false << "";
    QTest::newRow("tenant, member") << "contoso.com" << "bob@contoso.com" << true << contoso;
    QTest::newRow("tenant, msa") << contoso << "carol@outlook.com" << false << "";
}

void TestEmulator::deviceCodeTenantRules()
{
    QFETCH(QString, tenant);
    QFETCH(QString, username);
    QFETCH(bool, allowed);
    QFETCH(QString, expectedTid);
    const QJsonObject code = startDeviceCode(tenant);
    const QString userCode = code.value(QLatin1String("user_code")).toString();
    QVERIFY(!userCode.isEmpty());

    // Through the form first: a refusal shows the platform's AADSTS text.
    const HttpResult form = m_http.post(url(QStringLiteral("/common/oauth2/deviceauth")),
                                        {{QStringLiteral("user_code"), userCode}, {QStringLiteral("username"), username},
                                         {QStringLiteral("password"), alicePassword},
                                         {QStringLiteral("action"), QStringLiteral("approve")}});
    QCOMPARE(form.status, allowed ? 200 : 400);
    if (!allowed) {
        QVERIFY(form.body.contains("AADSTS500200") || form.body.contains("AADSTS50020"));
        QVERIFY(!m_server.approveDeviceCode(userCode, username));
        return;
    }
    const HttpResult r = poll(code.value(QLatin1String("device_code")).toString(), tenant);
    QCOMPARE(r.status, 200);
    QCOMPARE(jwtPart(r.json().value(QLatin1String("id_token")).toString().toLatin1(), 1).value(QLatin1String("tid")).toString(),
             expectedTid);
}

QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
