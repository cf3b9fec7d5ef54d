#include "granthandler.h"

#include "clientauthenticator.h"
#include "httprequest.h"
#include "services.h"

namespace MsalQt::Emulator {

GrantHandler::~GrantHandler() = default;

HttpResponse GrantHandler::error(const TokenRequest &request, int httpStatus, const QString &error, int aadstsCode,
                                 const QString &description) const
{
    return m_services.errors.platform(request.http, httpStatus, error, aadstsCode, description);
}

std::optional<HttpResponse> GrantHandler::authenticateClient(const TokenRequest &request) const
{
    return ClientAuthenticator(m_services).authenticate(request.http, request.client);
}

std::optional<HttpResponse> GrantHandler::checkGrantAllowed(const TokenRequest &request) const
{
    if (request.client.allowsGrant(grantType()))
        return std::nullopt;
    // The platform has no dedicated code for "grant not enabled on this registration"; this
    // body carries no AADSTS code so that nobody mistakes it for a real one.
    return m_services.errors.platform(request.http, 400, QStringLiteral("unauthorized_client"), 0,
                                      QStringLiteral("The application '%1'(%2) is not configured to use the grant "
                                                     "type '%3'.")
                                          .arg(request.client.displayName, request.client.clientId, grantType()));
}

bool GrantHandler::wantsClientInfo(const TokenRequest &request)
{
    return request.http.formValue(QStringLiteral("client_info")) == QLatin1String("1");
}

} // namespace MsalQt::Emulator
