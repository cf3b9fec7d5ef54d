#include "devicecoderesponse_p.h"

#include "tokenresponse_p.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace MsalQt::Internal {

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::DeviceCodeFlow", text);
}

// RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default."
static constexpr int defaultIntervalSeconds = 5;

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
    response.expiresIn = std::chrono::milliseconds(qint64(expiresIn * 1000));
    response.interval = interval.isUndefined() ? defaultIntervalSeconds : interval.toInt();
    response.verificationUriComplete = QUrl(text("verification_uri_complete"), QUrl::StrictMode);
    response.message = text("message");
    return response;
}

} // namespace MsalQt::Internal
