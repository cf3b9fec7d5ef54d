#pragma once

#include "httpresponse.h"
#include "tenantresolver.h"

#include <QStringList>

#include <optional>

namespace MsalQt::Emulator {

class AuthorizeEndpoint;
class DiscoveryEndpoints;
class HttpRequest;
class TokenEndpoint;
struct Services;

// Azure AD B2C: a tenant's user flows (policies) under /tfp/{tenant}/{policy}/... and
// /{tenant}/{policy}/..., with the platform's authorize and token endpoints behind them and B2C's
// shapes in front: its discovery document (issuer "{base}/{tenant id}/v2.0/", no device code),
// its grants (authorization code, refresh token, client credentials; password only on a ROPC
// user flow) and its errors ("AADB2Cnnnnn: ..." with no error_codes).
class B2CEndpoints
{
public:
    explicit B2CEndpoints(Services &services) : m_services(services) { }

    struct Path {
        TenantRef tenant; // with policy set
        QString rest;     // the path below the policy, lower case: "oauth2/v2.0/token", ...
    };
    // A path below a B2C tenant's known user flow; nullopt for every other path.
    std::optional<Path> match(const QStringList &segments) const;

    HttpResponse route(const HttpRequest &request, const Path &path, DiscoveryEndpoints &discovery,
                       AuthorizeEndpoint &authorize, TokenEndpoint &token) const;

private:
    HttpResponse openIdConfiguration(const TenantRef &tenant) const;
    std::optional<HttpResponse> refuseGrant(const HttpRequest &request, const TenantRef &tenant) const;

    Services &m_services;
};

} // namespace MsalQt::Emulator
