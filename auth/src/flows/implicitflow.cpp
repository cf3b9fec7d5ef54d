#include "implicitflow_p.h"

#include "logging_p.h"

#include <MsalQt/authorizationagent.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include <atomic>

namespace MsalQt {

using namespace Internal;

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::ImplicitFlow", text);
}

ImplicitFlow::ImplicitFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters, bool enabled)
    : TokenRequestPrivate(application, parameters.scopes()), m_parameters(parameters), m_enabled(enabled)
{
    m_timeout.setSingleShot(true);
    QObject::connect(&m_timeout, &QTimer::timeout, [this] {
        finishWithError(AuthError(AuthError::Timeout, tr("Nobody finished the sign-in in time.")));
    });
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
    m_agent = m_parameters.agent();
    m_redirectUri = m_agent->prepare(m_parameters.redirectUri());
    if (m_redirectUri.isEmpty()) {
        finishWithError(AuthError(AuthError::InvalidConfiguration,
                                  tr("This sign-in window cannot return to the redirect URI \"%1\".")
                                      .arg(m_parameters.redirectUri().toString())));
        return;
    }
    m_state = randomUrlSafe(16);
    m_nonce = randomUrlSafe(16);
    AuthorizationRequest request;
    request.endpoint = metadata.authorizationEndpoint;
    request.clientId = app->clientId;
    request.redirectUri = m_redirectUri;
    // No offline_access: the implicit grant never returns a refresh token.
    request.scopes = requestScopes().filter(QRegularExpression(QStringLiteral("^(?!offline_access$)")));
    request.state = m_state;
    request.nonce = m_nonce;
    request.responseType = QStringLiteral("id_token token");
    request.prompt = m_parameters.prompt();
    request.loginHint = m_parameters.loginHint();
    request.microsoft = app->authority.isMicrosoft();
    request.extraParameters = m_parameters.extraQueryParameters();
    AuthError error;
    const QUrl url = request.url(&error);
    if (error.isError()) {
        finishWithError(error);
        return;
    }
    QObject::connect(m_agent, &AuthorizationAgent::redirected, q_ptr, [this](const QUrl &redirect) { onRedirected(redirect); });
    QObject::connect(m_agent, &AuthorizationAgent::failed, q_ptr, [this](const AuthError &failure) {
        if (!m_answered)
            finishWithError(failure);
    });
    m_timeout.start(m_parameters.timeout());
    m_agent->authorize(url, m_redirectUri);
}

void ImplicitFlow::onRedirected(const QUrl &redirect)
{
    if (m_answered || isFinished())
        return;
    m_answered = true;
    m_timeout.stop();
    if (m_agent)
        m_agent->close();
    AuthError error;
    const auto response = parseAuthorizationResponse(redirect, true, m_state, metadata.issuer,
                                                     metadata.issuerParameterSupported, &error);
    if (!response) {
        finishWithError(error);
        return;
    }
    TokenResponse token;
    const auto field = [&response](const char *name) {
        return response->fields.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    token.accessToken = field("access_token");
    token.tokenType = field("token_type");
    token.idToken = field("id_token");
    token.scope = field("scope");
    token.expiresIn = field("expires_in").toLongLong();
    token.extExpiresIn = token.expiresIn;
    if (token.accessToken.isEmpty() || token.idToken.isEmpty() || token.expiresIn <= 0
        || token.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        finishWithError(AuthError(AuthError::InvalidResponse,
                                  tr("The implicit answer lacks an access token, an ID token or a valid expires_in.")));
        return;
    }
    token.tokenType = QStringLiteral("Bearer");
    handleTokenResponse(token); // the ID token's nonce is checked there
}

void ImplicitFlow::stop()
{
    m_timeout.stop();
    if (m_agent)
        m_agent->close();
}

} // namespace MsalQt
