#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace MsalQt::Emulator {

// What an authorization code stands for: everything the token endpoint must check when the
// code comes back (RFC 6749 §4.1.3, RFC 7636 §4.6) and what goes into the tokens.
struct AuthorizationCode {
    QString clientId;
    QString redirectUri;         // exactly as sent to /authorize; redemption must repeat it
    QString userOid;
    QString tenantSegment;       // the authority the code was issued through
    QString scope;               // the scope string of the authorize request
    QString nonce;               // echoed into the ID token
    qint64 authTime = 0;         // the session's sign-in time: the ID token's auth_time (0: none)
    QString codeChallenge;       // empty: no PKCE
    QString codeChallengeMethod; // "S256" or "plain"
    QDateTime expiresAt;
    bool redeemed = false;
};

// Single-use authorization codes. Redeemed codes stay (marked) so that a second redemption
// gets the platform's distinct AADSTS54005 instead of "unknown code".
class AuthorizationCodeStore
{
public:
    enum class Outcome { Valid, Unknown, Expired, Redeemed };

    // A fresh opaque code valid for lifetimeSeconds.
    QString issue(AuthorizationCode code, int lifetimeSeconds);
    // Looks the code up and, when valid, marks it redeemed in the same step, so that it can
    // never be used twice whatever the caller does next. *out is filled for Valid.
    Outcome redeem(const QString &code, AuthorizationCode *out);
    void clear() { m_codes.clear(); }

private:
    void dropStale();

    QHash<QString, AuthorizationCode> m_codes;
};

} // namespace MsalQt::Emulator
