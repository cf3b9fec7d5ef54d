#include <MsalQt/confidentialclientapplication.h>

#include "clientapplication_p.h"
#include "confidential/clientassertion_p.h"
#include "confidential/coderedemptionflow_p.h"
#include "confidential/onbehalfofflow_p.h"
#include "flows/clientcredentialsflow_p.h"

#include <QCoreApplication>

namespace MsalQt {

class ConfidentialClientApplicationPrivate : public ClientApplicationPrivate
{
public:
    ConfidentialClientApplicationPrivate(const QString &clientId, const ClientCredential &credential,
                                         const Authority &authority)
        : ClientApplicationPrivate(clientId, authority), credential(credential)
    {
    }

    bool isConfidential() const override { return true; }

    AuthError configurationError() const override
    {
        if (credential.isNull()) {
            return AuthError(AuthError::InvalidConfiguration,
                             QCoreApplication::translate("MsalQt::ConfidentialClientApplication",
                                                         "A confidential client needs a credential, such as a client secret."));
        }
        return ClientApplicationPrivate::configurationError();
    }

    AuthError addClientAuthentication(Internal::FormFields *form, const QUrl &tokenEndpoint) const override
    {
        // A secret as client_secret_post, a certificate or callback as private_key_jwt.
        return Internal::appendClientAuthentication(credential, clientId, tokenEndpoint, now(), form);
    }

    ClientCredential credential;
};

ConfidentialClientApplication::ConfidentialClientApplication(const QString &clientId,
                                                             const ClientCredential &credential,
                                                             const Authority &authority, QObject *parent)
    : ClientApplication(*new ConfidentialClientApplicationPrivate(clientId, credential, authority), parent)
{
}

ConfidentialClientApplication::~ConfidentialClientApplication()
{
    // Requests end while the application is still a ConfidentialClientApplication (slots of finished() may use it).
    Q_D(ConfidentialClientApplication);
    d->endRequests();
}

ClientCredential ConfidentialClientApplication::credential() const
{
    Q_D(const ConfidentialClientApplication);
    return d->credential;
}

TokenRequest *ConfidentialClientApplication::acquireTokenForClient(const QStringList &scopes)
{
    Q_D(ConfidentialClientApplication);
    return TokenRequestPrivate::create(new ClientCredentialsFlow(d, scopes), this);
}

AuthenticationResult ConfidentialClientApplication::cachedTokenForClient(const QStringList &scopes) const
{
    Q_D(const ConfidentialClientApplication);
    return ClientCredentialsFlow::cachedResult(d, scopes);
}

TokenRequest *ConfidentialClientApplication::acquireTokenOnBehalfOf(const QString &userAssertion,
                                                                    const QStringList &scopes)
{
    Q_D(ConfidentialClientApplication);
    return TokenRequestPrivate::create(new OnBehalfOfFlow(d, userAssertion, scopes), this);
}

TokenRequest *ConfidentialClientApplication::acquireTokenByAuthorizationCode(const QString &code,
                                                                             const QString &codeVerifier,
                                                                             const QUrl &redirectUri,
                                                                             const QStringList &scopes,
                                                                             const QString &nonce)
{
    Q_D(ConfidentialClientApplication);
    return TokenRequestPrivate::create(
        new CodeRedemptionFlow(d, code, codeVerifier, redirectUri, scopes, nonce), this);
}

} // namespace MsalQt
