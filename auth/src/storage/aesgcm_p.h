#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QByteArray>

namespace MsalQt::Internal {

// AES-256-GCM sealing of the token cache file (OpenSSL EVP). The sealed form is
//
//   header "MSALQTC1" (8 bytes) | nonce (12 random bytes) | ciphertext | tag (16 bytes)
//
// with the header bound as additional authenticated data, so that neither the version nor any
// byte after it can change unnoticed. A fresh random nonce per encryption keeps GCM's one rule
// (never reuse a nonce under a key) with overwhelming probability for the handful of writes a
// token cache sees per key.
class MSALQT_AUTH_AUTOTEST_EXPORT AesGcm
{
public:
    static constexpr int KeySize = 32;
    static constexpr int NonceSize = 12;
    static constexpr int TagSize = 16;
    static constexpr int HeaderSize = 8;
    static constexpr int Overhead = HeaderSize + NonceSize + TagSize;

    enum class Error {
        NoError,
        NotSealed,          // no "MSALQTC" header: not something this class wrote
        UnsupportedVersion, // "MSALQTC2".."MSALQTC9": a newer format than this build reads
        Truncated,          // shorter than header, nonce and tag
        InvalidKey,         // not KeySize bytes
        AuthenticationFailed, // wrong key, or anything in the data changed
        CryptoFailure,      // OpenSSL itself failed (random source, cipher setup)
    };

    static QByteArray header(); // "MSALQTC1"

    // Whether data starts like a sealed cache of any version (the plain JSON cache starts with '{'
    // or whitespace, never with this).
    static bool looksSealed(const QByteArray &data);

    // The header alone: NoError for a sealed cache this build reads (the rest may still fail to
    // open), otherwise NotSealed, UnsupportedVersion or Truncated. Needs no key.
    static Error checkHeader(const QByteArray &data);

    // KeySize random bytes from OpenSSL's CSPRNG; empty if it failed.
    static QByteArray generateKey();

    static QByteArray seal(const QByteArray &key, const QByteArray &plaintext, Error *error = nullptr);
    static QByteArray open(const QByteArray &key, const QByteArray &sealed, Error *error = nullptr);

    // Overwrites the bytes of a secret this QByteArray solely owns (a shared copy is left to its
    // other owner, who wipes its own), then empties it.
    static void wipe(QByteArray &secret);
};

} // namespace MsalQt::Internal
