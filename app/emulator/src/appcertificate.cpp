#include "appcertificate.h"

#include <cjose/jwk.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace MsalQt::Emulator {

namespace {

QString b64url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray bnParam(const EVP_PKEY *key, const char *name, int length = 0)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &bn))
        return {};
    const int size = length > 0 ? length : BN_num_bytes(bn);
    QByteArray bytes(size, Qt::Uninitialized);
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(bytes.data()), size);
    BN_free(bn);
    return bytes;
}

std::shared_ptr<cjose_jwk_t> share(cjose_jwk_t *key)
{
    return key ? std::shared_ptr<cjose_jwk_t>(key, cjose_jwk_release) : nullptr;
}

bool fail(QString *error, const QString &message)
{
    ERR_clear_error();
    if (error)
        *error = message;
    return false;
}

std::optional<AppCertificate> fromPem(const QByteArray &pem, QString *error)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509 *certificate = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!certificate) {
        fail(error, QStringLiteral("not a PEM certificate"));
        return std::nullopt;
    }
    const int length = i2d_X509(certificate, nullptr);
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509(certificate, &out);
    EVP_PKEY *key = X509_get0_pubkey(certificate); // owned by the certificate

    AppCertificate result;
    result.x5t = b64url(QCryptographicHash::hash(der, QCryptographicHash::Sha1));
    result.x5tS256 = b64url(QCryptographicHash::hash(der, QCryptographicHash::Sha256));
    cjose_err err{};
    if (key && EVP_PKEY_is_a(key, "RSA")) {
        QByteArray e = bnParam(key, OSSL_PKEY_PARAM_RSA_E);
        QByteArray n = bnParam(key, OSSL_PKEY_PARAM_RSA_N);
        cjose_jwk_rsa_keyspec spec{};
        spec.e = reinterpret_cast<uint8_t *>(e.data());
        spec.elen = size_t(e.size());
        spec.n = reinterpret_cast<uint8_t *>(n.data());
        spec.nlen = size_t(n.size());
        result.key = share(cjose_jwk_create_RSA_spec(&spec, &err));
        result.rsa = true;
    } else if (key && EVP_PKEY_is_a(key, "EC")) {
        QByteArray x = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, 32);
        QByteArray y = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32);
        cjose_jwk_ec_keyspec spec{};
        spec.crv = CJOSE_JWK_EC_P_256;
        spec.x = reinterpret_cast<uint8_t *>(x.data());
        spec.xlen = size_t(x.size());
        spec.y = reinterpret_cast<uint8_t *>(y.data());
        spec.ylen = size_t(y.size());
        result.key = share(cjose_jwk_create_EC_spec(&spec, &err));
        result.rsa = false;
    }
    X509_free(certificate);
    if (!result.key) {
        fail(error, QStringLiteral("the certificate's key is neither RSA nor EC P-256"));
        return std::nullopt;
    }
    return result;
}

std::optional<AppCertificate> fromJwk(const QJsonObject &jwk, QString *error)
{
    QJsonObject publicOnly = jwk;
    for (const char *member : {"d", "p", "q", "dp", "dq", "qi", "k"})
        publicOnly.remove(QLatin1String(member));
    const QByteArray json = QJsonDocument(publicOnly).toJson(QJsonDocument::Compact);
    cjose_err err{};
    AppCertificate result;
    result.key = share(cjose_jwk_import(json.constData(), size_t(json.size()), &err));
    if (!result.key) {
        fail(error, QStringLiteral("not a usable JWK"));
        return std::nullopt;
    }
    const cjose_jwk_kty_t kty = cjose_jwk_get_kty(result.key.get(), &err);
    if (kty != CJOSE_JWK_KTY_RSA && kty != CJOSE_JWK_KTY_EC) {
        fail(error, QStringLiteral("only RSA and EC keys can sign client assertions"));
        return std::nullopt;
    }
    result.rsa = kty == CJOSE_JWK_KTY_RSA;
    result.kid = jwk.value(QLatin1String("kid")).toString();
    result.x5t = jwk.value(QLatin1String("x5t")).toString();
    result.x5tS256 = jwk.value(QLatin1String("x5t#S256")).toString();
    if (result.kid.isEmpty() && result.x5t.isEmpty() && result.x5tS256.isEmpty()) {
        fail(error, QStringLiteral("a JWK needs a kid, x5t or x5t#S256 to be found by"));
        return std::nullopt;
    }
    return result;
}

} // namespace

std::optional<AppCertificate> AppCertificate::fromJson(const QJsonValue &value, QString *error)
{
    if (value.isString())
        return fromPem(value.toString().toLatin1(), error);
    if (value.isObject())
        return fromJwk(value.toObject(), error);
    fail(error, QStringLiteral("must be a PEM certificate (string) or a JWK (object)"));
    return std::nullopt;
}

} // namespace MsalQt::Emulator
