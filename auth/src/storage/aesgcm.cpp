#include "aesgcm_p.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <limits>
#include <memory>

namespace MsalQt::Internal {

namespace {

struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); } // also clears key schedule
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

constexpr char Magic[] = "MSALQTC"; // followed by one version byte
constexpr int MagicSize = sizeof(Magic) - 1;
constexpr char Version = '1';

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

bool fail(AesGcm::Error *error, AesGcm::Error code)
{
    if (error)
        *error = code;
    return false;
}

} // namespace

QByteArray AesGcm::header()
{
    return QByteArray(Magic, MagicSize) + Version;
}

bool AesGcm::looksSealed(const QByteArray &data)
{
    return data.startsWith(QByteArray::fromRawData(Magic, MagicSize));
}

AesGcm::Error AesGcm::checkHeader(const QByteArray &data)
{
    if (!looksSealed(data))
        return Error::NotSealed;
    if (data.size() < HeaderSize)
        return Error::Truncated;
    const char version = data.at(MagicSize);
    if (version != Version) {
        // A digit is a format some other build of MsalQt knows; anything else is damage.
        return version > Version && version <= '9' ? Error::UnsupportedVersion : Error::NotSealed;
    }
    if (data.size() < Overhead)
        return Error::Truncated;
    return Error::NoError;
}

QByteArray AesGcm::generateKey()
{
    QByteArray key(KeySize, Qt::Uninitialized);
    if (RAND_bytes(bytes(key), KeySize) != 1)
        return {};
    return key;
}

QByteArray AesGcm::seal(const QByteArray &key, const QByteArray &plaintext, Error *error)
{
    if (error)
        *error = Error::NoError;
    if (key.size() != KeySize) {
        fail(error, Error::InvalidKey);
        return {};
    }
    if (plaintext.size() > std::numeric_limits<int>::max() - Overhead) {
        fail(error, Error::CryptoFailure); // EVP counts in int
        return {};
    }

    const QByteArray head = header();
    QByteArray out(Overhead + plaintext.size(), Qt::Uninitialized);
    unsigned char *nonce = bytes(out) + HeaderSize;
    unsigned char *cipher = nonce + NonceSize;
    unsigned char *tag = cipher + plaintext.size();
    memcpy(out.data(), head.constData(), HeaderSize);
    if (RAND_bytes(nonce, NonceSize) != 1) {
        fail(error, Error::CryptoFailure);
        return {};
    }

    CipherContext ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx
        && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1
        && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), nonce) == 1
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(head), HeaderSize) == 1;
    if (ok && !plaintext.isEmpty())
        ok = EVP_EncryptUpdate(ctx.get(), cipher, &len, bytes(plaintext), int(plaintext.size())) == 1;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), cipher + plaintext.size(), &len) == 1 // GCM: len 0
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, tag) == 1;
    if (!ok) {
        fail(error, Error::CryptoFailure);
        return {};
    }
    return out;
}

QByteArray AesGcm::open(const QByteArray &key, const QByteArray &sealed, Error *error)
{
    if (error)
        *error = Error::NoError;
    if (key.size() != KeySize) {
        fail(error, Error::InvalidKey);
        return {};
    }
    const Error headerError = checkHeader(sealed);
    if (headerError != Error::NoError) {
        fail(error, headerError);
        return {};
    }

    const qsizetype cipherSize = sealed.size() - Overhead;
    const unsigned char *nonce = bytes(sealed) + HeaderSize;
    const unsigned char *cipher = nonce + NonceSize;
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer although it only reads: copy the tag.
    unsigned char tag[TagSize];
    memcpy(tag, cipher + cipherSize, TagSize);

    QByteArray plain(cipherSize, Qt::Uninitialized);
    CipherContext ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx
        && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), nonce) == 1
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(sealed), HeaderSize) == 1;
    if (!ok) {
        fail(error, Error::CryptoFailure);
        return {};
    }
    if (cipherSize > 0)
        ok = EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, cipher, int(cipherSize)) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag) == 1
        && EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + cipherSize, &len) == 1;
    if (!ok) {
        // Unauthenticated plaintext must not linger, let alone be used.
        wipe(plain);
        fail(error, Error::AuthenticationFailed);
        return {};
    }
    return plain;
}

void AesGcm::wipe(QByteArray &secret)
{
    if (!secret.isDetached()) {
        secret.clear();
        return;
    }
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret.clear();
}

} // namespace MsalQt::Internal
