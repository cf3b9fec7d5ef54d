#pragma once

#include "autotestexport_p.h"
#include "tokenresponse_p.h"

#include <MsalQt/autherror.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/msalqt_global.h>

#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace MsalQt::Internal {

// base64url of `bytes` bytes from the system's cryptographic random source.
MSALQT_AUTH_AUTOTEST_EXPORT QString randomUrlSafe(int bytes);

// RFC 7636: a 256-bit verifier and its S256 challenge.
struct MSALQT_AUTH_AUTOTEST_EXPORT Pkce
{
    QString verifier;
    QString challenge;
    static Pkce generate();
    static QString challengeFor(const QString &verifier);
};

// The authorization request (RFC 6749 §4.1.1, OpenID Connect Core §3.1.2.1, PKCE, and the
// platform's client_info, login_hint and domain_hint).
struct MSALQT_AUTH_AUTOTEST_EXPORT AuthorizationRequest
{
    QUrl endpoint;
    QString clientId;
    QUrl redirectUri;
    QStringList scopes;
    QString state;
    QString nonce;
    QString codeChallenge;
    QString responseType = QStringLiteral("code");
    InteractiveParameters::Prompt prompt = InteractiveParameters::Prompt::Default;
    QString loginHint;
    QString domainHint;
    QString claims;
    std::optional<qint64> maxAge; // seconds; sent as max_age (OpenID Connect Core §3.1.2.1)
    bool microsoft = true;
    QList<std::pair<QString, QString>> extraParameters;

    // InvalidConfiguration when an extra parameter would override one the protocol sets.
    QUrl url(AuthError *error) const;
};

struct AuthorizationResponse
{
    QString code;
    QString state;
    QString issuer;
    QUrlQuery fields; // everything, for the implicit grant's tokens
};

// Checks what the browser brought back: `state` (CSRF, RFC 6749 §10.12), the `iss` parameter
// where the provider sends one or promised to (RFC 9207 §2.4), and error redirects, which become
// typed errors (access_denied: Declined; consent_required, login_required,
// interaction_required: UiRequired). `expectedIssuer` may hold "{tenantid}".
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<AuthorizationResponse>
parseAuthorizationResponse(const QUrl &redirect, bool fragment, const QString &expectedState,
                           const QString &expectedIssuer, bool issuerRequired, AuthError *error);

MSALQT_AUTH_AUTOTEST_EXPORT bool issuerMatches(const QString &issuer, const QString &expected);

// The implicit grant's tokens from a checked fragment (RFC 6749 §4.2.2, OpenID Connect Core
// §3.2.2.5): an access token, a Bearer token type, an ID token and a positive expires_in, or
// InvalidResponse.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<TokenResponse> parseImplicitResponse(const QUrlQuery &fields, AuthError *error);

} // namespace MsalQt::Internal
