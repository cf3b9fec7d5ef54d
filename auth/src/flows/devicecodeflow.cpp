#include "devicecodeflow_p.h"

#include "devicecoderesponse_p.h"
#include "logging_p.h"

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::DeviceCodeFlow", text);
}

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
    const auto response = parseDeviceCodeResponse(body, &error);
    if (!response) {
        finishWithError(error);
        return;
    }
    m_deviceCode = response->deviceCode;
    m_intervalSeconds = response->interval;

    DeviceCode code;
    code.setUserCode(response->userCode);
    code.setVerificationUri(response->verificationUri);
    code.setVerificationUriComplete(response->verificationUriComplete);
    code.setExpiresOn(now().addMSecs(response->expiresIn.count()));
    code.setInterval(m_intervalSeconds);
    code.setScopes(requestScopes());
    QString message = response->message;
    if (message.isEmpty()) {
        message = tr("To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.")
                      .arg(response->verificationUri.toString(), response->userCode);
    }
    code.setMessage(message);

    m_expiryTimer.start(response->expiresIn);
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
