#include "jwt_p.h"

#include "base64url_p.h"
#include "jwks_p.h"

#include <cjose/header.h>
#include <cjose/jws.h>
#include <jansson.h> // cjose_header_t is jansson's json_t; cjose's pkg-config requires jansson

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <memory>

namespace MsalQt::Internal {

namespace {

// A compact JWS larger than this is refused before any decoding. ID tokens are a few KB (a
// groups overage keeps even large ones far below); this only bounds the work on hostile input.
constexpr qsizetype kMaxCompactSize = 1024 * 1024;

struct CjoseHeaderDeleter
{
    void operator()(cjose_header_t *header) const { cjose_header_release(header); }
};
struct CjoseJwsDeleter
{
    void operator()(cjose_jws_t *jws) const { cjose_jws_release(jws); }
};
using CjoseHeaderPtr = std::unique_ptr<cjose_header_t, CjoseHeaderDeleter>;
using CjoseJwsPtr = std::unique_ptr<cjose_jws_t, CjoseJwsDeleter>;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
}

std::optional<QJsonObject> parseObject(const QByteArray &json, const QString &what,
                                       QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error, QStringLiteral("%1 is not JSON (%2 at offset %3)")
                            .arg(what, parseError.errorString())
                            .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        setError(error, QStringLiteral("%1 is not a JSON object").arg(what));
        return std::nullopt;
    }
    return document.object();
}

QString cjoseMessage(const cjose_err &err)
{
    return err.message ? QString::fromUtf8(err.message) : QStringLiteral("unknown cjose error");
}

} // namespace

std::optional<JwsAlgorithm> jwsAlgorithmFromName(const QString &name)
{
    if (name == QLatin1String("RS256"))
        return JwsAlgorithm::RS256;
    if (name == QLatin1String("PS256"))
        return JwsAlgorithm::PS256;
    if (name == QLatin1String("ES256"))
        return JwsAlgorithm::ES256;
    return std::nullopt;
}

QString jwsAlgorithmName(JwsAlgorithm alg)
{
    switch (alg) {
    case JwsAlgorithm::RS256:
        return QStringLiteral("RS256");
    case JwsAlgorithm::PS256:
        return QStringLiteral("PS256");
    case JwsAlgorithm::ES256:
        return QStringLiteral("ES256");
    }
    return {};
}

bool decodeBase64UrlStrict(const QByteArray &text, QByteArray *out)
{
    // QByteArray::fromBase64Encoding alone accepts '=' padding, a length of 4n+1 (dropping the
    // dangling character) and non-zero unused bits; JOSE allows none of them.
    for (const char c : text) {
        if (!isBase64UrlChar(c))
            return false;
    }
    if (text.size() % 4 == 1)
        return false;
    QByteArray decoded;
    if (!base64UrlDecode(text, &decoded))
        return false;
    // Canonical form: re-encoding must give the same text, so the unused low bits of the last
    // character are zero (RFC 4648 §3.5) and each byte string has a single encoding.
    if (base64UrlEncode(decoded) != text)
        return false;
    *out = decoded;
    return true;
}

std::optional<Jwt> Jwt::decode(const QByteArray &compact, QString *error)
{
    if (compact.isEmpty()) {
        setError(error, QStringLiteral("the token is empty"));
        return std::nullopt;
    }
    if (compact.size() > kMaxCompactSize) {
        setError(error, QStringLiteral("the token is too large (%1 bytes)").arg(compact.size()));
        return std::nullopt;
    }
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() == 5) {
        setError(error, QStringLiteral("the token is a JWE (5 parts); encrypted tokens are not "
                                       "supported"));
        return std::nullopt;
    }
    if (parts.size() != 3) {
        setError(error, QStringLiteral("a JWS in compact form has 3 parts, this token has %1")
                            .arg(parts.size()));
        return std::nullopt;
    }
    if (parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
        setError(error, QStringLiteral("the token has an empty %1")
                            .arg(parts.at(0).isEmpty() ? QStringLiteral("header")
                                                       : QStringLiteral("payload")));
        return std::nullopt;
    }

    QByteArray headerBytes;
    QByteArray payloadBytes;
    QByteArray signature;
    if (!decodeBase64UrlStrict(parts.at(0), &headerBytes)) {
        setError(error, QStringLiteral("the header is not valid base64url"));
        return std::nullopt;
    }
    if (!decodeBase64UrlStrict(parts.at(1), &payloadBytes)) {
        setError(error, QStringLiteral("the payload is not valid base64url"));
        return std::nullopt;
    }
    if (!decodeBase64UrlStrict(parts.at(2), &signature)) {
        setError(error, QStringLiteral("the signature is not valid base64url"));
        return std::nullopt;
    }

    const auto header = parseObject(headerBytes, QStringLiteral("the header"), error);
    if (!header)
        return std::nullopt;
    const auto claims = parseObject(payloadBytes, QStringLiteral("the payload"), error);
    if (!claims)
        return std::nullopt;

    Jwt jwt;
    jwt.header = *header;
    jwt.claims = *claims;
    jwt.signingInput = compact.left(parts.at(0).size() + 1 + parts.at(1).size());
    jwt.payload = payloadBytes;
    jwt.signature = signature;
    jwt.compact = compact;
    return jwt;
}

QString Jwt::algorithm() const
{
    return header.value(QLatin1String("alg")).toString();
}

QString Jwt::keyId() const
{
    return header.value(QLatin1String("kid")).toString();
}

std::optional<QJsonObject> decodeClientInfo(const QByteArray &clientInfo, QString *error)
{
    QByteArray text = clientInfo;
    // Tolerated padding (see the header), at most the two characters base64 can need.
    for (int i = 0; i < 2 && text.endsWith('='); ++i)
        text.chop(1);
    QByteArray json;
    if (text.isEmpty() || !decodeBase64UrlStrict(text, &json)) {
        setError(error, QStringLiteral("client_info is not valid base64url"));
        return std::nullopt;
    }
    const auto object = parseObject(json, QStringLiteral("client_info"), error);
    if (!object)
        return std::nullopt;
    for (const auto name : {QLatin1String("uid"), QLatin1String("utid")}) {
        const QJsonValue value = object->value(name);
        if (!value.isString() || value.toString().isEmpty()) {
            setError(error, QStringLiteral("client_info has no \"%1\" string").arg(name));
            return std::nullopt;
        }
    }
    return object;
}

QByteArray signJws(const QJsonObject &header, const QJsonObject &claims, const Jwk &key,
                   QString *error)
{
    const QJsonValue algValue = header.value(QLatin1String("alg"));
    const auto alg = jwsAlgorithmFromName(algValue.toString());
    if (!algValue.isString() || !alg) {
        setError(error, QStringLiteral("signing needs an \"alg\" of RS256, PS256 or ES256"));
        return {};
    }
    if (key.isNull() || !key.isUsableWith(*alg)) {
        setError(error, QStringLiteral("the key cannot sign with %1").arg(jwsAlgorithmName(*alg)));
        return {};
    }
    if (!key.hasPrivateKey()) {
        setError(error, QStringLiteral("the key has no private part"));
        return {};
    }

    // cjose 0.6's cjose_header_set() takes strings only and cjose_header_set_raw() objects and
    // arrays only, so a header with a number or boolean member cannot be built through them.
    // A cjose header is a jansson object (header.h: typedef struct json_t cjose_header_t):
    // parse the whole header with jansson instead.
    const QByteArray headerJson = QJsonDocument(header).toJson(QJsonDocument::Compact);
    json_error_t jsonError{};
    CjoseHeaderPtr cjoseHeader(reinterpret_cast<cjose_header_t *>(
        json_loadb(headerJson.constData(), size_t(headerJson.size()), 0, &jsonError)));
    if (!cjoseHeader) {
        setError(error, QStringLiteral("cannot build the header: %1")
                            .arg(QString::fromUtf8(jsonError.text)));
        return {};
    }

    cjose_err err{};
    const QByteArray payload = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    CjoseJwsPtr jws(cjose_jws_sign(key.handle(), cjoseHeader.get(),
                                   reinterpret_cast<const uint8_t *>(payload.constData()),
                                   size_t(payload.size()), &err));
    if (!jws) {
        setError(error, QStringLiteral("cjose could not sign: %1").arg(cjoseMessage(err)));
        return {};
    }
    const char *compact = nullptr; // owned by jws
    if (!cjose_jws_export(jws.get(), &compact, &err) || !compact) {
        setError(error, QStringLiteral("cjose could not serialize: %1").arg(cjoseMessage(err)));
        return {};
    }
    return QByteArray(compact);
}

} // namespace MsalQt::Internal
