#pragma once

#include "httpresponse.h"
#include "tenantresolver.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace MsalQt::Emulator {

class HttpRequest;
struct App;
struct Services;

// One token request, after the token endpoint has checked what every grant needs:
// a known tenant, a grant_type, and a registered client.
struct TokenRequest {
    const HttpRequest &http;
    TenantRef authority;
    const App &client;
};

// One OAuth grant of the token endpoint. Adding a grant (authorization_code with PKCE,
// password, SAML bearer, on-behalf-of, ...) means adding one subclass and registering it
// in TokenEndpoint; nothing else changes.
class GrantHandler
{
public:
    // The client capabilities in the request's claims (access_token.xms_cc.values), for the
    // access token's "xms_cc"; empty when the claims name none or are not JSON (which
    // requestedAuthContexts() refuses).
    static QStringList requestedClientCapabilities(const TokenRequest &request);
    explicit GrantHandler(Services &services) : m_services(services) { }
    virtual ~GrantHandler();
    GrantHandler(const GrantHandler &) = delete;
    GrantHandler &operator=(const GrantHandler &) = delete;

    // The grant_type value this handler serves.
    virtual QString grantType() const = 0;
    virtual HttpResponse handle(const TokenRequest &request) = 0;

protected:
    HttpResponse error(const TokenRequest &request, int httpStatus, const QString &error, int aadstsCode,
                       const QString &description) const;
    // Authenticates the client as the platform would (secret in the form or HTTP Basic; none
    // for public clients); nullopt when it passed.
    std::optional<HttpResponse> authenticateClient(const TokenRequest &request) const;
    // The app registration must list the grant; nullopt when it does. Handlers call this after
    // their client-type checks so that e.g. a public client asking for client_credentials gets
    // the platform's invalid_client rather than a registration error.
    std::optional<HttpResponse> checkGrantAllowed(const TokenRequest &request) const;
    // true when "client_info=1" was sent, asking for the uid/utid blob.
    static bool wantsClientInfo(const TokenRequest &request);
    // The Conditional Access authentication contexts the request's "claims" parameter (a claims
    // challenge passed back, OIDC Core §5.5) asks to have in the access token:
    // access_token.acrs.value and/or access_token.acrs.values. Other requested claims (xms_cc
    // client capabilities, ...) are accepted and ignored. nullopt when the parameter is absent
    // or usable (*authContexts then holds the ids, possibly none); the error to send when it is
    // not a JSON object.
    std::optional<HttpResponse> requestedAuthContexts(const TokenRequest &request, QStringList *authContexts) const;

    Services &m_services;
};

} // namespace MsalQt::Emulator
