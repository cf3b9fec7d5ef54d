#pragma once

#include "autotestexport_p.h"
#include <MsalQt/autherror.h>
#include <MsalQt/msalqt_global.h>

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace MsalQt::Internal {

// A device authorization response (RFC 8628 §3.2), checked: what DeviceCodeFlow needs to show
// the code and arm its timers.
struct DeviceCodeResponse
{
    QString deviceCode;   // a secret: it redeems the tokens
    QString userCode;
    QUrl verificationUri; // absolute
    QUrl verificationUriComplete;
    qint64 expiresInSeconds = 0; // 1 to maxLifetimeSeconds (boundednumber_p.h)
    qint64 intervalSeconds = 5;  // between polls, 0 to expiresInSeconds
    QString message;      // the server's instructions; empty when it sent none
};

// InvalidResponse when the body is no JSON object or lacks device_code, user_code,
// verification_uri or a valid expires_in/interval.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<DeviceCodeResponse> parseDeviceCodeResponse(const QByteArray &body,
                                                                             AuthError *error);

} // namespace MsalQt::Internal
