// ID token validation (OIDC Core §3.1.3.7, RFC 8725): every acceptance and rejection rule of
// validateIdToken(), one data row each, on keys generated per run and tokens signed with cjose.

#include "idtokenvalidator_p.h"
#include "jwttestutil.h"

#include <QTimeZone>
#include <QtTest>

using namespace MsalQt::Internal;
using namespace JwtTest;

Q_DECLARE_METATYPE(MsalQt::Internal::IdTokenExpectations)
Q_DECLARE_METATYPE(MsalQt::Internal::IdTokenCheck)
Q_DECLARE_METATYPE(MsalQt::Internal::Jwks)

namespace {

const QString kTenant = QStringLiteral("9188040d-6c67-4c5b-b112-36a304b66dad");
const QString kOtherTenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
const QString kClientId = QStringLiteral("6731de76-14a6-49ae-97bc-6eba6914391e");
const QString kNonce = QStringLiteral("n-0S6_WzA2Mj");

QString issuerFor(const QString &tenant)
{
    return QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(tenant);
}

} // namespace

class TestIdTokenValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void validate_data();
    void validate();

    void unknownKeyThenRefreshedSetAccepts();
    void acceptedResultCarriesTheToken();
    void rejectedResultCarriesNoClaims();
    void detailNeverQuotesTheTokenOrNonce();
    void detailHasNoControlCharacters();
    void emptyExpectationsFailClosed();
    void invalidNowMeansTheRealClock();
    void checkNamesAreDistinct();

private:
    QByteArray sign(const QJsonObject &h, const QJsonObject &c, const Jwk &key) const
    {
        return signJws(h, c, key);
    }
    QByteArray validRs256() const { return sign(header(QStringLiteral("RS256"), QStringLiteral("rsa-a")), m_claims, m_rsaA); }

    Jwk m_rsaA;        // in the set, kid "rsa-a"
    Jwk m_rsaB;        // in the set, kid "rsa-b"
    Jwk m_ec;          // in the set, kid "ec-a"
    Jwk m_attackerRsa; // not in the set
    Jwk m_attackerEc;  // not in the set
    Jwks m_keys;       // public halves only, read back from JSON as a real JWKS would be
    QDateTime m_now;
    qint64 m_nowSeconds = 0;
    QJsonObject m_claims; // a valid ID token's claims at m_now
    IdTokenExpectations m_expect;
};

void TestIdTokenValidator::initTestCase()
{
    m_rsaA = Jwk::generateRsa(2048, QStringLiteral("rsa-a"));
    m_rsaB = Jwk::generateRsa(2048, QStringLiteral("rsa-b"));
    m_ec = Jwk::generateEcP256(QStringLiteral("ec-a"));
    m_attackerRsa = Jwk::generateRsa(2048, QStringLiteral("attacker"));
    m_attackerEc = Jwk::generateEcP256(QStringLiteral("attacker-ec"));
    for (const Jwk *key : {&m_rsaA, &m_rsaB, &m_ec, &m_attackerRsa, &m_attackerEc}) {
        QVERIFY(!key->isNull());
        QVERIFY(key->hasPrivateKey());
    }

    QString error;
    m_keys = Jwks::fromJson(Jwks({m_rsaA, m_rsaB, m_ec}).toJson(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_keys.size(), 3);
    for (const Jwk &key : m_keys.keys())
        QVERIFY(!key.hasPrivateKey());

    m_now = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    m_nowSeconds = m_now.toSecsSinceEpoch();
    m_claims = QJsonObject{
        {QStringLiteral("iss"), issuerFor(kTenant)},
        {QStringLiteral("aud"), kClientId},
        {QStringLiteral("sub"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")},
        {QStringLiteral("tid"), kTenant},
        {QStringLiteral("oid"), QStringLiteral("00000000-0000-0000-66f3-3332eca7ea81")},
        {QStringLiteral("iat"), m_nowSeconds - 60},
        {QStringLiteral("nbf"), m_nowSeconds - 60},
        {QStringLiteral("exp"), m_nowSeconds + 3600},
        {QStringLiteral("nonce"), kNonce},
        {QStringLiteral("name"), QStringLiteral("Megan Bowen")},
        {QStringLiteral("preferred_username"), QStringLiteral("megan@contoso.com")},
        {QStringLiteral("ver"), QStringLiteral("2.0")},
    };
    m_expect.issuer = issuerFor(kTenant);
    m_expect.clientId = kClientId;
    m_expect.nonce = kNonce;
    m_expect.now = m_now;
    m_expect.clockSkew = std::chrono::seconds(300);
}

void TestIdTokenValidator::validate_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<IdTokenExpectations>("expect");
    QTest::addColumn<IdTokenCheck>("expected");
    QTest::addColumn<Jwks>("keys");

    const QString RS256 = QStringLiteral("RS256");
    const QString PS256 = QStringLiteral("PS256");
    const QString ES256 = QStringLiteral("ES256");
    const QString rsaA = QStringLiteral("rsa-a");
    const QString rsaB = QStringLiteral("rsa-b");
    const QString ecA = QStringLiteral("ec-a");
    const QJsonObject &c = m_claims;
    const IdTokenExpectations &e = m_expect;
    const QByteArray valid = validRs256();
    const auto row = [this](const char *name, const QByteArray &token,
                            const IdTokenExpectations &expect, IdTokenCheck check,
                            const std::optional<Jwks> &keys = std::nullopt) {
        QTest::newRow(name) << token << expect << check << keys.value_or(m_keys);
    };

    IdTokenExpectations multiTenant = e;
    multiTenant.issuer = issuerFor(QStringLiteral("{tenantid}"));
    IdTokenExpectations noNonce = e;
    noNonce.nonce.clear();

    // --- Accepted ---
    row("valid RS256 token", valid, e, IdTokenCheck::Ok);
    row("valid PS256 token", sign(header(PS256, rsaB), c, m_rsaB), e, IdTokenCheck::Ok);
    row("valid ES256 token", sign(header(ES256, ecA), c, m_ec), e, IdTokenCheck::Ok);
    row("valid RS256 token without kid (every RSA key is tried)",
        sign(header(RS256), c, m_rsaB), e, IdTokenCheck::Ok);
    row("valid ES256 token without kid", sign(header(ES256), c, m_ec), e, IdTokenCheck::Ok);
    row("valid token with Microsoft's x5t header",
        sign(with(header(RS256, rsaA), {{QStringLiteral("x5t"), rsaA}}), c, m_rsaA), e,
        IdTokenCheck::Ok);
    row("aud array of one value without azp",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("aud"), QJsonArray{kClientId}}}), m_rsaA),
        e, IdTokenCheck::Ok);
    row("aud array of several values with azp = client id",
        sign(header(RS256, rsaA),
             with(c, {{QStringLiteral("aud"), QJsonArray{kClientId, QStringLiteral("api://other")}},
                      {QStringLiteral("azp"), kClientId}}),
             m_rsaA),
        e, IdTokenCheck::Ok);
    row("{tenantid} placeholder replaced by the token's tid", valid, multiTenant, IdTokenCheck::Ok);
    row("expired within the clock skew is accepted",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), m_nowSeconds - 299}}), m_rsaA), e,
        IdTokenCheck::Ok);
    row("exp exactly now + skew boundary is accepted",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), m_nowSeconds - 300}}), m_rsaA), e,
        IdTokenCheck::Ok);
    row("iat in the future within the skew is accepted",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("iat"), m_nowSeconds + 299}}), m_rsaA), e,
        IdTokenCheck::Ok);
    row("nbf in the future within the skew is accepted",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("nbf"), m_nowSeconds + 299}}), m_rsaA), e,
        IdTokenCheck::Ok);
    row("no nbf is fine", sign(header(RS256, rsaA), without(c, {QStringLiteral("nbf")}), m_rsaA), e,
        IdTokenCheck::Ok);
    row("fractional NumericDate times are accepted",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), m_nowSeconds + 0.5}}), m_rsaA), e,
        IdTokenCheck::Ok);
    row("nonce not expected: not checked",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("nonce"), QStringLiteral("other")}}), m_rsaA),
        noNonce, IdTokenCheck::Ok);
    row("nonce not expected and absent",
        sign(header(RS256, rsaA), without(c, {QStringLiteral("nonce")}), m_rsaA), noNonce,
        IdTokenCheck::Ok);

    // --- Algorithm pinning (RFC 8725 §3.1) ---
    row("alg none (unsigned)",
        handMade(R"({"alg":"none","typ":"JWT"})", toJson(c)), e, IdTokenCheck::UnsupportedAlgorithm);
    row("alg none with a signature part",
        replacePart(valid, 0, b64(R"({"alg":"none","kid":"rsa-a"})")), e,
        IdTokenCheck::UnsupportedAlgorithm);
    row("alg with a newline (log injection)",
        handMade("{\"alg\":\"RS256\\nID token accepted\"}", toJson(c), "x"), e,
        IdTokenCheck::UnsupportedAlgorithm);
    row("alg None (case variant)", handMade(R"({"alg":"None"})", toJson(c)), e,
        IdTokenCheck::UnsupportedAlgorithm);
    {
        // The classic confusion: HS256 keyed with the bytes of the RSA public key, which a naive
        // verifier would pass to HMAC as the "secret" because the key set says kid rsa-a.
        const QByteArray pem = rsaPublicKeyPem(m_rsaA);
        QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        cjose_err err{};
        CjoseJwkPtr hmacKey(cjose_jwk_create_oct_spec(
            reinterpret_cast<const uint8_t *>(pem.constData()), size_t(pem.size()), &err));
        QVERIFY(hmacKey);
        const QByteArray hs256 = cjoseSign(header(QStringLiteral("HS256"), rsaA), c, hmacKey.get());
        QVERIFY(!hs256.isEmpty());
        row("HS256 signed with the RSA public key PEM as HMAC secret", hs256, e,
            IdTokenCheck::UnsupportedAlgorithm);
        const QByteArray n = m_rsaA.toPublicJson().value(QStringLiteral("n")).toString().toLatin1();
        CjoseJwkPtr hmacKeyN(cjose_jwk_create_oct_spec(
            reinterpret_cast<const uint8_t *>(n.constData()), size_t(n.size()), &err));
        row("HS256 signed with the JWK's n as HMAC secret, no kid",
            cjoseSign(header(QStringLiteral("HS256")), c, hmacKeyN.get()), e,
            IdTokenCheck::UnsupportedAlgorithm);
    }
    row("alg RS512 (really signed with a trusted key)",
        cjoseSign(header(QStringLiteral("RS512"), rsaA), c, m_rsaA.handle()), e,
        IdTokenCheck::UnsupportedAlgorithm);
    row("alg PS512", cjoseSign(header(QStringLiteral("PS512"), rsaA), c, m_rsaA.handle()), e,
        IdTokenCheck::UnsupportedAlgorithm);
    {
        cjose_err err{};
        CjoseJwkPtr p384(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_384, &err));
        row("alg ES384", cjoseSign(header(QStringLiteral("ES384")), c, p384.get()), e,
            IdTokenCheck::UnsupportedAlgorithm);
    }
    row("no alg", replacePart(valid, 0, b64(R"({"kid":"rsa-a"})")), e, IdTokenCheck::Malformed);
    row("alg not a string", replacePart(valid, 0, b64(R"({"alg":["RS256"],"kid":"rsa-a"})")), e,
        IdTokenCheck::Malformed);
    row("ES256 header naming an RSA key (key type must match alg)",
        sign(header(ES256, rsaA), c, m_ec), e, IdTokenCheck::BadSignature);
    row("RS256 header naming an EC key", cjoseSign(header(RS256, ecA), c, m_rsaA.handle()), e,
        IdTokenCheck::BadSignature);

    // --- crit (RFC 7515 §4.1.11) ---
    row("crit with an unknown extension",
        sign(with(header(RS256, rsaA), {{QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}},
                                        {QStringLiteral("exp"), m_nowSeconds}}),
             c, m_rsaA),
        e, IdTokenCheck::UnsupportedCritical);
    row("crit b64 (RFC 7797 unencoded payload)",
        sign(with(header(RS256, rsaA), {{QStringLiteral("crit"), QJsonArray{QStringLiteral("b64")}},
                                        {QStringLiteral("b64"), true}}),
             c, m_rsaA),
        e, IdTokenCheck::UnsupportedCritical);
    row("crit empty array",
        sign(with(header(RS256, rsaA), {{QStringLiteral("crit"), QJsonArray{}}}), c, m_rsaA), e,
        IdTokenCheck::UnsupportedCritical);

    // --- Keys named by the token are never used (RFC 8725 §3.10) ---
    row("embedded jwk header with the attacker's key, signed by it",
        sign(with(header(RS256), {{QStringLiteral("jwk"), m_attackerRsa.toPublicJson()}}), c,
             m_attackerRsa),
        e, IdTokenCheck::ForbiddenHeader);
    row("embedded jwk header with a known kid",
        sign(with(header(RS256, rsaA), {{QStringLiteral("jwk"), m_attackerRsa.toPublicJson()}}), c,
             m_attackerRsa),
        e, IdTokenCheck::ForbiddenHeader);
    row("embedded jwk header of a trusted key, validly signed",
        sign(with(header(RS256, rsaA), {{QStringLiteral("jwk"), m_rsaA.toPublicJson()}}), c, m_rsaA),
        e, IdTokenCheck::ForbiddenHeader);
    row("jku header",
        sign(with(header(RS256), {{QStringLiteral("jku"), QStringLiteral("https://attacker.example/keys")}}),
             c, m_attackerRsa),
        e, IdTokenCheck::ForbiddenHeader);
    row("x5u header",
        sign(with(header(RS256), {{QStringLiteral("x5u"), QStringLiteral("https://attacker.example/cert.pem")}}),
             c, m_attackerRsa),
        e, IdTokenCheck::ForbiddenHeader);
    row("x5c header",
        sign(with(header(RS256), {{QStringLiteral("x5c"), QJsonArray{QStringLiteral("MIIC+DCCAeCgAwIBAgIJ")}}}),
             c, m_attackerRsa),
        e, IdTokenCheck::ForbiddenHeader);

    // --- Key choice and signature ---
    row("kid unknown", sign(header(RS256, QStringLiteral("rolled-over")), c, m_attackerRsa), e,
        IdTokenCheck::UnknownKey);
    row("kid empty string", sign(with(header(RS256), {{QStringLiteral("kid"), QString()}}), c, m_rsaA),
        e, IdTokenCheck::Malformed);
    row("kid not a string", sign(with(header(RS256), {{QStringLiteral("kid"), 7}}), c, m_rsaA), e,
        IdTokenCheck::Malformed);
    row("signature by another key with a known kid", sign(header(RS256, rsaA), c, m_attackerRsa), e,
        IdTokenCheck::BadSignature);
    row("signature by the other trusted key under the wrong kid", sign(header(RS256, rsaA), c, m_rsaB),
        e, IdTokenCheck::BadSignature);
    row("ES256 signature by another key with a known kid", sign(header(ES256, ecA), c, m_attackerEc),
        e, IdTokenCheck::BadSignature);
    row("no kid, signed by a key outside the set", sign(header(RS256), c, m_attackerRsa), e,
        IdTokenCheck::BadSignature);
    row("PS256 signature presented as RS256",
        replacePart(sign(header(PS256, rsaA), c, m_rsaA), 0, b64(toJson(header(RS256, rsaA)))), e,
        IdTokenCheck::BadSignature);
    row("payload altered after signing",
        replacePart(valid, 1,
                    b64(toJson(with(c, {{QStringLiteral("sub"), QStringLiteral("someone-else")}})))),
        e, IdTokenCheck::BadSignature);
    row("header altered after signing",
        replacePart(valid, 0, b64(toJson(with(header(RS256, rsaA), {{QStringLiteral("cty"), QStringLiteral("JWT")}})))),
        e, IdTokenCheck::BadSignature);
    row("signature truncated by one byte",
        replacePart(valid, 2, b64(Jwt::decode(valid)->signature.chopped(1))), e,
        IdTokenCheck::BadSignature);
    row("signature empty", replacePart(valid, 2, QByteArray()), e, IdTokenCheck::BadSignature);
    {
        QByteArray flipped = Jwt::decode(valid)->signature;
        flipped[10] = char(flipped.at(10) ^ 0x01);
        row("signature with one bit flipped", replacePart(valid, 2, b64(flipped)), e,
            IdTokenCheck::BadSignature);
        const QByteArray es = sign(header(ES256, ecA), c, m_ec);
        row("ES256 signature with a trailing byte",
            replacePart(es, 2, b64(Jwt::decode(es)->signature + '\0')), e, IdTokenCheck::BadSignature);
    }
    row("only EC keys in the set for an RS256 token without kid", sign(header(RS256), c, m_rsaA), e,
        IdTokenCheck::UnknownKey, Jwks({m_ec}));
    row("empty key set", valid, e, IdTokenCheck::UnknownKey, Jwks());
    row("kid of a key that is only in another set", valid, e, IdTokenCheck::UnknownKey,
        Jwks({m_rsaB, m_ec}));

    // --- Issuer (step 2) ---
    row("wrong iss",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("iss"), issuerFor(kOtherTenant)}}), m_rsaA),
        e, IdTokenCheck::BadIssuer);
    row("iss with a trailing slash",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("iss"), issuerFor(kTenant) + QLatin1Char('/')}}),
             m_rsaA),
        e, IdTokenCheck::BadIssuer);
    row("iss missing", sign(header(RS256, rsaA), without(c, {QStringLiteral("iss")}), m_rsaA), e,
        IdTokenCheck::BadIssuer);
    row("iss not a string", sign(header(RS256, rsaA), with(c, {{QStringLiteral("iss"), 1}}), m_rsaA), e,
        IdTokenCheck::Malformed);
    row("{tenantid} placeholder with a tid that does not match iss",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("tid"), kOtherTenant}}), m_rsaA),
        multiTenant, IdTokenCheck::BadIssuer);
    row("{tenantid} placeholder and no tid",
        sign(header(RS256, rsaA), without(c, {QStringLiteral("tid")}), m_rsaA), multiTenant,
        IdTokenCheck::BadIssuer);
    row("{tenantid} placeholder and a tid that adds a path",
        sign(header(RS256, rsaA),
             with(c, {{QStringLiteral("tid"), kTenant + QStringLiteral("/x")},
                      {QStringLiteral("iss"), issuerFor(kTenant + QStringLiteral("/x"))}}),
             m_rsaA),
        multiTenant, IdTokenCheck::BadIssuer);
    row("literal {tenantid} in iss is not a wildcard",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("iss"), issuerFor(QStringLiteral("{tenantid}"))}}),
             m_rsaA),
        e, IdTokenCheck::BadIssuer);

    // --- Audience (steps 3-5) ---
    row("aud wrong",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("aud"), QStringLiteral("api://other")}}), m_rsaA),
        e, IdTokenCheck::BadAudience);
    row("aud missing", sign(header(RS256, rsaA), without(c, {QStringLiteral("aud")}), m_rsaA), e,
        IdTokenCheck::BadAudience);
    row("aud empty array", sign(header(RS256, rsaA), with(c, {{QStringLiteral("aud"), QJsonArray{}}}), m_rsaA),
        e, IdTokenCheck::BadAudience);
    row("aud array without the client",
        sign(header(RS256, rsaA),
             with(c, {{QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                      {QStringLiteral("azp"), kClientId}}),
             m_rsaA),
        e, IdTokenCheck::BadAudience);
    row("aud array of several values without azp",
        sign(header(RS256, rsaA),
             with(c, {{QStringLiteral("aud"), QJsonArray{kClientId, QStringLiteral("api://other")}}}),
             m_rsaA),
        e, IdTokenCheck::BadAudience);
    row("aud array of several values with a wrong azp",
        sign(header(RS256, rsaA),
             with(c, {{QStringLiteral("aud"), QJsonArray{kClientId, QStringLiteral("api://other")}},
                      {QStringLiteral("azp"), QStringLiteral("api://other")}}),
             m_rsaA),
        e, IdTokenCheck::BadAudience);
    row("single aud with a wrong azp",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("azp"), QStringLiteral("api://other")}}), m_rsaA),
        e, IdTokenCheck::BadAudience);
    row("aud a number", sign(header(RS256, rsaA), with(c, {{QStringLiteral("aud"), 42}}), m_rsaA), e,
        IdTokenCheck::Malformed);
    row("aud array holding a number",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("aud"), QJsonArray{kClientId, 42}}}), m_rsaA),
        e, IdTokenCheck::Malformed);
    row("aud differing in case",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("aud"), kClientId.toUpper()}}), m_rsaA), e,
        IdTokenCheck::BadAudience);

    // --- Times (steps 9, 10) ---
    row("expired beyond the clock skew",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), m_nowSeconds - 301}}), m_rsaA), e,
        IdTokenCheck::Expired);
    row("expired long ago",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), 1000000000}}), m_rsaA), e,
        IdTokenCheck::Expired);
    row("exp missing", sign(header(RS256, rsaA), without(c, {QStringLiteral("exp")}), m_rsaA), e,
        IdTokenCheck::Malformed);
    row("exp as a string",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), QString::number(m_nowSeconds + 3600)}}),
             m_rsaA),
        e, IdTokenCheck::Malformed);
    row("exp null", sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), QJsonValue()}}), m_rsaA),
        e, IdTokenCheck::Malformed);
    row("iat in the future beyond the clock skew",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("iat"), m_nowSeconds + 301}}), m_rsaA), e,
        IdTokenCheck::IssuedInFuture);
    row("iat missing", sign(header(RS256, rsaA), without(c, {QStringLiteral("iat")}), m_rsaA), e,
        IdTokenCheck::Malformed);
    row("iat as a boolean", sign(header(RS256, rsaA), with(c, {{QStringLiteral("iat"), true}}), m_rsaA),
        e, IdTokenCheck::Malformed);
    row("nbf in the future beyond the clock skew",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("nbf"), m_nowSeconds + 301}}), m_rsaA), e,
        IdTokenCheck::NotYetValid);
    row("nbf as a string",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("nbf"), QStringLiteral("0")}}), m_rsaA), e,
        IdTokenCheck::Malformed);
    {
        IdTokenExpectations noSkew = e;
        noSkew.clockSkew = std::chrono::seconds(0);
        row("no skew: expired one second ago",
            sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), m_nowSeconds - 1}}), m_rsaA),
            noSkew, IdTokenCheck::Expired);
        IdTokenExpectations negativeSkew = e;
        negativeSkew.clockSkew = std::chrono::seconds(-10000);
        row("negative skew counts as none",
            sign(header(RS256, rsaA), with(c, {{QStringLiteral("exp"), m_nowSeconds - 1}}), m_rsaA),
            negativeSkew, IdTokenCheck::Expired);
    }

    // --- Subject and nonce ---
    row("sub missing", sign(header(RS256, rsaA), without(c, {QStringLiteral("sub")}), m_rsaA), e,
        IdTokenCheck::MissingSubject);
    row("sub empty", sign(header(RS256, rsaA), with(c, {{QStringLiteral("sub"), QString()}}), m_rsaA), e,
        IdTokenCheck::MissingSubject);
    row("sub not a string", sign(header(RS256, rsaA), with(c, {{QStringLiteral("sub"), 12}}), m_rsaA), e,
        IdTokenCheck::MissingSubject);
    row("nonce mismatch",
        sign(header(RS256, rsaA), with(c, {{QStringLiteral("nonce"), QStringLiteral("replayed")}}), m_rsaA),
        e, IdTokenCheck::BadNonce);
    row("nonce expected but absent",
        sign(header(RS256, rsaA), without(c, {QStringLiteral("nonce")}), m_rsaA), e,
        IdTokenCheck::BadNonce);
    row("nonce not a string", sign(header(RS256, rsaA), with(c, {{QStringLiteral("nonce"), 1}}), m_rsaA),
        e, IdTokenCheck::BadNonce);

    // --- auth_time when max_age was sent (OIDC Core §3.1.3.7 step 13) ---
    {
        IdTokenExpectations hour = e;
        hour.maxAge = std::chrono::seconds(3600);
        IdTokenExpectations now = e;
        now.maxAge = std::chrono::seconds(0);
        IdTokenExpectations negative = e;
        negative.maxAge = std::chrono::seconds(-100);
        const auto at = [&](const QJsonValue &authTime) {
            return sign(header(RS256, rsaA), with(c, {{QStringLiteral("auth_time"), authTime}}), m_rsaA);
        };
        row("max_age not sent: auth_time not needed", valid, e, IdTokenCheck::Ok);
        row("max_age not sent: an old auth_time not checked", at(m_nowSeconds - 86400 * 30), e, IdTokenCheck::Ok);
        row("max_age 3600, signed in 10 minutes ago", at(m_nowSeconds - 600), hour, IdTokenCheck::Ok);
        row("max_age 3600, signed in at the limit plus skew", at(m_nowSeconds - 3600 - 300), hour, IdTokenCheck::Ok);
        row("max_age 3600, signed in past the limit plus skew", at(m_nowSeconds - 3600 - 301), hour,
            IdTokenCheck::BadAuthTime);
        row("max_age 3600, signed in yesterday", at(m_nowSeconds - 86400), hour, IdTokenCheck::BadAuthTime);
        row("max_age 3600, auth_time missing", valid, hour, IdTokenCheck::BadAuthTime);
        row("max_age 3600, auth_time a string", at(QString::number(m_nowSeconds)), hour, IdTokenCheck::BadAuthTime);
        row("max_age 3600, auth_time null", at(QJsonValue::Null), hour, IdTokenCheck::BadAuthTime);
        row("max_age 3600, auth_time in the future past the skew", at(m_nowSeconds + 301), hour,
            IdTokenCheck::BadAuthTime);
        row("max_age 3600, auth_time huge", at(1e300), hour, IdTokenCheck::BadAuthTime);
        row("max_age 0, signed in just now", at(m_nowSeconds - 5), now, IdTokenCheck::Ok);
        row("max_age 0, signed in 10 minutes ago", at(m_nowSeconds - 600), now, IdTokenCheck::BadAuthTime);
        row("max_age 0, auth_time missing", valid, now, IdTokenCheck::BadAuthTime);
        row("negative max_age counts as 0", at(m_nowSeconds - 600), negative, IdTokenCheck::BadAuthTime);
    }

    // --- Structure ---
    {
        const QList<QByteArray> parts = valid.split('.');
        row("2-part token", parts.at(0) + '.' + parts.at(1), e, IdTokenCheck::Malformed);
        row("4-part token", valid + ".AAAA", e, IdTokenCheck::Malformed);
        row("5-part token (JWE)", parts.at(0) + ".." + parts.at(1) + '.' + parts.at(2) + ".AAAA", e,
            IdTokenCheck::Malformed);
        row("empty string", QByteArray(), e, IdTokenCheck::Malformed);
        row("empty header part", '.' + parts.at(1) + '.' + parts.at(2), e, IdTokenCheck::Malformed);
        QByteArray plus = valid;
        plus.replace('-', '+').replace('_', '/');
        row("standard base64 characters instead of base64url",
            plus == valid ? QByteArray("eyJ+.e30.AA") : plus, e, IdTokenCheck::Malformed);
        row("'+' in the header", replacePart(valid, 0, parts.at(0) + '+'), e, IdTokenCheck::Malformed);
        row("'=' padding on the signature", valid + "==", e, IdTokenCheck::Malformed);
        // 256 signature bytes leave 4 unused bits in the last character: setting one gives a
        // second spelling of the same signature, which strict decoding refuses.
        const QByteArray alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        QByteArray sig = parts.at(2);
        sig.back() = alphabet.at(alphabet.indexOf(sig.back()) | 1);
        row("signature with non-zero unused bits (second spelling)", replacePart(valid, 2, sig), e,
            IdTokenCheck::Malformed);
        row("space inside the payload", replacePart(valid, 1, parts.at(1).left(4) + ' ' + parts.at(1).mid(4)),
            e, IdTokenCheck::Malformed);
        row("header not JSON", replacePart(valid, 0, b64("alg: RS256")), e, IdTokenCheck::Malformed);
        row("header a JSON array", replacePart(valid, 0, b64(R"(["RS256"])")), e,
            IdTokenCheck::Malformed);
        row("payload not JSON", replacePart(valid, 1, b64("hello")), e, IdTokenCheck::Malformed);
        row("payload a JSON string", replacePart(valid, 1, b64(R"("sub")")), e, IdTokenCheck::Malformed);
        row("whitespace around the token", ' ' + valid + '\n', e, IdTokenCheck::Malformed);
    }
}

void TestIdTokenValidator::validate()
{
    QFETCH(QByteArray, token);
    QFETCH(IdTokenExpectations, expect);
    QFETCH(IdTokenCheck, expected);
    QFETCH(Jwks, keys);

    QVERIFY2(!token.isEmpty() || expected == IdTokenCheck::Malformed, "test token not built");

    const IdTokenValidation result = validateIdToken(token, keys, expect);
    QVERIFY2(result.check == expected,
             qPrintable(QStringLiteral("got %1 (%2), expected %3")
                            .arg(idTokenCheckName(result.check), result.detail,
                                 idTokenCheckName(expected))));
    QCOMPARE(result.isValid(), expected == IdTokenCheck::Ok);
    if (expected != IdTokenCheck::Ok)
        QVERIFY2(!result.detail.isEmpty(), "a rejection says why");
}

// UnknownKey is what a key rollover looks like: refreshing the set must then be enough.
void TestIdTokenValidator::unknownKeyThenRefreshedSetAccepts()
{
    const Jwk rolled = Jwk::generateRsa(2048, QStringLiteral("rolled-in"));
    const QByteArray token = signJws(header(QStringLiteral("RS256"), QStringLiteral("rolled-in")),
                                     m_claims, rolled);
    QCOMPARE(validateIdToken(token, m_keys, m_expect).check, IdTokenCheck::UnknownKey);

    const Jwks refreshed = Jwks::fromJson(Jwks(m_keys.keys() + QList<Jwk>{rolled}).toJson());
    QCOMPARE(refreshed.size(), 4);
    const IdTokenValidation result = validateIdToken(token, refreshed, m_expect);
    QVERIFY2(result.isValid(), qPrintable(result.detail));
}

void TestIdTokenValidator::acceptedResultCarriesTheToken()
{
    const QByteArray token = validRs256();
    const IdTokenValidation result = validateIdToken(token, m_keys, m_expect);
    QVERIFY2(result.isValid(), qPrintable(result.detail));
    QCOMPARE(result.token.compact, token);
    QCOMPARE(result.token.claims, m_claims);
    QCOMPARE(result.token.algorithm(), QStringLiteral("RS256"));
    QCOMPARE(result.token.keyId(), QStringLiteral("rsa-a"));
    QCOMPARE(result.token.signature.size(), 256);
}

void TestIdTokenValidator::rejectedResultCarriesNoClaims()
{
    const QByteArray token = signJws(header(QStringLiteral("RS256"), QStringLiteral("rsa-a")),
                                     with(m_claims, {{QStringLiteral("aud"), QStringLiteral("x")}}),
                                     m_rsaA);
    const IdTokenValidation result = validateIdToken(token, m_keys, m_expect);
    QCOMPARE(result.check, IdTokenCheck::BadAudience);
    QVERIFY(result.token.claims.isEmpty());
    QVERIFY(result.token.compact.isEmpty());
}

void TestIdTokenValidator::detailNeverQuotesTheTokenOrNonce()
{
    const QByteArray valid = validRs256();
    const QList<QByteArray> tokens = {
        replacePart(valid, 2, b64("bad signature bytes")),
        signJws(header(QStringLiteral("RS256"), QStringLiteral("rsa-a")),
                with(m_claims, {{QStringLiteral("nonce"), QStringLiteral("secret-nonce-value")}}), m_rsaA),
        signJws(header(QStringLiteral("RS256"), QStringLiteral("rsa-a")),
                with(m_claims, {{QStringLiteral("exp"), 1}}), m_rsaA),
    };
    for (const QByteArray &token : tokens) {
        const IdTokenValidation result = validateIdToken(token, m_keys, m_expect);
        QVERIFY(!result.isValid());
        for (const QByteArray &part : token.split('.'))
            QVERIFY(!result.detail.contains(QString::fromLatin1(part)));
        QVERIFY(!result.detail.contains(QStringLiteral("secret-nonce-value")));
        QVERIFY(!result.detail.contains(kNonce));
        QVERIFY(!result.detail.contains(m_claims.value(QStringLiteral("sub")).toString()));
    }
}

void TestIdTokenValidator::detailHasNoControlCharacters()
{
    const QByteArray token = handMade("{\"alg\":\"RS256\\r\\nforged\"}", toJson(m_claims), "x");
    const IdTokenValidation result = validateIdToken(token, m_keys, m_expect);
    QCOMPARE(result.check, IdTokenCheck::UnsupportedAlgorithm);
    QVERIFY(!result.detail.contains(QLatin1Char('\n')));
    QVERIFY(!result.detail.contains(QLatin1Char('\r')));
    QVERIFY2(result.detail.contains(QStringLiteral("RS256??forged")), qPrintable(result.detail));
}

void TestIdTokenValidator::emptyExpectationsFailClosed()
{
    const QByteArray token = validRs256();
    IdTokenExpectations noIssuer = m_expect;
    noIssuer.issuer.clear();
    QCOMPARE(validateIdToken(token, m_keys, noIssuer).check, IdTokenCheck::BadIssuer);
    IdTokenExpectations noClient = m_expect;
    noClient.clientId.clear();
    QCOMPARE(validateIdToken(token, m_keys, noClient).check, IdTokenCheck::BadAudience);
}

void TestIdTokenValidator::invalidNowMeansTheRealClock()
{
    // Issued at m_now (2024): by the real clock it is long expired.
    IdTokenExpectations realClock = m_expect;
    realClock.now = QDateTime();
    QCOMPARE(validateIdToken(validRs256(), m_keys, realClock).check, IdTokenCheck::Expired);

    const qint64 realNow = QDateTime::currentSecsSinceEpoch();
    const QByteArray fresh = signJws(header(QStringLiteral("RS256"), QStringLiteral("rsa-a")),
                                     with(m_claims, {{QStringLiteral("iat"), realNow},
                                                     {QStringLiteral("nbf"), realNow},
                                                     {QStringLiteral("exp"), realNow + 600}}),
                                     m_rsaA);
    QCOMPARE(validateIdToken(fresh, m_keys, realClock).check, IdTokenCheck::Ok);
}

void TestIdTokenValidator::checkNamesAreDistinct()
{
    QSet<QString> names;
    for (int i = int(IdTokenCheck::Ok); i <= int(IdTokenCheck::BadAuthTime); ++i)
        names.insert(idTokenCheckName(IdTokenCheck(i)));
    QCOMPARE(names.size(), int(IdTokenCheck::BadAuthTime) + 1);
    QVERIFY(!names.contains(QStringLiteral("Unknown")));
    QCOMPARE(idTokenCheckName(IdTokenCheck::UnknownKey), QStringLiteral("UnknownKey"));
}

QTEST_GUILESS_MAIN(TestIdTokenValidator)
#include "tst_idtokenvalidator.moc"
