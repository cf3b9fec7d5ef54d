#pragma once

#include "authorityresolver_p.h"
#include "clientapplication_p.h"
#include "httpclient_p.h"
#include "tokenresponse_p.h"

#include <MsalQt/tokenrequest.h>

#include <functional>

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

protected:
    // Why this flow cannot run with this application, authority and scopes; checked before any
    // network traffic.
    virtual AuthError checkRequest() const { return {}; }
    // Runs once the authority metadata is known; ends in redeem() or finishWithError().
    virtual void run() = 0;
    // Cancellation or finish: stop timers. Network calls are aborted by the pipeline.
    virtual void stop() {}
    // User-token flows ask for the OpenID Connect scopes and client_info; app-only flows do not.
    virtual bool isUserFlow() const { return true; }

    // The scopes sent: the application's, plus openid/profile/offline_access for user flows.
    QStringList requestScopes() const;
    QString requestScopeString() const { return requestScopes().join(QLatin1Char(' ')); }

    Internal::HttpCall *send(Internal::HttpRequest request);

    // POSTs the grant to the token endpoint (client id, scope and client authentication added).
    // A service error goes to `onError` first, which returns true when it has dealt with it
    // (device-code polling); otherwise the request fails with it.
    void redeem(const Internal::FormFields &grant,
                const std::function<bool(const AuthError &)> &onError = {});

    void finishWithError(const AuthError &error);
    void finishWithResult(const AuthenticationResult &result);
    void emitDeviceCode(const DeviceCode &code);

    bool isFinished() const { return finished; }
    QDateTime now() const { return app->now(); }

    TokenRequest *q_ptr = nullptr;
    ClientApplicationPrivate *app;
    QStringList scopes;
    QString correlationId;
    Internal::AuthorityMetadata metadata;

private:
    friend class TokenRequest;
    void start();
    void cancel();
    void validateIdToken(const Internal::TokenResponse &response, bool keysRefreshed);
    void complete(const Internal::TokenResponse &response, const QJsonObject &idTokenClaims);

    bool finished = false;
    bool autoDelete = true;
    AuthenticationResult result;
    AuthError error;
};

} // namespace MsalQt
