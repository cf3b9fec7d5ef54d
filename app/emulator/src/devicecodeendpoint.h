#pragma once

#include "httpresponse.h"

namespace MsalQt::Emulator {

class HttpRequest;
struct Services;
struct TenantRef;

// POST /{tenant}/oauth2/v2.0/devicecode: starts the device authorization grant (RFC 8628).
class DeviceCodeEndpoint
{
public:
    explicit DeviceCodeEndpoint(Services &services) : m_services(services) { }

    HttpResponse handle(const HttpRequest &request, const TenantRef &tenant) const;

private:
    Services &m_services;
};

} // namespace MsalQt::Emulator
