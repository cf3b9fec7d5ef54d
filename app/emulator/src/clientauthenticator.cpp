#include "clientauthenticator.h"

#include "clientassertionverifier.h"

#include "httprequest.h"
#include "services.h"

namespace MsalQt::Emulator {

std::optional<HttpResponse> ClientAuthenticator::authenticate(const HttpRequest &request, const App &app) const
{
    const ErrorResponses &errors = m_services.errors;
    const QString formSecret = request.formValue(QStringLiteral("client_secret"));
    const bool hasAssertion = request.hasFormValue(QStringLiteral("client_assertion"));
    const bool basic = request.hasBasicAuth();
    const QString secret = formSecret.isEmpty() && basic ? request.basicPassword() : formSecret;

    if (app.isPublic) {
        if (!secret.isEmpty() || hasAssertion)
            return errors.platform(request, 401, QStringLiteral("invalid_client"), 700025,
                                   QStringLiteral("Client is public so neither 'client_assertion' nor 'client_secret' "
                                                  "should be presented."));
        return std::nullopt;
    }
    if (basic && request.basicUser().compare(app.clientId, Qt::CaseInsensitive) != 0)
        return errors.platform(request, 401, QStringLiteral("invalid_client"), 900023,
                               QStringLiteral("Specified client_id does not match the client_id in the "
                                              "Authorization header."));
    if (hasAssertion) {
        if (!secret.isEmpty())
            return errors.platform(request, 401, QStringLiteral("invalid_client"), 7000218,
                                   QStringLiteral("Only one client authentication method may be used: "
                                                  "'client_assertion' or 'client_secret', not both."));
        return ClientAssertionVerifier(m_services).verify(request, app);
    }
    if (secret.isEmpty())
        return errors.platform(request, 401, QStringLiteral("invalid_client"), 7000218,
                               QStringLiteral("The request body must contain the following parameter: "
                                              "'client_assertion' or 'client_secret'."));
    if (!app.secrets.contains(secret))
        return errors.platform(request, 401, QStringLiteral("invalid_client"), 7000215,
                               QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the "
                                              "request is the client secret value, not the client secret ID, for a "
                                              "secret added to app '%1'.").arg(app.clientId));
    return std::nullopt;
}

} // namespace MsalQt::Emulator
