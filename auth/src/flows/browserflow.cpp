#include "browserflow_p.h"

#include "authorizationagent_p.h"
#include "clientcapabilities_p.h"
#include "platformprotocol_p.h"

#include <MsalQt/systembrowseragent.h>

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::BrowserFlow)
};
} // namespace

BrowserFlow::BrowserFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters)
    : TokenRequestPrivate(application, parameters.scopes()), m_parameters(parameters),
      m_agentGiven(parameters.agent() != nullptr)
{
    setRequestTenant(parameters.tenant());
    m_timeout.setSingleShot(true);
    QObject::connect(&m_timeout, &QTimer::timeout, [this] {
        finishWithError(AuthError(AuthError::Timeout, Tr::tr("Nobody finished the sign-in in time.")));
    });
}

bool BrowserFlow::prepareAgent()
{
    if (metadata.authorizationEndpoint.isEmpty()) {
        finishWithError(AuthError(AuthError::UnsupportedAuthority, Tr::tr("The authority has no authorization endpoint.")));
        return false;
    }
    m_agent = m_parameters.agent();
    if (!m_agent && m_agentGiven) {
        // Not the system browser instead of the window the app chose.
        finishWithError(AuthError(AuthError::Cancelled, Tr::tr("The sign-in window was deleted before the sign-in started.")));
        return false;
    }
    if (!m_agent)
        m_agent = new SystemBrowserAgent(q_ptr);
    // An agent deleted while the person is at the page (a SignInDialog destroyed with its
    // window) cannot answer any more: the request ends now rather than at the timeout. Once it
    // has answered, the redemption goes on without it.
    QObject::connect(m_agent, &QObject::destroyed, q_ptr, [this] {
        if (m_answered || isFinished())
            return;
        finishWithError(AuthError(AuthError::Cancelled, Tr::tr("The sign-in window was closed by deleting it.")));
    });
    m_redirectUri = m_agent->prepare(m_parameters.redirectUri());
    if (!m_redirectUri.isValid() || m_redirectUri.isEmpty()) {
        finishWithError(AuthError(AuthError::InvalidConfiguration,
                                  Tr::tr("This sign-in window cannot return to the redirect URI \"%1\".")
                                      .arg(m_parameters.redirectUri().toString())));
        return false;
    }
    AuthError claimsError; // the client capabilities go to the sign-in page too
    const std::optional<QString> claims = claimsWithCapabilities(m_parameters.claims(), app->clientCapabilities, &claimsError);
    if (!claims) {
        finishWithError(claimsError);
        return false;
    }
    m_claims = *claims;
    m_state = randomUrlSafe(16);
    m_nonce = randomUrlSafe(16);
    return true;
}

AuthorizationRequest BrowserFlow::baseRequest() const
{
    AuthorizationRequest request;
    request.endpoint = metadata.authorizationEndpoint;
    request.clientId = app->clientId;
    request.redirectUri = m_redirectUri;
    request.scopes = requestScopes();
    request.state = m_state;
    request.nonce = m_nonce;
    request.prompt = m_parameters.prompt();
    request.loginHint = m_parameters.loginHint();
    request.domainHint = app->authority.isMicrosoft() ? m_parameters.domainHint() : QString();
    request.claims = m_claims;
    if (const auto maxAge = m_parameters.maxAge())
        request.maxAge = maxAge->count();
    request.microsoft = Internal::speaksPlatformProtocol(app->authority);
    request.extraParameters = m_parameters.extraQueryParameters();
    return request;
}

void BrowserFlow::showPage(const AuthorizationRequest &request)
{
    AuthError error;
    const QUrl url = request.url(&error);
    if (error.isError()) {
        finishWithError(error);
        return;
    }
    QObject::connect(m_agent, &AuthorizationAgent::redirected, q_ptr, [this](const QUrl &redirect) {
        // One answer, one redemption: a second report (a reloaded page, a buggy agent) is ignored
        // rather than redeeming a code again.
        if (m_answered || isFinished())
            return;
        m_answered = true;
        m_timeout.stop();
        if (m_agent)
            m_agent->close();
        onRedirected(redirect);
    });
    QObject::connect(m_agent, &AuthorizationAgent::failed, q_ptr, [this](const AuthError &failure) {
        if (!m_answered)
            finishWithError(failure);
    });
    m_timeout.start(m_parameters.timeout());
    setState(TokenRequest::WaitingForUser);
    m_agent->authorize(url, m_redirectUri);
}

std::optional<AuthorizationResponse> BrowserFlow::acceptAnswer(const QUrl &redirect, bool fragment)
{
    // RFC 8252 §7.3: a loopback redirect URI registered without a port matches any port; an
    // empty path and "/" are the same resource.
    const auto path = [](const QUrl &url) { return url.path().isEmpty() ? QStringLiteral("/") : url.path(); };
    const bool anyPort = m_redirectUri.port() < 0 && Authority::isLoopbackHost(m_redirectUri.host());
    if (redirect.scheme() != m_redirectUri.scheme()
        || redirect.host().compare(m_redirectUri.host(), Qt::CaseInsensitive) != 0
        || !(anyPort || redirect.port() == m_redirectUri.port()) || path(redirect) != path(m_redirectUri)) {
        finishWithError(AuthError(AuthError::InvalidResponse,
                                  Tr::tr("The sign-in ended on an address other than the redirect URI.")));
        return std::nullopt;
    }
    AuthError error;
    auto response = parseAuthorizationResponse(redirect, fragment, m_state, metadata.issuer,
                                               metadata.issuerParameterSupported, &error);
    if (!response)
        finishWithError(error);
    return response;
}

AuthError BrowserFlow::checkAnswerAccount(const QString &homeAccountId, const QJsonObject &idTokenClaims) const
{
    Q_UNUSED(homeAccountId)
    if (m_parameters.maxAge() && idTokenClaims.isEmpty()) {
        return AuthError(AuthError::InvalidToken,
                         Tr::tr("The sign-in asked for max_age, but the answer has no ID token to tell when the person last signed in (OpenID Connect Core §3.1.3.7)."));
    }
    return {};
}

void BrowserFlow::stop()
{
    m_timeout.stop();
    if (!m_agent)
        return;
    // The browser that brought the answer learns the verdict (the system browser's tab says
    // declined, failed or complete); `error` is set when the request ends with one.
    if (m_answered)
        AuthorizationAgentPrivate::get(m_agent)->requestEnded(error);
    m_agent->close();
}

} // namespace MsalQt
