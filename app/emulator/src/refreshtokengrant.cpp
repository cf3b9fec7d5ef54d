#include "refreshtokengrant.h"

#include "httprequest.h"
#include "scopeset.h"
#include "services.h"

namespace MsalQt::Emulator {

QString RefreshTokenGrant::grantType() const
{
    return QStringLiteral("refresh_token");
}

HttpResponse RefreshTokenGrant::handle(const TokenRequest &request)
{
    const QString token = request.http.formValue(QStringLiteral("refresh_token"));
    if (token.isEmpty())
        return m_services.errors.missingParameter(request.http, QStringLiteral("refresh_token"));
    if (auto failed = authenticateClient(request))
        return *failed;
    if (auto refused = checkGrantAllowed(request))
        return *refused;
    QStringList authContexts;
    if (auto invalid = requestedAuthContexts(request, &authContexts))
        return *invalid;

    const auto malformed = [&](const QString &why) {
        return error(request, 400, QStringLiteral("invalid_grant"), 70000,
                     QStringLiteral("Provided grant is invalid or malformed.") + why);
    };
    const RefreshGrant *grant = m_services.refreshTokens.find(token);
    if (!grant)
        return malformed({});
    if (grant->clientId != request.client.clientId)
        return malformed(QStringLiteral(" The refresh token was issued to a different client."));
    if (grant->revoked) {
        const QString format = QStringLiteral("MM/dd/yyyy hh:mm:ss");
        return error(request, 400, QStringLiteral("invalid_grant"), 50173,
                     QStringLiteral("The provided grant has expired due to it being revoked, a fresh auth token is "
                                    "needed. The user might have changed or reset their password. The grant was issued "
                                    "on '%1' and the TokensValidFrom date (before which tokens are not valid) for this "
                                    "user is '%2'.")
                         .arg(grant->issuedAt.toString(format), grant->revokedAt.toString(format)));
    }
    const User *user = m_services.config.userByOid(grant->userOid);
    if (!user)
        return malformed(QStringLiteral(" The user no longer exists."));
    if (auto refused = m_services.tenants.checkUser(request.authority, *user, request.client)) {
        refused->error = QStringLiteral("invalid_grant");
        return m_services.errors.platform(request.http, *refused);
    }

    // Refresh tokens are multi-resource: the client may ask for any scope; none means the
    // original request's scope.
    QString scope = request.http.formValue(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        scope = grant->scope;
    PlatformError scopeError;
    const auto scopes = ScopeSet::parse(scope, m_services.config, &scopeError);
    if (!scopes)
        return m_services.errors.platform(request.http, scopeError);

    TokenIssuer::DelegatedOptions options;
    options.b2cPolicy = request.authority.policy;
    options.refreshToken = true; // the platform rotates refresh tokens on every redemption
    options.clientInfo = wantsClientInfo(request);
    options.mfaPerformed = user->mfaRequired;
    options.authContexts = authContexts;
    options.clientCapabilities = requestedClientCapabilities(request);
    options.tenantId = TenantResolver::issuingTenant(request.authority, *user);
    return HttpResponse::json(200, m_services.issuer.issueDelegated(request.client, *user, *scopes, options));
}

} // namespace MsalQt::Emulator
