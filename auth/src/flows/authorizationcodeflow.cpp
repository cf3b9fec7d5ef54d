#include "authorizationcodeflow_p.h"

#include "logging_p.h"

#include <MsalQt/systembrowseragent.h>

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::AuthorizationCodeFlow", text);
}

AuthorizationCodeFlow::AuthorizationCodeFlow(ClientApplicationPrivate *application, const InteractiveParameters &parameters)
    : TokenRequestPrivate(application, parameters.scopes()), m_parameters(parameters)
{
    m_timeout.setSingleShot(true);
    QObject::connect(&m_timeout, &QTimer::timeout, [this] {
        finishWithError(AuthError(AuthError::Timeout, tr("Nobody finished the sign-in in time.")));
    });
}

AuthError AuthorizationCodeFlow::checkRequest() const
{
    if (app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         tr("Interactive sign-in is for public clients; a web app redeems the code it receives with acquireTokenByAuthorizationCode()."));
    }
    const QUrl redirect = m_parameters.redirectUri();
    if (!redirect.isValid() || redirect.scheme().isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         tr("The redirect URI \"%1\" is not valid.").arg(redirect.toString()));
    }
    return {};
}

void AuthorizationCodeFlow::run()
{
    if (metadata.authorizationEndpoint.isEmpty()) {
        finishWithError(AuthError(AuthError::UnsupportedAuthority, tr("The authority has no authorization endpoint.")));
        return;
    }
    m_agent = m_parameters.agent();
    if (!m_agent)
        m_agent = new SystemBrowserAgent(q_ptr);
    m_redirectUri = m_agent->prepare(m_parameters.redirectUri());
    if (!m_redirectUri.isValid() || m_redirectUri.isEmpty()) {
        finishWithError(AuthError(AuthError::InvalidConfiguration,
                                  tr("This sign-in window cannot return to the redirect URI \"%1\".")
                                      .arg(m_parameters.redirectUri().toString())));
        return;
    }
    m_pkce = Pkce::generate();
    m_state = randomUrlSafe(16);
    m_nonce = randomUrlSafe(16);

    AuthorizationRequest request;
    request.endpoint = metadata.authorizationEndpoint;
    request.clientId = app->clientId;
    request.redirectUri = m_redirectUri;
    QStringList allScopes = requestScopes();
    for (const QString &scope : m_parameters.extraScopesToConsent()) {
        if (!allScopes.contains(scope))
            allScopes << scope;
    }
    request.scopes = allScopes;
    request.state = m_state;
    request.nonce = m_nonce;
    request.codeChallenge = m_pkce.challenge;
    request.prompt = m_parameters.prompt();
    request.loginHint = m_parameters.loginHint();
    request.domainHint = app->authority.isMicrosoft() ? m_parameters.domainHint() : QString();
    request.claims = m_parameters.claims();
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
        if (!m_redeeming)
            finishWithError(failure);
    });
    m_timeout.start(m_parameters.timeout());
    m_agent->authorize(url, m_redirectUri);
}

void AuthorizationCodeFlow::onRedirected(const QUrl &redirect)
{
    // One redirect, one redemption: a second report (a reloaded page, a buggy agent) is ignored
    // rather than redeeming the code again.
    if (m_redeeming || isFinished())
        return;
    m_redeeming = true;
    m_timeout.stop();
    if (m_agent)
        m_agent->close();
    // RFC 8252 §7.3: a loopback redirect URI registered without a port matches any port; an
    // empty path and "/" are the same resource.
    const auto sameEndpoint = [](const QUrl &actual, const QUrl &expected) {
        const auto path = [](const QUrl &url) { return url.path().isEmpty() ? QStringLiteral("/") : url.path(); };
        const bool anyPort = expected.port() < 0 && Authority::isLoopbackHost(expected.host());
        return actual.scheme() == expected.scheme()
            && actual.host().compare(expected.host(), Qt::CaseInsensitive) == 0
            && (anyPort || actual.port() == expected.port()) && path(actual) == path(expected);
    };
    if (!sameEndpoint(redirect, m_redirectUri)) {
        finishWithError(AuthError(AuthError::InvalidResponse,
                                  tr("The sign-in ended on an address other than the redirect URI.")));
        return;
    }
    AuthError error;
    const auto response = parseAuthorizationResponse(redirect, false, m_state, metadata.issuer,
                                                     metadata.issuerParameterSupported, &error);
    if (!response) {
        finishWithError(error);
        return;
    }
    qCDebug(lcMsalAuth) << "Authorization code received; redeeming it once";
    FormFields grant{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                     {QStringLiteral("code"), response->code},
                     {QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded)},
                     {QStringLiteral("code_verifier"), m_pkce.verifier}};
    if (!m_parameters.claims().isEmpty())
        grant.append({QStringLiteral("claims"), m_parameters.claims()});
    redeem(grant, [this](const AuthError &failure) {
        if (failure.hasErrorCode(54005)) {
            // The platform's "code already redeemed": say so plainly, never try again.
            AuthError redeemed = failure;
            redeemed.setMessage(tr("This sign-in's authorization code was already used; sign in again."));
            finishWithError(redeemed);
            return true;
        }
        return false;
    });
}

void AuthorizationCodeFlow::stop()
{
    m_timeout.stop();
    if (m_agent)
        m_agent->close();
}

} // namespace MsalQt
