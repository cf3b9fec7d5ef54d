#include "jwks_p.h"

#include "base64url_p.h"
#include "logging_p.h"

#include <cjose/jwk.h>
#include <cjose/util.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace MsalQt::Internal {

namespace {

// RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used with these algorithms." The
// upper bound only limits the cost of a verification with a hostile set.
constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;
constexpr qsizetype kMaxJwksSize = 1024 * 1024;
constexpr int kP256CoordinateBytes = 32;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// Frees what cjose allocated and handed over (cjose_jwk_to_json's string).
struct CjoseFree
{
    void operator()(char *p) const { cjose_get_dealloc()(p); }
};

std::shared_ptr<cjose_jwk_t> shareKey(cjose_jwk_t *key)
{
    // The shared_ptr's count replaces cjose's own retain/release across copies; cjose's count
    // stays 1 and drops to 0 (freeing the key) with the last copy.
    return std::shared_ptr<cjose_jwk_t>(key, [](cjose_jwk_t *k) { cjose_jwk_release(k); });
}

int bitLength(const QByteArray &bigEndian)
{
    if (bigEndian.isEmpty())
        return 0;
    int top = 0;
    for (auto b = uchar(bigEndian.at(0)); b; b >>= 1)
        ++top;
    return int(bigEndian.size() - 1) * 8 + top;
}

QByteArray stripLeadingZeros(QByteArray bytes)
{
    qsizetype zeros = 0;
    while (zeros < bytes.size() && bytes.at(zeros) == '\0')
        ++zeros;
    return bytes.mid(zeros);
}

// A required base64url member. RFC 7518 §6 encodes every key parameter this way.
bool decodeMember(const QJsonObject &jwk, QLatin1String name, QByteArray *out, QString *error)
{
    const QJsonValue value = jwk.value(name);
    if (!value.isString()) {
        setError(error, QStringLiteral("no \"%1\" string").arg(name));
        return false;
    }
    if (!decodeBase64UrlStrict(value.toString().toLatin1(), out) || out->isEmpty()) {
        setError(error, QStringLiteral("\"%1\" is not valid base64url").arg(name));
        return false;
    }
    return true;
}

// Whether a cjose key carries a private part: its private JSON export has "d" (RSA and EC).
bool cjoseKeyHasPrivatePart(const cjose_jwk_t *key)
{
    cjose_err err{};
    std::unique_ptr<char, CjoseFree> json(cjose_jwk_to_json(key, true, &err));
    if (!json)
        return false;
    return QJsonDocument::fromJson(QByteArray(json.get())).object().contains(QLatin1String("d"));
}

} // namespace

JwkType keyTypeFor(JwsAlgorithm alg)
{
    switch (alg) {
    case JwsAlgorithm::RS256:
    case JwsAlgorithm::PS256:
        return JwkType::Rsa;
    case JwsAlgorithm::ES256:
        return JwkType::EcP256;
    }
    return JwkType::Rsa;
}

Jwk Jwk::fromJson(const QJsonObject &jwk, QString *error)
{
    // RFC 7517 §4.1: kty is required and decides which other members apply.
    const QJsonValue kty = jwk.value(QLatin1String("kty"));
    if (!kty.isString()) {
        setError(error, QStringLiteral("no \"kty\" string"));
        return {};
    }
    const QString ktyName = kty.toString();
    JwkType type;
    if (ktyName == QLatin1String("RSA")) {
        type = JwkType::Rsa;
    } else if (ktyName == QLatin1String("EC")) {
        type = JwkType::EcP256;
    } else {
        setError(error, QStringLiteral("unsupported kty \"%1\"").arg(ktyName.left(16)));
        return {};
    }

    // RFC 7517 §4.2: a key published for encryption ("enc") must not verify signatures.
    if (jwk.contains(QLatin1String("use"))
        && jwk.value(QLatin1String("use")).toString() != QLatin1String("sig")) {
        setError(error, QStringLiteral("\"use\" is not \"sig\""));
        return {};
    }
    // RFC 7517 §4.3: when key_ops is given, verification must be one of them.
    if (jwk.contains(QLatin1String("key_ops"))
        && !jwk.value(QLatin1String("key_ops")).toArray().contains(QLatin1String("verify"))) {
        setError(error, QStringLiteral("\"key_ops\" does not allow \"verify\""));
        return {};
    }
    // RFC 7517 §4.4: a key meant for one algorithm is only used with it; one meant for an
    // algorithm we never accept is of no use.
    QString alg;
    if (jwk.contains(QLatin1String("alg"))) {
        alg = jwk.value(QLatin1String("alg")).toString();
        const auto pinned = jwsAlgorithmFromName(alg);
        if (!pinned || keyTypeFor(*pinned) != type) {
            setError(error, QStringLiteral("\"alg\" \"%1\" is not usable").arg(alg.left(16)));
            return {};
        }
    }
    // Private members (RFC 7518 §6.2.2, §6.3.2, §6.4.1): see the header for why the key is
    // refused rather than stripped.
    for (const auto name :
         {QLatin1String("d"), QLatin1String("p"), QLatin1String("q"), QLatin1String("dp"),
          QLatin1String("dq"), QLatin1String("qi"), QLatin1String("oth"), QLatin1String("k")}) {
        if (jwk.contains(name)) {
            setError(error, QStringLiteral("the key publishes its private member \"%1\"; a "
                                           "published private key is compromised")
                                .arg(name));
            return {};
        }
    }
    QString kid;
    if (jwk.contains(QLatin1String("kid"))) {
        if (!jwk.value(QLatin1String("kid")).isString()) {
            setError(error, QStringLiteral("\"kid\" is not a string"));
            return {};
        }
        kid = jwk.value(QLatin1String("kid")).toString();
    }

    cjose_err err{};
    cjose_jwk_t *key = nullptr;
    int bits = 0;
    if (type == JwkType::Rsa) {
        QByteArray n;
        QByteArray e;
        if (!decodeMember(jwk, QLatin1String("n"), &n, error)
            || !decodeMember(jwk, QLatin1String("e"), &e, error))
            return {};
        // RFC 7518 §6.3.1.1 wants no leading zero octets; some producers add one anyway, and
        // it changes nothing about the number, so it is dropped rather than refused.
        n = stripLeadingZeros(n);
        e = stripLeadingZeros(e);
        bits = bitLength(n);
        if (bits < kMinRsaBits || bits > kMaxRsaBits) {
            setError(error, QStringLiteral("RSA modulus of %1 bits (%2 to %3 accepted)")
                                .arg(bits)
                                .arg(kMinRsaBits)
                                .arg(kMaxRsaBits));
            return {};
        }
        // An RSA public exponent is odd and at least 3 (e = 1 would make any "signature" valid).
        // Eight bytes is far beyond any real exponent (65537 takes three).
        if (e.isEmpty() || e.size() > 8 || (uchar(e.back()) & 1) == 0
            || (e.size() == 1 && uchar(e.at(0)) < 3)) {
            setError(error, QStringLiteral("unusable RSA public exponent"));
            return {};
        }
        cjose_jwk_rsa_keyspec spec{};
        spec.n = reinterpret_cast<uint8_t *>(n.data());
        spec.nlen = size_t(n.size());
        spec.e = reinterpret_cast<uint8_t *>(e.data());
        spec.elen = size_t(e.size());
        key = cjose_jwk_create_RSA_spec(&spec, &err);
    } else {
        // RFC 7518 §3.4: ES256 is ECDSA on P-256 only; cjose itself would verify an "ES256"
        // signature with any curve, so other curves are refused here.
        if (jwk.value(QLatin1String("crv")).toString() != QLatin1String("P-256")) {
            setError(error, QStringLiteral("unsupported EC curve \"%1\"")
                                .arg(jwk.value(QLatin1String("crv")).toString().left(16)));
            return {};
        }
        QByteArray x;
        QByteArray y;
        if (!decodeMember(jwk, QLatin1String("x"), &x, error)
            || !decodeMember(jwk, QLatin1String("y"), &y, error))
            return {};
        // RFC 7518 §6.2.1.2/3: each coordinate is the full size of the field, never shortened.
        if (x.size() != kP256CoordinateBytes || y.size() != kP256CoordinateBytes) {
            setError(error, QStringLiteral("P-256 coordinates must be 32 bytes each"));
            return {};
        }
        cjose_jwk_ec_keyspec spec{};
        spec.crv = CJOSE_JWK_EC_P_256;
        spec.x = reinterpret_cast<uint8_t *>(x.data());
        spec.xlen = size_t(x.size());
        spec.y = reinterpret_cast<uint8_t *>(y.data());
        spec.ylen = size_t(y.size());
        // OpenSSL refuses a point that is not on the curve here (invalid-curve attacks).
        key = cjose_jwk_create_EC_spec(&spec, &err);
        bits = 256;
    }
    if (!key) {
        setError(error, QStringLiteral("cjose refused the key: %1")
                            .arg(err.message ? QString::fromUtf8(err.message) : QString()));
        return {};
    }

    Jwk result;
    result.m_key = shareKey(key);
    result.m_type = type;
    result.m_kid = kid;
    result.m_alg = alg;
    result.m_bits = bits;
    result.m_hasPrivate = false; // only public members were given to cjose
    return result;
}

Jwk Jwk::adopt(cjose_jwk_t *key, const QString &kid)
{
    if (!key)
        return {};
    auto shared = shareKey(key); // released on every path below
    cjose_err err{};
    Jwk result;
    switch (cjose_jwk_get_kty(key, &err)) {
    case CJOSE_JWK_KTY_RSA:
        result.m_type = JwkType::Rsa;
        result.m_bits = int(cjose_jwk_get_keysize(key, &err));
        if (result.m_bits < kMinRsaBits || result.m_bits > kMaxRsaBits)
            return {};
        break;
    case CJOSE_JWK_KTY_EC:
        if (cjose_jwk_EC_get_curve(key, &err) != CJOSE_JWK_EC_P_256)
            return {};
        result.m_type = JwkType::EcP256;
        result.m_bits = 256;
        break;
    default:
        return {};
    }
    result.m_key = std::move(shared);
    result.m_kid = kid;
    result.m_hasPrivate = cjoseKeyHasPrivatePart(key);
    return result;
}

Jwk Jwk::generateRsa(int bits, const QString &kid)
{
    if (bits < kMinRsaBits || bits > kMaxRsaBits)
        return {};
    cjose_err err{};
    // A null exponent makes cjose use 65537.
    return adopt(cjose_jwk_create_RSA_random(size_t(bits), nullptr, 0, &err), kid);
}

Jwk Jwk::generateEcP256(const QString &kid)
{
    cjose_err err{};
    return adopt(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err), kid);
}

bool Jwk::isUsableWith(JwsAlgorithm alg) const
{
    return m_key && m_type == keyTypeFor(alg)
        && (m_alg.isEmpty() || m_alg == jwsAlgorithmName(alg));
}

QJsonObject Jwk::toPublicJson() const
{
    if (!m_key)
        return {};
    cjose_err err{};
    std::unique_ptr<char, CjoseFree> json(cjose_jwk_to_json(m_key.get(), false, &err));
    if (!json)
        return {};
    QJsonObject object = QJsonDocument::fromJson(QByteArray(json.get())).object();
    // cjose's public export holds kty and n/e or crv/x/y only; the rest is ours.
    object.remove(QLatin1String("kid"));
    if (!m_kid.isEmpty())
        object.insert(QLatin1String("kid"), m_kid);
    object.insert(QLatin1String("use"), QLatin1String("sig"));
    if (!m_alg.isEmpty())
        object.insert(QLatin1String("alg"), m_alg);
    return object;
}

Jwks::Jwks(const QList<Jwk> &keys)
{
    for (const Jwk &key : keys) {
        if (!key.isNull())
            m_keys.append(key);
    }
}

Jwks Jwks::fromJson(const QByteArray &json, QString *error, QStringList *skipped)
{
    if (json.size() > kMaxJwksSize) {
        setError(error, QStringLiteral("the key set is too large (%1 bytes)").arg(json.size()));
        return {};
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        setError(error, QStringLiteral("the key set is not a JSON object"));
        return {};
    }
    const QJsonValue keysValue = document.object().value(QLatin1String("keys"));
    if (!keysValue.isArray()) {
        setError(error, QStringLiteral("the key set has no \"keys\" array"));
        return {};
    }

    Jwks set;
    const QJsonArray keys = keysValue.toArray();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonValue entry = keys.at(i);
        QString reason;
        Jwk key;
        if (entry.isObject())
            key = Jwk::fromJson(entry.toObject(), &reason);
        else
            reason = QStringLiteral("not a JSON object");
        if (key.isNull()) {
            const QString kid = entry.toObject().value(QLatin1String("kid")).toString();
            const QString description = QStringLiteral("key %1%2: %3")
                                            .arg(i)
                                            .arg(kid.isEmpty() ? QString()
                                                               : QStringLiteral(" (kid \"%1\")")
                                                                     .arg(kid.left(64)),
                                                 reason);
            qCDebug(lcMsalDiscovery).noquote() << "Skipping unusable signing key" << description;
            if (skipped)
                skipped->append(description);
            continue;
        }
        set.m_keys.append(key);
    }
    if (set.isEmpty()) {
        setError(error, QStringLiteral("the key set has no usable signing key (%1 skipped)")
                            .arg(keys.size()));
        qCWarning(lcMsalDiscovery) << "The key set has no usable signing key";
    }
    return set;
}

QByteArray Jwks::toJson() const
{
    QJsonArray keys;
    for (const Jwk &key : m_keys)
        keys.append(key.toPublicJson());
    return QJsonDocument(QJsonObject{{QLatin1String("keys"), keys}}).toJson(QJsonDocument::Compact);
}

QList<Jwk> Jwks::keysWithId(const QString &kid) const
{
    QList<Jwk> result;
    for (const Jwk &key : m_keys) {
        if (key.keyId() == kid)
            result.append(key);
    }
    return result;
}

QList<Jwk> Jwks::candidates(JwsAlgorithm alg, const QString &kid) const
{
    QList<Jwk> result;
    for (const Jwk &key : m_keys) {
        if (key.isUsableWith(alg) && (kid.isEmpty() || key.keyId() == kid))
            result.append(key);
    }
    return result;
}

} // namespace MsalQt::Internal
