#pragma once

#include <MsalQt/clientapplication.h>
#include <MsalQt/clientcredential.h>
#include <MsalQt/tokenrequest.h>

#include <QStringList>

namespace MsalQt {

class ConfidentialClientApplicationPrivate;

// An application that keeps a credential: daemons, services, web apps.
class MSALQT_AUTH_EXPORT ConfidentialClientApplication : public ClientApplication
{
    Q_OBJECT
public:
    ConfidentialClientApplication(const QString &clientId, const ClientCredential &credential,
                                  const Authority &authority, QObject *parent = nullptr);
    ~ConfidentialClientApplication() override;

    ClientCredential credential() const;

    // Client credentials grant (RFC 6749 §4.4): a token for the application itself. Microsoft
    // authorities need a tenant (not /common, /organizations or /consumers) and one
    // "{resource}/.default" scope.
    TokenRequest *acquireTokenForClient(const QStringList &scopes);

private:
    Q_DECLARE_PRIVATE(ConfidentialClientApplication)
};

} // namespace MsalQt
