#include "certificatekey_p.h"

#include <cjose/jwk.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <memory>
#include <vector>

namespace MsalQt::Internal {

namespace {

struct BioFree { void operator()(BIO *p) const { BIO_free(p); } };
struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct X509Free { void operator()(X509 *p) const { X509_free(p); } };
struct BnFree { void operator()(BIGNUM *p) const { BN_clear_free(p); } };
struct Pkcs12Free { void operator()(PKCS12 *p) const { PKCS12_free(p); } };
struct X509StackFree { void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); } };
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

bool fail(QString *error, const QString &message)
{
    // OpenSSL's queue would otherwise leak into the next, unrelated failure's report.
    ERR_clear_error();
    if (error)
        *error = message;
    return false;
}

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

QByteArray toDer(X509 *certificate)
{
    const int length = i2d_X509(certificate, nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509(certificate, &out);
    return der;
}

// The number as fixed-length big-endian bytes (RFC 7518 §6.2.1.2 wants 32 for P-256 coordinates).
QByteArray bnBytes(const BIGNUM *bn, int length = 0)
{
    const int size = length > 0 ? length : BN_num_bytes(bn);
    QByteArray bytes(size, Qt::Uninitialized);
    if (BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(bytes.data()), size) != size)
        return {};
    return bytes;
}

BnPtr bnParam(const EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    EVP_PKEY_get_bn_param(key, name, &bn);
    return BnPtr(bn);
}

Jwk jwkFromEvp(const EVP_PKEY *key, QString *error)
{
    cjose_err err{};
    if (EVP_PKEY_is_a(key, "RSA")) {
        if (EVP_PKEY_get_bits(key) < 2048) {
            fail(error, QStringLiteral("the RSA key has %1 bits; at least 2048 are needed (RFC 7518 §3.3)")
                            .arg(EVP_PKEY_get_bits(key)));
            return {};
        }
        const char *names[] = {OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_D,
                               OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
                               OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
                               OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
        QByteArray parts[8];
        for (int i = 0; i < 8; ++i) {
            const BnPtr bn = bnParam(key, names[i]);
            if (!bn) {
                fail(error, QStringLiteral("the RSA key lacks its private parameters"));
                return {};
            }
            parts[i] = bnBytes(bn.get());
        }
        const auto u = [](const QByteArray &b) { return reinterpret_cast<uint8_t *>(const_cast<char *>(b.constData())); };
        cjose_jwk_rsa_keyspec spec{u(parts[0]), size_t(parts[0].size()), u(parts[1]), size_t(parts[1].size()),
                                   u(parts[2]), size_t(parts[2].size()), u(parts[3]), size_t(parts[3].size()),
                                   u(parts[4]), size_t(parts[4].size()), u(parts[5]), size_t(parts[5].size()),
                                   u(parts[6]), size_t(parts[6].size()), u(parts[7]), size_t(parts[7].size())};
        Jwk jwk = Jwk::adopt(cjose_jwk_create_RSA_spec(&spec, &err));
        for (QByteArray &part : parts)
            part.fill('\0'); // the private numbers leave our memory now that cjose holds its own copy
        if (jwk.isNull())
            fail(error, QStringLiteral("cjose refused the RSA key"));
        return jwk;
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        char curve[64] = {};
        size_t curveLength = 0;
        if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, curve, sizeof curve, &curveLength)
            || (qstrcmp(curve, "prime256v1") != 0 && qstrcmp(curve, "P-256") != 0)) {
            fail(error, QStringLiteral("the EC key is on curve \"%1\"; only P-256 (ES256) is supported")
                            .arg(QString::fromLatin1(curve)));
            return {};
        }
        const BnPtr d = bnParam(key, OSSL_PKEY_PARAM_PRIV_KEY);
        const BnPtr x = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X);
        const BnPtr y = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y);
        if (!d || !x || !y) {
            fail(error, QStringLiteral("the EC key lacks its private or public part"));
            return {};
        }
        QByteArray parts[3] = {bnBytes(d.get(), 32), bnBytes(x.get(), 32), bnBytes(y.get(), 32)};
        const auto u = [](const QByteArray &b) { return reinterpret_cast<uint8_t *>(const_cast<char *>(b.constData())); };
        cjose_jwk_ec_keyspec spec{CJOSE_JWK_EC_P_256, u(parts[0]), 32, u(parts[1]), 32, u(parts[2]), 32};
        Jwk jwk = Jwk::adopt(cjose_jwk_create_EC_spec(&spec, &err));
        parts[0].fill('\0');
        if (jwk.isNull())
            fail(error, QStringLiteral("cjose refused the EC key"));
        return jwk;
    }
    fail(error, QStringLiteral("the private key is neither RSA nor EC P-256"));
    return {};
}

int passwordCallback(char *buffer, int size, int, void *userData)
{
    const auto *password = static_cast<const QByteArray *>(userData);
    const int length = int(qMin<qsizetype>(password->size(), size));
    memcpy(buffer, password->constData(), size_t(length));
    return length;
}

PkeyPtr readPrivateKey(const QByteArray &pem, const QByteArray &password, QString *error)
{
    BioPtr bio = memoryBio(pem);
    QByteArray pass = password;
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, passwordCallback, &pass));
    pass.fill('\0');
    if (!key)
        fail(error, password.isEmpty() ? QStringLiteral("no private key could be read from the PEM text (is it encrypted?)")
                                       : QStringLiteral("no private key could be read from the PEM text (wrong password?)"));
    return key;
}

std::optional<CertificateKey> build(X509 *leaf, const QList<X509 *> &chain, EVP_PKEY *key, QString *error)
{
    // A key that does not match the certificate would produce assertions the platform rejects
    // with AADSTS700027, far from the mistake; say so here instead.
    if (X509_check_private_key(leaf, key) != 1) {
        fail(error, QStringLiteral("the private key does not belong to the certificate"));
        return std::nullopt;
    }
    CertificateKey result;
    result.key = jwkFromEvp(key, error);
    if (result.key.isNull())
        return std::nullopt;
    result.chainDer << toDer(leaf);
    for (X509 *certificate : chain)
        result.chainDer << toDer(certificate);
    ERR_clear_error();
    return result;
}

} // namespace

Jwk jwkFromPrivateKeyPem(const QByteArray &pem, const QByteArray &password, QString *error)
{
    const PkeyPtr key = readPrivateKey(pem, password, error);
    return key ? jwkFromEvp(key.get(), error) : Jwk();
}

std::optional<CertificateKey> CertificateKey::fromPem(const QByteArray &certificatePem, const QByteArray &keyPem,
                                                      const QByteArray &keyPassword, QString *error)
{
    BioPtr bio = memoryBio(certificatePem);
    X509Ptr leaf(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!leaf) {
        fail(error, QStringLiteral("no certificate could be read from the PEM text"));
        return std::nullopt;
    }
    std::vector<X509Ptr> owned;
    QList<X509 *> chain;
    while (X509 *next = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        owned.emplace_back(next);
        chain << next;
    }
    ERR_clear_error(); // the loop ends on a "no start line" error, which is the normal end
    const PkeyPtr key = readPrivateKey(keyPem, keyPassword, error);
    if (!key)
        return std::nullopt;
    return build(leaf.get(), chain, key.get(), error);
}

std::optional<CertificateKey> CertificateKey::fromPkcs12(const QByteArray &data, const QString &password,
                                                         QString *error)
{
    BioPtr bio = memoryBio(data);
    std::unique_ptr<PKCS12, Pkcs12Free> p12(d2i_PKCS12_bio(bio.get(), nullptr));
    if (!p12) {
        fail(error, QStringLiteral("the data is not a PKCS#12 bundle"));
        return std::nullopt;
    }
    EVP_PKEY *rawKey = nullptr;
    X509 *rawLeaf = nullptr;
    STACK_OF(X509) *rawChain = nullptr;
    QByteArray pass = password.toUtf8();
    const int parsed = PKCS12_parse(p12.get(), pass.constData(), &rawKey, &rawLeaf, &rawChain);
    pass.fill('\0');
    const PkeyPtr key(rawKey);
    const X509Ptr leaf(rawLeaf);
    const std::unique_ptr<STACK_OF(X509), X509StackFree> chainStack(rawChain);
    if (!parsed) {
        fail(error, QStringLiteral("the PKCS#12 bundle could not be opened (wrong password, or an algorithm "
                                   "OpenSSL 3 only has in its legacy provider)"));
        return std::nullopt;
    }
    if (!key || !leaf) {
        fail(error, QStringLiteral("the PKCS#12 bundle needs both a certificate and its private key"));
        return std::nullopt;
    }
    QList<X509 *> chain;
    for (int i = 0; rawChain && i < sk_X509_num(rawChain); ++i)
        chain << sk_X509_value(rawChain, i);
    return build(leaf.get(), chain, key.get(), error);
}

} // namespace MsalQt::Internal
