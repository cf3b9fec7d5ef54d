#include "coderedemptionflow_p.h"

#include <QCoreApplication>

namespace MsalQt {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::CodeRedemptionFlow)
};
} // namespace

CodeRedemptionFlow::CodeRedemptionFlow(ClientApplicationPrivate *application, const QString &code,
                                       const QString &codeVerifier, const QUrl &redirectUri,
                                       const QStringList &scopes, const QString &nonce)
    : TokenRequestPrivate(application, scopes)
    , m_code(code)
    , m_codeVerifier(codeVerifier)
    , m_redirectUri(redirectUri)
    , m_nonce(nonce)
{
}

AuthError CodeRedemptionFlow::checkRequest() const
{
    if (!app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Redeeming an authorization code here needs a confidential client; a public client "
                                "signs in with acquireTokenInteractive()."));
    }
    if (m_code.isEmpty()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("No authorization code was given: pass the \"code\" parameter of the redirect."));
    }
    if (!m_redirectUri.isValid() || m_redirectUri.isRelative()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("The redirect URI must be the absolute URI the authorization request named, as "
                                "RFC 6749 §4.1.3 requires it to match."));
    }
    return {};
}

void CodeRedemptionFlow::run()
{
    Internal::FormFields grant{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                               {QStringLiteral("code"), m_code},
                               {QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded)}};
    if (!m_codeVerifier.isEmpty())
        grant.append({QStringLiteral("code_verifier"), m_codeVerifier});
    redeem(grant);
}

} // namespace MsalQt
