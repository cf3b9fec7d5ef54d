#pragma once

#include <QString>

namespace MsalQt::Emulator {

// One /authorize request after its parameters were read and validated; it is kept while the
// person goes through the pages (login, account chooser, consent) and ends in a code or tokens.
struct AuthorizeRequest {
    QString tenantSegment;       // as in the path: a GUID, a domain, common, organizations, consumers
    QString clientId;
    QString redirectUri;         // as sent; the code remembers it for the redemption check
    bool wantsCode = false;      // response_type contains "code"
    bool wantsIdToken = false;   // response_type contains "id_token" (implicit)
    bool wantsToken = false;     // response_type contains "token" (implicit)
    QString responseMode;        // "query", "fragment" or "form_post"
    QString scope;
    QString state;
    QString nonce;
    QString codeChallenge;
    QString codeChallengeMethod;
    QString prompt;              // "", "login", "select_account", "consent", "none", "create"
    QString loginHint;
    QString domainHint;
    QString claims;
    qint64 maxAge = -1;          // max_age in seconds; -1: not sent (OpenID Connect Core §3.1.2.1)
    bool clientInfo = false;
    QString userOid;             // who signed in so far (set before the consent page)
    QString b2cPolicy;           // Azure AD B2C: the user flow of the path (its login page links "Forgot your password?")
};

} // namespace MsalQt::Emulator
