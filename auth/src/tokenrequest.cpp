#include <MsalQt/tokenrequest.h>

#include "accountidentity_p.h"
#include "autorefresh_p.h"
#include "cache/tokencache_p.h"
#include "clientcapabilities_p.h"
#include "jwt_p.h"
#include "idtokenvalidator_p.h"
#include "logging_p.h"
#include "platformprotocol_p.h"
#include "tokenrequest_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUuid>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::TokenRequest)
};
} // namespace

// A random (version 4) UUID, as the platform expects in client-request-id. It needs to be unique,
// not secret: the global generator, seeded once from the system, spares QUuid::createUuid()'s
// call to the system's source for every request.
static QString newCorrelationId()
{
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    QUuid uuid;
    uuid.data1 = words[0];
    uuid.data2 = ushort(words[1]);
    uuid.data3 = ushort(((words[1] >> 16) & 0x0fff) | 0x4000); // version 4
    for (int i = 0; i < 8; ++i)
        uuid.data4[i] = uchar(words[2 + i / 4] >> (8 * (i % 4)));
    uuid.data4[0] = uchar((uuid.data4[0] & 0x3f) | 0x80); // the RFC 4122 variant
    return uuid.toString(QUuid::WithoutBraces);
}

TokenRequestPrivate::TokenRequestPrivate(ClientApplicationPrivate *application, const QStringList &scopes)
    : app(application)
    , scopes(scopes)
    , correlationId(newCorrelationId())
{
}

TokenRequestPrivate::~TokenRequestPrivate() = default;

TokenRequest *TokenRequestPrivate::create(TokenRequestPrivate *flow, QObject *parent)
{
    auto *request = new TokenRequest(*flow, parent);
    flow->app->requests.append(request);
    QMetaObject::invokeMethod(request, [flow] { flow->start(); }, Qt::QueuedConnection);
    return request;
}

QStringList TokenRequestPrivate::requestScopes(const QStringList &scopes, bool userFlow)
{
    QStringList result;
    for (const QString &scope : scopes) {
        const QString trimmed = scope.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result << trimmed;
    }
    if (userFlow) {
        // The OpenID Connect scopes give us the ID token (the account) and a refresh token.
        for (const char *reserved : reservedScopes) {
            const QString scope = QLatin1String(reserved);
            if (!result.contains(scope))
                result << scope;
        }
    }
    return result;
}

const QStringList &TokenRequestPrivate::requestScopes() const
{
    // Asked for by the checks, the cache lookup and the grant: built once. (Not in the
    // constructor: isUserFlow() is the flow's.)
    if (!builtRequestScopes)
        builtRequestScopes = requestScopes(scopes, isUserFlow());
    return *builtRequestScopes;
}

void TokenRequestPrivate::start()
{
    if (finished)
        return;
    AuthError error = app->configurationError();
    if (!error.isError())
        error = app->checkRequestTenant(requestTenant);
    if (!error.isError())
        error = checkRequest();
    if (error.isError()) {
        finishWithError(error);
        return;
    }
    qCDebug(lcMsalAuth) << "Token request" << correlationId << "starting for"
                        << app->authority.url().toString();
    setState(TokenRequest::LoadingCache);
    app->ensureCacheLoaded(q_ptr, [this](const AuthError &cacheError) {
        if (finished)
            return;
        // A storage fault never costs the caller a token: the request goes on with what is in
        // memory and reports the fault beside its outcome (TokenRequest::cacheError()).
        noteCacheError(cacheError);
        if (!cacheError.isError())
            app->retryPendingSave();
        const AuthError error = checkAfterCacheLoad();
        if (error.isError()) {
            finishWithError(error);
            return;
        }
        if (serveFromCache())
            return;
        resolveAndRun();
    });
}

void TokenRequestPrivate::resolveAndRun()
{
    setState(TokenRequest::ResolvingAuthority);
    resolver()->resolve(correlationId, q_ptr, [this](const AuthorityMetadata &m, const AuthError &e) {
        if (finished)
            return;
        if (e.isError()) {
            finishWithError(e);
            return;
        }
        metadata = m;
        run();
    });
}

HttpCall *TokenRequestPrivate::send(HttpRequest request)
{
    request.correlationId = correlationId;
    return app->http->send(request, q_ptr);
}

void TokenRequestPrivate::redeem(const FormFields &grant, const std::function<bool(const AuthError &)> &onError)
{
    HttpRequest request;
    request.url = metadata.tokenEndpoint;
    request.form = grant;
    AuthError capabilitiesError; // the application's client capabilities ride in every grant's claims
    if (!addClientCapabilities(&request.form, app->clientCapabilities, &capabilitiesError)) {
        finishWithError(capabilitiesError);
        return;
    }
    request.form.append({QStringLiteral("client_id"), app->clientId});
    const QString scope = requestScopeString();
    if (!scope.isEmpty())
        request.form.append({QStringLiteral("scope"), scope});
    if (isUserFlow() && Internal::speaksPlatformProtocol(app->authority))
        request.form.append({QStringLiteral("client_info"), QStringLiteral("1")});
    const AuthError authenticationError = app->addClientAuthentication(&request.form, metadata.tokenEndpoint);
    if (authenticationError.isError()) {
        finishWithError(authenticationError);
        return;
    }
    request.retry = mayRetryTokenRequest();

    if (!(redeemsWhileWaiting() && state == TokenRequest::WaitingForUser))
        setState(TokenRequest::RequestingToken);
    HttpCall *call = send(request);
    QObject::connect(call, &HttpCall::finished, q_ptr, [this, call, onError] {
        call->deleteLater();
        const HttpResponse &response = call->response();
        if (!response.isHttpSuccess()) {
            const AuthError error = errorFromHttpResponse(response, correlationId);
            if (onError && onError(error))
                return;
            finishWithError(error);
            return;
        }
        AuthError error;
        const auto token = parseTokenResponse(response.body, &error);
        if (!token) {
            error.setCorrelationId(correlationId);
            error.setHttpStatus(response.status);
            finishWithError(error);
            return;
        }
        handleTokenResponse(*token);
    });
}

void TokenRequestPrivate::handleTokenResponse(const TokenResponse &response)
{
    if (response.idToken.isEmpty()) {
        complete(response, {});
        return;
    }
    validateIdToken(response, false);
}

void TokenRequestPrivate::validateIdToken(const TokenResponse &response, bool keysRefreshed)
{
    resolver()->keys(keysRefreshed, correlationId, q_ptr,
                        [this, response, keysRefreshed](const Jwks &keys, const AuthError &keyError) {
        if (finished)
            return;
        if (keyError.isError()) {
            finishWithError(keyError);
            return;
        }
        IdTokenExpectations expect;
        expect.issuer = metadata.issuer;
        expect.clientId = app->clientId;
        expect.nonce = expectedNonce();
        expect.maxAge = expectedMaxAge();
        expect.now = now();
        expect.clockSkew = app->clockSkew;
        const IdTokenValidation validation =
            Internal::validateIdToken(response.idToken.toUtf8(), keys, expect);
        if (validation.check == IdTokenCheck::UnknownKey && !keysRefreshed) {
            // Keys roll over: fetch the set once more before calling the token forged.
            qCInfo(lcMsalToken) << "ID token signed with an unknown key; refreshing the key set";
            validateIdToken(response, true);
            return;
        }
        if (validation.check != IdTokenCheck::Ok) {
            qCWarning(lcMsalToken) << "ID token rejected:" << idTokenCheckName(validation.check);
            AuthError error(AuthError::InvalidToken,
                            Tr::tr("The ID token was rejected (%1): %2")
                                .arg(idTokenCheckName(validation.check), validation.detail));
            error.setCorrelationId(correlationId);
            finishWithError(error);
            return;
        }
        complete(response, validation.token.claims);
    });
}

void TokenRequestPrivate::complete(const TokenResponse &response, const QJsonObject &claims)
{
    const QString homeAccountId = homeAccountIdOf(app->authority, response.clientInfo, claims);
    const AuthError identityError = checkAnswerAccount(homeAccountId, claims);
    if (identityError.isError()) {
        // Before anything is stored: the cache keeps this account's tokens as they were.
        qCWarning(lcMsalToken) << "Token answer refused:" << identityError.message();
        finishWithError(identityError);
        return;
    }
    const QDateTime issued = now();
    AuthenticationResult result;
    result.setAccessToken(response.accessToken);
    result.setTokenType(response.tokenType);
    result.setExpiresOn(issued.addSecs(response.expiresIn));
    result.setExtendedExpiresOn(issued.addSecs(response.extExpiresIn));
    if (response.refreshIn > 0)
        result.setRefreshOn(issued.addSecs(response.refreshIn));
    result.setScopes(response.scope.isEmpty() ? requestScopes() : splitScopes(response.scope));
    result.setCorrelationId(correlationId);
    const Authority authority = this->authority();
    result.setTenantId(authority.type() == Authority::Tenant || authority.type() == Authority::Ciam ? authority.tenant()
                                                                                                    : QString());

    if (!claims.isEmpty()) {
        result.setIdToken(response.idToken);
        result.setIdTokenClaims(claims);
        const QString tid = claims.value(QLatin1String("tid")).toString();
        const QString oid = claims.value(QLatin1String("oid")).toString();
        const QString sub = claims.value(QLatin1String("sub")).toString();

        Account account;
        account.setHomeAccountId(homeAccountId);
        account.setEnvironment(metadata.preferredCache);
        account.setTenantId(tid);
        account.setLocalAccountId(oid.isEmpty() ? sub : oid);
        QString username = claims.value(QLatin1String("preferred_username")).toString();
        if (username.isEmpty())
            username = claims.value(QLatin1String("upn")).toString();
        if (username.isEmpty())
            username = claims.value(QLatin1String("email")).toString();
        if (username.isEmpty()) // Azure AD B2C: the sign-in addresses, in "emails"
            username = claims.value(QLatin1String("emails")).toArray().at(0).toString();
        account.setUsername(username);
        account.setName(claims.value(QLatin1String("name")).toString());
        result.setAccount(account);
        if (!tid.isEmpty())
            result.setTenantId(tid);
    }
    store(response, result);
    app->persistCache(q_ptr, [this, result](const AuthError &saveError) {
        noteCacheError(saveError);
        finishWithResult(result);
    });
}

QString TokenRequestPrivate::cacheRealm(const ClientApplicationPrivate *app, const QString &tokenTenant)
{
    return cacheRealm(app->authority, tokenTenant);
}

QString TokenRequestPrivate::cacheRealm(const Authority &authority, const QString &tokenTenant)
{
    // MSAL Python files AD FS tokens under the realm "adfs" (the token endpoint's first path
    // segment), as msal-common does for its access tokens.
    if (authority.type() == Authority::Adfs)
        return authority.tenant();
    if (!Internal::speaksPlatformProtocol(authority))
        return {};
    return tokenTenant.isEmpty() ? authority.tenant() : tokenTenant;
}

// What a token response leaves in the cache (the schema's rules): the access token, the refresh
// token (a rotated one replaces the old; none in the answer keeps the old), the ID token, the
// account and the app's metadata.
void TokenRequestPrivate::store(const TokenResponse &response, const AuthenticationResult &result)
{
    TokenCachePrivate *cache = TokenCachePrivate::get(app->tokenCache);
    const Account account = result.account();
    const QString environment = metadata.preferredCache.isEmpty() ? app->authority.host() : metadata.preferredCache;
    const QString realm = cacheRealm(result.tenantId());
    const qint64 cachedAt = now().toSecsSinceEpoch();

    CredentialEntry accessToken;
    accessToken.type = CredentialType::AccessToken;
    accessToken.homeAccountId = account.homeAccountId();
    accessToken.environment = environment;
    accessToken.clientId = app->clientId;
    accessToken.realm = realm;
    accessToken.target = result.scopes().join(QLatin1Char(' '));
    accessToken.scopes = scopeList(accessToken.target);
    accessToken.setSecret(result.accessToken());
    accessToken.cachedAt = cachedAt;
    accessToken.expiresOn = result.expiresOn().toSecsSinceEpoch();
    accessToken.extendedExpiresOn = result.extendedExpiresOn().toSecsSinceEpoch();
    if (result.refreshOn().isValid())
        accessToken.refreshOn = result.refreshOn().toSecsSinceEpoch();
    accessToken.userAssertionHash = userAssertionHash();
    cache->storeAccessToken(accessToken);

    if (!account.isNull()) {
        CredentialEntry credential;
        credential.homeAccountId = account.homeAccountId();
        credential.environment = environment;
        credential.clientId = app->clientId;
        if (!response.refreshToken.isEmpty()) {
            credential.type = CredentialType::RefreshToken;
            credential.setSecret(response.refreshToken);
            credential.familyId = response.familyId;
            credential.userAssertionHash = userAssertionHash();
            cache->storeRefreshToken(credential);
        }
        if (!response.idToken.isEmpty()) {
            credential.type = CredentialType::IdToken;
            credential.familyId.clear();
            credential.realm = realm;
            credential.setSecret(response.idToken);
            cache->storeIdToken(credential);
        }
        AccountEntry entry;
        entry.homeAccountId = account.homeAccountId();
        entry.environment = environment;
        entry.realm = realm;
        entry.localAccountId = account.localAccountId();
        entry.username = account.username();
        entry.name = account.name();
        entry.authorityType = app->authority.type() == Authority::Adfs       ? QStringLiteral("ADFS")
            : Internal::speaksPlatformProtocol(app->authority) ? QStringLiteral("MSSTS")
                                                               : QStringLiteral("Generic");
        cache->storeAccount(entry);
    }
    cache->storeAppMetadata(environment, app->clientId, response.familyId);
}

bool TokenRequestPrivate::isUsable(const CredentialEntry &accessToken, qint64 now)
{
    // Five minutes' margin, as the other MSAL libraries: a token about to expire would fail at
    // the resource before the caller gets to use it.
    return accessToken.expiresOn > now + 300 && (accessToken.refreshOn == 0 || accessToken.refreshOn > now);
}

static QDateTime utcFromSecsSinceEpoch(qint64 secs)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::UTC);
#else
    // Before Qt 6.5 a QTimeZone, even UTC, is a zone object looked up by name and consulted for
    // each conversion; the time spec is the plain UTC that now() gives too.
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
#endif
}

AuthenticationResult TokenRequestPrivate::resultFromCache(const ClientApplicationPrivate *app,
                                                          const CredentialEntry &accessToken,
                                                          const QStringList &environments,
                                                          const QString &correlationId)
{
    const TokenCachePrivate *cache = TokenCachePrivate::get(app->tokenCache);
    AuthenticationResult result;
    result.setAccessToken(accessToken.secret());
    result.setTokenType(QStringLiteral("Bearer")); // only bearer entries are served (CredentialEntry::bearer)
    result.setExpiresOn(utcFromSecsSinceEpoch(accessToken.expiresOn));
    result.setExtendedExpiresOn(utcFromSecsSinceEpoch(qMax(accessToken.extendedExpiresOn, accessToken.expiresOn)));
    if (accessToken.refreshOn > 0)
        result.setRefreshOn(utcFromSecsSinceEpoch(accessToken.refreshOn));
    result.setScopes(splitScopes(accessToken.target));
    result.setTenantId(accessToken.realm);
    result.setCorrelationId(correlationId);
    result.setFromCache(true);
    if (accessToken.homeAccountId.isEmpty())
        return result;
    if (const CredentialEntry *idToken = cache->findIdToken(environments, accessToken.homeAccountId,
                                                            accessToken.clientId, accessToken.realm)) {
        result.setIdToken(idToken->secret()); // its claims are decoded when asked for (idTokenClaims())
    }
    if (const AccountEntry *entry = cache->findAccount(environments, accessToken.homeAccountId, accessToken.realm)) {
        Account account;
        account.setHomeAccountId(entry->homeAccountId);
        account.setEnvironment(entry->environment);
        account.setTenantId(entry->realm);
        account.setLocalAccountId(entry->localAccountId);
        account.setUsername(entry->username);
        account.setName(entry->name);
        result.setAccount(account);
    }
    return result;
}

void TokenRequestPrivate::emitDeviceCode(const DeviceCode &code)
{
    Q_Q(TokenRequest);
    setState(TokenRequest::WaitingForUser);
    Q_EMIT q->deviceCodeReceived(code, TokenRequest::QPrivateSignal());
}

void TokenRequestPrivate::setState(TokenRequest::State newState)
{
    if (finished || state == newState)
        return;
    state = newState;
    Q_Q(TokenRequest);
    Q_EMIT q->stateChanged(state, TokenRequest::QPrivateSignal());
}

void TokenRequestPrivate::finishWithError(const AuthError &e)
{
    if (finished)
        return;
    error = e;
    if (error.correlationId().isEmpty())
        error.setCorrelationId(correlationId);
    qCInfo(lcMsalAuth).noquote() << "Token request" << correlationId << "failed:"
                                 << AuthError::typeName(error.type()) << error.protocolError();
    finish();
    if (autoDelete)
        q_ptr->deleteLater();
}

void TokenRequestPrivate::finishWithResult(const AuthenticationResult &r)
{
    if (finished)
        return;
    result = r;
    qCDebug(lcMsalAuth) << "Token request" << correlationId << "succeeded";
    if (app->autoRefresher)
        app->autoRefresher->note(r, scopes, now());
    finish();
    if (autoDelete)
        q_ptr->deleteLater();
}

void TokenRequestPrivate::finish()
{
    Q_Q(TokenRequest);
    finished = true;
    stop();
    // Abort whatever is still on the wire: calls are children of the request.
    for (HttpCall *call : q->findChildren<HttpCall *>(Qt::FindDirectChildrenOnly))
        call->abort();
    state = TokenRequest::Finished;
    Q_EMIT q->stateChanged(state, TokenRequest::QPrivateSignal());
    Q_EMIT q->finished(q, TokenRequest::QPrivateSignal());
}

void TokenRequestPrivate::abandon(const QString &message)
{
    if (finished)
        return;
    error = AuthError(AuthError::Cancelled, message);
    error.setCorrelationId(correlationId);
    qCInfo(lcMsalAuth).noquote() << "Token request" << correlationId << "abandoned:" << message;
    finish();
}

void TokenRequestPrivate::cancel()
{
    finishWithError(AuthError(AuthError::Cancelled));
}

TokenRequest::TokenRequest(TokenRequestPrivate &dd, QObject *parent) : QObject(parent), d_ptr(&dd)
{
    d_ptr->q_ptr = this;
}

TokenRequest::~TokenRequest()
{
    Q_D(TokenRequest);
    // The flow is still whole here (d_ptr goes after this body): it can close its agent.
    d->abandon(Tr::tr("The request was deleted before it finished."));
    if (d->app)
        d->app->requests.removeOne(this);
}

TokenRequest::State TokenRequest::state() const
{
    Q_D(const TokenRequest);
    return d->state;
}

bool TokenRequest::isFinished() const
{
    Q_D(const TokenRequest);
    return d->finished;
}

bool TokenRequest::isSuccess() const
{
    Q_D(const TokenRequest);
    return d->finished && !d->error.isError();
}

AuthenticationResult TokenRequest::result() const
{
    Q_D(const TokenRequest);
    return d->result;
}

AuthError TokenRequest::error() const
{
    Q_D(const TokenRequest);
    return d->error;
}

AuthError TokenRequest::cacheError() const
{
    Q_D(const TokenRequest);
    return d->cacheError;
}

QString TokenRequest::correlationId() const
{
    Q_D(const TokenRequest);
    return d->correlationId;
}

bool TokenRequest::autoDelete() const
{
    Q_D(const TokenRequest);
    return d->autoDelete;
}

void TokenRequest::setAutoDelete(bool autoDelete)
{
    Q_D(TokenRequest);
    d->autoDelete = autoDelete;
}

void TokenRequest::cancel()
{
    Q_D(TokenRequest);
    d->cancel();
}

} // namespace MsalQt
