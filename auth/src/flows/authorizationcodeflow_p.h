#pragma once

#include "authorizationrequest_p.h"
#include "tokenrequest_p.h"

#include <MsalQt/interactiveparameters.h>

#include <QPointer>
#include <QTimer>

namespace MsalQt {

class AuthorizationAgent;

// Authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636, RFC 8252): build the request,
// let an agent show it, check what comes back, redeem the code once.
class AuthorizationCodeFlow : public TokenRequestPrivate
{
public:
    AuthorizationCodeFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters);

protected:
    AuthError checkRequest() const override;
    void run() override;
    void stop() override;
    QString expectedNonce() const override { return m_nonce; }
    bool mayRetryTokenRequest() const override { return false; }

private:
    void onRedirected(const QUrl &redirect);

    InteractiveParameters m_parameters;
    QPointer<AuthorizationAgent> m_agent;
    QUrl m_redirectUri;
    Internal::Pkce m_pkce;
    QString m_state;
    QString m_nonce;
    bool m_redeeming = false;
    QTimer m_timeout;
};

} // namespace MsalQt
