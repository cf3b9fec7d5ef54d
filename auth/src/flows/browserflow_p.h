#pragma once

#include "authorizationrequest_p.h"
#include "tokenrequest_p.h"

#include <MsalQt/interactiveparameters.h>

#include <QPointer>
#include <QTimer>

namespace MsalQt {

class AuthorizationAgent;

// What the flows that send the person to the authorization endpoint share: the agent (the
// parameters' one, or a system browser), the redirect URI it catches, state and nonce, the
// timeout for an abandoned sign-in, and one answer only.
class BrowserFlow : public TokenRequestPrivate
{
public:
    BrowserFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters);

protected:
    QString expectedNonce() const override { return m_nonce; }
    std::optional<std::chrono::seconds> expectedMaxAge() const override { return m_parameters.maxAge(); }
    // With max_age sent, an answer without an ID token cannot show when the person signed in.
    AuthError checkAnswerAccount(const QString &homeAccountId, const QJsonObject &idTokenClaims) const override;
    void stop() override;

    // Picks and prepares the agent; false (the request finished with an error) when it cannot
    // serve the redirect URI or the authority has no authorization endpoint.
    bool prepareAgent();
    // The request with everything but the response type and grant-specific fields.
    Internal::AuthorizationRequest baseRequest() const;
    // Shows `request` through the agent; onRedirected() follows once, or the request fails.
    void showPage(const Internal::AuthorizationRequest &request);
    virtual void onRedirected(const QUrl &redirect) = 0;
    // Parses the answer in the query (code) or fragment (implicit) after checking it returned
    // to our redirect URI; finishes the request with the error otherwise.
    std::optional<Internal::AuthorizationResponse> acceptAnswer(const QUrl &redirect, bool fragment);

    InteractiveParameters m_parameters;
    QUrl m_redirectUri;

private:
    QPointer<AuthorizationAgent> m_agent;
    QString m_state;
    QString m_nonce;
    QString m_claims; // the request's claims with the client capabilities
    bool m_answered = false;
    bool m_agentGiven = false; // the caller chose the agent (it may be deleted before the start)
    QTimer m_timeout;
};

} // namespace MsalQt
