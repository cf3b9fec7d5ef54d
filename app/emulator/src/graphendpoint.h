#pragma once

#include "httpresponse.h"

#include <QJsonObject>

#include <optional>
#include <variant>

namespace MsalQt::Emulator {

class HttpRequest;
struct Services;
struct User;

// A sliver of Microsoft Graph: GET /v1.0/me, the signed-in user's To Do lists and the OIDC
// userinfo endpoint. Enough for the demo to call an API with the token it got, and for tests
// to prove the token is accepted (or refused) by a resource the way Graph would.
class GraphEndpoint
{
public:
    explicit GraphEndpoint(Services &services) : m_services(services) { }

    HttpResponse me(const HttpRequest &request) const;
    // GET and POST /v1.0/me/todo/lists (GraphTodo, once the caller is authenticated).
    HttpResponse todoLists(const HttpRequest &request);
    HttpResponse userInfo(const HttpRequest &request) const;

private:
    // The token's claims, or the 401 to send.
    std::variant<QJsonObject, HttpResponse> authenticate(const HttpRequest &request) const;
    // 401 with Graph's error body and a Bearer challenge. `error` is the challenge's error
    // parameter; a non-empty `claims` (already base64) makes it a claims challenge.
    HttpResponse unauthorized(const HttpRequest &request, const QString &message,
                              const QString &error = QStringLiteral("invalid_token"),
                              const QString &claims = {}) const;
    // The claims challenge of a Conditional Access authentication context the token does not
    // satisfy; nullopt when none is configured or the token's "acrs" lists it.
    std::optional<HttpResponse> checkAuthContext(const HttpRequest &request, const QJsonObject &claims) const;
    // What every /me path checks: a valid delegated token of a user in the directory that
    // satisfies any required authentication context. The user, or the error to send.
    std::variant<const User *, HttpResponse> authenticateUser(const HttpRequest &request) const;
    HttpResponse methodNotAllowed(const HttpRequest &request) const;

    Services &m_services;
};

} // namespace MsalQt::Emulator
