#pragma once

#include "autotestexport_p.h"
#include <MsalQt/autherror.h>
#include <MsalQt/authority.h>

#include <QJsonObject>
#include <QString>

namespace MsalQt::Internal {

// Who a refresh token was issued to, as the cache knows it. A refreshed ID token must name that
// same person (OpenID Connect Core §12.2): a server, or someone in the middle, that answers a
// refresh with another account's tokens must not get them handed to this account's caller, nor
// into the cache under or beside this account.
struct AccountIdentity
{
    // What the refresh token is filed under: "uid.utid" from client_info on the Microsoft
    // identity platform (else "oid.tid"), "sub.<issuer digest>" for other OpenID providers.
    QString homeAccountId;
    // The Microsoft identity platform: the tenant (GUID) the refresh is for; empty when the
    // authority names it by domain only, or for other providers.
    QString tenantId;
    bool microsoft = false;
    // Azure AD B2C: the authority's policy, which client_info's uid carries as "{oid}-{policy}".
    QString b2cPolicy;
    // The claims of the ID token cached for this account in that tenant; empty when none is.
    QJsonObject idTokenClaims;
};

// Whether a token answer names `expected`: the home account id built from the answer
// (client_info, else the ID token; empty when the answer has neither), and the new ID token's
// iss, sub, aud, oid and tid (`claims`, validated; empty when the answer has none).
// IdentityMismatch says which of them differs, never their values (personal data).
MSALQT_AUTH_AUTOTEST_EXPORT AuthError checkSameAccount(const AccountIdentity &expected, const QString &homeAccountId,
                                              const QJsonObject &claims);

// The home account id a token answer names: client_info's uid.utid, else from its validated ID
// token's claims (oid.tid, or sub with a digest of the issuer for a generic provider; sub alone
// for AD FS, as MSAL files it); empty when the answer carries neither.
QString homeAccountIdOf(const Authority &authority, const QString &clientInfo, const QJsonObject &claims);

} // namespace MsalQt::Internal
