#pragma once

#include <MsalQt/clientapplication.h>
#include <MsalQt/clientcredential.h>
#include <MsalQt/tokenrequest.h>

#include <QStringList>
#include <QUrl>

namespace MsalQt {

class ConfidentialClientApplicationPrivate;

/// An application that keeps a credential: daemons, services, web apps.
class MSALQT_AUTH_EXPORT ConfidentialClientApplication : public ClientApplication
{
    Q_OBJECT
public:
    /// An application with the id `clientId` that proves its identity with `credential` and gets
    /// its tokens from `authority`.
    ConfidentialClientApplication(const QString &clientId, const ClientCredential &credential,
                                  const Authority &authority, QObject *parent = nullptr);
    /// Destroys the application (see ClientApplication::~ClientApplication()).
    ~ConfidentialClientApplication() override;

    /// The credential given to the constructor.
    ClientCredential credential() const;

    /// Client credentials grant (RFC 6749 §4.4): a token for the application itself. Microsoft
    /// authorities need a tenant (not /common, /organizations or /consumers) and one
    /// "{resource}/.default" scope.
    TokenRequest *acquireTokenForClient(const QStringList &scopes);

    /// The token acquireTokenForClient(scopes) would answer from the cache, at once, for callers
    /// that cannot wait an event-loop turn; a null result (isNull()) when it has none, and the
    /// caller then starts acquireTokenForClient(). The same rules as that request's cache hit:
    /// the same checks of the authority and scopes (what it refuses is a null result here), a
    /// bearer token of this tenant holding every scope, not within five minutes of expiry nor
    /// past its refresh_on. It answers from memory only: never the network, never the storage. A
    /// persisted cache must have been loaded (after cacheLoaded(); a request loads it too), and
    /// it is not checked here for another process's changes. The result carries no correlation
    /// id: no request was made.
    AuthenticationResult cachedTokenForClient(const QStringList &scopes) const;

    /// On-behalf-of (the jwt-bearer grant, RFC 7523 §2.1, with requested_token_use=on_behalf_of):
    /// a middle-tier API exchanges the user token it received (`userAssertion`, whose audience is
    /// this application) for a token to a downstream API, as that user. Results are cached under
    /// a hash of the user token: the same token finds them again without a network call, another
    /// token never does. The refresh token is kept, so that a later call with the same user token
    /// outlives the access token.
    TokenRequest *acquireTokenOnBehalfOf(const QString &userAssertion, const QStringList &scopes);

    /// Authorization code redemption (RFC 6749 §4.1.3) for web apps that receive the redirect
    /// themselves: `codeVerifier` is the PKCE verifier (RFC 7636) of the authorization request
    /// (empty if it had none), `redirectUri` the one it named. The ID token is validated (with
    /// `nonce` when the authorization request sent one); the account and tokens are cached as
    /// for any sign-in, so acquireTokenSilent() works afterwards.
    TokenRequest *acquireTokenByAuthorizationCode(const QString &code, const QString &codeVerifier,
                                                  const QUrl &redirectUri, const QStringList &scopes,
                                                  const QString &nonce = {});

private:
    Q_DECLARE_PRIVATE(ConfidentialClientApplication)
};

} // namespace MsalQt
