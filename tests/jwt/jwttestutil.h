#pragma once

// Helpers shared by the JWT tests and benchmark: keys, signing (also with algorithms MsalQt
// refuses, to build attacks), and hand-made compact tokens.

#include "base64url_p.h"
#include "jwks_p.h"
#include "jwt_p.h"

#include <cjose/header.h>
#include <cjose/jwk.h>
#include <cjose/jws.h>
#include <cjose/util.h>
#include <jansson.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <initializer_list>
#include <memory>
#include <utility>

namespace JwtTest {

using namespace MsalQt::Internal;

inline QByteArray b64(const QByteArray &data)
{
    return base64UrlEncode(data);
}

inline QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// "b64(header).b64(payload).b64(signature)" from raw bytes, for tokens no signer would make.
inline QByteArray handMade(const QByteArray &headerJson, const QByteArray &payloadJson,
                           const QByteArray &signature = {})
{
    return b64(headerJson) + '.' + b64(payloadJson) + '.' + b64(signature);
}

// object with some members set (or replaced).
inline QJsonObject with(QJsonObject object,
                        std::initializer_list<std::pair<QString, QJsonValue>> members)
{
    for (const auto &member : members)
        object.insert(member.first, member.second);
    return object;
}

inline QJsonObject without(QJsonObject object, std::initializer_list<QString> names)
{
    for (const QString &name : names)
        object.remove(name);
    return object;
}

inline QJsonObject header(const QString &alg, const QString &kid = {})
{
    QJsonObject h{{QStringLiteral("typ"), QStringLiteral("JWT")}, {QStringLiteral("alg"), alg}};
    if (!kid.isEmpty())
        h.insert(QStringLiteral("kid"), kid);
    return h;
}

// Replaces one of the three parts of a compact token.
inline QByteArray replacePart(const QByteArray &compact, int index, const QByteArray &part)
{
    QList<QByteArray> parts = compact.split('.');
    parts[index] = part;
    return parts.join('.');
}

struct CjoseJwsRelease
{
    void operator()(cjose_jws_t *jws) const { cjose_jws_release(jws); }
};
struct CjoseHeaderRelease
{
    void operator()(cjose_header_t *header) const { cjose_header_release(header); }
};
struct CjoseJwkRelease
{
    void operator()(cjose_jwk_t *jwk) const { cjose_jwk_release(jwk); }
};
using CjoseJwkPtr = std::unique_ptr<cjose_jwk_t, CjoseJwkRelease>;

// Signs with cjose whatever alg the header names (RS512, HS256, ...), bypassing signJws's
// pinning: the way an attacker or a foreign issuer would make a token.
inline QByteArray cjoseSign(const QJsonObject &headerObject, const QJsonObject &claims,
                            const cjose_jwk_t *key)
{
    cjose_err err{};
    // A cjose header is a jansson object (see signJws for why it is not built member by member).
    const QByteArray headerJson = toJson(headerObject);
    std::unique_ptr<cjose_header_t, CjoseHeaderRelease> hdr(reinterpret_cast<cjose_header_t *>(
        json_loadb(headerJson.constData(), size_t(headerJson.size()), 0, nullptr)));
    if (!hdr)
        return {};
    const QByteArray payload = toJson(claims);
    std::unique_ptr<cjose_jws_t, CjoseJwsRelease> jws(
        cjose_jws_sign(key, hdr.get(), reinterpret_cast<const uint8_t *>(payload.constData()),
                       size_t(payload.size()), &err));
    const char *compact = nullptr;
    if (!jws || !cjose_jws_export(jws.get(), &compact, &err))
        return {};
    return QByteArray(compact);
}

// The SubjectPublicKeyInfo PEM of an RSA JWK: the bytes a naive verifier would use as the
// HMAC secret in the RS256 -> HS256 confusion attack.
inline QByteArray rsaPublicKeyPem(const Jwk &key)
{
    const QJsonObject jwk = key.toPublicJson();
    QByteArray n;
    QByteArray e;
    if (!decodeBase64UrlStrict(jwk.value(QStringLiteral("n")).toString().toLatin1(), &n)
        || !decodeBase64UrlStrict(jwk.value(QStringLiteral("e")).toString().toLatin1(), &e))
        return {};
    const auto bn = [](const QByteArray &bytes) {
        return std::unique_ptr<BIGNUM, decltype(&BN_free)>(
            BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()),
                      nullptr),
            &BN_free);
    };
    const auto bnN = bn(n);
    const auto bnE = bn(e);
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(),
                                                                        &OSSL_PARAM_BLD_free);
    if (!build || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get())
        || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()))
        return {};
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(
        OSSL_PARAM_BLD_to_param(build.get()), &OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return {};
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey(raw, &EVP_PKEY_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), pkey.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

// The public JWK of a key made directly with cjose (e.g. an RSA-1024 or P-384 key that Jwk
// itself refuses to hold).
inline QJsonObject cjosePublicJwk(const cjose_jwk_t *key)
{
    cjose_err err{};
    char *json = cjose_jwk_to_json(key, false, &err);
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(json)).object();
    cjose_get_dealloc()(json);
    return object;
}

// The private JWK (with "d" and, for RSA, the CRT members) of a key.
inline QJsonObject cjosePrivateJwk(const cjose_jwk_t *key)
{
    cjose_err err{};
    char *json = cjose_jwk_to_json(key, true, &err);
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(json)).object();
    cjose_get_dealloc()(json);
    return object;
}

} // namespace JwtTest
