#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace MsalQt::Internal {

class Jwk;

// The only JWS algorithms MsalQt ever verifies or signs with (RFC 7518 §3.1). The list is
// pinned in our code, never taken from a token or a key set: "none", the HMAC family (which
// would turn a public key into a shared secret) and everything else are refused before
// cjose is involved.
enum class JwsAlgorithm {
    RS256, // RSASSA-PKCS1-v1_5 + SHA-256 (what the Microsoft identity platform signs with)
    PS256, // RSASSA-PSS + SHA-256
    ES256, // ECDSA P-256 + SHA-256
};

// "RS256" -> JwsAlgorithm::RS256; anything outside the pinned list -> nullopt. Case-sensitive,
// as RFC 7515 §4.1.1 says "alg" is.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<JwsAlgorithm> jwsAlgorithmFromName(const QString &name);
MSALQT_AUTH_AUTOTEST_EXPORT QString jwsAlgorithmName(JwsAlgorithm alg);

// Strict base64url as JOSE uses it (RFC 7515 §2 and Appendix C): only the url-safe alphabet,
// no padding, no whitespace, no impossible length, and no non-zero trailing bits. The last
// rule means every byte string has exactly one accepted encoding, so a token cannot be made
// to look different while carrying the same signature.
MSALQT_AUTH_AUTOTEST_EXPORT bool decodeBase64UrlStrict(const QByteArray &text, QByteArray *out);

// A JWS in compact serialization (RFC 7515 §7.1) carrying a JWT (RFC 7519), decoded but NOT
// verified: nothing here is trustworthy until validateIdToken() (or another verifier) says so.
// Use it as the first step of validation and to display or inspect a token.
struct MSALQT_AUTH_AUTOTEST_EXPORT Jwt
{
    QJsonObject header;     // the JOSE header
    QJsonObject claims;     // the JWT claims set
    QByteArray signingInput; // "b64header.b64payload", what the signature covers (RFC 7515 §5.1)
    QByteArray payload;     // the decoded payload bytes the claims were parsed from
    QByteArray signature;   // decoded; empty for an unsecured JWS ("alg":"none")
    QByteArray compact;     // the original compact serialization

    // Exactly three '.'-separated parts, each strict base64url; header and payload must be
    // JSON objects (RFC 7519 §7.2 steps 2-10). An empty signature part decodes (an unsecured
    // JWT is still a JWT), an empty header or payload does not. A five-part compact value is
    // a JWE (RFC 7516 §7.1): refused with a message saying so, as MsalQt decrypts nothing.
    // Duplicate member names: Qt's parser keeps the lexically last one, which RFC 7515 §4 and
    // RFC 7519 §4 allow, and which is also what cjose's parser (jansson) does.
    static std::optional<Jwt> decode(const QByteArray &compact, QString *error = nullptr);

    QString algorithm() const; // header "alg", empty if absent or not a string
    QString keyId() const;     // header "kid", empty if absent or not a string
};

// MSAL's client_info (returned by the token endpoint when asked with client_info=1): base64url
// JSON {"uid": "...", "utid": "..."}, the home account object id and home tenant id. Both must
// be non-empty strings. Trailing '=' padding is tolerated here (unlike in JWS) because some
// servers pad it; it is not a signed value and only names the account.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<QJsonObject> decodeClientInfo(const QByteArray &clientInfo,
                                                               QString *error = nullptr);

// Signs claims as a compact JWS with cjose (RFC 7515 §5.1), for client assertions and tests.
// header must carry "alg", one of the pinned algorithms, matching the key's type (RSA for
// RS256/PS256, EC P-256 for ES256); the key must hold its private part. Other header members
// (typ, kid, x5t, ...) are signed as given. Returns an empty QByteArray and sets error on
// failure.
MSALQT_AUTH_AUTOTEST_EXPORT QByteArray signJws(const QJsonObject &header, const QJsonObject &claims,
                                      const Jwk &key, QString *error = nullptr);

} // namespace MsalQt::Internal
