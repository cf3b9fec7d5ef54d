#pragma once

#include "tokenrequest_p.h"

#include <QUrl>

namespace MsalQt {

// The token half of the authorization code grant (RFC 6749 §4.1.3) for a web app that got the
// code on its own redirect URI: client authentication, the PKCE verifier (RFC 7636 §4.5) and
// the redirect URI the authorization request named.
class CodeRedemptionFlow : public TokenRequestPrivate
{
public:
    CodeRedemptionFlow(ClientApplicationPrivate *application, const QString &code, const QString &codeVerifier,
                       const QUrl &redirectUri, const QStringList &scopes, const QString &nonce);

protected:
    AuthError checkRequest() const override;
    void run() override;
    QString expectedNonce() const override { return m_nonce; }
    // A code is redeemable once (RFC 6749 §4.1.2): a retry would only earn invalid_grant.
    bool mayRetryTokenRequest() const override { return false; }

private:
    QString m_code;
    QString m_codeVerifier;
    QUrl m_redirectUri;
    QString m_nonce;
};

} // namespace MsalQt
