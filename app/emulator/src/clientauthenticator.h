#pragma once

#include "httpresponse.h"

#include <optional>

namespace MsalQt::Emulator {

class HttpRequest;
struct App;
struct Services;

// Client authentication at the token endpoint (RFC 6749 §2.3): client_secret in the form or
// in HTTP Basic. Public clients must not present credentials; confidential ones must.
// client_assertion (private_key_jwt) is where certificate credentials will plug in.
class ClientAuthenticator
{
public:
    // Not const: accepting a client assertion records its jti against replays.
    explicit ClientAuthenticator(Services &services) : m_services(services) { }

    // nullopt when the client is authenticated (or is public and sent nothing);
    // otherwise the 401 invalid_client answer.
    std::optional<HttpResponse> authenticate(const HttpRequest &request, const App &app) const;

private:
    Services &m_services;
};

} // namespace MsalQt::Emulator
