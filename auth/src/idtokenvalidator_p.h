#pragma once

#include "autotestexport_p.h"
#include "jwks_p.h"
#include "jwt_p.h"

#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace MsalQt::Internal {

// What the client expects of an ID token (OpenID Connect Core 1.0 §3.1.3.7).
struct IdTokenExpectations
{
    // Exact match with "iss" (step 2). The Microsoft identity platform's multi-tenant metadata
    // (common, organizations) publishes "https://login.microsoftonline.com/{tenantid}/v2.0":
    // the literal "{tenantid}" is then replaced by the token's "tid" claim before comparing.
    // That accepts a token from ANY tenant, as multi-tenant apps ask for; an application that
    // restricts tenants must still check "tid" itself.
    QString issuer;
    // Must be one of "aud" (string or array, step 3). With several audiences, "azp" must be
    // present and equal clientId (steps 4, 5); a present "azp" must equal it anyway.
    QString clientId;
    // When non-empty, "nonce" must be present and equal (step 11). When empty, not checked.
    QString nonce;
    // The clock, injected for tests (UTC). Invalid = QDateTime::currentDateTimeUtc().
    QDateTime now;
    // Allowance for clock differences on exp, iat and nbf (steps 9, 10). Negative counts as 0.
    std::chrono::seconds clockSkew{300};
    // Set when the authorization request sent max_age (OpenID Connect Core §3.1.2.1): "auth_time"
    // must then be present and now - auth_time <= maxAge + clockSkew (§3.1.3.7 step 13).
    // Negative counts as 0 (sign in again now).
    std::optional<std::chrono::seconds> maxAge;
};

// Why an ID token was accepted or not. Each rejection has its own value so a caller can react:
// UnknownKey means "refresh the key set once and retry", which BadSignature never does.
enum class IdTokenCheck {
    Ok,
    Malformed,            // not a compact JWS of JSON objects, exp/iat missing, or a claim of
                          // the wrong JSON type (e.g. a time that is not a number)
    UnsupportedAlgorithm, // alg outside RS256/PS256/ES256 (none, HS*, RS512, ...)
    ForbiddenHeader,      // jwk, jku, x5u or x5c: keys named inside the token are never used
    UnsupportedCritical,  // a "crit" header (RFC 7515 §4.1.11): we understand no extension
    UnknownKey,           // kid not in the set, or no key of the algorithm's type at all
    BadSignature,         // no candidate key verifies the signature
    BadIssuer,
    BadAudience,          // aud lacks clientId, or azp missing/wrong where needed
    Expired,              // now > exp + skew
    IssuedInFuture,       // iat > now + skew
    NotYetValid,          // now < nbf - skew
    MissingSubject,       // sub missing, not a string, or empty
    BadNonce,
    BadAuthTime,          // max_age was sent and auth_time is missing, not a number, too old
                          // or in the future
};

struct IdTokenValidation
{
    IdTokenCheck check = IdTokenCheck::Malformed;
    // Human-readable reason for logs and errors. It may quote kid, alg, iss, aud, azp and
    // times, never the token, its signature, sub or the nonce.
    QString detail;
    // The decoded token, filled only when check == Ok, so that claims of a token that failed
    // validation cannot be used by mistake.
    Jwt token;

    bool isValid() const { return check == IdTokenCheck::Ok; }
};

// Validates an ID token (OIDC Core §3.1.3.7, RFC 8725). Order of checks: decoding, alg pinning,
// crit, embedded-key headers, key choice, signature (cjose), then iss, aud/azp, exp, iat, nbf,
// sub, nonce, auth_time. The first failure is returned.
//
// Why embedded-key headers (jwk, jku, x5u, x5c) are rejected outright rather than merely
// ignored: the only keys ever used come from keys (fetched from the authority's metadata), so
// such a header could never help; a token that carries one is either an attack (RFC 8725
// §3.10 - "sign it with your own key and tell me which") or from an issuer we do not speak
// to, since Microsoft ID tokens carry only kid and x5t. Rejecting makes the reason plain in
// logs and keeps any later change from starting to trust those headers.
MSALQT_AUTH_AUTOTEST_EXPORT IdTokenValidation validateIdToken(const QByteArray &compact, const Jwks &keys,
                                                     const IdTokenExpectations &expect);

// "Ok", "Malformed", "UnknownKey", ...: for logs, errors and tests.
MSALQT_AUTH_AUTOTEST_EXPORT QString idTokenCheckName(IdTokenCheck check);

} // namespace MsalQt::Internal
