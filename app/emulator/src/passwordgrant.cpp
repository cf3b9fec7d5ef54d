#include "passwordgrant.h"

#include "federationserver.h"
#include "httprequest.h"
#include "scopeset.h"
#include "services.h"

namespace MsalQt::Emulator {

namespace {

// The checks after the user is known, shared by the password and SAML grants: tenant rules,
// MFA, scopes; then the tokens.
HttpResponse issueFor(Services &services, const TokenRequest &request, const User &user, bool passwordOnly,
                      const QStringList &authContexts)
{
    if (auto refused = services.tenants.checkUser(request.authority, user, request.client))
        return services.errors.platform(request.http, *refused);
    if (passwordOnly && user.mfaRequired) {
        PlatformError mfa;
        mfa.error = QStringLiteral("invalid_grant");
        mfa.aadstsCode = 50076;
        mfa.subError = QStringLiteral("basic_action");
        mfa.description = QStringLiteral("Due to a configuration change made by your administrator, or because you "
                                         "moved to a new location, you must use multi-factor authentication to access "
                                         "'00000003-0000-0000-c000-000000000000'.");
        return services.errors.platform(request.http, mfa);
    }
    PlatformError scopeError;
    const auto scopes = ScopeSet::parse(request.http.formValue(QStringLiteral("scope")), services.config, &scopeError);
    if (!scopes)
        return services.errors.platform(request.http, scopeError);
    TokenIssuer::DelegatedOptions options;
    options.b2cPolicy = request.authority.policy;
    options.refreshToken = scopes->offlineAccess();
    options.clientInfo = request.http.formValue(QStringLiteral("client_info")) == QLatin1String("1");
    options.authContexts = authContexts;
    options.clientCapabilities = GrantHandler::requestedClientCapabilities(request);
    return HttpResponse::json(200, services.issuer.issueDelegated(request.client, user, *scopes, options));
}

} // namespace

QString PasswordGrant::grantType() const
{
    return QStringLiteral("password");
}

HttpResponse PasswordGrant::handle(const TokenRequest &request)
{
    for (const char *name : {"username", "password"}) {
        if (request.http.formValue(QLatin1String(name)).isEmpty())
            return m_services.errors.missingParameter(request.http, QLatin1String(name));
    }
    if (auto failed = authenticateClient(request))
        return *failed;
    if (auto refused = checkGrantAllowed(request))
        return *refused;
    QStringList authContexts;
    if (auto invalid = requestedAuthContexts(request, &authContexts))
        return *invalid;
    if (request.authority.kind == TenantRef::Consumers)
        return error(request, 400, QStringLiteral("invalid_grant"), 9002313,
                     QStringLiteral("Invalid request. The password grant is not supported for personal Microsoft accounts."));

    const QString username = request.http.formValue(QStringLiteral("username"));
    const User *user = m_services.config.userByName(username);
    if (!user)
        return error(request, 400, QStringLiteral("invalid_grant"), 50034,
                     QStringLiteral("The user account %1 does not exist in the directory.").arg(username));
    if (user->isMsa())
        return error(request, 400, QStringLiteral("invalid_grant"), 9002313,
                     QStringLiteral("Invalid request. The password grant is not supported for personal Microsoft accounts."));
    const Tenant *tenant = m_services.config.tenantByIdOrDomain(user->tenantId);
    if (tenant && tenant->federated)
        return error(request, 400, QStringLiteral("invalid_grant"), 50126,
                     QStringLiteral("Error validating credentials due to invalid username or password. The user is "
                                    "federated: authenticate at the federation server."));
    if (user->password != request.http.formValue(QStringLiteral("password")))
        return error(request, 400, QStringLiteral("invalid_grant"), 50126,
                     QStringLiteral("Error validating credentials due to invalid username or password."));
    return issueFor(m_services, request, *user, true, authContexts);
}

HttpResponse SamlBearerGrant::handle(const TokenRequest &request)
{
    const QString assertion = request.http.formValue(QStringLiteral("assertion"));
    if (assertion.isEmpty())
        return m_services.errors.missingParameter(request.http, QStringLiteral("assertion"));
    if (auto failed = authenticateClient(request))
        return *failed;
    QStringList authContexts;
    if (auto invalid = requestedAuthContexts(request, &authContexts))
        return *invalid;
    QString why;
    const User *user = FederationServer::redeemAssertion(m_services, QByteArray::fromBase64(assertion.toLatin1()), &why);
    if (!user)
        return error(request, 400, QStringLiteral("invalid_grant"), 50107, why);
    // Federated MFA would be the federation server's business; the emulator's ends at Kerberos
    // or the password, so an MFA user is still refused here as the platform would.
    return issueFor(m_services, request, *user, true, authContexts);
}

} // namespace MsalQt::Emulator
