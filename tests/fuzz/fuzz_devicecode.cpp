// A device authorization response (RFC 8628 §3.2), as DeviceCodeFlow takes it before it shows
// the code and arms its expiry and polling timers.

#include "fuzzsupport.h"

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
    // Both timers are QTimers, whose start(std::chrono::milliseconds) takes an int: whatever
    // the server says must fit, or an expiry far away wraps round to "now" (or to never).
    constexpr qint64 maxTimerMs = std::numeric_limits<int>::max();
    FUZZ_CHECK(response->expiresIn.count() > 0 && response->expiresIn.count() <= maxTimerMs);
    FUZZ_CHECK(response->interval >= 0 && qint64(response->interval) * 1000 <= maxTimerMs);
    // Polling as fast as answers come back only when the server itself asked for 0 s.
    const QJsonValue interval = QJsonDocument::fromJson(input).object().value(QLatin1String("interval"));
    if (interval.isDouble() && interval.toDouble() > 0)
        FUZZ_CHECK(response->interval > 0);
    return 0;
}
