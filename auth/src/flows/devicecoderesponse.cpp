#include "devicecoderesponse_p.h"

#include "boundednumber_p.h"
#include "tokenresponse_p.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace MsalQt::Internal {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::DeviceCodeFlow)
};
} // namespace

// RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default."
static constexpr qint64 defaultIntervalSeconds = 5;

// A number of seconds, a fraction rounded up: an interval of 0.5 must not become 0 and poll
// without a pause, nor a lifetime of 1e-9 end at once. Strings (the platform's v1 endpoint) are
// whole numbers already.
static std::optional<qint64> seconds(const QJsonValue &value, qint64 min, qint64 max)
{
    return boundedInteger(value.isDouble() ? QJsonValue(std::ceil(value.toDouble())) : value, min, max);
}

std::optional<DeviceCodeResponse> parseDeviceCodeResponse(const QByteArray &body, AuthError *error)
{
    const auto object = parseJsonObject(body, error);
    if (!object)
        return std::nullopt;
    const auto text = [&](const char *name) { return object->value(QLatin1String(name)).toString(); };
    DeviceCodeResponse response;
    response.deviceCode = text("device_code");
    response.userCode = text("user_code");
    // The platform's v1 endpoint says verification_url; RFC 8628 and v2 say verification_uri.
    response.verificationUri = QUrl(text("verification_uri"), QUrl::StrictMode);
    if (response.verificationUri.isEmpty())
        response.verificationUri = QUrl(text("verification_url"), QUrl::StrictMode);
    // Range-checked before they reach a QDateTime or a timer (boundednumber_p.h); the flow
    // re-arms its timers for waits longer than a QTimer holds. A poll interval longer than the
    // code lives could never see the sign-in.
    const auto expiresIn = seconds(object->value(QLatin1String("expires_in")), 1, maxLifetimeSeconds);
    const QJsonValue interval = object->value(QLatin1String("interval"));
    const auto intervalSeconds = interval.isUndefined()
        ? std::optional<qint64>(std::min(defaultIntervalSeconds, expiresIn.value_or(0)))
        : seconds(interval, 0, expiresIn.value_or(0));

    if (response.deviceCode.isEmpty() || response.userCode.isEmpty() || !response.verificationUri.isValid()
        || response.verificationUri.isRelative() || !expiresIn || !intervalSeconds) {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The device authorization answer lacks device_code, user_code, verification_uri or a valid expires_in/interval."));
        return std::nullopt;
    }
    response.expiresInSeconds = *expiresIn;
    response.intervalSeconds = *intervalSeconds;
    response.verificationUriComplete = QUrl(text("verification_uri_complete"), QUrl::StrictMode);
    response.message = text("message");
    return response;
}

} // namespace MsalQt::Internal
