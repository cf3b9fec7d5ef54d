#pragma once

#include "authorizationrequest_p.h"
#include "tokenrequest_p.h"

#include <MsalQt/interactiveparameters.h>

#include <QPointer>
#include <QTimer>

namespace MsalQt {

class AuthorizationAgent;

// The implicit grant (RFC 6749 §4.2, OpenID Connect Core §3.2): tokens in the redirect's
// fragment, no code, no refresh token. Legacy: OAuth 2.0 Security BCP §2.1.2 says not to use it;
// here only when the application switches it on, and only with an agent that sees the fragment
// (the embedded dialog; a browser never sends the fragment to a loopback listener).
class ImplicitFlow : public TokenRequestPrivate
{
public:
    ImplicitFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters, bool enabled);

protected:
    AuthError checkRequest() const override;
    void run() override;
    void stop() override;
    QString expectedNonce() const override { return m_nonce; }

private:
    void onRedirected(const QUrl &redirect);

    InteractiveParameters m_parameters;
    bool m_enabled;
    QPointer<AuthorizationAgent> m_agent;
    QUrl m_redirectUri;
    QString m_state;
    QString m_nonce;
    bool m_answered = false;
    QTimer m_timeout;
};

} // namespace MsalQt
