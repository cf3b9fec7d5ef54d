#pragma once

#include "mex_p.h"
#include "tokenrequest_p.h"
#include "userrealm_p.h"
#include "wstrustmessage_p.h"

#include <functional>

namespace MsalQt {

// What the username/password and integrated Windows authentication flows share: user realm
// discovery, then for federated users the WS-MetadataExchange document, the WS-Trust
// RequestSecurityToken and the SAML bearer grant (RFC 7522) that redeems the assertion.
class FederatedFlow : public TokenRequestPrivate
{
protected:
    FederatedFlow(ClientApplicationPrivate *application, const QStringList &scopes, const QString &username);

    // GET {host}/common/userrealm/{username}; onUserRealm() gets the answer.
    void discoverUserRealm();
    virtual void onUserRealm(const Internal::UserRealm &realm) = 0;

    // Federated users: MEX, then the RST to the endpoint of `kind`. `authorize` gives the
    // Authorization header value for the RST, or fails (empty with *error set).
    void requestSamlAssertion(const Internal::UserRealm &realm, Internal::WsTrustEndpointKind kind);
    virtual Internal::WsTrustRequest wsTrustRequest(const Internal::WsTrustEndpoint &endpoint,
                                                    const Internal::UserRealm &realm) const = 0;
    // The Authorization header value for the RST (empty: none), or an error, handed to `done`;
    // possibly later, from the event loop. `done` is only called while the flow runs.
    using AuthorizationCallback = std::function<void(const QByteArray &authorization, const AuthError &error)>;
    virtual void wsTrustAuthorization(const Internal::WsTrustEndpoint &endpoint, const AuthorizationCallback &done)
    {
        Q_UNUSED(endpoint);
        done({}, {});
    }
    // Called once the RST is on the wire: the flow wipes the secrets it no longer needs.
    virtual void onSecretsSent() {}

    QString m_username;

private:
    void postRequestSecurityToken(const Internal::WsTrustEndpoint &endpoint, const Internal::UserRealm &realm);
    void sendRequestSecurityToken(const Internal::WsTrustEndpoint &endpoint, const Internal::UserRealm &realm,
                                  const QByteArray &authorization);
    void onRequestSecurityTokenResponse(const Internal::HttpResponse &response);
};

} // namespace MsalQt
