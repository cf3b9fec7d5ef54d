#include "onbehalfofflow_p.h"

#include "cache/tokencache_p.h"
#include "logging_p.h"

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::OnBehalfOfFlow)
};
} // namespace

OnBehalfOfFlow::OnBehalfOfFlow(ClientApplicationPrivate *application, const QString &userAssertion,
                               const QStringList &scopes)
    : TokenRequestPrivate(application, scopes)
    , m_assertion(userAssertion.trimmed())
    , m_assertionHash(m_assertion.isEmpty() ? QString() : Internal::userAssertionHash(m_assertion))
{
}

AuthError OnBehalfOfFlow::checkRequest() const
{
    if (!app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("On-behalf-of needs a confidential client: only a service that can prove who it is may "
                                "exchange a user's token."));
    }
    if (app->authority.type() == Authority::B2C) {
        // B2C has no on-behalf-of grant (an API it protects cannot trade a user's token).
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Azure AD B2C does not offer the on-behalf-of flow."));
    }
    if (m_assertion.isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("On-behalf-of needs the user's token that this API received (the bearer token of the "
                                "incoming request)."));
    }
    if (scopes.isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("On-behalf-of needs the downstream API's scopes, such as https://graph.microsoft.com/User.Read."));
    }
    return {};
}

QStringList OnBehalfOfFlow::environments() const
{
    return app->knownEnvironments();
}

// The realm lookups use: the tenant of a tenant authority; any for a multi-tenant one, whose
// tokens are filed under the tenant the user's token came from.
static QString lookupRealm(const Authority &authority)
{
    return authority.type() == Authority::Tenant || authority.type() == Authority::Ciam ? authority.tenant() : QString();
}

bool OnBehalfOfFlow::serveFromCache()
{
    const QStringList wanted = lookupScopes(scopes);
    const QStringList environments = this->environments();
    const CredentialEntry *entry = TokenCachePrivate::get(app->tokenCache)
                                       ->findAccessTokenForAssertion(environments, app->clientId,
                                                                     lookupRealm(app->authority), wanted,
                                                                     m_assertionHash);
    if (!entry || !isUsable(*entry))
        return false;
    qCDebug(lcMsalAuth) << "On-behalf-of request" << correlationId << "answered from the cache";
    finishWithResult(resultFromCache(*entry, environments));
    return true;
}

void OnBehalfOfFlow::run()
{
    const CredentialEntry *refreshToken = TokenCachePrivate::get(app->tokenCache)
                                              ->findRefreshTokenForAssertion(environments(), app->clientId,
                                                                             m_assertionHash);
    if (!refreshToken) {
        redeemAssertion();
        return;
    }
    // Long-running work: the access token expired but the refresh token got with this same user
    // token still stands in for the user. If it is refused, the user token itself is tried.
    qCDebug(lcMsalAuth) << "On-behalf-of request" << correlationId << "redeems its refresh token";
    redeem({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("refresh_token"), refreshToken->secret()}},
           [this](const AuthError &error) {
               if (error.type() != AuthError::UiRequired && error.protocolError() != QLatin1String("invalid_grant"))
                   return false;
               redeemAssertion();
               return true;
           });
}

void OnBehalfOfFlow::redeemAssertion()
{
    qCDebug(lcMsalAuth) << "On-behalf-of request" << correlationId << "exchanges the user token"
                        << redact(m_assertion);
    redeem({{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer")},
            {QStringLiteral("assertion"), m_assertion},
            {QStringLiteral("requested_token_use"), QStringLiteral("on_behalf_of")}});
}

} // namespace MsalQt
