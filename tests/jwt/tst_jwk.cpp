// JWK and JWKS reading (RFC 7517, 7518), the choice of a key for a token header, key
// generation, and signing with cjose (RFC 7515). Split from tst_jwt.cpp, which decodes.

#include "jwttestutil.h"

#include <QtTest>

using namespace MsalQt::Internal;
using namespace JwtTest;

class TestJwk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void jwkFromJson_data();
    void jwkFromJson();
    void jwksFromJson_data();
    void jwksFromJson();
    void jwksReadsAMicrosoftStyleSet();
    void jwksCandidates();
    void jwksCopiesShareKeys();
    void jwkPublicJsonHasNoPrivateMembers();
    void generatedKeys();

    void signJwsRoundTrip_data();
    void signJwsRoundTrip();
    void signJwsRefuses_data();
    void signJwsRefuses();

private:
    Jwk m_rsa;
    Jwk m_ec;
    QJsonObject m_rsaPublic; // public JWK members as cjose exports them
    QJsonObject m_ecPublic;
};

void TestJwk::initTestCase()
{
    m_rsa = Jwk::generateRsa(2048, QStringLiteral("rsa-1"));
    m_ec = Jwk::generateEcP256(QStringLiteral("ec-1"));
    QVERIFY(!m_rsa.isNull());
    QVERIFY(!m_ec.isNull());
    m_rsaPublic = cjosePublicJwk(m_rsa.handle());
    m_ecPublic = cjosePublicJwk(m_ec.handle());
}

void TestJwk::jwkFromJson_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<QString>("reasonContains");

    const QJsonObject rsa = m_rsaPublic;
    const QJsonObject ec = m_ecPublic;
    const QJsonObject rsaPrivate = cjosePrivateJwk(m_rsa.handle());
    const QJsonObject ecPrivate = cjosePrivateJwk(m_ec.handle());
    QVERIFY(rsaPrivate.contains(QStringLiteral("d")));
    QVERIFY(ecPrivate.contains(QStringLiteral("d")));

    cjose_err err{};
    CjoseJwkPtr rsa1024(cjose_jwk_create_RSA_random(1024, nullptr, 0, &err));
    CjoseJwkPtr p384(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_384, &err));
    CjoseJwkPtr oct(cjose_jwk_create_oct_random(32, &err));
    QVERIFY(rsa1024 && p384 && oct);

    QTest::newRow("RSA public key") << rsa << true << QString();
    QTest::newRow("EC P-256 public key") << ec << true << QString();
    QTest::newRow("RSA with use sig, kid, alg RS256")
        << with(rsa, {{QStringLiteral("use"), QStringLiteral("sig")},
                      {QStringLiteral("kid"), QStringLiteral("k")},
                      {QStringLiteral("alg"), QStringLiteral("RS256")}})
        << true << QString();
    QTest::newRow("RSA with key_ops [verify]")
        << with(rsa, {{QStringLiteral("key_ops"), QJsonArray{QStringLiteral("verify")}}}) << true
        << QString();
    QTest::newRow("RSA with a leading zero octet in n")
        << with(rsa, {{QStringLiteral("n"), QString::fromLatin1(b64(
                          '\0' + [&] {
                              QByteArray n;
                              decodeBase64UrlStrict(rsa.value(QStringLiteral("n")).toString().toLatin1(), &n);
                              return n;
                          }()))}})
        << true << QString();
    QTest::newRow("RSA with x5c and x5t (ignored)")
        << with(rsa, {{QStringLiteral("x5t"), QStringLiteral("abc")},
                      {QStringLiteral("x5c"), QJsonArray{QStringLiteral("MIIC")}}})
        << true << QString();

    QTest::newRow("use enc") << with(rsa, {{QStringLiteral("use"), QStringLiteral("enc")}}) << false
                             << QStringLiteral("use");
    QTest::newRow("use not a string") << with(rsa, {{QStringLiteral("use"), 1}}) << false
                                      << QStringLiteral("use");
    QTest::newRow("key_ops without verify")
        << with(rsa, {{QStringLiteral("key_ops"), QJsonArray{QStringLiteral("encrypt")}}}) << false
        << QStringLiteral("key_ops");
    QTest::newRow("alg RS512") << with(rsa, {{QStringLiteral("alg"), QStringLiteral("RS512")}})
                               << false << QStringLiteral("alg");
    QTest::newRow("alg ES256 on an RSA key")
        << with(rsa, {{QStringLiteral("alg"), QStringLiteral("ES256")}}) << false
        << QStringLiteral("alg");
    QTest::newRow("alg HS256") << with(rsa, {{QStringLiteral("alg"), QStringLiteral("HS256")}})
                               << false << QStringLiteral("alg");
    QTest::newRow("RSA private key") << rsaPrivate << false << QStringLiteral("private");
    QTest::newRow("RSA with only d added")
        << with(rsa, {{QStringLiteral("d"), rsaPrivate.value(QStringLiteral("d"))}}) << false
        << QStringLiteral("private");
    QTest::newRow("EC private key") << ecPrivate << false << QStringLiteral("private");
    QTest::newRow("kty oct (HMAC secret)") << cjosePrivateJwk(oct.get()) << false
                                           << QStringLiteral("kty");
    QTest::newRow("kty OKP") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                                            {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                                            {QStringLiteral("x"), QStringLiteral("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")}}
                             << false << QStringLiteral("kty");
    QTest::newRow("kty lower case") << with(rsa, {{QStringLiteral("kty"), QStringLiteral("rsa")}})
                                    << false << QStringLiteral("kty");
    QTest::newRow("no kty") << without(rsa, {QStringLiteral("kty")}) << false << QStringLiteral("kty");
    QTest::newRow("kid a number") << with(rsa, {{QStringLiteral("kid"), 3}}) << false
                                  << QStringLiteral("kid");
    QTest::newRow("RSA 1024 bits") << cjosePublicJwk(rsa1024.get()) << false
                                   << QStringLiteral("1024 bits");
    QTest::newRow("RSA without n") << without(rsa, {QStringLiteral("n")}) << false
                                   << QStringLiteral("\"n\"");
    QTest::newRow("RSA without e") << without(rsa, {QStringLiteral("e")}) << false
                                   << QStringLiteral("\"e\"");
    QTest::newRow("RSA n padded base64")
        << with(rsa, {{QStringLiteral("n"), rsa.value(QStringLiteral("n")).toString() + QStringLiteral("==")}})
        << false << QStringLiteral("base64url");
    QTest::newRow("RSA exponent 1") << with(rsa, {{QStringLiteral("e"), QStringLiteral("AQ")}})
                                    << false << QStringLiteral("exponent");
    QTest::newRow("RSA even exponent") << with(rsa, {{QStringLiteral("e"), QStringLiteral("AQAA")}})
                                       << false << QStringLiteral("exponent");
    QTest::newRow("EC P-384") << cjosePublicJwk(p384.get()) << false << QStringLiteral("curve");
    QTest::newRow("EC without crv") << without(ec, {QStringLiteral("crv")}) << false
                                    << QStringLiteral("curve");
    QTest::newRow("EC short x")
        << with(ec, {{QStringLiteral("x"), QString::fromLatin1(b64(QByteArray(31, '\x01')))}})
        << false << QStringLiteral("32 bytes");
    QTest::newRow("EC point not on the curve")
        << with(ec, {{QStringLiteral("x"), QString::fromLatin1(b64(QByteArray(32, '\x01')))},
                     {QStringLiteral("y"), QString::fromLatin1(b64(QByteArray(32, '\x01')))}})
        << false << QStringLiteral("cjose refused");
    QTest::newRow("EC without y") << without(ec, {QStringLiteral("y")}) << false
                                  << QStringLiteral("\"y\"");
}

void TestJwk::jwkFromJson()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(bool, usable);
    QFETCH(QString, reasonContains);

    QString reason;
    const Jwk key = Jwk::fromJson(jwk, &reason);
    QCOMPARE(!key.isNull(), usable);
    if (usable) {
        QVERIFY(reason.isEmpty());
        QVERIFY(!key.hasPrivateKey());
        QVERIFY(key.handle());
    } else {
        QVERIFY2(reason.contains(reasonContains), qPrintable(reason));
        QVERIFY(!key.handle());
    }
}

void TestJwk::jwksFromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<bool>("error");

    const QJsonObject rsa = with(m_rsaPublic, {{QStringLiteral("kid"), QStringLiteral("r")}});
    const QJsonObject ec = with(m_ecPublic, {{QStringLiteral("kid"), QStringLiteral("e")}});
    const auto set = [](const QJsonArray &keys) {
        return toJson(QJsonObject{{QStringLiteral("keys"), keys}});
    };

    QTest::newRow("two usable keys") << set({rsa, ec}) << 2 << 0 << false;
    QTest::newRow("unusable keys skipped, not fatal")
        << set({rsa, QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("k"), QStringLiteral("AAAA")}},
                with(ec, {{QStringLiteral("use"), QStringLiteral("enc")}}), 42, ec})
        << 2 << 3 << false;
    QTest::newRow("a published private key is skipped")
        << set({rsa, cjosePrivateJwk(m_ec.handle())}) << 1 << 1 << false;
    QTest::newRow("no usable key") << set({with(rsa, {{QStringLiteral("use"), QStringLiteral("enc")}})})
                                   << 0 << 1 << true;
    QTest::newRow("empty keys array") << set({}) << 0 << 0 << true;
    QTest::newRow("no keys member") << QByteArray(R"({"key":[]})") << 0 << 0 << true;
    QTest::newRow("keys not an array") << QByteArray(R"({"keys":{}})") << 0 << 0 << true;
    QTest::newRow("a single JWK, not a set") << toJson(rsa) << 0 << 0 << true;
    QTest::newRow("not JSON") << QByteArray("<html>") << 0 << 0 << true;
    QTest::newRow("JSON array") << QByteArray("[]") << 0 << 0 << true;
    QTest::newRow("empty") << QByteArray() << 0 << 0 << true;
}

void TestJwk::jwksFromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, size);
    QFETCH(int, skipped);
    QFETCH(bool, error);

    QString message;
    QStringList skips;
    const Jwks keys = Jwks::fromJson(json, &message, &skips);
    QCOMPARE(keys.size(), size);
    QCOMPARE(keys.isEmpty(), size == 0);
    QCOMPARE(int(skips.size()), skipped);
    QCOMPARE(!message.isEmpty(), error);
}

// The shape of login.microsoftonline.com/common/discovery/v2.0/keys: RSA keys with kid, x5t,
// n, e, x5c and issuer members.
void TestJwk::jwksReadsAMicrosoftStyleSet()
{
    QJsonArray keys;
    for (const QString &kid : {QStringLiteral("L1KfKFI_jnXbwWc22xZxw1sUHH0"),
                               QStringLiteral("nOo3ZDrODXEK1jKWhXslHR_KXEg")}) {
        keys.append(with(cjosePublicJwk(Jwk::generateRsa(2048).handle()),
                         {{QStringLiteral("use"), QStringLiteral("sig")},
                          {QStringLiteral("kid"), kid},
                          {QStringLiteral("x5t"), kid},
                          {QStringLiteral("x5c"), QJsonArray{QStringLiteral("MIIC/TCCAeWgAwIBAgII")}},
                          {QStringLiteral("cloud_instance_name"), QStringLiteral("microsoftonline.com")},
                          {QStringLiteral("issuer"),
                           QStringLiteral("https://login.microsoftonline.com/{tenantid}/v2.0")}}));
    }
    QString error;
    const Jwks set = Jwks::fromJson(toJson(QJsonObject{{QStringLiteral("keys"), keys}}), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(set.size(), 2);
    QCOMPARE(set.keysWithId(QStringLiteral("nOo3ZDrODXEK1jKWhXslHR_KXEg")).size(), 1);
    QCOMPARE(set.keys().at(0).type(), JwkType::Rsa);
    QCOMPARE(set.keys().at(0).bits(), 2048);
}

void TestJwk::jwksCandidates()
{
    const Jwk rsaBound = Jwk::fromJson(
        with(m_rsaPublic, {{QStringLiteral("kid"), QStringLiteral("bound")},
                           {QStringLiteral("alg"), QStringLiteral("RS256")}}));
    const Jwk rsaFree = Jwk::fromJson(with(m_rsaPublic, {{QStringLiteral("kid"), QStringLiteral("free")}}));
    const Jwk ecKey = Jwk::fromJson(with(m_ecPublic, {{QStringLiteral("kid"), QStringLiteral("ec")}}));
    const Jwk noKid = Jwk::fromJson(m_ecPublic);
    QVERIFY(!rsaBound.isNull() && !rsaFree.isNull() && !ecKey.isNull() && !noKid.isNull());
    const Jwks set({rsaBound, rsaFree, ecKey, noKid, Jwk()});
    QCOMPARE(set.size(), 4); // null keys are dropped

    const auto kids = [](const QList<Jwk> &keys) {
        QStringList result;
        for (const Jwk &key : keys)
            result.append(key.keyId());
        return result;
    };
    // Without kid: every key whose type (and own alg, if any) fits.
    QCOMPARE(kids(set.candidates(JwsAlgorithm::RS256, {})), (QStringList{QStringLiteral("bound"), QStringLiteral("free")}));
    QCOMPARE(kids(set.candidates(JwsAlgorithm::PS256, {})), QStringList{QStringLiteral("free")});
    QCOMPARE(kids(set.candidates(JwsAlgorithm::ES256, {})), (QStringList{QStringLiteral("ec"), QString()}));
    // With kid: only that key, and only if it fits.
    QCOMPARE(kids(set.candidates(JwsAlgorithm::RS256, QStringLiteral("bound"))), QStringList{QStringLiteral("bound")});
    QVERIFY(set.candidates(JwsAlgorithm::PS256, QStringLiteral("bound")).isEmpty());
    QVERIFY(set.candidates(JwsAlgorithm::ES256, QStringLiteral("free")).isEmpty());
    QVERIFY(set.candidates(JwsAlgorithm::RS256, QStringLiteral("missing")).isEmpty());
    QCOMPARE(set.keysWithId(QStringLiteral("free")).size(), 1);
    QVERIFY(set.keysWithId(QStringLiteral("missing")).isEmpty());

    QVERIFY(rsaFree.isUsableWith(JwsAlgorithm::RS256));
    QVERIFY(rsaFree.isUsableWith(JwsAlgorithm::PS256));
    QVERIFY(!rsaFree.isUsableWith(JwsAlgorithm::ES256));
    QVERIFY(!ecKey.isUsableWith(JwsAlgorithm::RS256));
    QVERIFY(!Jwk().isUsableWith(JwsAlgorithm::RS256));
    QCOMPARE(keyTypeFor(JwsAlgorithm::PS256), JwkType::Rsa);
    QCOMPARE(keyTypeFor(JwsAlgorithm::ES256), JwkType::EcP256);
}

void TestJwk::jwksCopiesShareKeys()
{
    const Jwks *original = new Jwks(Jwks::fromJson(Jwks({m_rsa, m_ec}).toJson()));
    QCOMPARE(original->size(), 2);
    const Jwks copy = *original;
    QCOMPARE(copy.keys().at(0).handle(), original->keys().at(0).handle()); // shared, not cloned
    delete original;
    // The copy still owns live keys: a token verifies with it.
    const QByteArray token = signJws(header(QStringLiteral("ES256"), QStringLiteral("ec-1")),
                                     QJsonObject{{QStringLiteral("sub"), QStringLiteral("s")}}, m_ec);
    const std::optional<Jwt> jwt = Jwt::decode(token);
    QVERIFY(jwt);
    cjose_err err{};
    std::unique_ptr<cjose_jws_t, CjoseJwsRelease> jws(
        cjose_jws_import(token.constData(), size_t(token.size()), &err));
    QVERIFY(jws);
    QVERIFY(cjose_jws_verify(jws.get(), copy.candidates(JwsAlgorithm::ES256, QStringLiteral("ec-1"))
                                            .at(0).handle(), &err));
}

void TestJwk::jwkPublicJsonHasNoPrivateMembers()
{
    for (const Jwk &key : {m_rsa, m_ec}) {
        QVERIFY(key.hasPrivateKey());
        const QJsonObject jwk = key.toPublicJson();
        for (const char *name : {"d", "p", "q", "dp", "dq", "qi", "k"})
            QVERIFY2(!jwk.contains(QLatin1String(name)), name);
        QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
        QVERIFY(!jwk.value(QStringLiteral("kid")).toString().isEmpty());
        const Jwk back = Jwk::fromJson(jwk);
        QVERIFY(!back.isNull());
        QVERIFY(!back.hasPrivateKey());
        QCOMPARE(back.keyId(), key.keyId());
        QCOMPARE(back.type(), key.type());
        QCOMPARE(back.bits(), key.bits());
    }
    const QByteArray set = Jwks({m_rsa, m_ec}).toJson();
    QVERIFY(!set.contains("\"d\""));
    QVERIFY(Jwk().toPublicJson().isEmpty());
}

void TestJwk::generatedKeys()
{
    QCOMPARE(m_rsa.type(), JwkType::Rsa);
    QCOMPARE(m_rsa.bits(), 2048);
    QCOMPARE(m_ec.type(), JwkType::EcP256);
    QCOMPARE(m_ec.bits(), 256);
    QVERIFY(Jwk::generateRsa(1024).isNull()); // below RFC 7518's minimum
    QVERIFY(Jwk::adopt(nullptr).isNull());
    cjose_err err{};
    QVERIFY(Jwk::adopt(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_384, &err)).isNull());
    QVERIFY(Jwk::adopt(cjose_jwk_create_oct_random(32, &err)).isNull());
    const Jwk adopted = Jwk::adopt(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err),
                                   QStringLiteral("adopted"));
    QVERIFY(!adopted.isNull());
    QVERIFY(adopted.hasPrivateKey());
    QCOMPARE(adopted.keyId(), QStringLiteral("adopted"));
}

void TestJwk::signJwsRoundTrip_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addRow("RS256") << QStringLiteral("RS256");
    QTest::addRow("PS256") << QStringLiteral("PS256");
    QTest::addRow("ES256") << QStringLiteral("ES256");
}

void TestJwk::signJwsRoundTrip()
{
    QFETCH(QString, alg);
    const Jwk &key = alg == QLatin1String("ES256") ? m_ec : m_rsa;
    const QJsonObject h = with(header(alg, key.keyId()),
                               {{QStringLiteral("x5t#S256"), QStringLiteral("abc")},
                                {QStringLiteral("n"), 1},
                                {QStringLiteral("b"), true}});
    const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("me")},
                             {QStringLiteral("exp"), 1700000000},
                             {QStringLiteral("aud"), QJsonArray{QStringLiteral("a")}}};
    QString error;
    const QByteArray token = signJws(h, claims, key, &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    const std::optional<Jwt> jwt = Jwt::decode(token);
    QVERIFY(jwt);
    QCOMPARE(jwt->header, h);
    QCOMPARE(jwt->claims, claims);
    QCOMPARE(jwt->signature.size(), alg == QLatin1String("ES256") ? 64 : 256);

    // cjose verifies it with the public half only.
    const Jwk publicKey = Jwk::fromJson(key.toPublicJson());
    cjose_err err{};
    std::unique_ptr<cjose_jws_t, CjoseJwsRelease> jws(
        cjose_jws_import(token.constData(), size_t(token.size()), &err));
    QVERIFY(jws);
    QVERIFY(cjose_jws_verify(jws.get(), publicKey.handle(), &err));
}

void TestJwk::signJwsRefuses_data()
{
    QTest::addColumn<QJsonObject>("header");
    QTest::addColumn<int>("key"); // 0 RSA, 1 EC, 2 RSA public only, 3 null
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("no alg") << QJsonObject{{QStringLiteral("typ"), QStringLiteral("JWT")}} << 0
                            << QStringLiteral("alg");
    QTest::newRow("alg none") << header(QStringLiteral("none")) << 0 << QStringLiteral("alg");
    QTest::newRow("alg HS256") << header(QStringLiteral("HS256")) << 0 << QStringLiteral("alg");
    QTest::newRow("alg RS512") << header(QStringLiteral("RS512")) << 0 << QStringLiteral("alg");
    QTest::newRow("alg not a string") << QJsonObject{{QStringLiteral("alg"), 256}} << 0
                                      << QStringLiteral("alg");
    QTest::newRow("ES256 with an RSA key") << header(QStringLiteral("ES256")) << 0
                                           << QStringLiteral("cannot sign");
    QTest::newRow("RS256 with an EC key") << header(QStringLiteral("RS256")) << 1
                                          << QStringLiteral("cannot sign");
    QTest::newRow("public key only") << header(QStringLiteral("RS256")) << 2
                                     << QStringLiteral("private");
    QTest::newRow("null key") << header(QStringLiteral("RS256")) << 3
                              << QStringLiteral("cannot sign");
}

void TestJwk::signJwsRefuses()
{
    QFETCH(QJsonObject, header);
    QFETCH(int, key);
    QFETCH(QString, errorContains);

    const QList<Jwk> keys{m_rsa, m_ec, Jwk::fromJson(m_rsaPublic), Jwk()};
    QString error;
    QVERIFY(signJws(header, QJsonObject{{QStringLiteral("sub"), QStringLiteral("s")}}, keys.at(key),
                    &error)
                .isEmpty());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestJwk)
#include "tst_jwk.moc"
