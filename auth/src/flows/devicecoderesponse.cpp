#include "devicecoderesponse_p.h"

#include "tokenresponse_p.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace MsalQt::Internal {

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::DeviceCodeFlow", text);
}

// RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default."
static constexpr int defaultIntervalSeconds = 5;
// The flow's timers are QTimers, which count in int milliseconds (24.8 days): a larger value
// would wrap round to an expiry "now" or a negative interval. Device codes live minutes (the
// platform's 15), so a server's longer lifetime or interval is cut to a day.
static constexpr double maxSeconds = 24 * 3600;

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
    const double expiresIn = object->value(QLatin1String("expires_in")).toDouble(-1);
    const QJsonValue interval = object->value(QLatin1String("interval"));

    if (response.deviceCode.isEmpty() || response.userCode.isEmpty() || !response.verificationUri.isValid()
        || response.verificationUri.isRelative() || expiresIn <= 0
        || (!interval.isUndefined() && (!interval.isDouble() || interval.toDouble() < 0))) {
        *error = AuthError(AuthError::InvalidResponse,
                           tr("The device authorization answer lacks device_code, user_code, verification_uri or a valid expires_in/interval."));
        return std::nullopt;
    }
    response.expiresIn = std::chrono::milliseconds(qint64(std::ceil(std::min(expiresIn, maxSeconds) * 1000)));
    // A fraction of a second is rounded up: "0.5" must not become 0, polling without a pause.
    response.interval = interval.isUndefined() ? defaultIntervalSeconds
                                               : int(std::ceil(std::min(interval.toDouble(), maxSeconds)));
    response.verificationUriComplete = QUrl(text("verification_uri_complete"), QUrl::StrictMode);
    response.message = text("message");
    return response;
}

} // namespace MsalQt::Internal
