#include "implicitflow_p.h"

#include "logging_p.h"

#include <QCoreApplication>

#include <atomic>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::ImplicitFlow)
};
} // namespace

ImplicitFlow::ImplicitFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters, bool enabled)
    : BrowserFlow(application, parameters), m_enabled(enabled)
{
}

AuthError ImplicitFlow::checkRequest() const
{
    if (!m_enabled) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("The implicit grant is off. It is deprecated; use acquireTokenInteractive() (code with PKCE), or switch it on with setImplicitGrantEnabled(true)."));
    }
    if (!m_parameters.agent()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("The implicit grant needs an agent that sees the redirect's fragment, such as the embedded sign-in dialog."));
    }
    return {};
}

void ImplicitFlow::run()
{
    static std::atomic_bool warned{false};
    if (!warned.exchange(true)) {
        qCWarning(lcMsalAuth) << "The implicit grant is deprecated (OAuth 2.0 Security BCP); prefer the authorization code flow with PKCE";
    }
    if (!prepareAgent())
        return;
    AuthorizationRequest request = baseRequest();
    request.scopes.removeAll(QStringLiteral("offline_access")); // no refresh token here
    request.responseType = QStringLiteral("id_token token");
    showPage(request);
}

void ImplicitFlow::onRedirected(const QUrl &redirect)
{
    const auto response = acceptAnswer(redirect, true);
    if (!response)
        return;
    AuthError error;
    const auto token = parseImplicitResponse(response->fields, &error);
    if (!token) {
        finishWithError(error);
        return;
    }
    handleTokenResponse(*token); // the ID token's nonce is checked there
}

} // namespace MsalQt
