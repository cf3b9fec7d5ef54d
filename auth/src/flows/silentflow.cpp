#include "silentflow_p.h"

#include "accountidentity_p.h"
#include "cache/tokencache_p.h"
#include "jwt_p.h"
#include "logging_p.h"
#include "platformprotocol_p.h"
#include "refreshtokenflow_p.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::SilentFlow)
};
} // namespace

SilentFlow::SilentFlow(ClientApplicationPrivate *application, const QStringList &scopes, const Account &account,
                       ClientApplication::SilentOptions options, const QString &claims)
    : TokenRequestPrivate(application, scopes), m_account(account), m_options(options), m_claims(claims)
{
}

AuthError SilentFlow::checkAfterCacheLoad() const
{
    // After the load, with the accounts the storage holds: a null account here usually comes
    // from accounts() read before the cache was loaded, and the error should be the storage's
    // when that failed.
    if (m_account.isNull()) {
        AuthError error(AuthError::UiRequired, Tr::tr("No account was given: sign in interactively first."));
        error.setSubError(QStringLiteral("no_account"));
        return error;
    }
    return {};
}

QStringList SilentFlow::environments() const
{
    // The application's cloud only (its aliases, from the table or instance discovery): an
    // account filed under a host of another cloud, even the same user in the same tenant, is
    // never served here. Before instance discovery ran, an alias it would name is not known
    // yet: the request then resolves the authority and looks again.
    QStringList environments = app->knownEnvironments();
    // The same cloud's aliases, as the other tenant's instance discovery named them (when the
    // application's own authority has not been resolved yet).
    if (!requestTenant.isEmpty()) {
        for (const QString &alias : resolver()->environments()) {
            if (!environments.contains(alias, Qt::CaseInsensitive))
                environments.append(alias);
        }
    }
    // MSAL Python (1.21) files entries under the authority's host without its port: that names
    // this host too (a host with another port is another server, and is not taken).
    const QUrl authority = app->authority.url();
    if (authority.port() >= 0 && m_account.environment().compare(authority.host(), Qt::CaseInsensitive) == 0
        && !environments.contains(authority.host(), Qt::CaseInsensitive))
        environments.append(authority.host());
    return environments;
}

QString SilentFlow::realm() const
{
    // A tenant authority names the tenant; the audiences (common, organizations, consumers)
    // and a domain name mean the account's own tenant.
    const Authority authority = this->authority();
    if ((authority.type() == Authority::Tenant || authority.type() == Authority::Ciam)
        && !QUuid::fromString(authority.tenant()).isNull())
        return authority.tenant();
    if (!requestTenant.isEmpty()) {
        // A tenant the request names by domain: its id is in the tenant's issuer once the
        // metadata is known; until then the lookup misses, and the refresh finds out.
        const QString issuerTenant = QUrl(metadata.issuer).path().section(QLatin1Char('/'), 1, 1);
        return QUuid::fromString(issuerTenant).isNull() ? authority.tenant() : issuerTenant;
    }
    return cacheRealm(m_account.tenantId());
}

QStringList SilentFlow::lookupScopes() const
{
    // The OpenID Connect scopes are asked for with every user token, but a server need not
    // echo them in the granted scope: they do not decide whether a cached token fits.
    QStringList scopes;
    for (const QString &scope : std::as_const(this->scopes)) {
        const QString lower = lowercase(scope.trimmed());
        if (!lower.isEmpty() && !isReservedScope(lower))
            scopes.append(lower);
    }
    std::sort(scopes.begin(), scopes.end());
    scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());
    return scopes;
}

const CredentialEntry *SilentFlow::usableAccessToken(const QStringList &environments) const
{
    if (m_options.testFlag(ClientApplication::ForceRefresh) || !m_claims.isEmpty())
        return nullptr;
    const CredentialEntry *entry = TokenCachePrivate::get(app->tokenCache)
                                       ->findAccessToken(environments, m_account.homeAccountId(), app->clientId,
                                                         realm(), lookupScopes());
    return entry && isUsable(*entry) ? entry : nullptr;
}

bool SilentFlow::serveFromCache()
{
    const QStringList environments = this->environments();
    if (const CredentialEntry *entry = usableAccessToken(environments)) {
        finishWithResult(resultFromCache(*entry, environments));
        return true;
    }
    return false;
}

QString SilentFlow::flightKey() const
{
    return QStringList{m_account.homeAccountId(), m_account.environment(), realm(), lookupScopes().join(QLatin1Char(' ')),
                       m_claims, QString::number(int(m_options))}
        .join(QLatin1Char('\n'))
        .toLower();
}

void SilentFlow::run()
{
    const QStringList environments = this->environments();
    // The cloud's aliases are known now: a token filed under another alias may serve.
    if (const CredentialEntry *entry = usableAccessToken(environments)) {
        finishWithResult(resultFromCache(*entry, environments));
        return;
    }
    const QString key = flightKey();
    if (SilentFlow *leader = app->silentLeaders.value(key)) {
        leader->m_followers.append(q_ptr);
        return;
    }
    m_leading = true;
    app->silentLeaders.insert(key, this);
    refresh();
}

void SilentFlow::refresh()
{
    const QStringList environments = this->environments();
    TokenCachePrivate *cache = TokenCachePrivate::get(app->tokenCache);
    if (const CredentialEntry *stale = cache->findAccessToken(environments, m_account.homeAccountId(), app->clientId,
                                                              realm(), lookupScopes())) {
        if (stale->expiresOn > now().toSecsSinceEpoch() + 300 && m_claims.isEmpty()
            && !m_options.testFlag(ClientApplication::ForceRefresh)) {
            m_fallback = resultFromCache(*stale, environments);
        }
    }
    const CredentialEntry *refreshToken = cache->findRefreshToken(environments, m_account.homeAccountId(), app->clientId);
    if (!refreshToken) {
        AuthError error(AuthError::UiRequired,
                        Tr::tr("There is no refresh token for %1 in the cache: sign in interactively.")
                            .arg(m_account.username()));
        error.setSubError(QStringLiteral("no_tokens_found"));
        finishWithError(error);
        return;
    }
    FormFields grant{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                     {QStringLiteral("refresh_token"), refreshToken->secret()}};
    if (!m_claims.isEmpty())
        grant.append({QStringLiteral("claims"), m_claims});
    qCDebug(lcMsalAuth) << "Silent request" << correlationId << "redeems the refresh token";
    redeem(grant, [this](const AuthError &error) { return onRefreshError(error); });
}

AuthError SilentFlow::checkAnswerAccount(const QString &homeAccountId, const QJsonObject &idTokenClaims) const
{
    // Who the refresh token belongs to comes from the cache, not from the answer: the home
    // account id it was found under, and the ID token of the account's original sign-in.
    AccountIdentity expected;
    expected.homeAccountId = m_account.homeAccountId();
    const Authority authority = this->authority();
    expected.microsoft = Internal::speaksPlatformProtocol(authority);
    expected.b2cPolicy = authority.policy();
    const QString realm = this->realm();
    // A tenant named by domain name has a GUID we only learn from the answer (or, for a tenant
    // the request names, from its issuer). A guest's answer in another tenant than its home
    // carries another oid: checkSameAccount() allows that outside the home tenant.
    if (expected.microsoft && !QUuid::fromString(realm).isNull()
        && ((authority.type() != Authority::Tenant && authority.type() != Authority::Ciam)
            || realm == authority.tenant() || !requestTenant.isEmpty())) {
        expected.tenantId = realm;
    }
    // The original sign-in to compare with is the one in the answer's tenant (ID tokens are
    // cached per tenant): with the tenant known, that is checked to be the one refreshed.
    const QString tokenTenant = idTokenClaims.value(QLatin1String("tid")).toString();
    const QString idTokenRealm = expected.tenantId.isEmpty() && !tokenTenant.isEmpty() ? cacheRealm(tokenTenant) : realm;
    if (const CredentialEntry *idToken = TokenCachePrivate::get(app->tokenCache)
                                             ->findIdToken(environments(), m_account.homeAccountId(), app->clientId,
                                                           idTokenRealm)) {
        // Validated when it was received; decoding is enough now.
        if (const auto jwt = Jwt::decode(idToken->secret().toUtf8()))
            expected.idTokenClaims = jwt->claims;
    }
    return checkSameAccount(expected, homeAccountId, idTokenClaims);
}

bool SilentFlow::onRefreshError(const AuthError &error)
{
    // invalid_grant: the refresh token expired, was revoked, or the password changed. Together
    // with interaction_required, consent_required, login_required and MFA (already UiRequired)
    // only an interactive sign-in helps; keep what the server said, claims included.
    if (const auto uiRequired = RefreshTokenFlow::uiRequiredFromRefreshError(error, m_claims)) {
        finishWithError(*uiRequired);
        return true;
    }
    if (!m_fallback.isNull()) {
        qCInfo(lcMsalAuth) << "Refresh failed (" << AuthError::typeName(error.type())
                           << "); the cached token is still valid and is returned";
        finishWithResult(m_fallback);
        return true;
    }
    return false;
}

void SilentFlow::followLeader(const SilentFlow *leader)
{
    if (app->closing) {
        // The application is being deleted: nothing is tried again.
        finishWithError(leader->error);
        return;
    }
    if (leader->error.type() == AuthError::Cancelled) {
        // The leader's caller gave up, not ours: try again, one of the followers leading.
        run();
        return;
    }
    if (leader->error.isError()) {
        finishWithError(leader->error);
        return;
    }
    AuthenticationResult shared = leader->result;
    shared.setCorrelationId(correlationId);
    finishWithResult(shared);
}

void SilentFlow::stop()
{
    if (!m_leading)
        return;
    m_leading = false;
    app->silentLeaders.remove(flightKey());
    const auto followers = std::exchange(m_followers, {});
    for (const QPointer<TokenRequest> &follower : followers) {
        if (follower && !follower->isFinished())
            static_cast<SilentFlow *>(TokenRequestPrivate::get(follower))->followLeader(this);
    }
}

} // namespace MsalQt
