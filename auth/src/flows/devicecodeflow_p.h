#pragma once

#include "tokenrequest_p.h"

#include <QDeadlineTimer>
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
    bool redeemsWhileWaiting() const override { return true; }

private:
    QUrl deviceAuthorizationEndpoint() const;
    void onDeviceCode(const QByteArray &body);
    void poll();
    bool onPollError(const AuthError &error);
    void schedulePoll();
    static void arm(QTimer &timer, const QDeadlineTimer &deadline);

    QString m_deviceCode;
    qint64 m_intervalSeconds = 5;
    QTimer m_pollTimer;
    QTimer m_expiryTimer;
    QDeadlineTimer m_pollDeadline;
    QDeadlineTimer m_expiryDeadline;
};

} // namespace MsalQt
