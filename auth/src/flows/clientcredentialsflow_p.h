#pragma once

#include "tokenrequest_p.h"

namespace MsalQt {

// Client credentials grant, RFC 6749 §4.4: the application's own token, no user involved.
class ClientCredentialsFlow : public TokenRequestPrivate
{
public:
    using TokenRequestPrivate::TokenRequestPrivate;

    // ConfidentialClientApplication::cachedTokenForClient(): what a request for `scopes` would
    // answer from the in-memory cache, by the same checks and the same lookup; null where it
    // would fail or go to the network. No correlation id: no request was made.
    static AuthenticationResult cachedResult(const ClientApplicationPrivate *app, const QStringList &scopes);

protected:
    AuthError checkRequest() const override;
    bool serveFromCache() override;
    void run() override;
    bool isUserFlow() const override { return false; }

private:
    // checkRequest() for an application and the request's scopes (requestScopes()).
    static AuthError check(const ClientApplicationPrivate *app, const QStringList &requestScopes);
    // The cached app token for the request's scopes, as a result, if one is still usable.
    static AuthenticationResult fromCache(const ClientApplicationPrivate *app, const QStringList &requestScopes,
                                          const QString &correlationId);
};

} // namespace MsalQt
