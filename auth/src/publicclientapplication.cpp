#include <MsalQt/publicclientapplication.h>

#include "clientapplication_p.h"
#include "flows/authorizationcodeflow_p.h"
#include "flows/devicecodeflow_p.h"
#include "flows/implicitflow_p.h"
#include "flows/integratedwindowsauthflow_p.h"
#include "flows/usernamepasswordflow_p.h"
#include "flows/silentfirstflow_p.h"

namespace MsalQt {

class PublicClientApplicationPrivate : public ClientApplicationPrivate
{
public:
    using ClientApplicationPrivate::ClientApplicationPrivate;
    bool isConfidential() const override { return false; }
    bool implicitGrantEnabled = false;
};

PublicClientApplication::PublicClientApplication(const QString &clientId, const Authority &authority,
                                                 QObject *parent)
    : ClientApplication(*new PublicClientApplicationPrivate(clientId, authority), parent)
{
}

PublicClientApplication::~PublicClientApplication()
{
    // Requests end while the application is still a PublicClientApplication (slots of finished() may use it).
    Q_D(PublicClientApplication);
    d->endRequests();
}

TokenRequest *PublicClientApplication::acquireTokenWithDeviceCode(const QStringList &scopes)
{
    Q_D(PublicClientApplication);
    return TokenRequestPrivate::create(new DeviceCodeFlow(d, scopes), this);
}

TokenRequest *PublicClientApplication::acquireTokenByUsernamePassword(const QStringList &scopes,
                                                                      const QString &username,
                                                                      const QString &password)
{
    Q_D(PublicClientApplication);
    return TokenRequestPrivate::create(new UsernamePasswordFlow(d, scopes, username, password), this);
}

TokenRequest *PublicClientApplication::acquireTokenByIntegratedWindowsAuth(const QStringList &scopes,
                                                                           const QString &username)
{
    Q_D(PublicClientApplication);
    return TokenRequestPrivate::create(new IntegratedWindowsAuthFlow(d, scopes, username), this);
}

TokenRequest *PublicClientApplication::acquireTokenInteractive(const InteractiveParameters &parameters)
{
    Q_D(PublicClientApplication);
    return TokenRequestPrivate::create(new AuthorizationCodeFlow(d, parameters), this);
}

void PublicClientApplication::setImplicitGrantEnabled(bool enabled)
{
    Q_D(PublicClientApplication);
    d->implicitGrantEnabled = enabled;
}

bool PublicClientApplication::isImplicitGrantEnabled() const
{
    Q_D(const PublicClientApplication);
    return d->implicitGrantEnabled;
}

TokenRequest *PublicClientApplication::acquireTokenImplicit(const InteractiveParameters &parameters)
{
    Q_D(PublicClientApplication);
    return TokenRequestPrivate::create(new ImplicitFlow(d, parameters, d->implicitGrantEnabled), this);
}

TokenRequest *PublicClientApplication::acquireToken(const InteractiveParameters &parameters)
{
    Q_D(PublicClientApplication);
    return TokenRequestPrivate::create(new SilentFirstFlow(d, this, parameters), this);
}

} // namespace MsalQt
