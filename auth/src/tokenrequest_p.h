#pragma once

#include "authorityresolver_p.h"
#include "clientapplication_p.h"
#include "httpclient_p.h"
#include "cache/cacheentry_p.h"
#include "tokenresponse_p.h"

#include <MsalQt/tokenrequest.h>

#include <chrono>
#include <functional>
#include <optional>

namespace MsalQt {

// The one token-request pipeline all flows share: configuration checks, authority metadata,
// the token endpoint exchange, ID token validation and the result. A flow supplies its checks,
// what happens between metadata and redemption (run()), and its grant's form fields.
class TokenRequestPrivate
{
    Q_DECLARE_PUBLIC(TokenRequest)
public:
    TokenRequestPrivate(ClientApplicationPrivate *application, const QStringList &scopes);
    virtual ~TokenRequestPrivate();

    // Wraps a flow into its public job object, started on the next event-loop turn.
    static TokenRequest *create(TokenRequestPrivate *flow, QObject *parent);
    static TokenRequestPrivate *get(TokenRequest *request) { return request->d_func(); }

    void finishWithError(const AuthError &error);
    void finishWithResult(const AuthenticationResult &result);
    bool isFinished() const { return finished; }
    // Moves the public state on (stateChanged()); Finished is set by the finish functions only.
    void setState(TokenRequest::State state);
    // The request is going away unfinished (deleted, or its application deleted): it ends as
    // Cancelled with `message`, stops its work and emits finished(), without deleting itself.
    void abandon(const QString &message);
    // The application is going away (after abandon()): the request must not reach it any more.
    void detachFromApplication() { app = nullptr; }
    // A token answer, however it arrived (token endpoint or implicit redirect): validates the ID
    // token, builds the result, stores it in the cache, finishes.
    void handleTokenResponse(const Internal::TokenResponse &response);
    // Asks for tokens in `tenant` rather than the authority's tenant (see
    // ClientApplication::acquireTokenSilentForTenant()); checked when the request starts.
    void setRequestTenant(const QString &tenant) { requestTenant = tenant.trimmed(); }
    TokenRequest *q_ptr = nullptr;
    // The storage fault met by this request (TokenRequest::cacheError()); the first one is kept.
    AuthError cacheError;
    void noteCacheError(const AuthError &error)
    {
        if (error.isError() && !cacheError.isError())
            cacheError = error;
    }

protected:
    // Why this flow cannot run with this application, authority and scopes; checked before any
    // network traffic and before the cache is loaded (so a misconfigured request fails at once,
    // without waiting for the storage or the keychain). Only checks of the request's own
    // arguments belong here.
    virtual AuthError checkRequest() const { return {}; }
    // Checks that depend on the cache's contents (the accounts), run once the persisted cache is
    // loaded, so that they see what the storage holds.
    virtual AuthError checkAfterCacheLoad() const { return {}; }
    // Answers from the token cache before any network traffic; true when it has taken the
    // request over (finished it, or will, as the silent-first composite does).
    virtual bool serveFromCache() { return false; }
    // Runs once the authority metadata is known; ends in redeem() or finishWithError().
    virtual void run() = 0;
    // Cancellation or finish: stop timers. Network calls are aborted by the pipeline.
    virtual void stop() {}
    // User-token flows ask for the OpenID Connect scopes and client_info; app-only flows do not.
    virtual bool isUserFlow() const { return true; }
    // The nonce the ID token must carry (OpenID Connect Core §3.1.3.7 step 11), if one was sent.
    virtual QString expectedNonce() const { return {}; }
    // The max_age sent (OpenID Connect Core §3.1.2.1), which the ID token's auth_time must meet.
    virtual std::optional<std::chrono::seconds> expectedMaxAge() const { return std::nullopt; }
    // On-behalf-of: the hash of the incoming user assertion the tokens are filed under (the
    // schema's user_assertion_hash), so that only the same user token finds them again.
    virtual QString userAssertionHash() const { return {}; }
    // Whether a token answer is for the account this request is about (a refresh: the account
    // refreshed); an error (IdentityMismatch) refuses the answer before anything is cached.
    // `homeAccountId` is what the answer names (empty: nothing), `idTokenClaims` its validated
    // ID token's claims (empty: none).
    virtual AuthError checkAnswerAccount(const QString &homeAccountId, const QJsonObject &idTokenClaims) const
    {
        Q_UNUSED(homeAccountId)
        Q_UNUSED(idTokenClaims)
        return {};
    }
    // Whether a token request may be sent twice (one retry on 5xx or timeout). Not for a grant
    // that can only be redeemed once, such as an authorization code.
    virtual bool mayRetryTokenRequest() const { return true; }
    // Whether redeeming leaves the state at WaitingForUser: device-code polling redeems while
    // the person is still typing the code.
    virtual bool redeemsWhileWaiting() const { return false; }

public:
    // The scopes sent: the ones asked for, trimmed, each once, plus openid/profile/offline_access
    // for user flows.
    static QStringList requestScopes(const QStringList &scopes, bool userFlow);
    // An access token entry as a result, with its ID token and account when it has them.
    static AuthenticationResult resultFromCache(const ClientApplicationPrivate *app,
                                                const Internal::CredentialEntry &accessToken,
                                                const QStringList &environments, const QString &correlationId);
    // Valid for a while yet at `now` (seconds since the epoch): not expired within the safety
    // margin, refresh_on not passed.
    static bool isUsable(const Internal::CredentialEntry &accessToken, qint64 now);

protected:
    // This request's scopes (above), built once.
    const QStringList &requestScopes() const;
    QString requestScopeString() const { return requestScopes().join(QLatin1Char(' ')); }

    Internal::HttpCall *send(Internal::HttpRequest request);

    // POSTs the grant to the token endpoint (client id, scope and client authentication added).
    // A service error goes to `onError` first, which returns true when it has dealt with it
    // (device-code polling); otherwise the request fails with it.
    void redeem(const Internal::FormFields &grant,
                const std::function<bool(const AuthError &)> &onError = {});

    void emitDeviceCode(const DeviceCode &code);
    QDateTime now() const { return app->now(); }

    // The authority this request asks: the application's, or the one of the tenant the request
    // names (setRequestTenant()).
    Authority authority() const { return app->authorityForTenant(requestTenant); }
    Internal::AuthorityResolver *resolver() const { return app->resolverFor(requestTenant); }
    // The tenant ("realm") cache entries of this request are filed under.
    QString cacheRealm(const QString &tokenTenant) const;
    static QString cacheRealm(const ClientApplicationPrivate *app, const QString &tokenTenant);
    static QString cacheRealm(const Authority &authority, const QString &tokenTenant);
    AuthenticationResult resultFromCache(const Internal::CredentialEntry &accessToken,
                                         const QStringList &environments) const
    {
        return resultFromCache(app, accessToken, environments, correlationId);
    }
    bool isUsable(const Internal::CredentialEntry &accessToken) const { return isUsable(accessToken, app->nowSecs()); }

    ClientApplicationPrivate *app;
    QString requestTenant; // empty: the authority's tenant
    QStringList scopes;
    QString correlationId;
    Internal::AuthorityMetadata metadata;

private:
    friend class TokenRequest;
    void start();
    void resolveAndRun();
    void cancel();
    void validateIdToken(const Internal::TokenResponse &response, bool keysRefreshed);
    void complete(const Internal::TokenResponse &response, const QJsonObject &idTokenClaims);
    void store(const Internal::TokenResponse &response, const AuthenticationResult &result);

    // Ends the request: records the state, stops the flow's work, aborts HTTP, emits finished().
    void finish();

    bool finished = false;
    bool autoDelete = true;
    TokenRequest::State state = TokenRequest::NotStarted;
    mutable std::optional<QStringList> builtRequestScopes;

protected:
    AuthenticationResult result;
    AuthError error;
};

} // namespace MsalQt
