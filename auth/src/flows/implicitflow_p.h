#pragma once

#include "browserflow_p.h"

namespace MsalQt {

// The implicit grant (RFC 6749 §4.2, OpenID Connect Core §3.2): tokens in the redirect's
// fragment, no code, no refresh token. Legacy: OAuth 2.0 Security BCP §2.1.2 says not to use it;
// here only when the application switches it on, and only with an agent that sees the fragment
// (the embedded dialog; a browser never sends the fragment to a loopback listener).
class ImplicitFlow : public BrowserFlow
{
public:
    ImplicitFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters, bool enabled);

protected:
    AuthError checkRequest() const override;
    void run() override;
    void onRedirected(const QUrl &redirect) override;

private:
    bool m_enabled;
};

} // namespace MsalQt
