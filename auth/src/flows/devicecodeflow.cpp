#include "devicecodeflow_p.h"

#include "logging_p.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace MsalQt {

using namespace Internal;

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::DeviceCodeFlow", text);
}

// RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default."
static constexpr int defaultIntervalSeconds = 5;
// RFC 8628 §3.5: on slow_down "the interval MUST be increased by 5 seconds for this and all
// subsequent requests".
static constexpr int slowDownSeconds = 5;

DeviceCodeFlow::DeviceCodeFlow(ClientApplicationPrivate *application, const QStringList &scopes)
    : TokenRequestPrivate(application, scopes)
{
    m_pollTimer.setSingleShot(true);
    m_expiryTimer.setSingleShot(true);
    QObject::connect(&m_pollTimer, &QTimer::timeout, [this] { poll(); });
    QObject::connect(&m_expiryTimer, &QTimer::timeout, [this] {
        finishWithError(AuthError(AuthError::Timeout,
                                  tr("The device code expired before anyone signed in with it.")));
    });
}

AuthError DeviceCodeFlow::checkRequest() const
{
    if (app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         tr("Device code sign-in is for public clients; a confidential client signs in as itself."));
    }
    return {};
}

QUrl DeviceCodeFlow::deviceAuthorizationEndpoint() const
{
    if (!metadata.deviceAuthorizationEndpoint.isEmpty())
        return metadata.deviceAuthorizationEndpoint;
    if (app->authority.isMicrosoft()) {
        // Older platform metadata omits it; the endpoint sits beside the token endpoint.
        QUrl url = metadata.tokenEndpoint;
        url.setPath(url.path().replace(QLatin1String("/token"), QLatin1String("/devicecode")));
        return url;
    }
    return {};
}

void DeviceCodeFlow::run()
{
    const QUrl endpoint = deviceAuthorizationEndpoint();
    if (endpoint.isEmpty()) {
        finishWithError(AuthError(AuthError::UnsupportedAuthority,
                                  tr("This identity provider does not offer device code sign-in (its metadata has no device_authorization_endpoint).")));
        return;
    }
    HttpRequest request;
    request.url = endpoint;
    request.form = {{QStringLiteral("client_id"), app->clientId},
                    {QStringLiteral("scope"), requestScopeString()}};
    HttpCall *call = send(request);
    QObject::connect(call, &HttpCall::finished, q_ptr, [this, call] {
        call->deleteLater();
        if (!call->response().isHttpSuccess()) {
            finishWithError(errorFromHttpResponse(call->response(), correlationId));
            return;
        }
        onDeviceCode(call->response().body);
    });
}

void DeviceCodeFlow::onDeviceCode(const QByteArray &body)
{
    AuthError error;
    const auto object = parseJsonObject(body, &error);
    if (!object) {
        finishWithError(error);
        return;
    }
    const auto text = [&](const char *name) { return object->value(QLatin1String(name)).toString(); };
    m_deviceCode = text("device_code");
    const QString userCode = text("user_code");
    // The platform's v1 endpoint says verification_url; RFC 8628 and v2 say verification_uri.
    QUrl verification(text("verification_uri"), QUrl::StrictMode);
    if (verification.isEmpty())
        verification = QUrl(text("verification_url"), QUrl::StrictMode);
    const double expiresIn = object->value(QLatin1String("expires_in")).toDouble(-1);
    const QJsonValue interval = object->value(QLatin1String("interval"));

    if (m_deviceCode.isEmpty() || userCode.isEmpty() || !verification.isValid()
        || verification.isRelative() || expiresIn <= 0
        || (!interval.isUndefined() && (!interval.isDouble() || interval.toDouble() < 0))) {
        finishWithError(AuthError(AuthError::InvalidResponse,
                                  tr("The device authorization answer lacks device_code, user_code, verification_uri or a valid expires_in/interval.")));
        return;
    }
    m_intervalSeconds = interval.isUndefined() ? defaultIntervalSeconds : interval.toInt();

    DeviceCode code;
    code.setUserCode(userCode);
    code.setVerificationUri(verification);
    code.setVerificationUriComplete(QUrl(text("verification_uri_complete"), QUrl::StrictMode));
    code.setExpiresOn(now().addSecs(qint64(expiresIn)));
    code.setInterval(m_intervalSeconds);
    code.setScopes(requestScopes());
    QString message = text("message");
    if (message.isEmpty()) {
        message = tr("To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.")
                      .arg(verification.toString(), userCode);
    }
    code.setMessage(message);

    m_expiryTimer.start(std::chrono::milliseconds(qint64(expiresIn * 1000)));
    m_pollTimer.start(std::chrono::seconds(m_intervalSeconds));
    qCInfo(lcMsalAuth) << "Device code issued; polling every" << m_intervalSeconds << "s";
    emitDeviceCode(code);
}

void DeviceCodeFlow::poll()
{
    if (isFinished())
        return;
    redeem({{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
            {QStringLiteral("device_code"), m_deviceCode}},
           [this](const AuthError &error) { return onPollError(error); });
}

bool DeviceCodeFlow::onPollError(const AuthError &error)
{
    const QString code = error.protocolError();
    if (code == QLatin1String("authorization_pending")) {
        m_pollTimer.start(std::chrono::seconds(m_intervalSeconds));
        return true;
    }
    if (code == QLatin1String("slow_down")) {
        m_intervalSeconds += slowDownSeconds;
        qCInfo(lcMsalAuth) << "Server asked to slow down; polling every" << m_intervalSeconds << "s";
        m_pollTimer.start(std::chrono::seconds(m_intervalSeconds));
        return true;
    }
    if (code == QLatin1String("expired_token")) {
        AuthError expired = error;
        expired.setMessage(tr("The device code expired before anyone signed in with it."));
        finishWithError(expired);
        return true;
    }
    return false;
}

void DeviceCodeFlow::stop()
{
    m_pollTimer.stop();
    m_expiryTimer.stop();
}

} // namespace MsalQt
