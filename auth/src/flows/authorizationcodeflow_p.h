#pragma once

#include "browserflow_p.h"

namespace MsalQt {

// Authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636, RFC 8252): build the request,
// let an agent show it, check what comes back, redeem the code once.
class AuthorizationCodeFlow : public BrowserFlow
{
public:
    using BrowserFlow::BrowserFlow;

protected:
    AuthError checkRequest() const override;
    void run() override;
    bool mayRetryTokenRequest() const override { return false; }
    void onRedirected(const QUrl &redirect) override;

private:
    Internal::Pkce m_pkce;
};

} // namespace MsalQt
