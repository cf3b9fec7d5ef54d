// A device authorization response (RFC 8628 §3.2), as DeviceCodeFlow takes it before it shows
// the code and arms its expiry and polling timers.

#include "fuzzsupport.h"

#include "boundednumber_p.h"
#include "flows/devicecoderesponse_p.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace MsalQt;
using namespace MsalQt::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = MsalQt::Fuzz::bytes(data, size);
    AuthError error;
    const auto response = parseDeviceCodeResponse(input, &error);
    if (!response) {
        FUZZ_CHECK(error.type() == AuthError::InvalidResponse);
        return 0;
    }
    FUZZ_CHECK(!response->deviceCode.isEmpty() && !response->userCode.isEmpty());
    FUZZ_CHECK(response->verificationUri.isValid() && !response->verificationUri.isRelative());
    // Whatever the server says stays in range before the flow turns it into a QDateTime and its
    // timers (which it re-arms for waits longer than a QTimer holds).
    FUZZ_CHECK(response->expiresInSeconds >= 1 && response->expiresInSeconds <= MsalQt::Internal::maxLifetimeSeconds);
    FUZZ_CHECK(response->intervalSeconds >= 0 && response->intervalSeconds <= response->expiresInSeconds);
    // Polling as fast as answers come back only when the server itself asked for 0 s.
    const QJsonValue interval = QJsonDocument::fromJson(input).object().value(QLatin1String("interval"));
    if (interval.isDouble() && interval.toDouble() > 0)
        FUZZ_CHECK(response->intervalSeconds > 0);
    return 0;
}
