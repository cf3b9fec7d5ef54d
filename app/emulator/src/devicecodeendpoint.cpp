#include "devicecodeendpoint.h"

#include "httprequest.h"
#include "scopeset.h"
#include "services.h"

namespace MsalQt::Emulator {

HttpResponse DeviceCodeEndpoint::handle(const HttpRequest &request, const TenantRef &tenant) const
{
    const ErrorResponses &errors = m_services.errors;
    if (request.method() != "POST")
        return errors.postOnly(request);

    const QString clientId = request.formValue(QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return errors.missingParameter(request, QStringLiteral("client_id"));
    const App *app = m_services.config.app(clientId);
    if (!app) {
        const QString directory = tenant.tenant ? tenant.tenant->displayName : tenant.segment;
        return errors.applicationNotFound(request, clientId, directory);
    }
    // The device flow is a public-client flow: a confidential app would have to authenticate,
    // which a device showing a code cannot do.
    if (!app->isPublic)
        return errors.platform(request, 400, QStringLiteral("invalid_client"), 7000218,
                               QStringLiteral("The request body must contain the following parameter: "
                                              "'client_assertion' or 'client_secret'."));
    if (!app->allowsGrant(Config::deviceCodeGrant))
        return errors.platform(request, 400, QStringLiteral("unauthorized_client"), 700016,
                               QStringLiteral("The application '%1'(%2) is not allowed to use the device code flow.")
                                   .arg(app->displayName, app->clientId));

    const QString scope = request.formValue(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        return errors.missingParameter(request, QStringLiteral("scope"));
    PlatformError scopeError;
    if (!ScopeSet::parse(scope, m_services.config, &scopeError))
        return errors.platform(request, scopeError);

    const DeviceCode code = m_services.deviceCodes.create(app->clientId, tenant.segment, scope,
                                                          m_services.deviceCodeInterval,
                                                          m_services.deviceCodeExpiresIn);
    const QString verificationUri = m_services.baseUrl.toString() + QStringLiteral("/common/oauth2/deviceauth");
    return HttpResponse::json(200, QJsonObject{
        {QStringLiteral("user_code"), code.userCode},
        {QStringLiteral("device_code"), code.deviceCode},
        {QStringLiteral("verification_uri"), verificationUri},
        {QStringLiteral("expires_in"), m_services.deviceCodeExpiresIn},
        {QStringLiteral("interval"), m_services.deviceCodeInterval},
        {QStringLiteral("message"),
         QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.")
             .arg(verificationUri, code.userCode)},
    });
}

} // namespace MsalQt::Emulator
