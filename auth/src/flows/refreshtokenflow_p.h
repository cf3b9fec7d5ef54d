#pragma once

#include "tokenrequest_p.h"

namespace MsalQt {

// Moving in (ClientApplication::acquireTokenByRefreshToken()): a refresh token obtained elsewhere
// (ADAL, QtNetworkAuth, an application's own storage) is redeemed once with the refresh token
// grant (RFC 6749 §6), and the answer is stored as any sign-in's. As MSAL Python and msal-node do,
// only what the server answers is cached: the refresh token given is not, so a server that rotates
// nothing leaves no refresh token behind. There is no expected account: the answer's ID token,
// validated as usual, and client_info say whose tokens these are.
class RefreshTokenFlow : public TokenRequestPrivate
{
public:
    RefreshTokenFlow(ClientApplicationPrivate *application, const QStringList &scopes, const QString &refreshToken);
    ~RefreshTokenFlow() override;

    // A refused refresh token as the silent flow reports it: invalid_grant (expired, revoked, a
    // password change) and the interaction errors become UiRequired with the server's fields;
    // nullopt for other errors, which keep their own type.
    static std::optional<AuthError> uiRequiredFromRefreshError(const AuthError &error, const QString &claims);

protected:
    AuthError checkRequest() const override;
    void run() override;
    void stop() override;
    AuthError checkAnswerAccount(const QString &homeAccountId, const QJsonObject &idTokenClaims) const override;

private:
    void wipeRefreshToken();

    QString m_refreshToken; // held only until it is sent; never logged
};

} // namespace MsalQt
