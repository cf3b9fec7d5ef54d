#pragma once

#include "autotestexport_p.h"
#include "jwt_p.h"

#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

// cjose's opaque key type, declared the way <cjose/jwk.h> does so that users of this header
// need not see cjose (repeating a typedef of the same type is allowed in C++).
typedef struct _cjose_jwk_int cjose_jwk_t;

namespace MsalQt::Internal {

// The key types a JWS can be verified with here; everything else (oct, OKP, other curves) is
// refused when a key set is read, so no code path can reach cjose with it.
enum class JwkType {
    Rsa,    // RS256, PS256
    EcP256, // ES256 (RFC 7518 §3.4 binds ES256 to P-256)
};

// The key type an algorithm needs. A key of any other type is never tried for that algorithm:
// this is what stops algorithm confusion (RFC 8725 §2.1, §3.1), and with cjose 0.6 it is also
// a memory-safety rule, since cjose trusts the header's alg to know what a key's data is.
MSALQT_AUTH_AUTOTEST_EXPORT JwkType keyTypeFor(JwsAlgorithm alg);

// One JSON Web Key (RFC 7517) held by cjose. Immutable and cheap to copy: copies share one
// cjose_jwk_t, released when the last copy goes.
class MSALQT_AUTH_AUTOTEST_EXPORT Jwk
{
public:
    Jwk() = default; // a null key

    // A public key from its JWK object (RFC 7517 §4, RFC 7518 §6). Policy, in this order:
    //  - "kty" RSA (with "n" and "e") or EC (with "crv":"P-256", "x", "y"); anything else is
    //    refused. A 'use' other than "sig" (§4.2), 'key_ops' without "verify" (§4.3) or an
    //    'alg' outside the pinned list (§4.4) is refused too.
    //  - Private members ("d", "p", "q", "dp", "dq", "qi", "oth", or "k") refuse the key: a key
    //    whose private half was published is compromised by definition, since anyone who
    //    fetched the set can sign with it. Ignoring them would keep trusting such a key.
    //  - RSA: modulus of 2048 to 8192 bits (RFC 7518 §3.3 requires >= 2048), odd exponent >= 3.
    //    EC: x and y exactly 32 bytes (RFC 7518 §6.2.1.2) and a point on the curve (cjose
    //    and OpenSSL check that).
    //  - Members are strict base64url. Other members (x5c, x5t, issuer, ...) are ignored: the
    //    key is trusted because of where the set came from, not because of a certificate.
    // The key is built from the decoded numbers with cjose's *_spec constructors, so cjose
    // never sees a member we did not check.
    static Jwk fromJson(const QJsonObject &jwk, QString *error = nullptr);

    // New random keys with their private half, for signing (tests, client assertions).
    static Jwk generateRsa(int bits, const QString &kid = {});
    static Jwk generateEcP256(const QString &kid = {});

    // Takes ownership of a cjose key (released even when refused). Only RSA and EC P-256 keys
    // are kept; any other comes back null.
    static Jwk adopt(cjose_jwk_t *key, const QString &kid = {});

    bool isNull() const { return !m_key; }
    JwkType type() const { return m_type; }
    QString keyId() const { return m_kid; }
    QString algorithm() const { return m_alg; } // the JWK's "alg" member, empty if it had none
    int bits() const { return m_bits; }         // RSA modulus size, or 256 for P-256
    bool hasPrivateKey() const { return m_hasPrivate; }

    // Whether this key may verify or sign with alg: its type fits, and its own "alg" (if any)
    // names the same algorithm.
    bool isUsableWith(JwsAlgorithm alg) const;

    // The public members as a JWK (kty, n/e or crv/x/y, plus kid and "use":"sig"): what a
    // JWKS endpoint publishes. Never contains private members.
    QJsonObject toPublicJson() const;

    const cjose_jwk_t *handle() const { return m_key.get(); }

private:
    std::shared_ptr<cjose_jwk_t> m_key;
    JwkType m_type = JwkType::Rsa;
    QString m_kid;
    QString m_alg;
    int m_bits = 0;
    bool m_hasPrivate = false;
};

// A JSON Web Key Set (RFC 7517 §5) of verification keys. Implicitly shared (a QList of Jwk,
// each sharing its cjose key): copying is cheap, and a set can be read from several threads.
class MSALQT_AUTH_AUTOTEST_EXPORT Jwks
{
public:
    Jwks() = default;
    explicit Jwks(const QList<Jwk> &keys);

    // Reads {"keys":[...]}. Keys that cannot be used are skipped, not fatal (RFC 7517 §5:
    // "implementations SHOULD ignore JWKs within a JWK Set that use kty values that are not
    // understood"); each skip is logged and, if skipped is given, described there. error is
    // set when the document itself is wrong (not JSON, no "keys" array) and when no usable key
    // is left; the set is then empty.
    static Jwks fromJson(const QByteArray &json, QString *error = nullptr,
                         QStringList *skipped = nullptr);

    // {"keys":[...]} with each key's public members only.
    QByteArray toJson() const;

    bool isEmpty() const { return m_keys.isEmpty(); }
    int size() const { return int(m_keys.size()); }
    const QList<Jwk> &keys() const { return m_keys; }

    // Every key whose "kid" is kid, whatever its type.
    QList<Jwk> keysWithId(const QString &kid) const;

    // The keys to try for a JWS signed with alg: with a kid (non-empty), the keys with that kid
    // that are usable with alg; without one, every key usable with alg. Keys named inside the
    // token (jwk, jku, x5u, x5c headers) never take part: only this set does.
    QList<Jwk> candidates(JwsAlgorithm alg, const QString &kid) const;

private:
    QList<Jwk> m_keys;
};

} // namespace MsalQt::Internal
