#pragma once

#include "tokenrequest_p.h"

#include <QTimer>

namespace MsalQt {

// Device authorization grant, RFC 8628: ask for a device code, show it, then poll the token
// endpoint at the server's interval until the person has signed in on another device.
class DeviceCodeFlow : public TokenRequestPrivate
{
public:
    DeviceCodeFlow(ClientApplicationPrivate *application, const QStringList &scopes);

protected:
    AuthError checkRequest() const override;
    void run() override;
    void stop() override;

private:
    QUrl deviceAuthorizationEndpoint() const;
    void onDeviceCode(const QByteArray &body);
    void poll();
    bool onPollError(const AuthError &error);

    QString m_deviceCode;
    int m_intervalSeconds = 5;
    QTimer m_pollTimer;
    QTimer m_expiryTimer;
};

} // namespace MsalQt
