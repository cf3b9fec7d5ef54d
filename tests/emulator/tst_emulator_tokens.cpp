// The emulator's wire protocol, part 2: client credentials, refresh tokens, Graph /me (with
// claims challenges) and signing-key rotation, spoken over real HTTP on loopback.

#include "emulatortestsupport.h"

using namespace MsalQt::Emulator;
using namespace EmulatorTest;

class TestEmulatorTokens : public QObject, protected EmulatorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void clientCredentials_data();
    void clientCredentials();
    void refreshTokenRotationAndRevocation();

    void graphMe_data();
    void graphMe();
    void graphClaimsChallenge();
    void userInfo();
    void signingKeyRotation();

private:
    // refresh_token grant of the public client, asking for client_info; `claims` is sent
    // when not empty.
    HttpResult redeem(const QString &refreshToken, const QString &scope, const QString &claims = {});
    HttpResult graphMeWith(const QString &accessToken);
};

HttpResult TestEmulatorTokens::redeem(const QString &refreshToken, const QString &scope, const QString &claims)
{
    QList<QPair<QString, QString>> form{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                        {QStringLiteral("client_id"), m_server.publicClientId()},
                                        {QStringLiteral("refresh_token"), refreshToken},
                                        {QStringLiteral("scope"), scope},
                                        {QStringLiteral("client_info"), QStringLiteral("1")}};
    if (!claims.isEmpty())
        form.append({QStringLiteral("claims"), claims});
    return m_http.post(url(QStringLiteral("/common/oauth2/v2.0/token")), form);
}

HttpResult TestEmulatorTokens::graphMeWith(const QString &accessToken)
{
    return m_http.get(url(QStringLiteral("/v1.0/me")), {{"Authorization", "Bearer " + accessToken.toLatin1()}});
}

void TestEmulatorTokens::initTestCase()
{
    QVERIFY(m_server.listen());
}

void TestEmulatorTokens::init()
{
    m_server.clearFaults();
    m_server.setDeviceCodeTiming(0, 60);
    m_server.setAccessTokenLifetime(3599);
    m_server.setGraphAuthenticationContext({});
}

void TestEmulatorTokens::clientCredentials_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");   // "-" = none
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("code");
    const QString graphDefault = QStringLiteral("https://graph.microsoft.com/.default");
    const QString t = m_server.defaultTenantId();
    const QString conf = m_server.confidentialClientId();
    const QString secret = m_server.confidentialClientSecret();
    QTest::newRow("success") << t << conf << secret << false << graphDefault << 200 << "" << 0;
    QTest::newRow("success, basic auth") << "contoso.com" << conf << secret << true << graphDefault << 200 << "" << 0;
    QTest::newRow("wrong secret") << t << conf << "nope" << false << graphDefault << 401 << "invalid_client" << 7000215;
    QTest::newRow("wrong secret, basic") << t << conf << "nope" << true << graphDefault << 401 << "invalid_client" << 7000215;
    QTest::newRow("missing secret") << t << conf << "-" << false << graphDefault << 401 << "invalid_client" << 7000218;
    QTest::newRow("public client") << t << m_server.publicClientId() << "-" << false << graphDefault << 401 << "invalid_client" << 7000218;
    QTest::newRow("not .default") << t << conf << secret << false << "https://graph.microsoft.com/User.Read" << 400 << "invalid_scope" << 1002012;
    QTest::newRow("two scopes") << t << conf << secret << false << graphDefault + QStringLiteral(" openid") << 400 << "invalid_scope" << 1002012;
    QTest::newRow("common") << "common" << conf << secret << false << graphDefault << 400 << "invalid_request" << 50059;
    QTest::newRow("organizations") << "organizations" << conf << secret << false << graphDefault << 400 << "invalid_request" << 50059;
}

void TestEmulatorTokens::clientCredentials()
{
    QFETCH(QString, tenant);
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, basic);
    QFETCH(QString, scope);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(int, code);
    QList<QPair<QString, QString>> form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                        {QStringLiteral("scope"), scope}};
    QHash<QByteArray, QByteArray> headers;
    if (basic) {
        headers.insert("Authorization", "Basic " + (QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(secret)).toBase64());
    } else {
        form.append({QStringLiteral("client_id"), clientId});
        if (secret != QLatin1String("-"))
            form.append({QStringLiteral("client_secret"), secret});
    }
    const HttpResult r = m_http.post(url(QLatin1Char('/') + tenant + QStringLiteral("/oauth2/v2.0/token")), form, headers);
    QCOMPARE(r.status, status);
    if (status != 200) {
        verifyErrorShape(r, error, code);
        return;
    }
    const QJsonObject tokens = r.json();
    QVERIFY(!tokens.contains(QLatin1String("refresh_token")));
    QVERIFY(!tokens.contains(QLatin1String("id_token")));
    QCOMPARE(tokens.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    const QJsonObject at = jwtPart(tokens.value(QLatin1String("access_token")).toString().toLatin1(), 1);
    QCOMPARE(at.value(QLatin1String("aud")).toString(), QStringLiteral("https://graph.microsoft.com"));
    QCOMPARE(at.value(QLatin1String("idtyp")).toString(), QStringLiteral("app"));
    QCOMPARE(at.value(QLatin1String("roles")).toArray(), QJsonArray{QStringLiteral("User.Read.All")});
    QCOMPARE(at.value(QLatin1String("tid")).toString(), m_server.defaultTenantId());
    QCOMPARE(at.value(QLatin1String("appid")).toString(), m_server.confidentialClientId());
    QVERIFY(!at.contains(QLatin1String("scp")));
}

void TestEmulatorTokens::refreshTokenRotationAndRevocation()
{
    m_server.setAccessTokenLifetime(8000); // > 2 h: refresh_in appears
    const QJsonObject first = signIn(alice);
    const QString rt1 = first.value(QLatin1String("refresh_token")).toString();
    QVERIFY(!rt1.isEmpty());
    QCOMPARE(first.value(QLatin1String("refresh_in")).toInt(), 4000);

    HttpResult r = redeem(rt1, QStringLiteral("Mail.Read openid offline_access"));
    QCOMPARE(r.status, 200);
    const QString rt2 = r.json().value(QLatin1String("refresh_token")).toString();
    QVERIFY(!rt2.isEmpty() && rt2 != rt1);
    QCOMPARE(r.json().value(QLatin1String("scope")).toString(), QStringLiteral("Mail.Read profile openid email"));
    QVERIFY(r.json().contains(QLatin1String("id_token")));
    QVERIFY(r.json().contains(QLatin1String("client_info")));

    // Refresh tokens are multi-resource: the app's own API, without openid (no ID token).
    r = redeem(rt2, QStringLiteral("api://%1/access_as_user").arg(m_server.publicClientId()));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json().contains(QLatin1String("id_token")));
    QCOMPARE(r.json().value(QLatin1String("scope")).toString(), QStringLiteral("api://%1/access_as_user").arg(m_server.publicClientId()));
    QCOMPARE(jwtPart(r.json().value(QLatin1String("access_token")).toString().toLatin1(), 1).value(QLatin1String("aud")).toString(),
             m_server.publicClientId());

    // The old one stays valid after rotation.
    QCOMPARE(redeem(rt1, QStringLiteral("User.Read")).status, 200);

    // Another client cannot use it; garbage is refused.
    r = m_http.post(url(QStringLiteral("/common/oauth2/v2.0/token")),
                    {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                     {QStringLiteral("client_id"), m_server.confidentialClientId()},
                     {QStringLiteral("client_secret"), m_server.confidentialClientSecret()},
                     {QStringLiteral("refresh_token"), rt1}});
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, QStringLiteral("invalid_grant"), 70000);
    r = redeem(QStringLiteral("1.Agarbage"), QStringLiteral("User.Read"));
    QCOMPARE(r.status, 400);
    verifyErrorShape(r, QStringLiteral("invalid_grant"), 70000);

    // Revocation kills every refresh token issued so far, and only those.
    m_server.revokeRefreshTokens(alice);
    for (const QString &rt : {rt1, rt2}) {
        r = redeem(rt, QStringLiteral("User.Read"));
        QCOMPARE(r.status, 400);
        verifyErrorShape(r, QStringLiteral("invalid_grant"), 50173);
    }
    const QString fresh = signIn(alice).value(QLatin1String("refresh_token")).toString();
    QCOMPARE(redeem(fresh, QStringLiteral("User.Read")).status, 200);

    // An MFA user refreshes without being asked again; amr remembers MFA.
    const QJsonObject bob = signIn(QStringLiteral("bob@contoso.com"));
    r = redeem(bob.value(QLatin1String("refresh_token")).toString(), QStringLiteral("User.Read"));
    QCOMPARE(r.status, 200);
    QVERIFY(jwtPart(r.json().value(QLatin1String("access_token")).toString().toLatin1(), 1)
                .value(QLatin1String("amr")).toArray().contains(QStringLiteral("mfa")));
}

void TestEmulatorTokens::graphMe_data()
{
    QTest::addColumn<QString>("token"); // delegated, none, app, tampered, garbage, foreign
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("delegated") << "delegated" << 200 << "";
    QTest::newRow("no token") << "none" << 401 << "InvalidAuthenticationToken";
    QTest::newRow("app token") << "app" << 400 << "BadRequest";
    QTest::newRow("tampered") << "tampered" << 401 << "InvalidAuthenticationToken";
    QTest::newRow("garbage") << "garbage" << 401 << "InvalidAuthenticationToken";
    QTest::newRow("other audience") << "api" << 401 << "InvalidAuthenticationToken";
}

void TestEmulatorTokens::graphMe()
{
    QFETCH(QString, token);
    QFETCH(int, status);
    QFETCH(QString, code);
    QByteArray bearer;
    if (token == QLatin1String("delegated") || token == QLatin1String("tampered")) {
        bearer = signIn(alice).value(QLatin1String("access_token")).toString().toLatin1();
        if (token == QLatin1String("tampered")) {
            QList<QByteArray> parts = bearer.split('.');
            QJsonObject claims = jwtPart(bearer, 1);
            claims.insert(QStringLiteral("oid"), QStringLiteral("dd01bc71-c983-4c2f-8542-9459c0a9763d"));
            parts[1] = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            bearer = parts.join('.');
        }
    } else if (token == QLatin1String("app")) {
        bearer = appToken().value(QLatin1String("access_token")).toString().toLatin1();
    } else if (token == QLatin1String("garbage")) {
        bearer = "not.a.token";
    } else if (token == QLatin1String("api")) {
        bearer = signIn(alice, QStringLiteral("api://%1/access_as_user").arg(m_server.publicClientId()))
                     .value(QLatin1String("access_token")).toString().toLatin1();
    }
    QHash<QByteArray, QByteArray> headers;
    if (!bearer.isEmpty())
        headers.insert("Authorization", "Bearer " + bearer);
    const HttpResult r = m_http.get(url(QStringLiteral("/v1.0/me")), headers);
    QCOMPARE(r.status, status);
    if (status == 200) {
        const QJsonObject me = r.json();
        QCOMPARE(me.value(QLatin1String("id")).toString(), QStringLiteral("074471ff-7ea4-4db2-82fd-8145c634ad72"));
        QCOMPARE(me.value(QLatin1String("displayName")).toString(), QStringLiteral("Alice Example"));
        QCOMPARE(me.value(QLatin1String("userPrincipalName")).toString(), alice);
        QCOMPARE(me.value(QLatin1String("mail")).toString(), alice);
        QCOMPARE(me.value(QLatin1String("givenName")).toString(), QStringLiteral("Alice"));
        QCOMPARE(me.value(QLatin1String("surname")).toString(), QStringLiteral("Example"));
        QVERIFY(me.value(QLatin1String("@odata.context")).toString().endsWith(QLatin1String("/v1.0/$metadata#users/$entity")));
        return;
    }
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    if (status == 401) {
        const QByteArray challenge = r.header("www-authenticate");
        QVERIFY2(challenge.startsWith("Bearer realm=\"\", authorization_uri=\""), challenge.constData());
        QVERIFY(challenge.contains("error=\"invalid_token\""));
    } else {
        QCOMPARE(error.value(QLatin1String("message")).toString(),
                 QStringLiteral("/me request is only valid with delegated authentication flow."));
    }
}

// Conditional Access authentication context on Graph: the claims challenge, and the token
// request that answers it.
void TestEmulatorTokens::graphClaimsChallenge()
{
    const QString rt = signIn(alice).value(QLatin1String("refresh_token")).toString();
    QVERIFY(!rt.isEmpty());
    HttpResult r = redeem(rt, QStringLiteral("User.Read"));
    QCOMPARE(r.status, 200);
    const QString plain = r.json().value(QLatin1String("access_token")).toString();
    QVERIFY(!jwtPart(plain.toLatin1(), 1).contains(QLatin1String("acrs")));
    QCOMPARE(graphMeWith(plain).status, 200); // no context required: any token will do

    m_server.setGraphAuthenticationContext(QStringLiteral("c1"));
    r = graphMeWith(plain);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("InvalidAuthenticationToken"));
    const QByteArray challenge = r.header("www-authenticate");
    QVERIFY2(challenge.startsWith("Bearer realm=\"\", authorization_uri=\"" + m_server.baseUrl().toString().toLatin1()
                                  + "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\""),
             challenge.constData());
    QVERIFY2(challenge.contains("error=\"insufficient_claims\""), challenge.constData());
    static const QRegularExpression claimsParameter(QStringLiteral("claims=\"([A-Za-z0-9+/=]+)\""));
    const QRegularExpressionMatch match = claimsParameter.match(QString::fromLatin1(challenge));
    QVERIFY2(match.hasMatch(), challenge.constData());
    const QByteArray claims = QByteArray::fromBase64(match.captured(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const QJsonObject acrs = QJsonDocument::fromJson(claims).object().value(QLatin1String("access_token")).toObject()
                                 .value(QLatin1String("acrs")).toObject();
    QCOMPARE(acrs.value(QLatin1String("value")).toString(), QStringLiteral("c1"));
    QCOMPARE(acrs.value(QLatin1String("essential")).toBool(), true);

    // The client passes the decoded challenge back as "claims": the new token satisfies Graph.
    r = redeem(rt, QStringLiteral("User.Read openid"), QString::fromUtf8(claims));
    QCOMPARE(r.status, 200);
    const QString stepUp = r.json().value(QLatin1String("access_token")).toString();
    QCOMPARE(jwtPart(stepUp.toLatin1(), 1).value(QLatin1String("acrs")).toArray(), QJsonArray{QStringLiteral("c1")});
    const QJsonObject id = jwtPart(r.json().value(QLatin1String("id_token")).toString().toLatin1(), 1);
    QVERIFY(!id.isEmpty());
    QVERIFY(!id.contains(QLatin1String("acrs"))); // the resource checks it, not the client
    QCOMPARE(graphMeWith(stepUp).status, 200);

    // "values" (several contexts) merged with client capabilities, as MSAL sends them.
    r = redeem(rt, QStringLiteral("User.Read"),
               QStringLiteral(R"({"access_token":{"xms_cc":{"values":["cp1"]},"acrs":{"essential":true,"values":["c2","c1"]}}})"));
    QCOMPARE(r.status, 200);
    const QString both = r.json().value(QLatin1String("access_token")).toString();
    QCOMPARE(jwtPart(both.toLatin1(), 1).value(QLatin1String("acrs")).toArray(),
             (QJsonArray{QStringLiteral("c2"), QStringLiteral("c1")}));
    QCOMPARE(graphMeWith(both).status, 200);

    // Malformed claims: refused before anything is issued.
    for (const QString &bad : {QStringLiteral("{\"access_token\":"), QStringLiteral("[\"acrs\"]")}) {
        r = redeem(rt, QStringLiteral("User.Read"), bad);
        QCOMPARE(r.status, 400);
        verifyErrorShape(r, QStringLiteral("invalid_request"), 90100);
    }

    // Turned off: the old token is fine again.
    m_server.setGraphAuthenticationContext({});
    QCOMPARE(graphMeWith(plain).status, 200);
}

void TestEmulatorTokens::userInfo()
{
    const QJsonObject tokens = signIn(alice);
    const QJsonObject id = jwtPart(tokens.value(QLatin1String("id_token")).toString().toLatin1(), 1);
    const QByteArray bearer = "Bearer " + tokens.value(QLatin1String("access_token")).toString().toLatin1();
    const HttpResult r = m_http.get(url(QStringLiteral("/oidc/userinfo")), {{"Authorization", bearer}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("sub")).toString(), id.value(QLatin1String("sub")).toString());
    QCOMPARE(r.json().value(QLatin1String("name")).toString(), QStringLiteral("Alice Example"));
    QCOMPARE(m_http.get(url(QStringLiteral("/oidc/userinfo"))).status, 401);
}

void TestEmulatorTokens::signingKeyRotation()
{
    const QByteArray before = signIn(alice).value(QLatin1String("access_token")).toString().toLatin1();
    const QString oldKid = m_server.signingKeyId();

    m_server.rotateSigningKey(true);
    QVERIFY(m_server.signingKeyId() != oldKid);
    QJsonObject jwks = m_http.get(url(QStringLiteral("/common/discovery/v2.0/keys"))).json();
    QCOMPARE(jwks.value(QLatin1String("keys")).toArray().size(), 1);
    QCOMPARE(jwks.value(QLatin1String("keys")).toArray().first().toObject().value(QLatin1String("kid")).toString(), m_server.signingKeyId());
    QVERIFY(!verifyWithJwks(before, jwks)); // the old key left the JWKS...
    QCOMPARE(m_http.get(url(QStringLiteral("/v1.0/me")), {{"Authorization", "Bearer " + before}}).status, 200); // ...Graph still takes it
    QByteArray after = signIn(alice).value(QLatin1String("id_token")).toString().toLatin1();
    QVERIFY(verifyWithJwks(after, jwks));

    // Unpublished: tokens carry a kid the JWKS does not have.
    m_server.rotateSigningKey(false);
    jwks = m_http.get(url(QStringLiteral("/common/discovery/v2.0/keys"))).json();
    after = signIn(alice).value(QLatin1String("id_token")).toString().toLatin1();
    QCOMPARE(jwtPart(after, 0).value(QLatin1String("kid")).toString(), m_server.signingKeyId());
    QCOMPARE(jwks.value(QLatin1String("keys")).toArray().size(), 1);
    QVERIFY(jwks.value(QLatin1String("keys")).toArray().first().toObject().value(QLatin1String("kid")).toString() != m_server.signingKeyId());
    QVERIFY(!verifyWithJwks(after, jwks));

    m_server.rotateSigningKey(true); // leave a normal state for whatever runs next
}

QTEST_GUILESS_MAIN(TestEmulatorTokens)
#include "tst_emulator_tokens.moc"
