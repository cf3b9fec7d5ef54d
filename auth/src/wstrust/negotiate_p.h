#pragma once

#include <MsalQt/autherror.h>

#include <QByteArray>
#include <QString>

namespace MsalQt::Internal {

// The Kerberos side of integrated Windows authentication, through MIT GSSAPI (libgssapi_krb5).
// We drive GSSAPI ourselves instead of relying on QNetworkAccessManager's Negotiate support:
// Qt only offers Negotiate where it was built with GSSAPI, which Debian's Qt 6.4 build cannot
// be relied on for, and its failures arrive as an opaque 401 without the GSSAPI status that
// tells "no ticket" from "unknown service". Both calls are local except one TGS exchange with
// the KDC for a service ticket the ccache does not hold yet.
namespace Negotiate {

// The principal of the default credential cache (KRB5CCNAME), e.g. "dave@WOODGROVE.COM".
// No cache, an empty one or an expired TGT: UiRequired, telling the person to run kinit.
QString currentPrincipal(AuthError *error);

// The UPN guess for a principal: the realm in lower case ("dave@woodgrove.com"), which is what
// an Active Directory forest whose UPN suffix is its DNS domain gives.
QString principalToUsername(const QString &principal);

// The first SPNEGO token (RFC 4178) for service "HTTP@host" (RFC 4559 §4), ready for
// "Authorization: Negotiate <base64>". Empty with *error set when GSSAPI fails: UiRequired for
// a missing or expired ticket, InvalidConfiguration for a service principal the KDC does not know.
QByteArray initialToken(const QString &host, AuthError *error);

} // namespace Negotiate

} // namespace MsalQt::Internal
