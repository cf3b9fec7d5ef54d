#pragma once

#include <MsalQt/clientapplication.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/tokenrequest.h>

#include <QStringList>

namespace MsalQt {

class PublicClientApplicationPrivate;

/// An application that cannot keep a secret: desktop apps, command-line tools, devices.
class MSALQT_AUTH_EXPORT PublicClientApplication : public ClientApplication
{
    Q_OBJECT
public:
    /// An application with the id `clientId` that gets its tokens from `authority` (by default
    /// https://login.microsoftonline.com/common).
    explicit PublicClientApplication(const QString &clientId,
                                     const Authority &authority = Authority::microsoftTenant(QStringLiteral("common")),
                                     QObject *parent = nullptr);
    /// Destroys the application (see ClientApplication::~ClientApplication()).
    ~PublicClientApplication() override;

    /// Device authorization grant (RFC 8628): emits deviceCodeReceived() with the code to show,
    /// then polls at the interval the server asks until the person signs in, declines, the code
    /// expires (AuthError::Timeout) or cancel() is called.
    TokenRequest *acquireTokenWithDeviceCode(const QStringList &scopes);

    /// Resource owner password credentials: the password grant for cloud-managed users, WS-Trust
    /// usernamemixed at the federation server for federated ones. Refused before the password is
    /// sent for personal Microsoft accounts and the /consumers authority. The password is never
    /// logged or cached. MFA or consent the person must give ends in AuthError::UiRequired.
    /// Prefer interactive or device code sign-in: this flow cannot satisfy MFA.
    TokenRequest *acquireTokenByUsernamePassword(const QStringList &scopes, const QString &username,
                                                 const QString &password);

    /// Integrated Windows authentication over Kerberos (also with MIT Kerberos on Linux): the
    /// ticket in the current credential cache is presented to the user's federation server with
    /// HTTP Negotiate. `username` defaults to the cache's principal with its realm in lower case.
    /// Federated users only, on a tenant or /organizations authority. No ticket or an expired
    /// one: AuthError::UiRequired (run kinit); a service principal the realm does not know:
    /// AuthError::InvalidConfiguration.
    TokenRequest *acquireTokenByIntegratedWindowsAuth(const QStringList &scopes, const QString &username = {});

    /// Authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636): the parameters' agent (by
    /// default the system browser on a loopback redirect) shows the sign-in page; the code it
    /// brings back is redeemed once. Ends with Cancelled if the person closes the page, Timeout
    /// if nobody finishes in time, or the error the server redirected with.
    TokenRequest *acquireTokenInteractive(const InteractiveParameters &parameters);

    /// Silent first: acquireTokenSilent() for the parameters' account, and only when that answers
    /// UiRequired, acquireTokenInteractive() with the account as login hint and the claims the
    /// silent attempt carried. One request object for both.
    TokenRequest *acquireToken(const InteractiveParameters &parameters);

    /// The implicit grant (response_type "id_token token"): legacy, off by default, logs a
    /// deprecation warning once. It checks state and nonce and caches the access and ID tokens;
    /// there is no refresh token. Needs an agent that sees the redirect's fragment (the embedded
    /// dialog). Prefer acquireTokenInteractive().
    void setImplicitGrantEnabled(bool enabled);
    /// Whether acquireTokenImplicit() may run; see setImplicitGrantEnabled().
    bool isImplicitGrantEnabled() const;
    /// Signs in with the implicit grant; fails with AuthError::InvalidConfiguration unless
    /// setImplicitGrantEnabled(true) was called.
    TokenRequest *acquireTokenImplicit(const InteractiveParameters &parameters);

private:
    Q_DECLARE_PRIVATE(PublicClientApplication)
};

} // namespace MsalQt
