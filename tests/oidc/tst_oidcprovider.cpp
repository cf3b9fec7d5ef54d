// Smoke test of the oidc-provider harness: raw HTTP with QNetworkAccessManager
// against the loopback provider, no MsalQt library code involved.

#include "oidcproviderfixture.h"

#include <QtCore/QByteArray>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

namespace {

using Form = QList<QPair<QString, QString>>;

constexpr int HttpTimeoutMs = 30000;
const QString DeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

struct Response
{
    bool finished = false;          // false: no answer within the timeout
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray wwwAuthenticate;

    QString error() const { return json.value(QStringLiteral("error")).toString(); }
    QString describe() const
    {
        return QStringLiteral("HTTP %1 (%2) %3")
            .arg(status)
            .arg(errorString, QString::fromUtf8(body.left(2000)));
    }
};

QByteArray formEncode(const Form &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

// Decoded JSON of a JWT's header (part 0) or payload (part 1).
QJsonObject jwtPart(const QString &jwt, int part)
{
    const QList<QByteArray> parts = jwt.toLatin1().split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(
                                       parts.at(part), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        .object();
}

} // namespace

class TestOidcProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void discovery();
    void jwks();
    void deviceFlowApproved();
    void deviceFlowDenied();
    void deviceFlowWrongPassword();
    void deviceFlowUnknownCode();
    void clientCredentials_data();
    void clientCredentials();
    void clientCredentialsWrongSecret_data();
    void clientCredentialsWrongSecret();

private:
    Response finish(QNetworkReply *reply);
    Response get(const QUrl &url, const QByteArray &bearer = {});
    Response postForm(const QUrl &url, const Form &fields, const QByteArray &authorization = {});
    QUrl discovered(const char *key) const;
    Response requestDeviceCode(const QString &scope);
    Response pollToken(const QString &deviceCode);
    // Polls until the provider gives anything but authorization_pending/slow_down.
    Response pollUntilDone(const QString &deviceCode, int interval);

    OidcProviderFixture m_provider;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QJsonObject m_discovery;
};

void TestOidcProvider::initTestCase()
{
    QString error;
    // Fails (not skips) without node_modules: the error says to run npm ci.
    QVERIFY2(m_provider.start(&error), qPrintable(error));
    QVERIFY(m_provider.issuer().isValid());
    QCOMPARE(m_provider.issuer().host(), QStringLiteral("127.0.0.1"));

    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);

    const Response r = get(m_provider.endpoint(QStringLiteral("/.well-known/openid-configuration")));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    m_discovery = r.json;
}

void TestOidcProvider::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "provider stderr:\n" << m_provider.stderrLog();
}

void TestOidcProvider::cleanupTestCase()
{
    m_provider.stop();
    QVERIFY(!m_provider.isRunning());
}

Response TestOidcProvider::finish(QNetworkReply *reply)
{
    Response r;
    std::unique_ptr<QNetworkReply> owner(reply);
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!spy.wait(HttpTimeoutMs)) {
            reply->abort();
            r.errorString = QStringLiteral("no response within %1 s").arg(HttpTimeoutMs / 1000);
            return r;
        }
    }
    r.finished = true;
    r.networkError = reply->error();
    r.errorString = reply->errorString();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    return r;
}

Response TestOidcProvider::get(const QUrl &url, const QByteArray &bearer)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(HttpTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    return finish(m_nam->get(request));
}

Response TestOidcProvider::postForm(const QUrl &url, const Form &fields, const QByteArray &authorization)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(HttpTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return finish(m_nam->post(request, formEncode(fields)));
}

QUrl TestOidcProvider::discovered(const char *key) const
{
    return QUrl(m_discovery.value(QLatin1String(key)).toString());
}

Response TestOidcProvider::requestDeviceCode(const QString &scope)
{
    return postForm(discovered("device_authorization_endpoint"),
                    {{QStringLiteral("client_id"), OidcProviderFixture::publicClientId()},
                     {QStringLiteral("scope"), scope}});
}

Response TestOidcProvider::pollToken(const QString &deviceCode)
{
    return postForm(discovered("token_endpoint"),
                    {{QStringLiteral("grant_type"), DeviceCodeGrant},
                     {QStringLiteral("client_id"), OidcProviderFixture::publicClientId()},
                     {QStringLiteral("device_code"), deviceCode}});
}

Response TestOidcProvider::pollUntilDone(const QString &deviceCode, int interval)
{
    const QDeadlineTimer deadline(120 * 1000);
    Response r;
    do {
        QTest::qWait(interval * 1000);
        r = pollToken(deviceCode);
        if (!r.finished || r.status == 200)
            return r;
        if (r.error() == QStringLiteral("slow_down"))
            interval += 5; // RFC 8628 §3.5
        else if (r.error() != QStringLiteral("authorization_pending"))
            return r;
    } while (!deadline.hasExpired());
    return r;
}

void TestOidcProvider::discovery()
{
    const QString issuer = m_provider.issuer().toString();
    QCOMPARE(m_discovery.value(QStringLiteral("issuer")).toString(), issuer);
    QCOMPARE(discovered("device_authorization_endpoint"), m_provider.endpoint(QStringLiteral("/device/auth")));
    QCOMPARE(discovered("token_endpoint"), m_provider.endpoint(QStringLiteral("/token")));
    QCOMPARE(discovered("jwks_uri"), m_provider.endpoint(QStringLiteral("/jwks")));
    QCOMPARE(discovered("revocation_endpoint"), m_provider.endpoint(QStringLiteral("/token/revocation")));
    QCOMPARE(discovered("userinfo_endpoint"), m_provider.endpoint(QStringLiteral("/me")));

    const QJsonArray grants = m_discovery.value(QStringLiteral("grant_types_supported")).toArray();
    QVERIFY(grants.contains(DeviceCodeGrant));
    QVERIFY(grants.contains(QStringLiteral("client_credentials")));
    QVERIFY(grants.contains(QStringLiteral("refresh_token")));
    const QJsonArray scopes = m_discovery.value(QStringLiteral("scopes_supported")).toArray();
    for (const char *scope : {"openid", "profile", "email", "offline_access"})
        QVERIFY2(scopes.contains(QLatin1String(scope)), scope);
    QVERIFY(m_discovery.value(QStringLiteral("id_token_signing_alg_values_supported"))
                .toArray()
                .contains(QStringLiteral("RS256")));
    QCOMPARE(m_discovery.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
             QJsonArray{QStringLiteral("S256")});
}

void TestOidcProvider::jwks()
{
    const Response r = get(discovered("jwks_uri"));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QJsonArray keys = r.json.value(QStringLiteral("keys")).toArray();
    QStringList types;
    for (const QJsonValue &key : keys) {
        const QJsonObject jwk = key.toObject();
        types << jwk.value(QStringLiteral("kty")).toString();
        QVERIFY(!jwk.value(QStringLiteral("kid")).toString().isEmpty());
        QVERIFY2(!jwk.contains(QStringLiteral("d")), "private key material published");
    }
    QVERIFY2(types.contains(QStringLiteral("RSA")), qPrintable(types.join(u',')));
    QVERIFY2(types.contains(QStringLiteral("EC")), qPrintable(types.join(u',')));
}

void TestOidcProvider::deviceFlowApproved()
{
    const Response da = requestDeviceCode(QStringLiteral("openid offline_access profile"));
    QVERIFY2(da.status == 200, qPrintable(da.describe()));
    const QString deviceCode = da.json.value(QStringLiteral("device_code")).toString();
    const QString userCode = da.json.value(QStringLiteral("user_code")).toString();
    QVERIFY(!deviceCode.isEmpty());
    QVERIFY(!userCode.isEmpty());
    QCOMPARE(QUrl(da.json.value(QStringLiteral("verification_uri")).toString()),
             m_provider.endpoint(QStringLiteral("/device")));
    QVERIFY(da.json.value(QStringLiteral("verification_uri_complete")).toString().contains(userCode));
    QVERIFY(da.json.value(QStringLiteral("expires_in")).toInt() > 0);
    // oidc-provider sends no interval (unless the fixture is told to): RFC 8628's 5 s apply.
    QVERIFY(!da.json.contains(QStringLiteral("interval")));
    const int interval = da.json.value(QStringLiteral("interval")).toInt(5);

    // Before the user acts: pending.
    QTest::qWait(interval * 1000);
    const Response pending = pollToken(deviceCode);
    QCOMPARE(pending.status, 400);
    QCOMPARE(pending.error(), QStringLiteral("authorization_pending"));

    QString error;
    QVERIFY2(m_provider.approveDevice(userCode, OidcProviderFixture::aliceLogin(),
                                      OidcProviderFixture::alicePassword(), false, &error),
             qPrintable(error));

    const Response token = pollUntilDone(deviceCode, interval);
    QVERIFY2(token.status == 200, qPrintable(token.describe()));
    QCOMPARE(token.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QVERIFY(!token.json.value(QStringLiteral("access_token")).toString().isEmpty());
    QVERIFY(token.json.value(QStringLiteral("expires_in")).toInt() > 0);
    QCOMPARE(token.json.value(QStringLiteral("scope")).toString(), QStringLiteral("openid offline_access profile"));
    const QString refreshToken = token.json.value(QStringLiteral("refresh_token")).toString();
    QVERIFY2(!refreshToken.isEmpty(), qPrintable(token.describe()));
    const QString idToken = token.json.value(QStringLiteral("id_token")).toString();
    QVERIFY2(!idToken.isEmpty(), qPrintable(token.describe()));

    const QJsonObject header = jwtPart(idToken, 0);
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
    QVERIFY(!header.value(QStringLiteral("kid")).toString().isEmpty());
    const QJsonObject claims = jwtPart(idToken, 1);
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), m_provider.issuer().toString());
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), OidcProviderFixture::publicClientId());
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), OidcProviderFixture::aliceSubject());
    QCOMPARE(claims.value(QStringLiteral("name")).toString(), QStringLiteral("Alice Example"));
    QCOMPARE(claims.value(QStringLiteral("preferred_username")).toString(), QStringLiteral("alice"));
    QVERIFY(!claims.contains(QStringLiteral("email"))); // email scope not asked for
    QVERIFY(!claims.contains(QStringLiteral("nonce")));
    QVERIFY(claims.value(QStringLiteral("exp")).toInteger() > claims.value(QStringLiteral("iat")).toInteger());

    // The access token works at the userinfo endpoint.
    const Response me = get(discovered("userinfo_endpoint"),
                            token.json.value(QStringLiteral("access_token")).toString().toLatin1());
    QVERIFY2(me.status == 200, qPrintable(me.describe()));
    QCOMPARE(me.json.value(QStringLiteral("sub")).toString(), OidcProviderFixture::aliceSubject());

    // Refresh: new tokens, and the refresh token of a public client rotates.
    const Form refresh{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                       {QStringLiteral("client_id"), OidcProviderFixture::publicClientId()},
                       {QStringLiteral("refresh_token"), refreshToken}};
    const Response refreshed = postForm(discovered("token_endpoint"), refresh);
    QVERIFY2(refreshed.status == 200, qPrintable(refreshed.describe()));
    QVERIFY(!refreshed.json.value(QStringLiteral("access_token")).toString().isEmpty());
    QVERIFY(!refreshed.json.value(QStringLiteral("id_token")).toString().isEmpty());
    const QString rotated = refreshed.json.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != refreshToken);
    // Replaying the old one fails, and oidc-provider then revokes the whole grant
    // (reuse detection), so the rotated token is dead too.
    const Response stale = postForm(discovered("token_endpoint"), refresh);
    QCOMPARE(stale.status, 400);
    QCOMPARE(stale.error(), QStringLiteral("invalid_grant"));
    const Response afterReplay = postForm(discovered("token_endpoint"),
                                          {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                           {QStringLiteral("client_id"), OidcProviderFixture::publicClientId()},
                                           {QStringLiteral("refresh_token"), rotated}});
    QCOMPARE(afterReplay.status, 400);
    QCOMPARE(afterReplay.error(), QStringLiteral("invalid_grant"));

    // The device code is single-use (a replay, too, revokes the grant it produced).
    const Response reused = pollToken(deviceCode);
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.error(), QStringLiteral("invalid_grant"));
}

void TestOidcProvider::deviceFlowDenied()
{
    const Response da = requestDeviceCode(QStringLiteral("openid offline_access profile"));
    QVERIFY2(da.status == 200, qPrintable(da.describe()));
    const QString deviceCode = da.json.value(QStringLiteral("device_code")).toString();
    const int interval = da.json.value(QStringLiteral("interval")).toInt(5);

    QString error;
    QVERIFY2(m_provider.approveDevice(da.json.value(QStringLiteral("user_code")).toString(),
                                      OidcProviderFixture::bobLogin(), OidcProviderFixture::bobPassword(),
                                      true, &error),
             qPrintable(error));

    const Response denied = pollUntilDone(deviceCode, interval);
    QCOMPARE(denied.status, 400);
    QCOMPARE(denied.error(), QStringLiteral("access_denied"));
    QVERIFY(!denied.json.contains(QStringLiteral("access_token")));

    // The denial is reported once; afterwards the code is gone.
    const Response again = pollToken(deviceCode);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.error(), QStringLiteral("invalid_grant"));
}

void TestOidcProvider::deviceFlowWrongPassword()
{
    const Response da = requestDeviceCode(QStringLiteral("openid profile"));
    QVERIFY2(da.status == 200, qPrintable(da.describe()));

    QString error;
    QVERIFY(!m_provider.approveDevice(da.json.value(QStringLiteral("user_code")).toString(),
                                      OidcProviderFixture::aliceLogin(), QStringLiteral("wrong-password"),
                                      false, &error));
    QVERIFY2(error.contains(QStringLiteral("Invalid login or password")), qPrintable(error));

    // Nothing was approved.
    const Response pending = pollToken(da.json.value(QStringLiteral("device_code")).toString());
    QCOMPARE(pending.status, 400);
    QCOMPARE(pending.error(), QStringLiteral("authorization_pending"));
}

void TestOidcProvider::deviceFlowUnknownCode()
{
    QString error;
    QVERIFY(!m_provider.approveDevice(QStringLiteral("BCDF-GHJK"), OidcProviderFixture::aliceLogin(),
                                      OidcProviderFixture::alicePassword(), false, &error));
    QVERIFY2(error.contains(QStringLiteral("was not accepted")), qPrintable(error));
}

void TestOidcProvider::clientCredentials_data()
{
    QTest::addColumn<bool>("basicAuth");
    QTest::addColumn<QString>("resource");
    QTest::newRow("client_secret_post") << false << OidcProviderFixture::resource();
    QTest::newRow("client_secret_basic") << true << OidcProviderFixture::resource();
    QTest::newRow("explicit resource") << false << OidcProviderFixture::apiResource();
}

void TestOidcProvider::clientCredentials()
{
    QFETCH(bool, basicAuth);
    QFETCH(QString, resource);

    Form form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
              {QStringLiteral("scope"), OidcProviderFixture::apiScope()}};
    if (!resource.isEmpty())
        form.append({QStringLiteral("resource"), resource});
    QByteArray authorization;
    if (basicAuth) {
        // RFC 6749 §2.3.1: form-urlencode both parts before base64.
        authorization = "Basic "
            + (QUrl::toPercentEncoding(OidcProviderFixture::confidentialClientId()) + ':'
               + QUrl::toPercentEncoding(OidcProviderFixture::confidentialClientSecret()))
                  .toBase64();
    } else {
        form.append({QStringLiteral("client_id"), OidcProviderFixture::confidentialClientId()});
        form.append({QStringLiteral("client_secret"), OidcProviderFixture::confidentialClientSecret()});
    }

    const Response r = postForm(discovered("token_endpoint"), form, authorization);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY(!r.json.value(QStringLiteral("access_token")).toString().isEmpty());
    QCOMPARE(r.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(r.json.value(QStringLiteral("scope")).toString(), OidcProviderFixture::apiScope());
    QVERIFY(r.json.value(QStringLiteral("expires_in")).toInt() > 0);
    QVERIFY(!r.json.contains(QStringLiteral("refresh_token")));
    QVERIFY(!r.json.contains(QStringLiteral("id_token")));
}

void TestOidcProvider::clientCredentialsWrongSecret_data()
{
    QTest::addColumn<bool>("basicAuth");
    QTest::newRow("client_secret_post") << false;
    QTest::newRow("client_secret_basic") << true;
}

void TestOidcProvider::clientCredentialsWrongSecret()
{
    QFETCH(bool, basicAuth);
    const QString wrongSecret = QStringLiteral("not-the-secret");
    Form form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
              {QStringLiteral("scope"), OidcProviderFixture::apiScope()}};
    QByteArray authorization;
    if (basicAuth) {
        authorization = "Basic "
            + (OidcProviderFixture::confidentialClientId() + u':' + wrongSecret).toUtf8().toBase64();
    } else {
        form.append({QStringLiteral("client_id"), OidcProviderFixture::confidentialClientId()});
        form.append({QStringLiteral("client_secret"), wrongSecret});
    }
    const Response r = postForm(discovered("token_endpoint"), form, authorization);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error(), QStringLiteral("invalid_client"));
    QVERIFY(!r.json.contains(QStringLiteral("access_token")));
    if (basicAuth)
        QVERIFY2(r.wwwAuthenticate.startsWith("Basic"), r.wwwAuthenticate.constData());
}

QTEST_GUILESS_MAIN(TestOidcProvider)
#include "tst_oidcprovider.moc"
