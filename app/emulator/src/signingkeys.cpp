#include "signingkeys.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace MsalQt::Emulator {

namespace {

constexpr size_t keyBits = 2048;

QString base64Url(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

SigningKeys::SigningKeys()
    : m_current(generate())
{
}

SigningKeys::Key SigningKeys::generate()
{
    static const uint8_t exponent[] = {0x01, 0x00, 0x01};
    cjose_err err{};
    JwkPtr jwk(cjose_jwk_create_RSA_random(keyBits, exponent, sizeof exponent, &err));
    if (!jwk)
        qFatal("MsalQt emulator: RSA key generation failed: %s", err.message ? err.message : "unknown error");

    // The kid looks like the platform's: base64url of a SHA-1 thumbprint (here of the modulus).
    CjoseString json(cjose_jwk_to_json(jwk.get(), false, &err));
    const QJsonObject pub = QJsonDocument::fromJson(QByteArray(json.get())).object();
    const QByteArray modulus = QByteArray::fromBase64(pub.value(QLatin1String("n")).toString().toLatin1(),
                                                      QByteArray::Base64UrlEncoding);
    Key key;
    key.kid = base64Url(QCryptographicHash::hash(modulus, QCryptographicHash::Sha1));
    const QByteArray kid = key.kid.toLatin1();
    if (!cjose_jwk_set_kid(jwk.get(), kid.constData(), size_t(kid.size()), &err))
        qFatal("MsalQt emulator: cannot set the key id: %s", err.message ? err.message : "unknown error");
    key.jwk = std::move(jwk);
    return key;
}

void SigningKeys::rotate(bool publish)
{
    m_previous = std::move(m_current);
    m_current = generate();
    m_currentPublished = publish;
    if (!publish && !m_decoy.jwk)
        m_decoy = generate();
}

QByteArray SigningKeys::sign(const QJsonObject &claims) const
{
    cjose_err err{};
    JoseHeaderPtr header(cjose_header_new(&err));
    const QByteArray kid = m_current.kid.toLatin1();
    if (!header || !cjose_header_set(header.get(), "typ", "JWT", &err)
        || !cjose_header_set(header.get(), CJOSE_HDR_ALG, CJOSE_HDR_ALG_RS256, &err)
        || !cjose_header_set(header.get(), CJOSE_HDR_KID, kid.constData(), &err))
        qFatal("MsalQt emulator: cannot build a JWS header: %s", err.message ? err.message : "unknown error");

    const QByteArray payload = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    JwsPtr jws(cjose_jws_sign(m_current.jwk.get(), header.get(), reinterpret_cast<const uint8_t *>(payload.constData()),
                              size_t(payload.size()), &err));
    const char *compact = nullptr;
    if (!jws || !cjose_jws_export(jws.get(), &compact, &err))
        qFatal("MsalQt emulator: signing failed: %s", err.message ? err.message : "unknown error");
    return QByteArray(compact); // copied before jws (which owns compact) is released
}

QJsonObject SigningKeys::publicJwk(const Key &key)
{
    cjose_err err{};
    CjoseString json(cjose_jwk_to_json(key.jwk.get(), false, &err));
    const QJsonObject full = QJsonDocument::fromJson(QByteArray(json.get())).object();
    // Copy only the public members explicitly, so a private member can never leak.
    return QJsonObject{
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("use"), QStringLiteral("sig")},
        {QStringLiteral("kid"), key.kid},
        {QStringLiteral("x5t"), key.kid},
        {QStringLiteral("n"), full.value(QLatin1String("n"))},
        {QStringLiteral("e"), full.value(QLatin1String("e"))},
    };
}

QJsonObject SigningKeys::jwks() const
{
    return QJsonObject{{QStringLiteral("keys"),
                        QJsonArray{publicJwk(m_currentPublished ? m_current : m_decoy)}}};
}

std::optional<QJsonObject> SigningKeys::verify(const QByteArray &token, QString *reason) const
{
    const auto failed = [reason](const QString &why) -> std::optional<QJsonObject> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (token.count('.') != 2)
        return failed(QStringLiteral("not a compact JWS"));
    cjose_err err{};
    JwsPtr jws(cjose_jws_import(token.constData(), size_t(token.size()), &err));
    if (!jws)
        return failed(QStringLiteral("malformed token"));
    cjose_header_t *header = cjose_jws_get_protected(jws.get()); // owned by jws
    const char *alg = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : nullptr;
    const char *kid = header ? cjose_header_get(header, CJOSE_HDR_KID, &err) : nullptr;
    // Only RS256: never let the token choose "none" or an HMAC algorithm.
    if (!alg || qstrcmp(alg, CJOSE_HDR_ALG_RS256) != 0)
        return failed(QStringLiteral("unexpected signing algorithm"));
    const QString kidString = kid ? QString::fromLatin1(kid) : QString();
    const Key *key = nullptr;
    if (kidString == m_current.kid)
        key = &m_current;
    else if (m_previous.jwk && kidString == m_previous.kid)
        key = &m_previous;
    if (!key)
        return failed(QStringLiteral("signing key not found"));
    if (!cjose_jws_verify(jws.get(), key->jwk.get(), &err))
        return failed(QStringLiteral("signature validation failed"));
    uint8_t *plain = nullptr; // owned by jws
    size_t plainLength = 0;
    if (!cjose_jws_get_plaintext(jws.get(), &plain, &plainLength, &err))
        return failed(QStringLiteral("no payload"));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char *>(plain), qsizetype(plainLength)), &parseError);
    if (!doc.isObject())
        return failed(QStringLiteral("payload is not a JSON object"));
    return doc.object();
}

} // namespace MsalQt::Emulator
