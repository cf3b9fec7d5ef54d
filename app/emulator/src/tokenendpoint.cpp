#include "tokenendpoint.h"

#include "authorizationcodegrant.h"
#include "clientcredentialsgrant.h"
#include "devicecodegrant.h"
#include "passwordgrant.h"
#include "httprequest.h"
#include "onbehalfofgrant.h"
#include "refreshtokengrant.h"
#include "services.h"

namespace MsalQt::Emulator {

TokenEndpoint::TokenEndpoint(Services &services)
    : m_services(services)
{
    add(std::make_unique<DeviceCodeGrant>(services));
    add(std::make_unique<ClientCredentialsGrant>(services));
    add(std::make_unique<RefreshTokenGrant>(services));
    add(std::make_unique<PasswordGrant>(services));
    add(std::make_unique<SamlBearerGrant>(services, QStringLiteral("urn:ietf:params:oauth:grant-type:saml1_1-bearer")));
    add(std::make_unique<SamlBearerGrant>(services, QStringLiteral("urn:ietf:params:oauth:grant-type:saml2-bearer")));
    add(std::make_unique<AuthorizationCodeGrant>(services));
    add(std::make_unique<OnBehalfOfGrant>(services));
}

TokenEndpoint::~TokenEndpoint() = default;

void TokenEndpoint::add(std::unique_ptr<GrantHandler> handler)
{
    const QString type = handler->grantType();
    m_grants.insert(type, std::shared_ptr<GrantHandler>(std::move(handler)));
}

HttpResponse TokenEndpoint::handle(const HttpRequest &request, const TenantRef &tenant)
{
    const ErrorResponses &errors = m_services.errors;
    if (request.method() != "POST")
        return errors.postOnly(request);

    const QString grantType = request.formValue(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return errors.missingParameter(request, QStringLiteral("grant_type"));
    const auto handler = m_grants.value(grantType);
    if (!handler)
        return errors.platform(request, 400, QStringLiteral("unsupported_grant_type"), 70003,
                               QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));

    QString clientId = request.formValue(QStringLiteral("client_id"));
    if (clientId.isEmpty() && request.hasBasicAuth())
        clientId = request.basicUser();
    if (clientId.isEmpty())
        return errors.missingParameter(request, QStringLiteral("client_id"));
    const App *app = m_services.config.app(clientId);
    if (!app) {
        const QString directory = tenant.tenant ? tenant.tenant->displayName : tenant.segment;
        return errors.applicationNotFound(request, clientId, directory);
    }
    return handler->handle(TokenRequest{request, tenant, *app});
}

} // namespace MsalQt::Emulator
