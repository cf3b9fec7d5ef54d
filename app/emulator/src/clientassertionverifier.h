#pragma once

#include "httpresponse.h"

#include <optional>

namespace MsalQt::Emulator {

class HttpRequest;
struct App;
struct Services;

// private_key_jwt (RFC 7523 §2.2, §3) as the platform checks it: client_assertion_type is
// jwt-bearer; the JWS is RS256, PS256 or ES256, signed by a certificate registered on the app
// (found by x5t, x5t#S256 or kid); aud is this token endpoint; iss = sub = client id; nbf/exp
// hold with five minutes of skew; a jti is present and used once.
class ClientAssertionVerifier
{
public:
    explicit ClientAssertionVerifier(Services &services) : m_services(services) { }

    // nullopt when the assertion authenticates the app; otherwise the 401 invalid_client answer.
    std::optional<HttpResponse> verify(const HttpRequest &request, const App &app) const;

private:
    Services &m_services;
};

} // namespace MsalQt::Emulator
