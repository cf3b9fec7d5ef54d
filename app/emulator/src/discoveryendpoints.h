#pragma once

#include "httpresponse.h"

namespace MsalQt::Emulator {

class HttpRequest;
struct Services;
struct TenantRef;

// The metadata endpoints a client reads before it talks to the token endpoint: OpenID
// Connect discovery, the signing keys, and the instance discovery that validates authorities.
class DiscoveryEndpoints
{
public:
    explicit DiscoveryEndpoints(Services &services) : m_services(services) { }

    HttpResponse openIdConfiguration(const HttpRequest &request, const TenantRef &tenant) const;
    HttpResponse keys(const HttpRequest &request) const;
    HttpResponse instance(const HttpRequest &request) const;

private:
    Services &m_services;
};

} // namespace MsalQt::Emulator
