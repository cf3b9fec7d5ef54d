#pragma once

#include "autotestexport_p.h"
#include <MsalQt/autherror.h>

#include <QByteArray>
#include <QUrl>

#include <optional>

namespace MsalQt::Internal {

// Which WS-Trust endpoint a flow needs from the federation server.
enum class WsTrustEndpointKind {
    UsernameMixed,    // username and password in a WS-Security UsernameToken
    WindowsTransport, // the HTTP request itself authenticated with Negotiate (Kerberos)
};

enum class WsTrustVersion { Trust13, Trust2005 };

struct WsTrustEndpoint
{
    QUrl url;
    WsTrustVersion version = WsTrustVersion::Trust13;
};

// The largest XML document we read from a federation server: real MEX documents are ~50 KB.
constexpr qsizetype maxFederationXmlSize = 1024 * 1024;

// Reads a WS-MetadataExchange document (the WSDL AD FS publishes at /adfs/services/trust/mex)
// and picks the endpoint of `kind`, WS-Trust 1.3 before 2005 as MSAL does. A binding's kind
// comes from its WS-Policy: NegotiateAuthentication for windowstransport, a UsernameToken among
// the signed supporting tokens for usernamemixed. DTDs are refused, so no entity is ever expanded.
// What binds the endpoint: `metadataUrl`, the address the user realm answer (from the authority,
// over TLS) named for the document. Only endpoints on that same host, over https (plain http on
// loopback alone), are candidates; the password never goes anywhere else, whatever the document
// says.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<WsTrustEndpoint> parseMex(const QByteArray &document, WsTrustEndpointKind kind,
                                                           const QUrl &metadataUrl, AuthError *error);

} // namespace MsalQt::Internal
