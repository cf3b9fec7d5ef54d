#pragma once

#include "httpresponse.h"

#include <memory>

namespace MsalQt::Emulator {

class AdfsEndpoints;
class AuthorizeEndpoint;
class B2CEndpoints;
class DeviceCodeEndpoint;
class DeviceLoginPage;
class DiscoveryEndpoints;
class GraphEndpoint;
class HttpRequest;
class TokenEndpoint;
struct Fault;
struct Services;

// Maps a request path to its endpoint. Tenant-scoped paths ("/{tenant}/...") have their
// tenant resolved here, once, so that every endpoint answers an unknown tenant the same way.
class Router
{
public:
    explicit Router(Services &services);
    ~Router();

    HttpResponse route(const HttpRequest &request);
    DeviceLoginPage &deviceLogin() { return *m_deviceLogin; }
    // /authorize answers an injected ServiceError as an error redirect, which only it can build.
    static bool isAuthorize(const HttpRequest &request);
    HttpResponse routeAuthorizeFault(const HttpRequest &request, const Fault &fault);

private:
    HttpResponse routeTenantPath(const HttpRequest &request);

    Services &m_services;
    std::unique_ptr<DiscoveryEndpoints> m_discovery;
    std::unique_ptr<DeviceCodeEndpoint> m_deviceCode;
    std::unique_ptr<DeviceLoginPage> m_deviceLogin;
    std::unique_ptr<TokenEndpoint> m_token;
    std::unique_ptr<AuthorizeEndpoint> m_authorize;
    std::unique_ptr<GraphEndpoint> m_graph;
    std::unique_ptr<AdfsEndpoints> m_adfs; // the AD FS farm at /adfs
    std::unique_ptr<B2CEndpoints> m_b2c;
};

} // namespace MsalQt::Emulator
