#include <MsalQt/publicclientapplication.h>

#include "clientapplication_p.h"
#include "flows/devicecodeflow_p.h"

namespace MsalQt {

class PublicClientApplicationPrivate : public ClientApplicationPrivate
{
public:
    using ClientApplicationPrivate::ClientApplicationPrivate;
    bool isConfidential() const override { return false; }
};

PublicClientApplication::PublicClientApplication(const QString &clientId, const Authority &authority,
                                                 QObject *parent)
    : ClientApplication(*new PublicClientApplicationPrivate(clientId, authority), parent)
{
}

PublicClientApplication::~PublicClientApplication() = default;

TokenRequest *PublicClientApplication::acquireTokenWithDeviceCode(const QStringList &scopes)
{
    Q_D(PublicClientApplication);
    return TokenRequestPrivate::create(new DeviceCodeFlow(d, scopes), this);
}

} // namespace MsalQt
