#include "clientcredentialsgrant.h"

#include "httprequest.h"
#include "scopeset.h"
#include "services.h"

namespace MsalQt::Emulator {

QString ClientCredentialsGrant::grantType() const
{
    return QStringLiteral("client_credentials");
}

HttpResponse ClientCredentialsGrant::handle(const TokenRequest &request)
{
    // App-only tokens belong to one tenant; the multi-tenant aliases cannot name it.
    if (request.authority.isAlias() || (request.authority.tenant && request.authority.tenant->consumers))
        return error(request, 400, QStringLiteral("invalid_request"), 50059,
                     QStringLiteral("No tenant-identifying information found in either the request or implied by any "
                                    "provided credentials."));
    if (auto failed = authenticateClient(request))
        return *failed;
    if (request.client.isPublic)
        return error(request, 401, QStringLiteral("invalid_client"), 7000218,
                     QStringLiteral("The request body must contain the following parameter: 'client_assertion' or "
                                    "'client_secret'."));
    if (auto refused = checkGrantAllowed(request))
        return *refused;

    const QString scope = request.http.formValue(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        return m_services.errors.missingParameter(request.http, QStringLiteral("scope"));
    const Resource *resource = ScopeSet::appOnlyResource(scope, m_services.config);
    if (!resource) {
        const QString trimmed = scope.trimmed();
        if (!trimmed.contains(QLatin1Char(' ')) && trimmed.endsWith(QLatin1String("/.default")))
            return error(request, 400, QStringLiteral("invalid_resource"), 500011,
                         QStringLiteral("The resource principal named %1 was not found in the tenant named %2. This "
                                        "can happen if the application has not been installed by the administrator "
                                        "of the tenant or consented to by any user in the tenant. You might have sent "
                                        "your authentication request to the wrong tenant.")
                             .arg(trimmed.chopped(9), request.authority.tenant->displayName));
        return error(request, 400, QStringLiteral("invalid_scope"), 1002012,
                     QStringLiteral("The provided value for scope %1 is not valid. Client credential flows must have a "
                                    "scope value with /.default suffixed to the resource identifier (application ID "
                                    "URI).").arg(scope));
    }
    return HttpResponse::json(200, m_services.issuer.issueAppOnly(request.client, *resource,
                                                                  request.authority.tenant->id, scope));
}

} // namespace MsalQt::Emulator
