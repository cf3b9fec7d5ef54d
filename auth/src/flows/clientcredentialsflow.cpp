#include "clientcredentialsflow_p.h"

#include "platformprotocol_p.h"

#include "cache/tokencache_p.h"

#include <QCoreApplication>

namespace MsalQt {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::ClientCredentialsFlow)
};
} // namespace

AuthError ClientCredentialsFlow::checkRequest() const
{
    return check(app, requestScopes());
}

AuthError ClientCredentialsFlow::check(const ClientApplicationPrivate *app, const QStringList &requestScopes)
{
    if (!app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Client credentials need a confidential client: a public client has no secret to prove who it is."));
    }
    const Authority &authority = app->authority;
    switch (authority.type()) {
    case Authority::Common:
    case Authority::Organizations:
    case Authority::Consumers:
        // The platform answers AADSTS50059: an app token belongs to one tenant.
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Client credentials need a tenant-specific authority such as https://login.microsoftonline.com/{tenant-id}; \"%1\" names no single tenant.")
                             .arg(authority.tenant()));
    default:
        break;
    }
    if (requestScopes.isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Client credentials need a scope, such as https://graph.microsoft.com/.default."));
    }
    if (Internal::speaksPlatformProtocol(authority)) {
        // The platform (and B2C) grants app permissions per resource, only as "{resource}/.default".
        for (const QString &scope : requestScopes) {
            if (!scope.endsWith(QLatin1String("/.default"))) {
                return AuthError(AuthError::InvalidConfiguration,
                                 Tr::tr("Client credentials take the scope \"{resource}/.default\" (for example https://graph.microsoft.com/.default), not \"%1\".")
                                     .arg(scope));
            }
        }
    }
    return {};
}

bool ClientCredentialsFlow::serveFromCache()
{
    const AuthenticationResult cached = fromCache(app, requestScopes(), correlationId);
    if (cached.isNull())
        return false;
    finishWithResult(cached);
    return true;
}

AuthenticationResult ClientCredentialsFlow::fromCache(const ClientApplicationPrivate *app,
                                                      const QStringList &requestScopes, const QString &correlationId)
{
    // App tokens are filed per tenant and client, with no account.
    const QStringList environments = app->knownEnvironments();
    const Internal::CredentialEntry *entry = TokenCachePrivate::get(app->tokenCache)->findAccessToken(
        environments, QString(), app->clientId, cacheRealm(app, QString()),
        Internal::lookupScopes(requestScopes));
    if (!entry || !isUsable(*entry, app->nowSecs()))
        return {};
    return resultFromCache(app, *entry, environments, correlationId);
}

AuthenticationResult ClientCredentialsFlow::cachedResult(const ClientApplicationPrivate *app,
                                                         const QStringList &scopes)
{
    // The request's own checks first, as start() makes them: what it would refuse is no hit.
    const QStringList requestScopes = TokenRequestPrivate::requestScopes(scopes, false); // not a user flow
    if (app->configurationError().isError() || check(app, requestScopes).isError())
        return {};
    return fromCache(app, requestScopes, QString());
}

void ClientCredentialsFlow::run()
{
    redeem({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}});
}

} // namespace MsalQt
