#include <MsalQt/confidentialclientapplication.h>

#include "clientapplication_p.h"
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

    void addClientAuthentication(Internal::FormFields *form) const override
    {
        // RFC 6749 §2.3.1 client_secret_post: the platform and most providers accept it.
        if (credential.type() == ClientCredential::Secret)
            form->append({QStringLiteral("client_secret"), credential.secret()});
    }

    ClientCredential credential;
};

ConfidentialClientApplication::ConfidentialClientApplication(const QString &clientId,
                                                             const ClientCredential &credential,
                                                             const Authority &authority, QObject *parent)
    : ClientApplication(*new ConfidentialClientApplicationPrivate(clientId, credential, authority), parent)
{
}

ConfidentialClientApplication::~ConfidentialClientApplication() = default;

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

} // namespace MsalQt
