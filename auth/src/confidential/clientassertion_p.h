#pragma once

#include "autotestexport_p.h"
#include "httpclient_p.h"

#include <MsalQt/autherror.h>
#include <MsalQt/clientcredential.h>
#include <MsalQt/msalqt_global.h>

#include <QDateTime>
#include <QUrl>

namespace MsalQt::Internal {

// A client assertion (RFC 7523 §2.2 and §3, the platform's "certificate credentials" format):
// a JWT signed with the certificate's key, header alg + typ + the certificate thumbprint
// (+ x5c on request), claims aud = the token endpoint, iss = sub = client id, a fresh jti,
// nbf/iat = now and exp = now + 10 minutes. Empty and *error set on failure.
MSALQT_AUTH_AUTOTEST_EXPORT QByteArray signClientAssertion(const ClientCredential &credential, const QString &clientId,
                                                  const QUrl &tokenEndpoint, const QDateTime &now,
                                                  QString *error = nullptr);

// Appends the credential's proof to a token request's form: client_secret, or
// client_assertion_type + client_assertion. An error when no proof could be made (a signing
// failure, an empty assertion from the application's callback).
MSALQT_AUTH_AUTOTEST_EXPORT AuthError appendClientAuthentication(const ClientCredential &credential, const QString &clientId,
                                                        const QUrl &tokenEndpoint, const QDateTime &now,
                                                        FormFields *form);

} // namespace MsalQt::Internal
