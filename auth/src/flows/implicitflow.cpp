#include "implicitflow_p.h"

#include "boundednumber_p.h"
#include "logging_p.h"

#include <QCoreApplication>

#include <atomic>

namespace MsalQt {

using namespace Internal;

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::ImplicitFlow", text);
}

ImplicitFlow::ImplicitFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters, bool enabled)
    : BrowserFlow(application, parameters), m_enabled(enabled)
{
}

AuthError ImplicitFlow::checkRequest() const
{
    if (!m_enabled) {
        return AuthError(AuthError::InvalidConfiguration,
                         tr("The implicit grant is off. It is deprecated; use acquireTokenInteractive() (code with PKCE), or switch it on with setImplicitGrantEnabled(true)."));
    }
    if (!m_parameters.agent()) {
        return AuthError(AuthError::InvalidConfiguration,
                         tr("The implicit grant needs an agent that sees the redirect's fragment, such as the embedded sign-in dialog."));
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
    TokenResponse token;
    const auto field = [&response](const char *name) {
        return response->fields.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    token.accessToken = field("access_token");
    token.tokenType = field("token_type");
    token.idToken = field("id_token");
    token.scope = field("scope");
    const auto expiresIn = boundedInteger(field("expires_in"), 1, maxLifetimeSeconds);
    token.expiresIn = expiresIn.value_or(0);
    token.extExpiresIn = token.expiresIn;
    if (token.accessToken.isEmpty() || token.idToken.isEmpty() || !expiresIn
        || token.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        finishWithError(AuthError(AuthError::InvalidResponse,
                                  tr("The implicit answer lacks an access token, an ID token or a valid expires_in.")));
        return;
    }
    token.tokenType = QStringLiteral("Bearer");
    handleTokenResponse(token); // the ID token's nonce is checked there
}

} // namespace MsalQt
