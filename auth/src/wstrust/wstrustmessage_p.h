#pragma once

#include "autotestexport_p.h"
#include "mex_p.h"

#include <MsalQt/autherror.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace MsalQt::Internal {

// A RequestSecurityToken (WS-Trust 1.3 §4.1 / WS-Trust 2005), SOAP 1.2 envelope, for a bearer
// SAML token that applies to `appliesTo` (the cloud audience URN). With a username the
// WS-Security UsernameToken carries the password (usernamemixed); without, the HTTP layer
// authenticates (windowstransport, MS-WSTEP's Kerberos transport).
struct WsTrustRequest
{
    WsTrustEndpoint endpoint;
    QString appliesTo;
    QString username;
    QString password;
    QDateTime now;
};
MSALQT_AUTH_AUTOTEST_EXPORT QByteArray buildRequestSecurityToken(const WsTrustRequest &request);
QByteArray soapAction(WsTrustVersion version);

// The SAML assertion of a RequestSecurityTokenResponse, and which bearer grant redeems it.
struct SamlAssertion
{
    QByteArray xml;        // the Assertion element, byte for byte as received
    QString grantType;     // urn:ietf:params:oauth:grant-type:saml1_1-bearer or saml2-bearer
};

// A SOAP fault becomes ServiceError with the fault's subcode as protocolError() and its
// reason text as errorDescription(); anything malformed, oversized or with a DTD, InvalidResponse,
// and so is an answer with more than one RequestedSecurityToken or SAML assertion (never guess
// which one the server meant).
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<SamlAssertion> parseRequestSecurityTokenResponse(const QByteArray &body, AuthError *error);

} // namespace MsalQt::Internal
