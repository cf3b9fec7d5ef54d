#pragma once

#include "wstrust/federatedflow_p.h"

namespace MsalQt {

// Integrated Windows authentication: the person's Kerberos ticket, presented to the federation
// server's WS-Trust windowstransport endpoint with HTTP Negotiate (RFC 4559, MS-WSTEP), buys a
// SAML assertion the platform redeems. Works wherever Kerberos does, MIT Kerberos on Linux
// included. Only federated users in a named tenant (or /organizations) can use it.
class IntegratedWindowsAuthFlow : public FederatedFlow
{
public:
    IntegratedWindowsAuthFlow(ClientApplicationPrivate *application, const QStringList &scopes,
                              const QString &username);

protected:
    AuthError checkRequest() const override;
    void run() override;
    void onUserRealm(const Internal::UserRealm &realm) override;
    Internal::WsTrustRequest wsTrustRequest(const Internal::WsTrustEndpoint &endpoint,
                                            const Internal::UserRealm &realm) const override;
    // SPNEGO on a worker thread: see the .cpp.
    void wsTrustAuthorization(const Internal::WsTrustEndpoint &endpoint, const AuthorizationCallback &done) override;
};

} // namespace MsalQt
