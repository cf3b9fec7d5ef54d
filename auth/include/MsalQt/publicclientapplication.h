#pragma once

#include <MsalQt/clientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <QStringList>

namespace MsalQt {

class PublicClientApplicationPrivate;

// An application that cannot keep a secret: desktop apps, command-line tools, devices.
class MSALQT_AUTH_EXPORT PublicClientApplication : public ClientApplication
{
    Q_OBJECT
public:
    explicit PublicClientApplication(const QString &clientId,
                                     const Authority &authority = Authority::microsoftTenant(QStringLiteral("common")),
                                     QObject *parent = nullptr);
    ~PublicClientApplication() override;

    // Device authorization grant (RFC 8628): emits deviceCodeReceived() with the code to show,
    // then polls at the interval the server asks until the person signs in, declines, the code
    // expires (AuthError::Timeout) or cancel() is called.
    TokenRequest *acquireTokenWithDeviceCode(const QStringList &scopes);

private:
    Q_DECLARE_PRIVATE(PublicClientApplication)
};

} // namespace MsalQt
