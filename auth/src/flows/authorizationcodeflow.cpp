#include "authorizationcodeflow_p.h"

#include "logging_p.h"

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::AuthorizationCodeFlow)
};
} // namespace

AuthError AuthorizationCodeFlow::checkRequest() const
{
    if (app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Interactive sign-in is for public clients; a web app redeems the code it receives with acquireTokenByAuthorizationCode()."));
    }
    const QUrl redirect = m_parameters.redirectUri();
    if (!redirect.isValid() || redirect.scheme().isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("The redirect URI \"%1\" is not valid.").arg(redirect.toString()));
    }
    return {};
}

void AuthorizationCodeFlow::run()
{
    if (!prepareAgent())
        return;
    m_pkce = Pkce::generate();
    AuthorizationRequest request = baseRequest();
    for (const QString &scope : m_parameters.extraScopesToConsent()) {
        if (!request.scopes.contains(scope))
            request.scopes << scope;
    }
    request.codeChallenge = m_pkce.challenge;
    showPage(request);
}

void AuthorizationCodeFlow::onRedirected(const QUrl &redirect)
{
    const auto response = acceptAnswer(redirect, false);
    if (!response)
        return;
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
            redeemed.setMessage(Tr::tr("This sign-in's authorization code was already used; sign in again."));
            finishWithError(redeemed);
            return true;
        }
        return false;
    });
}

} // namespace MsalQt
